package org.deephem.explain;

/**
 * Rules for ∫₀¹ f(α) dα as Σ wₖ f(αₖ): the path integral of integrated gradients. Nodes ascend.
 *
 * @param nodes   αₖ in [0, 1]
 * @param weights wₖ, summing to 1
 */
public record Quadrature(double[] nodes, double[] weights) {
    /** The rules offered. */
    public enum Rule {
        /**
         * n-point Gauss–Legendre: exact for polynomials of degree 2n − 1, so it converges fast where
         * the logit is smooth along the path (softmax, layer norm); ReLU kinks limit every rule to O(1/n).
         */
        GAUSS_LEGENDRE,
        /** Composite trapezoid on n equal intervals (n + 1 nodes, both ends included): O(1/n²) on smooth paths. */
        TRAPEZOID
    }

    /** The rule with {@code n} points (GAUSS_LEGENDRE) or intervals (TRAPEZOID). */
    public static Quadrature of(Rule rule, int n) {
        if (n < 1) throw new IllegalArgumentException("integration needs at least 1 step, got " + n);
        return rule == Rule.GAUSS_LEGENDRE ? gaussLegendre(n) : trapezoid(n);
    }

    /** n intervals of width 1/n; the two end nodes weigh half. */
    public static Quadrature trapezoid(int n) {
        double[] x = new double[n + 1], w = new double[n + 1];
        for (int k = 0; k <= n; k++) {
            x[k] = k / (double) n;
            w[k] = (k == 0 || k == n ? 0.5 : 1.0) / n;
        }
        return new Quadrature(x, w);
    }

    /**
     * Gauss–Legendre nodes and weights mapped from [−1, 1] to [0, 1]: roots of Pₙ by Newton's
     * method from Tricomi's estimate cos(π(k − ¼)/(n + ½)), wₖ = 2 / ((1 − xₖ²) Pₙ′(xₖ)²).
     * Our own, not commons-math's {@code GaussIntegratorFactory.legendre}: that one builds and caches every
     * rule up to n, measured 0.1 s at 64 points, 29 s at 512 and 192 s at
     * 1,024 (the explainer doubles up to 16 × 64 points); this takes microseconds.
     */
    public static Quadrature gaussLegendre(int n) {
        double[] x = new double[n], w = new double[n];
        for (int k = 0; k < (n + 1) / 2; k++) {
            double z = Math.cos(Math.PI * (k + 0.75) / (n + 0.5));
            double dp = 0;
            for (int it = 0; it < 100; it++) {
                double[] p = legendre(n, z);
                dp = p[1];
                double step = p[0] / dp;
                z -= step;
                if (Math.abs(step) < 1e-15) break;
            }
            dp = legendre(n, z)[1]; // P_n' at the converged root, for the weight
            double wk = 2 / ((1 - z * z) * dp * dp);
            // roots come in ± pairs: z > 0 here, mapped to the upper and lower half of [0, 1]
            x[n - 1 - k] = (1 + z) / 2;
            w[n - 1 - k] = wk / 2;
            x[k] = (1 - z) / 2;
            w[k] = wk / 2;
        }
        return new Quadrature(x, w);
    }

    /** {Pₙ(z), Pₙ′(z)} by the three-term recurrence. */
    private static double[] legendre(int n, double z) {
        double p0 = 1, p1 = z;
        for (int j = 2; j <= n; j++) {
            double p2 = ((2 * j - 1) * z * p1 - (j - 1) * p0) / j;
            p0 = p1;
            p1 = p2;
        }
        return new double[] {p1, n * (z * p1 - p0) / (z * z - 1)};
    }

    /** Number of nodes. */
    public int size() {
        return nodes.length;
    }
}
