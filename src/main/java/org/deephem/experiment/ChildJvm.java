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
        cmd.add("org.deephem.cli.Main");
        cmd.addAll(List.of(args));
        return cmd;
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
