package org.deephem.model;

import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J's thread count. On the 2-core machines this project is measured on, one thread trains
 * about twice as fast as two (see docs/PERFORMANCE.md), so one thread is the default; the
 * {@code --threads} option wins over OMP_NUM_THREADS (up to its value), which wins over the default. On a CUDA GPU there is nothing to set: the thread
 * settings are CPU-only and are skipped.
 */
public final class NdThreads {
    private NdThreads() {}

    /** The thread count measured fastest for training on the 2-core machines of docs/PERFORMANCE.md. */
    public static final int DEFAULT = 1;
    public static final int MAX = 256;

    private static volatile Integer requested;

    /**
     * {@code --threads}: wins over the default and below OMP_NUM_THREADS (libnd4j never goes
     * above that variable when it is set); applied by {@link #configure()}.
     */
    public static void request(int threads) {
        if (threads < 1 || threads > MAX) throw new IllegalArgumentException("threads must be between 1 and " + MAX);
        requested = threads;
    }

    /**
     * Applies the default; returns the number of ND4J master threads in force. (libnd4j keeps
     * its own maxThreads at the core count whatever is asked; the master-thread and BLAS
     * settings are the ones that take effect.)
     */
    public static int configure() {
        if (!Nd4j.getEnvironment().isCPU()) return Nd4j.getEnvironment().maxMasterThreads();
        String env = System.getenv("OMP_NUM_THREADS");
        Integer n = requested;
        if (n == null && (env == null || env.isBlank())) n = DEFAULT;
        if (n != null) {
            Nd4j.getEnvironment().setMaxThreads(n);
            Nd4j.getEnvironment().setMaxMasterThreads(n);
            Nd4j.factory().blas().setMaxThreads(n); // OpenBLAS has its own pool
        }
        return Nd4j.getEnvironment().maxMasterThreads();
    }
}
