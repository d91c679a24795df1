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
        assertEquals(0.108173054349494, c.p(), 1e-9);
        assertEquals(9, c.n());
        assertEquals(0, c.dropped());
    }

    @Test
    void spearmanMatchesSciPyTApproximation() {
        // SciPy spearmanr(x, y): rho 0.6, p 0.08762282904140249 (t approximation, n − 2 df;
        // R's default for this n is the exact test, 0.0968 two-sided, which is not what we compute).
        Correlation c = Correlations.of(Kind.SPEARMAN, HW_X, HW_Y, 0, 1);
        assertEquals(0.6, c.r(), 1e-12);
        assertEquals(0.08762282904140249, c.p(), 1e-9);
    }

    @Test
    void kendallMatchesSciPyAsymptotic() {
        // SciPy kendalltau(x, y, method="asymptotic"): tau 0.4444444444444444, p 0.09529283802345664
        // (= R cor.test(x, y, method = "kendall", exact = FALSE): z = 1.6681, p-value = 0.09529).
        // By hand: no ties, S = 16 (26 concordant − 10 discordant of 36 pairs), Var(S) = 9·8·23/18 = 92.
        Correlation c = Correlations.of(Kind.KENDALL_TAU_B, HW_X, HW_Y, 0, 1);
        assertEquals(16.0 / 36, c.r(), 1e-12);
        assertEquals(Erf.erfc(16 / Math.sqrt(92) / Math.sqrt(2)), c.p(), 1e-12);
        assertEquals(0.09529283802345664, c.p(), 1e-9);
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
        assertEquals(Erf.erfc(z / Math.sqrt(2)), k.p(), 1e-12);
        assertEquals(0.12597116307723114, k.p(), 1e-9);
        // Spearman: ranks x = (1, 2.5, 2.5, 4), y = (1, 3.5, 2, 3.5); centred (−1.5, 0, 0, 1.5) and
        // (−1.5, 1, −0.5, 1); Σdxdy = 3.75, Σdx² = Σdy² = 4.5: rho = 3.75/4.5 = 5/6.
        // t = rho·sqrt(2/(1 − rho²)) = (5/6)·sqrt(72/11); with 2 df, p = 1 − t/sqrt(2 + t²) = 1/6.
        Correlation s = Correlations.of(Kind.SPEARMAN, x, y, 0, 1);
        assertEquals(5.0 / 6, s.r(), 1e-12);
        assertEquals(1.0 / 6, s.p(), 1e-9);
        // Pearson: centred x (−1, 0, 0, 1), y (−1.25, 0.75, −0.25, 0.75); Sxy = 2, Sxx = 2, Syy = 2.75:
        // r = 2/sqrt(5.5) (SciPy: 0.8528028654224415, p 0.14719713457755845).
        Correlation p = Correlations.of(Kind.PEARSON, x, y, 0, 1);
        assertEquals(2 / Math.sqrt(5.5), p.r(), 1e-12);
        assertEquals(0.14719713457755845, p.p(), 1e-9);
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
