package org.deephem.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QuintileTrendTest {
    /** Ten rows, scores 1..10: quintiles are pairs. Reference values by hand and from scipy.stats.spearmanr. */
    @Test
    void handWorkedMonotoneTrend() {
        double[] score = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        double[] value = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        QuintileTrend t = QuintileTrend.of("x", score, value);
        assertEquals(5, t.groups().size());
        assertArrayEquals(new double[] {1, 2}, t.groups().get(0));
        assertArrayEquals(new double[] {9, 10}, t.groups().get(4));
        // centred mid-ranks of the quintile index: ±4, ±2, 0 (each twice) -> Sxy = 80, Sxx = 80, Syy = 82.5
        assertEquals(Math.sqrt(80 / 82.5), t.rho(), 1e-12);
        // the t approximation (SciPy) says 2.334186320787442e-07, below 1/10! = 2.76e-07, the least any
        // exact test of 10 pairs can give: the p-value is never below that
        assertEquals(2.334186320787442e-07, Correlations.tTest(t.rho(), 10, 8), 1e-12);
        assertEquals(1 / 3628800.0, t.p(), 1e-20);
        assertEquals(10, t.n());
    }

    @Test
    void shuffledScoresAndMissingIndicatorRows() {
        // scores out of order; the indicator pi-digits; two rows without indicator are dropped
        double[] score = {10, 3, 1, 7, 2, 5, 9, 4, 8, 6, 0.5, 11};
        double[] byRank = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3};
        double[] value = new double[12];
        for (int i = 0; i < 10; i++) value[i] = byRank[(int) score[i] - 1];
        value[10] = Double.NaN;
        value[11] = Double.NaN;
        QuintileTrend t = QuintileTrend.of("x", score, value);
        assertEquals(10, t.n());
        assertArrayEquals(new double[] {3, 1}, t.groups().get(0));
        // scipy.stats.spearmanr([1,1,2,2,3,3,4,4,5,5], [3,1,4,1,5,9,2,6,5,3])
        assertEquals(0.4099457958749614, t.rho(), 1e-12);
        assertEquals(0.23936043801621804, t.p(), 1e-9);
        assertTrue(t.summary().contains("p = 0.239") && t.summary().contains("n = 10"), t.summary());
    }

    @Test
    void unevenSizesAndUndefinedCases() {
        double[] s = new double[13];
        for (int i = 0; i < s.length; i++) s[i] = i;
        QuintileTrend t = QuintileTrend.of("x", s, s.clone());
        int total = 0;
        for (double[] g : t.groups()) {
            assertTrue(g.length == 2 || g.length == 3, "near-equal fifths");
            total += g.length;
        }
        assertEquals(13, total);
        assertTrue(Double.isNaN(QuintileTrend.of("x", new double[] {1, 2, 3}, new double[] {5, 5, 5}).rho()), "constant indicator");
        assertEquals("p n/a", QuintileTrend.formatP(Double.NaN));
        assertEquals("p < 1e-300", QuintileTrend.formatP(0.0));
        assertEquals("p = 2.7e-35", QuintileTrend.formatP(2.7e-35));
        assertEquals("p = 3.2e-05", QuintileTrend.formatP(3.2e-5));
    }
}
