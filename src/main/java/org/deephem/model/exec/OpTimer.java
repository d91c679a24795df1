package org.deephem.model.exec;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Receives the thread CPU time of every op the planned executor runs, and of every training
 * step (the profile that SameDiff's listeners give for its session; {@code bench-worker --profile}).
 * One at a time, process-wide; none by default (then nothing is timed).
 */
public interface OpTimer {
    /** One op ran: its name in the graph, its type, thread CPU nanoseconds, bytes of its outputs. */
    void op(String instance, String type, long cpuNanos, long outputBytes);

    /** Whether forward runs (scoring, monitoring) are timed too; training steps always are. */
    default boolean timesForward() {
        return false;
    }

    /** One training step ended, {@code cpuNanos} of thread CPU in all (ops, update, bookkeeping). */
    void step(long cpuNanos);

    /** The timer in force, or null. */
    static OpTimer current() {
        return Holder.timer;
    }

    /** Installs {@code t} (null: none). */
    static void use(OpTimer t) {
        Holder.timer = t;
    }

    /** The calling thread's CPU time in nanoseconds. */
    static long cpuNow() {
        return Holder.THREADS.getCurrentThreadCpuTime();
    }

    /** The process-wide state behind the interface's static methods. */
    final class Holder {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        private static volatile OpTimer timer;

        private Holder() {
        }
    }
}
