package org.deephem.model;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;

/**
 * Keeps freed native memory in the C allocator for reuse instead of giving it back to the OS.
 *
 * <p>Why: ND4J allocates every op output with {@code malloc}, and with SameDiff's array cache off
 * ({@link NdMemory}) it frees it as soon as it is dead. glibc serves blocks above its mmap
 * threshold (128 KiB at start) with fresh {@code mmap}s and returns the top of a heap above its
 * trim threshold, so the same megabytes are unmapped and mapped again every step, and each new
 * page is a page fault. On this project's virtual machines a fresh 8.8 MB array took 12–28 ms to
 * allocate, 2–3.6 ms with the settings below, and default epochs took 0.78–0.94× the time in four
 * alternating runs (docs/PERFORMANCE.md, session 7). The price: peak resident memory grows by
 * what the allocator keeps, up to the trim threshold (0.1–0.3 GB measured).
 *
 * <p>What: {@code mallopt(M_MMAP_THRESHOLD, 32 MiB)} (glibc's largest allowed value; also stops
 * its dynamic threshold) and {@code mallopt(M_TRIM_THRESHOLD, 512 MiB)}. Called through JNA
 * (already in the jar, via ND4J's OSHI), since Java 17 has no stable foreign-function API. Only
 * on Linux with glibc; elsewhere, or when the user set {@code MALLOC_MMAP_THRESHOLD_} /
 * {@code MALLOC_TRIM_THRESHOLD_} or {@code -Ddeephem.malloc=default}, nothing is changed.
 */
public final class NativeMalloc {
    public static final String PROPERTY = "deephem.malloc";
    static final int M_TRIM_THRESHOLD = -1;
    static final int M_MMAP_THRESHOLD = -3;
    public static final int MMAP_THRESHOLD = 32 << 20;
    public static final int TRIM_THRESHOLD = 512 << 20;

    private static volatile String state = "not set";

    private NativeMalloc() {}

    /** What {@link #tune()} did, for provenance: "glibc: mmap threshold 32 MiB, trim threshold 512 MiB", or why not. */
    public static String state() {
        return state;
    }

    public static synchronized void tune() {
        if (!state.equals("not set")) return;
        if ("default".equals(System.getProperty(PROPERTY))) {
            state = "default (-D" + PROPERTY + "=default)";
        } else if (System.getenv("MALLOC_MMAP_THRESHOLD_") != null || System.getenv("MALLOC_TRIM_THRESHOLD_") != null) {
            state = "as set by MALLOC_*_ environment variables";
        } else if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            state = "default (not Linux)";
        } else {
            state = mallopt();
        }
    }

    private static String mallopt() {
        try {
            Function f = NativeLibrary.getInstance("c").getFunction("mallopt");
            boolean mmap = f.invokeInt(new Object[] {M_MMAP_THRESHOLD, MMAP_THRESHOLD}) == 1;
            boolean trim = f.invokeInt(new Object[] {M_TRIM_THRESHOLD, TRIM_THRESHOLD}) == 1;
            return mmap && trim ? "glibc: mmap threshold " + (MMAP_THRESHOLD >> 20) + " MiB, trim threshold " + (TRIM_THRESHOLD >> 20) + " MiB"
                    : "default (mallopt refused)";
        } catch (Throwable e) { // not glibc (musl has no mallopt) or JNA cannot load: the defaults are correct, only slower
            return "default (mallopt not available)";
        }
    }
}
