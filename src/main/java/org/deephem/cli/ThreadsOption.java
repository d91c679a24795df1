package org.deephem.cli;

import org.deephem.model.NdThreads;
import picocli.CommandLine.Option;

/**
 * {@code --threads N} and {@code --executor session|planned}, shared by the commands that compute
 * with ND4J (a picocli mixin).
 */
final class ThreadsOption {
    @Option(names = "--executor", paramLabel = "session|planned",
            description = "who runs the SameDiff graph's training and scoring steps: SameDiff's session, or the planned executor "
                    + "(same results bit for bit, docs/PERFORMANCE.md); default: " + org.deephem.model.exec.Executor.DEFAULT_ID
                    + ", or the system property deephem.executor; recorded in provenance; child JVMs inherit it")
    String executor;

    @Option(names = "--threads", paramLabel = "N",
            description = "ND4J (OpenMP) threads (default: " + NdThreads.DEFAULT + ", measured fastest on 2 cores; "
                    + "without this option OMP_NUM_THREADS is used when set, and ND4J never goes above it)")
    Integer threads;

    /** Checks the value and asks ND4J for it; without the option nothing changes. */
    void apply() {
        applyExecutor(executor);
        if (threads == null) return;
        OptionCheck.range("--threads", threads, 1, NdThreads.MAX);
        NdThreads.request(threads);
    }

    /** Checks {@code --executor} and puts it in force (for this process and its child JVMs). */
    static void applyExecutor(String executor) {
        if (executor == null) return;
        try {
            org.deephem.model.exec.Executor.use(org.deephem.model.exec.Executor.parse(executor));
        } catch (IllegalArgumentException e) {
            throw new org.deephem.io.InputError("--executor: " + e.getMessage());
        }
    }
}
