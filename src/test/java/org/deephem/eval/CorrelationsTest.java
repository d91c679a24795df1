package org.deephem.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.math3.special.Erf;
import org.deephem.eval.Correlation.Kind;
import org.junit.jupiter.api.Test;

class CorrelationsTest {
    // R's ?cor.test example (Hollander & Wolfe 1973, p. 187f.): "Hunter L values" x, "concordance" y.
    static final double[] HW_X = {44.4, 45.9, 41.9, 53.3, 44.7, 44.1, 50.7, 45.2, 60.1};
    static final double[] HW_Y = {2.6, 3.1, 2.5, 5.0, 3.6, 4.0, 5.2, 2.8, 3.8};

    @Test
    void pearsonMatchesRsCorTest() {
        // R: cor.test(x, y) -> t = 1.8411, df = 7, p-value = 0.1082, cor 0.5711816
        // (SciPy pearsonr: 0.5711815575638287, p 0.108173054349494)
        Correlation c = Correlations.of(Kind.PEARSON, HW_X, HW_Y, 0, 1);
        assertEquals(0.5711815575638287, c.r(), 1e-12);
        assertEquals(0.108173054349494, Correlations.tTest(c.r(), 9, 7), 1e-9);
        // 9 pairs: reported exactly, 37,203 of the 9! = 362,880 orderings reach |r| >= 0.5712
        // (counted by an independent brute force in Python over itertools.permutations)
        assertEquals(37203.0 / 362880, c.p(), 1e-15);
        assertEquals(9, c.n());
        assertEquals(0, c.dropped());
    }

    @Test
    void spearmanMatchesRsExactTestAndSciPyTApproximation() {
        // SciPy spearmanr(x, y): rho 0.6, p 0.08762282904140249 (t approximation, n − 2 df, used above 9 pairs).
        Correlation c = Correlations.of(Kind.SPEARMAN, HW_X, HW_Y, 0, 1);
        assertEquals(0.6, c.r(), 1e-12);
        assertEquals(0.08762282904140249, Correlations.tTest(c.r(), 9, 7), 1e-9);
        // 9 pairs: exact, as R's cor.test(x, y, method = "spearman") -> S = 48, p-value = 0.0968
        // (35,126 of 362,880 orderings)
        assertEquals(35126.0 / 362880, c.p(), 1e-15);
        assertEquals(0.0968, c.p(), 5e-5);
    }

    @Test
    void kendallMatchesSciPyAsymptotic() {
        // SciPy kendalltau(x, y, method="asymptotic"): tau 0.4444444444444444, p 0.09529283802345664
        // (= R cor.test(x, y, method = "kendall", exact = FALSE): z = 1.6681, p-value = 0.09529).
        // By hand: no ties, S = 16 (26 concordant − 10 discordant of 36 pairs), Var(S) = 9·8·23/18 = 92.
        Correlation c = Correlations.of(Kind.KENDALL_TAU_B, HW_X, HW_Y, 0, 1);
        assertEquals(16.0 / 36, c.r(), 1e-12);
        double asymptotic = Correlations.kendallP(c.r(), HW_X, HW_Y);
        assertEquals(Erf.erfc(16 / Math.sqrt(92) / Math.sqrt(2)), asymptotic, 1e-12);
        assertEquals(0.09529283802345664, asymptotic, 1e-9);
        // 9 pairs: exact, as R's ?cor.test example cor.test(x, y, method = "kendall", alternative =
        // "greater") -> T = 26, p-value = 0.05972, two-sided twice that (43,342 of 362,880 orderings)
        assertEquals(43342.0 / 362880, c.p(), 1e-15);
        assertEquals(2 * 0.05972, c.p(), 1e-4);
    }

