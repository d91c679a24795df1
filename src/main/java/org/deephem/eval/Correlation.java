package org.deephem.eval;

/**
 * One correlation between a score vector and an indicator, with what is needed to judge it.
 *
 * @param kind    which coefficient
 * @param r       the coefficient (NaN when undefined: fewer than 3 pairs or a constant vector)
 * @param p       two-sided p-value of r = 0, never 0 (see {@link Kind} and {@link #P_VALUES} for how)
 * @param ciLow   lower end of the seeded bootstrap 95 % percentile interval (NaN if not computed)
 * @param ciHigh  upper end of that interval
 * @param n       pairs used
 * @param dropped pairs dropped because the indicator (or the score) was missing
 */
public record Correlation(Kind kind, double r, double p, double ciLow, double ciHigh, int n, int dropped) {

    /** How the p-values are computed, as the tables' provenance states it. */
    public static final String P_VALUES = "two-sided; up to " + Correlations.EXACT_MAX_N + " pairs exact for Pearson, Spearman and Kendall"
            + " (all n! orderings of the indicator against the scores, ties kept); above that Pearson: Student t with n-2 df,"
            + " Spearman: t approximation with n-2 df, Kendall tau-b: normal approximation with tie-corrected variance"
            + " (neither below 1/n!, the exact test's smallest); partial Spearman: t with n-3 df at every n;"
            + " a p-value whose tail underflows is given as 4.9e-324, the smallest double (printed p < 1e-300), never 0";

    /** The coefficients this package computes; p-values up to {@link Correlations#EXACT_MAX_N} pairs are exact (permutation). */
    public enum Kind {
        /** Pearson's r; p exact by permutation up to 9 pairs, else Student's t with n − 2 df (exact under bivariate normality). */
        PEARSON("pearson"),
        /** Spearman's rho with average ranks for ties; p exact by permutation up to 9 pairs, else the t approximation with n − 2 df. */
        SPEARMAN("spearman"),
        /** Kendall's tau-b (tie-corrected); p exact by permutation up to 9 pairs, else the normal approximation with tie-corrected variance. */
        KENDALL_TAU_B("kendall_tau_b"),
        /** Spearman's rho of two variables after removing one covariate (ranks); p from t with n − 3 df (approximate at every n). */
        PARTIAL_SPEARMAN("partial_spearman");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** Lower-case name used in tables. */
        public String label() {
            return label;
        }
    }

    /** "p = 0.239", "p = 3.2e-05", "p < 1e-300" (a tail that underflowed: never "p = 0"), "p n/a". */
    public static String formatP(double p) {
        if (Double.isNaN(p)) return "p n/a";
        if (p < 1e-300) return "p < 1e-300";
        return "p = " + (p < 0.001 ? String.format(java.util.Locale.ROOT, "%.1e", p) : String.format(java.util.Locale.ROOT, "%.3f", p));
    }
}
