package org.deephem.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line that runs {@code org.deephem.cli.Main args} in a fresh JVM with this JVM's
 * class path (the shaded jar, or Maven's test class path), so that process-wide state (ND4J's
 * random generator, the stdout filter, thread pools) starts clean in every child.
 */
public final class ChildJvm {
    private ChildJvm() {}

    public static List<String> command(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.addAll(memoryOptions());
        cmd.add("-D" + org.deephem.model.exec.Executor.PROPERTY + "=" + org.deephem.model.exec.Executor.current().id());
        cmd.add("org.deephem.cli.Main");
        cmd.addAll(List.of(args));
        return cmd;
    }

    /**
     * Set by {@link ChildPool} in a child's environment: the child's standard input is a pipe whose
     * other end only the parent holds, so its end of file means the parent is gone.
     */
    public static final String PARENT_PIPE_ENV = "DEEPHEM_PARENT_PIPE";

    /** Exit code of a child that stopped because its parent was gone. */
    public static final int PARENT_GONE_EXIT = 3;

    /**
     * In a child started by {@link ChildPool} (see {@link #PARENT_PIPE_ENV}): a daemon thread reads
     * standard input until its end, which comes when the parent ends in any way, also by kill -9
     * (its end of the pipe is closed by the system; a live parent never writes or closes it). The
     * child then deletes the temporary files it was writing, renames nothing more
     * ({@link org.deephem.io.AtomicFiles#abandon}) and halts at once: an orphaned training that
     * would go on for minutes and then write a cell or model beside the parent's leftovers is
     * stopped within a moment. Does nothing in a process not started so.
     */
    public static void watchParent() {
        if (System.getenv(PARENT_PIPE_ENV) == null) return;
        Thread t = new Thread(() -> {
            byte[] buf = new byte[256];
            try {
                while (System.in.read(buf) >= 0) {
                    // nothing is ever sent: wait for the end
                }
            } catch (java.io.IOException e) {
                // a broken pipe says the same
            }
            System.err.println("stopping: the parent process is gone (its unfinished files are deleted)");
            System.err.flush();
            org.deephem.io.AtomicFiles.abandon();
            Runtime.getRuntime().halt(PARENT_GONE_EXIT);
        }, "deephem-parent-watch");
        t.setDaemon(true);
        t.start();
    }

    /** A child's Java heap when the parent's was not set explicitly. */
    public static final String CHILD_HEAP = "1g";

    /**
     * Heap and off-heap limits of a child. A training child keeps about 100 MB of live Java
     * objects, but SameDiff allocates ~300 MB/s of short-lived ones and G1, given the default
     * quarter of RAM, grows the heap to ~0.9 GB to collect them less often: half of a default
     * training's resident memory (docs/PERFORMANCE.md). Children therefore get a 1 GiB heap,
     * unless the parent was started with an explicit one, which they inherit. JavaCPP's off-heap
     * limit, which defaults to the heap limit, stays what it is in the parent.
     */
    static List<String> memoryOptions() {
        boolean explicit = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(a -> a.startsWith("-Xmx") || a.startsWith("-XX:MaxHeapSize") || a.startsWith("-XX:MaxRAMPercentage"));
        long parentHeap = Runtime.getRuntime().maxMemory();
        String offHeap = System.getProperty("org.bytedeco.javacpp.maxbytes", System.getProperty("org.bytedeco.javacpp.maxBytes"));
        return List.of("-Xmx" + (explicit ? Long.toString(parentHeap) : CHILD_HEAP),
                "-Dorg.bytedeco.javacpp.maxbytes=" + (offHeap != null ? offHeap : Long.toString(parentHeap)));
    }
}