    @Test
    void smallExampleWithTiesWorkedByHand() {
        double[] x = {1, 2, 2, 3}, y = {1, 3, 2, 3};
        // Pairs (i,j): (1,2) C, (1,3) C, (1,4) C, (2,3) tie in x, (2,4) tie in y, (3,4) C.
        // nc = 4, nd = 0, n0 = 6, n1 = n2 = 1: tau_b = 4 / sqrt(5·5) = 0.8.
        // Var(S) = (4·3·13 − 2·1·9 − 2·1·9)/18 + (2·1)(2·1)/(2·4·3) + 0 = 120/18 + 1/6 = 41/6,
        // z = 4 / sqrt(41/6) = 1.5302, p = erfc(z/√2) = 0.12597 (SciPy: 0.12597116307723114).
        Correlation k = Correlations.of(Kind.KENDALL_TAU_B, x, y, 0, 1);
        assertEquals(0.8, k.r(), 1e-12);
        double z = 4 / Math.sqrt(41.0 / 6);
        assertEquals(Erf.erfc(z / Math.sqrt(2)), Correlations.kendallP(k.r(), x, y), 1e-12);
        assertEquals(0.12597116307723114, Correlations.kendallP(k.r(), x, y), 1e-9);
        // Spearman: ranks x = (1, 2.5, 2.5, 4), y = (1, 3.5, 2, 3.5); centred (−1.5, 0, 0, 1.5) and
        // (−1.5, 1, −0.5, 1); Σdxdy = 3.75, Σdx² = Σdy² = 4.5: rho = 3.75/4.5 = 5/6.
        // t = rho·sqrt(2/(1 − rho²)) = (5/6)·sqrt(72/11); with 2 df, p = 1 − t/sqrt(2 + t²) = 1/6.
        Correlation s = Correlations.of(Kind.SPEARMAN, x, y, 0, 1);
        assertEquals(5.0 / 6, s.r(), 1e-12);
        assertEquals(1.0 / 6, Correlations.tTest(s.r(), 4, 2), 1e-9);
        // Pearson: centred x (−1, 0, 0, 1), y (−1.25, 0.75, −0.25, 0.75); Sxy = 2, Sxx = 2, Syy = 2.75:
        // r = 2/sqrt(5.5) (SciPy: 0.8528028654224415, p 0.14719713457755845).
        Correlation p = Correlations.of(Kind.PEARSON, x, y, 0, 1);
        assertEquals(2 / Math.sqrt(5.5), p.r(), 1e-12);
        assertEquals(0.14719713457755845, Correlations.tTest(p.r(), 4, 2), 1e-9);
        // 4 pairs: the reported p-values are exact, 8 of the 24 orderings for each coefficient
        // (the approximations above are what larger samples get)
        for (Correlation c : List.of(k, s, p)) assertEquals(1.0 / 3, c.p(), 1e-15, c.kind().label());
    }

    /**
     * Audit issue 23, BAD 7: evaluate reported p = 0.0 for a perfect correlation on 3 rows. Up to
     * 9 pairs every p-value is the exact permutation one; each case below is worked by hand.
     */
    @Test
    void smallSamplesGetExactPValuesWorkedByHand() {
        double[] x3 = {1, 2, 3}, x4 = {1, 2, 3, 4}, x5 = {1, 2, 3, 4, 5};
        for (Kind kind : Correlations.PLAIN) {
            String k = kind.label();
            // n = 3, perfect: the 3! = 6 orderings of y give rho = 1, 1/2, 1/2, -1/2, -1/2, -1 (tau alike);
            // two reach |rho| = 1: p = 2/6 = 1/3 (the t approximation said 0)
            assertEquals(1.0 / 3, Correlations.of(kind, x3, x3, 0, 1).p(), 1e-15, k);
            assertEquals(1.0 / 3, Correlations.of(kind, x3, new double[] {30, 20, 10}, 0, 1).p(), 1e-15, k);
            // n = 4, perfect: only the identity and the reversal reach |rho| = 1: 2/24 = 1/12
            assertEquals(1.0 / 12, Correlations.of(kind, x4, x4, 0, 1).p(), 1e-15, k);
            // n = 4, y = (1, 2, 4, 3): rho = 1 − 6·Σd²/(n(n²−1)) = 1 − 12/60 = 0.8 (Pearson the same: the
            // values are ranks), tau = (5 − 1)/6 = 2/3. |rho| >= 0.8 iff Σd² <= 2 or >= 18: the identity,
            // the 3 adjacent swaps and their 4 reversals; |S| >= 4 iff <= 1 or >= 5 inversions: 1 + 3 + 3 + 1.
            // Either way 8/24 = 1/3.
            Correlation c4 = Correlations.of(kind, x4, new double[] {1, 2, 4, 3}, 0, 1);
            assertEquals(kind == Kind.KENDALL_TAU_B ? 2.0 / 3 : 0.8, c4.r(), 1e-12, k);
            assertEquals(1.0 / 3, c4.p(), 1e-15, k);
            // n = 5, y = (2, 1, 3, 4, 5): rho = 1 − 12/120 = 0.9, tau = (10 − 2)/10 = 0.8. |rho| >= 0.9 iff
            // Σd² <= 2 (1 + 4 adjacent swaps) or >= 38 (their 5 reversals); |S| >= 8 iff <= 1 or >= 9
            // inversions (1 + 4 + 4 + 1): 10/120 = 1/12
            assertEquals(1.0 / 12, Correlations.of(kind, x5, new double[] {2, 1, 3, 4, 5}, 0, 1).p(), 1e-15, k);
            // ties kept: y = (1, 1, 2, 2) against x4. Centred ranks of x (−1.5, −0.5, 0.5, 1.5) against
            // ±1: the statistic is −2·Σ(x at the two −1s), so |·| = 4 only with the −1s at {1, 2} or {3, 4}:
            // 2 of the 6 placements, each 2!·2! orderings: 8/24 = 1/3 (tau: |S| = 4 by the same placements)
            assertEquals(1.0 / 3, Correlations.of(kind, x4, new double[] {1, 1, 2, 2}, 0, 1).p(), 1e-15, k);
        }
    }

