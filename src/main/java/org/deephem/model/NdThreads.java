package org.deephem.model;

import org.deephem.io.InputError;
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

    /** The variable OpenMP (libgomp) and ND4J read their thread count from when they load. */
    public static final String ENV = "OMP_NUM_THREADS";

    /**
     * {@value #ENV} as a thread count, null when it is unset; anything else than a whole number
     * from 1 to {@link #MAX} is refused in one line naming the variable. Must be called before ND4J
     * loads: otherwise a text fails ND4J's start-up with a message about the backend, 0 or an empty
     * value make libgomp complain, and a huge count crashes the JVM in native code.
     */
    public static Integer fromEnvironment() {
        return parseEnvironment(System.getenv(ENV));
    }

    static Integer parseEnvironment(String value) {
        if (value == null) return null;
        String shown = value.length() > 20 ? value.substring(0, 20) + "..." : value;
        String why = value.isEmpty() ? "is set but empty" : "is '" + shown.replaceAll("\\p{Cntrl}", "?") + "'";
        if (value.matches("\\+?[0-9]{1,9}")) {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= MAX) return n;
        }
        throw new InputError("environment variable " + ENV + " " + why + ": it must be a whole number of threads from 1 to " + MAX
                + " (or unset it and use --threads)");
    }

    /**
     * Applies the default; returns the number of ND4J master threads in force. (libnd4j keeps
     * its own maxThreads at the core count whatever is asked; the master-thread and BLAS
     * settings are the ones that take effect.)
     */
    public static int configure() {
        Integer env = fromEnvironment(); // before ND4J loads: it and libgomp read the variable then
        if (!Nd4j.getEnvironment().isCPU()) return Nd4j.getEnvironment().maxMasterThreads();
        Integer n = requested;
        if (n == null && env == null) n = DEFAULT;
        if (n != null) {
            Nd4j.getEnvironment().setMaxThreads(n);
            Nd4j.getEnvironment().setMaxMasterThreads(n);
            Nd4j.factory().blas().setMaxThreads(n); // OpenBLAS has its own pool
        }
        return Nd4j.getEnvironment().maxMasterThreads();
    }
}
