package org.deephem.io;

import com.sun.jna.NativeLibrary;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Messages and progress on standard error, so that standard output stays clean for results.
 * When standard error is a terminal, long work shows a progress bar (me.tongfei:progressbar);
 * when it is a file or pipe (as in CI, tests and {@code 2> log}) or {@code DEEPHEM_PROGRESS=plain}
 * is set, it prints plain lines instead, which read well in a log. {@code DEEPHEM_PROGRESS=bar}
 * forces the bar.
 */
public final class Progress {
    private static volatile boolean quiet = false;

    private Progress() {}

    public static void setQuiet(boolean q) {
        quiet = q;
    }

    public static void say(String fmt, Object... args) {
        if (!quiet) System.err.println(String.format(Locale.ROOT, fmt, args));
    }

    /** Progress of one piece of long work; safe to step from several threads. */
    public interface Bar extends AutoCloseable {
        /** One unit done; {@code detail} (may be null) is shown beside the bar or on the plain line. */
        void step(String detail);

        default void step() {
            step(null);
        }

        /** Ends the bar (a terminal bar prints its final state); never throws. */
        @Override
        default void close() {}
    }

    /**
     * A bar for {@code total} units of {@code task}. Plain mode prints a line at every tenth of
     * the work, or at every unit when {@code lineEachStep} (e.g. epochs, whose details matter).
     */
    public static Bar bar(String task, long total, boolean lineEachStep) {
        if (quiet) return detail -> { };
        if (interactive()) return new Terminal(task, total);
        return new Plain(task, total, lineEachStep);
    }

    static boolean interactive() {
        return interactive(System.getenv("DEEPHEM_PROGRESS"), Progress::stderrIsTerminal);
    }

    /** Bars or lines: {@code DEEPHEM_PROGRESS} when set (only "bar" gives bars), else whether stderr is a terminal. */
    static boolean interactive(String mode, BooleanSupplier stderrIsTerminal) {
        if (mode != null) return mode.equalsIgnoreCase("bar");
        return stderrIsTerminal.getAsBoolean();
    }

    private static volatile Boolean stderrTerminal;

    /**
     * Whether file descriptor 2 is a terminal, asked once. Not {@code System.console()}: that is
     * null when stdout is redirected ({@code -o - > out.csv}) even with stderr on the screen, and
     * non-null with stderr sent to a log.
     */
    static boolean stderrIsTerminal() {
        Boolean t = stderrTerminal;
        if (t == null) stderrTerminal = t = isatty(() -> NativeLibrary.getInstance("c").getFunction("isatty").invokeInt(new Object[] {2}));
        return t;
    }

    /** isatty's answer as a boolean; false (plain lines) when it cannot be called, e.g. no C library JNA can load. */
    static boolean isatty(IntSupplier call) {
        try {
            return call.getAsInt() == 1;
        } catch (Throwable e) { // UnsatisfiedLinkError, NoClassDefFoundError from JNA: lines are always safe
            return false;
        }
    }

    private static final class Terminal implements Bar {
        private final ProgressBar bar;

        Terminal(String task, long total) {
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).setUpdateIntervalMillis(250).build();
        }

        @Override
        public void step(String detail) {
            if (detail != null) bar.setExtraMessage(" " + detail);
            bar.step();
        }

        @Override
        public void close() {
            bar.close();
        }
    }

    private static final class Plain implements Bar {
        private final String task;
        private final long total;
        private final boolean each;
        private long done;
        private long nextLine;

        Plain(String task, long total, boolean each) {
            this.task = task;
            this.total = total;
            this.each = each;
            this.nextLine = Math.max(1, total / 10);
        }

        @Override
        public synchronized void step(String detail) {
            done++;
            if (each || done >= nextLine || done == total) {
                if (!each) nextLine = done + Math.max(1, total / 10);
                say("  %s: %d/%d%s", task, done, total, detail == null ? "" : "  " + detail);
            }
        }

    }
}
