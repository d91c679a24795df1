package org.deephem.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The paired Wilcoxon signed-rank test against hand-worked exact p-values. */
class PairedTestTest {
    @Test
    void exactPValueOfAHandWorkedExample() {
        // differences 0.5, -1.2, 2.0, 3.1, 1.7: |d| ranks 1, 2, 4, 5, 3; W+ = 1+4+5+3 = 13, W- = 2.
        // Of the 2^5 = 32 equally likely sign patterns, rank sums >= 13 are those whose complement
        // sums to <= 2: {}, {1}, {2}, so P(W+ >= 13) = 3/32 and the two-sided p = 6/32 = 0.1875.
        double[] y = {1, 1, 1, 1, 1};
        double[] x = {1.5, -0.2, 3.0, 4.1, 2.7};
        assertEquals(0.1875, PairedTest.wilcoxon(x, y), 1e-12);
        assertEquals(0.1875, PairedTest.wilcoxon(y, x), 1e-12, "two-sided: symmetric");
    }

    @Test
    void allFiveDifferencesPositiveGivesTheSmallestExactP() {
        // only the all-plus pattern reaches W+ = 15: p = 2 x 1/32
        assertEquals(0.0625, PairedTest.wilcoxon(new double[] {2, 3, 4, 5, 6}, new double[] {1, 1, 1, 1, 1}), 1e-12);
    }

    @Test
    void missingPairsAreLeftOutAndDegenerateCasesAreSaid() {
        double[] x = {1.5, -0.2, Double.NaN, 3.0, 4.1, 2.7}, y = {1, 1, 0.3, 1, 1, 1};
        assertEquals(0.1875, PairedTest.wilcoxon(x, y), 1e-12);
        assertTrue(Double.isNaN(PairedTest.wilcoxon(new double[] {1}, new double[] {2})), "one pair: no test");
        assertEquals(1.0, PairedTest.wilcoxon(new double[] {1, 2}, new double[] {1, 2}), 0, "no difference at all");
    }
}
