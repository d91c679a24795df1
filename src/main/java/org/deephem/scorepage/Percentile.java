package org.deephem.scorepage;

import java.util.Arrays;

/**
 * Where a score falls among reference scores of the same model, in percent: 100 × (number of
 * reference scores below it + ½ × number equal to it) / n. Ties count half so that a score
 * equal to every reference score is at 50, not 0 or 100 (the "mid-rank" percentile).
 */
public final class Percentile {
    private final double[] sorted;

    private Percentile(double[] sorted) {
        this.sorted = sorted;
    }

    /**
     * The reference, sorted once for many look-ups. Every reference score must be a number: a
     * NaN could not be placed above or below anything.
     */
    public static Percentile against(double[] reference) {
        double[] s = reference.clone();
        for (int i = 0; i < s.length; i++) {
            if (Double.isNaN(s[i])) throw new IllegalArgumentException("reference score " + (i + 1) + " is NaN");
        }
        Arrays.sort(s);
        return new Percentile(s);
    }

    /** The percentile of {@code score} among {@code reference}; NaN for an empty reference or a NaN score. */
    public static double of(double[] reference, double score) {
        return against(reference).of(score);
    }

    /** The percentile of {@code score}; NaN for an empty reference or a NaN score. */
    public double of(double score) {
        if (sorted.length == 0 || Double.isNaN(score)) return Double.NaN;
        int below = firstAtLeast(score);
        int notAbove = firstAbove(score);
        return 100.0 * (below + 0.5 * (notAbove - below)) / sorted.length;
    }

    public int size() {
        return sorted.length;
    }

    private int firstAtLeast(double v) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private int firstAbove(double v) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= v) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
