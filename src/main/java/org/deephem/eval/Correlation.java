package org.deephem.eval;

/**
 * One correlation between a score vector and an indicator, with what is needed to judge it.
 *
 * @param kind    which coefficient
 * @param r       the coefficient (NaN when undefined: fewer than 3 pairs or a constant vector)
 * @param p       two-sided p-value of r = 0 (see {@link Kind} for the approximation used)
 * @param ciLow   lower end of the seeded bootstrap 95 % percentile interval (NaN if not computed)
 * @param ciHigh  upper end of that interval
 * @param n       pairs used
 * @param dropped pairs dropped because the indicator (or the score) was missing
 */
public record Correlation(Kind kind, double r, double p, double ciLow, double ciHigh, int n, int dropped) {

    /** The coefficients this package computes. */
    public enum Kind {
        /** Pearson's r; p from Student's t with n − 2 df (exact under bivariate normality). */
        PEARSON("pearson"),
        /** Spearman's rho with average ranks for ties; p from the t approximation with n − 2 df. */
        SPEARMAN("spearman"),
        /** Kendall's tau-b (tie-corrected); p from the normal approximation with tie-corrected variance. */
        KENDALL_TAU_B("kendall_tau_b"),
        /** Spearman's rho of two variables after removing one covariate (ranks); p from t with n − 3 df. */
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
}