    @Test
    void aPValueIsNeverZero() {
        for (int n : new int[] {10, 50, 200, 2000}) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) x[i] = i;
            for (Kind kind : Correlations.PLAIN) {
                Correlation c = Correlations.of(kind, x, x, 0, 1);
                assertEquals(1.0, c.r(), 1e-12);
                assertTrue(c.p() > 0, kind.label() + " n = " + n + ": p = " + c.p());
            }
        }
        // 10 pairs, perfect: Spearman's t tail is 0, but no exact test gives less than 1/10!
        double[] x = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        assertEquals(1 / 3628800.0, Correlations.of(Kind.SPEARMAN, x, x, 0, 1).p(), 1e-20);
        assertEquals(Correlations.SMALLEST_P, Correlations.of(Kind.PEARSON, x, x, 0, 1).p());
        assertEquals("p < 1e-300", Correlation.formatP(Correlations.SMALLEST_P));
        assertEquals("p < 1e-300", Correlation.formatP(0));
        assertEquals("p = 0.333", Correlation.formatP(1.0 / 3));
        assertEquals("p = 2.8e-07", Correlation.formatP(1 / 3628800.0));
        double[] z = new double[200];
        double[] y = new double[200], xx = new double[200];
        for (int i = 0; i < 200; i++) {
            xx[i] = i;
            y[i] = i;
            z[i] = (i * 7919) % 200;
        }
        assertTrue(Correlations.partialSpearman(xx, y, z, 0, 1).p() > 0);
    }

    @Test
    void kendallWithManyTiesMatchesSciPy() {
        // SciPy kendalltau(u, v, method="asymptotic"): 0.8499999999999999, p 0.0014665862760489673
        double[] u = {1, 1, 2, 2, 2, 3, 4, 4, 5, 6}, v = {2, 1, 1, 3, 3, 3, 5, 4, 6, 6};
        Correlation k = Correlations.of(Kind.KENDALL_TAU_B, u, v, 0, 1);
        assertEquals(0.85, k.r(), 1e-12);
        assertEquals(0.0014665862760489673, k.p(), 1e-10);
        // SciPy spearmanr(u, v): 0.9213836477987423, p 0.0001518650216933289
        Correlation s = Correlations.of(Kind.SPEARMAN, u, v, 0, 1);
        assertEquals(0.9213836477987423, s.r(), 1e-12);
        assertEquals(0.0001518650216933289, s.p(), 1e-10);
    }

    @Test
    void missingIndicatorIsDroppedAndCountedNeverFilled() {
        double[] score = {1, 2, 3, 4, 5, 6};
        double[] ind = {1, Double.NaN, 2, 4, Double.NaN, 3};
        Correlation c = Correlations.of(Kind.SPEARMAN, score, ind, 0, 1);
        Correlation ref = Correlations.of(Kind.SPEARMAN, new double[] {1, 3, 4, 6}, new double[] {1, 2, 4, 3}, 0, 1);
        assertEquals(ref.r(), c.r(), 0);
        assertEquals(4, c.n());
        assertEquals(2, c.dropped());
        // filling the gaps with 0 would give a different answer: the drop is what we test
        Correlation filled = Correlations.of(Kind.SPEARMAN, score, new double[] {1, 0, 2, 4, 0, 3}, 0, 1);
        assertNotEquals(filled.r(), c.r());
    }

    @Test
    void alignLooksUpByIdAndMarksMissing() {
        double[] a = Correlations.align(List.of("a", "b", "c"), Map.of("c", 3.0, "a", 1.0));
        assertEquals(1.0, a[0]);
        assertTrue(Double.isNaN(a[1]));
        assertEquals(3.0, a[2]);
    }

    @Test
    void undefinedCasesAreNaNNotZero() {
        Correlation c = Correlations.of(Kind.PEARSON, new double[] {1, 2, 3, 4}, new double[] {2, 2, 2, 2}, 100, 1);
        assertTrue(Double.isNaN(c.r()));
        assertTrue(Double.isNaN(c.p()));
        assertThrows(IllegalArgumentException.class,
                () -> Correlations.of(Kind.PEARSON, new double[] {1, 2}, new double[] {1, 2, 3}, 0, 1));
        assertThrows(IllegalArgumentException.class,
                () -> Correlations.of(Kind.PEARSON, new double[] {1, 2, Double.POSITIVE_INFINITY}, new double[] {1, 2, 3}, 0, 1));
    }

    @Test
    void bootstrapIsSeededAndAgreesWithFisherInterval() {
        // n = 400 bivariate normal pairs with rho = 0.5: the percentile interval of Pearson's r
        // should be close to the Fisher-z interval tanh(atanh r ± 1.96/sqrt(n − 3)).
        Random g = new Random(7);
        int n = 400;
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = g.nextGaussian();
            y[i] = 0.5 * x[i] + Math.sqrt(0.75) * g.nextGaussian();
        }
        Correlation c = Correlations.of(Kind.PEARSON, x, y, 1000, 11);
        double z = 0.5 * Math.log((1 + c.r()) / (1 - c.r())), h = 1.959964 / Math.sqrt(n - 3);
        assertEquals(Math.tanh(z - h), c.ciLow(), 0.025);
        assertEquals(Math.tanh(z + h), c.ciHigh(), 0.025);
        assertTrue(c.ciLow() < c.r() && c.r() < c.ciHigh());
        Correlation again = Correlations.of(Kind.PEARSON, x, y, 1000, 11);
        assertEquals(c, again);
        Correlation other = Correlations.of(Kind.PEARSON, x, y, 1000, 12);
        assertNotEquals(c.ciLow(), other.ciLow());
    }

    @Test
    void partialSpearmanEqualsCorrelationOfRankResiduals() {
        // Second computation: regress the ranks of x and y on the ranks of z, correlate the
        // residuals. SciPy/NumPy on these data: r = 0.5978131686935874, p (t, 6 df) 0.11752637387628273.
        double[] z = {3, 1, 4, 1, 5, 9, 2, 6, 5};
        Correlation c = Correlations.partialSpearman(HW_X, HW_Y, z, 0, 1);
        double[] rx = Metrics.ranks(HW_X), ry = Metrics.ranks(HW_Y), rz = Metrics.ranks(z);
        assertEquals(Metrics.pearson(residual(rx, rz), residual(ry, rz)), c.r(), 1e-12);
        assertEquals(0.5978131686935874, c.r(), 1e-12);
        assertEquals(0.11752637387628273, c.p(), 1e-9);
        assertEquals(Kind.PARTIAL_SPEARMAN, c.kind());
        // controlling x for itself leaves nothing to correlate: undefined, not 0
        assertTrue(Double.isNaN(Correlations.partialSpearman(HW_X, HW_Y, HW_X, 0, 1).r()));
    }

    @Test
    void partialSpearmanDropsRowsWithMissingCovariate() {
        double[] z = {3, 1, Double.NaN, 1, 5, 9, 2, 6, 5};
        Correlation c = Correlations.partialSpearman(HW_X, HW_Y, z, 200, 3);
        assertEquals(8, c.n());
        assertEquals(1, c.dropped());
        assertTrue(c.ciLow() <= c.ciHigh());
    }

    @Test
    void fastBootstrapRanksEqualCommonsMathSpearman() {
        Random g = new Random(3);
        for (int trial = 0; trial < 20; trial++) {
            int n = 5 + g.nextInt(200);
            double[] x = new double[n], y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = g.nextInt(1 + trial); // many ties, including all-equal at trial 0
                y[i] = x[i] + g.nextGaussian();
            }
            assertArrayEquals(new org.apache.commons.math3.stat.ranking.NaturalRanking().rank(y), Correlations.ranks(y), 1e-12);
            assertArrayEquals(Metrics.ranks(x), Correlations.ranks(x), 1e-12);
            double fast = Correlations.pearson(Correlations.ranks(x), Correlations.ranks(y));
            double commons = Correlations.coefficient(Kind.SPEARMAN, x, y);
            if (Double.isNaN(commons)) assertTrue(Double.isNaN(fast));
            else assertEquals(commons, fast, 1e-12);
        }
    }

    private static double[] residual(double[] a, double[] c) {
        double ma = 0, mc = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i] / a.length;
            mc += c[i] / a.length;
        }
        double sac = 0, scc = 0;
        for (int i = 0; i < a.length; i++) {
            sac += (a[i] - ma) * (c[i] - mc);
            scc += (c[i] - mc) * (c[i] - mc);
        }
        double b = sac / scc;
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) out[i] = a[i] - ma - b * (c[i] - mc);
        return out;
    }
}
