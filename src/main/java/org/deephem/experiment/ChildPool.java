package org.deephem.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.deephem.io.InputError;

/**
 * Runs jobs ({@link CellRunner.Job}: a main class and its arguments) in child JVMs ({@link ChildJvm}), up to {@code jobs} at once, each
 * with {@code threads} ND4J/OpenMP threads set in its environment. Child JVMs rather than threads
 * because a SameDiff training keeps session and array-cache memory until its JVM ends (an
 * in-process run of many trainings grew to 7 GB), and because ND4J's random generator and thread
 * settings are process-wide. The first failure stops the pool (running children are killed) and
 * is thrown with the child's last log line; exit code 2 (bad input) stays an {@link InputError}.
 * A child ends with its parent, also when the parent is killed with no chance to clean up
 * (kill -9): it watches a pipe from the parent ({@link ChildJvm#watchParent}).
 */
public final class ChildPool {
    private ChildPool() {}

    /** The running children; once closed, no new child starts (a parent being killed starts none). */
    static final class Children {
        private final Set<Process> live = ConcurrentHashMap.newKeySet();
        private boolean closed;

        /** Starts and registers a child, or returns null once closed. */
        synchronized Process start(ProcessBuilder pb) throws IOException {
            if (closed) return null;
            Process p = pb.start();
            live.add(p);
            return p;
        }

        void remove(Process p) {
            live.remove(p);
        }

        /**
         * Closes, kills the children and waits (up to 10 s each) until they are gone, so that the
         * parent exits only after them: a child that finished its result file in the kill's last
         * milliseconds has written it before the parent is seen to end, never after.
         */
        void killAll() {
            synchronized (this) {
                closed = true;
                live.forEach(Process::destroyForcibly);
            }
            for (Process p : live) {
                try {
                    p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    public static void run(List<CellRunner.Job> tasks, int jobs, int threads, CellRunner.Finished finished) {
        if (jobs < 1 || threads < 1) throw new IllegalArgumentException("jobs and threads must be at least 1");
        if (tasks.isEmpty()) return;
        Children live = new Children();
        // a killed or interrupted parent takes its children with it (finished outputs stay)
        Thread hook = new Thread(live::killAll);
        Runtime.getRuntime().addShutdownHook(hook);
        AtomicBoolean stop = new AtomicBoolean();
        List<Failure> failures = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (CellRunner.Job t : tasks) {
                futures.add(pool.submit(() -> {
                    if (stop.get()) return;
                    try {
                        Files.createDirectories(t.log().toAbsolutePath().getParent());
                    } catch (IOException e) {
                        throw org.deephem.io.WriteError.of(t.log(), e);
                    }
                    ProcessBuilder pb = ChildJvm.builder(System.getProperty("java.class.path"), t.main(), t.args(), threads)
                            .redirectErrorStream(true).redirectOutput(t.log().toFile());
                    long c0 = System.nanoTime();
                    int exit = runChild(pb, live);
                    double secs = (System.nanoTime() - c0) / 1e9;
                    if (exit != 0 || (t.result() != null && !Files.exists(t.result()))) {
                        stop.set(true);
                        failures.add(new Failure(t, exit, lastLine(t.log())));
                        return;
                    }
                    finished.accept(t, secs);
                }));
            }
            for (Future<?> f : futures) f.get();
        } catch (java.util.concurrent.ExecutionException e) {
            stop.set(true);
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        } finally {
            pool.shutdownNow();
            live.killAll();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting: the hook runs anyway
            }
        }
        if (!failures.isEmpty()) {
            Failure f = failures.get(0);
            throw failure(f.task(), f.exit(), f.lastLine());
        }
    }

    /**
     * What a runner throws for a job that failed: one line with the job, its exit code, its last
     * log line and the log's place; exit 2 (bad input) as an {@link InputError}.
     */
    public static RuntimeException failure(CellRunner.Job job, int exit, String lastLine) {
        String msg = job.id() + " failed (exit " + exit + "): " + lastLine + " (log: " + job.log() + ")";
        return exit == 2 ? new InputError(msg) : new IllegalStateException(msg);
    }

    private record Failure(CellRunner.Job task, int exit, String lastLine) {}

    private static int runChild(ProcessBuilder pb, Children live) {
        try {
            Process p = live.start(pb);
            if (p == null) return -1; // the parent is being killed
            try {
                return p.waitFor();
            } finally {
                live.remove(p);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("could not start a child JVM: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String lastLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) if (!lines.get(i).isBlank()) return lines.get(i).strip();
        } catch (IOException | java.io.UncheckedIOException e) {
            return "(no log)";
        }
        return "(empty log)";
    }
}
