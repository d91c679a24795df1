package org.deephem.experiment;

import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;

/**
 * Paired comparison over seeds: the two-sided Wilcoxon signed-rank test of commons-math3, exact
 * (enumerating all 2^n sign patterns) up to 30 pairs, normal approximation above. Pairs with a
 * missing value on either side are left out. As in commons-math3, a zero difference is ranked
 * with the others (R's {@code wilcox.test} drops it instead); no pairs differ at all gives p = 1.
 */
public final class PairedTest {
    private PairedTest() {}

    public static final int EXACT_UP_TO = 30;

    /** Two-sided p of x against y, paired by index; NaN with fewer than 2 complete pairs. */
    public static double wilcoxon(double[] x, double[] y) {
        if (x.length != y.length) throw new IllegalArgumentException("paired samples differ in length");
        int n = 0;
        double[] a = new double[x.length], b = new double[y.length];
        boolean anyDiff = false;
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i]) || Double.isNaN(y[i])) continue;
            a[n] = x[i];
            b[n] = y[i];
            anyDiff |= x[i] != y[i];
            n++;
        }
        if (n < 2) return Double.NaN;
        if (!anyDiff) return 1.0;
        double[] xa = java.util.Arrays.copyOf(a, n), ya = java.util.Arrays.copyOf(b, n);
        return new WilcoxonSignedRankTest().wilcoxonSignedRankTest(xa, ya, n <= EXACT_UP_TO);
    }
}
