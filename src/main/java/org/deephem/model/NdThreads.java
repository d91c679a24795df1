package org.deephem.model;

import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J's thread count. On the 2-core machines this project is measured on, one thread trains
 * about twice as fast as two (see docs/ARCHITECTURE.md), so one thread is the default unless the
 * user sets OMP_NUM_THREADS, which then wins. On a CUDA GPU there is nothing to set: the thread
 * settings are CPU-only and are skipped.
 */
public final class NdThreads {
    private NdThreads() {}

    /**
     * Applies the default; returns the number of ND4J master threads in force. (libnd4j keeps
     * its own maxThreads at the core count whatever is asked; the master-thread and BLAS
     * settings are the ones that take effect.)
     */
    public static int configure() {
        if (!Nd4j.getEnvironment().isCPU()) return Nd4j.getEnvironment().maxMasterThreads();
        String env = System.getenv("OMP_NUM_THREADS");
        if (env == null || env.isBlank()) {
            Nd4j.getEnvironment().setMaxThreads(1);
            Nd4j.getEnvironment().setMaxMasterThreads(1);
            Nd4j.factory().blas().setMaxThreads(1); // OpenBLAS has its own pool
        }
        return Nd4j.getEnvironment().maxMasterThreads();
    }
}
