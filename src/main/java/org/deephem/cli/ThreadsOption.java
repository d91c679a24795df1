package org.deephem.cli;

import org.deephem.model.NdThreads;
import picocli.CommandLine.Option;

/** {@code --threads N}, shared by the commands that compute with ND4J (a picocli mixin). */
final class ThreadsOption {
    @Option(names = "--threads", paramLabel = "N",
            description = "ND4J (OpenMP) threads (default: " + NdThreads.DEFAULT + ", measured fastest on 2 cores; "
                    + "without this option OMP_NUM_THREADS is used when set, and ND4J never goes above it)")
    Integer threads;

    /** Checks the value and asks ND4J for it; without the option nothing changes. */
    void apply() {
        if (threads == null) return;
        OptionCheck.range("--threads", threads, 1, NdThreads.MAX);
        NdThreads.request(threads);
    }
}
