package org.deephem.io;

/** Progress lines on standard error, so that standard output stays clean for results. */
public final class Progress {
    private static volatile boolean quiet = false;

    private Progress() {}

    public static void setQuiet(boolean q) {
        quiet = q;
    }

    public static void say(String fmt, Object... args) {
        if (!quiet) System.err.println(String.format(java.util.Locale.ROOT, fmt, args));
    }
}
