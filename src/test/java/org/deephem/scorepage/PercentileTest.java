package org.deephem.scorepage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PercentileTest {
    /** Worked by hand: n = 5, given unsorted; the percentile is 100 × (below + ½ equal) / 5. */
    @Test
    void handWorkedExample() {
        double[] ref = {0.4, 0.1, 0.9, 0.2, 0.2};
        assertEquals(0.0, Percentile.of(ref, 0.05), 1e-12, "below everything: 0 below, 0 equal");
        assertEquals(10.0, Percentile.of(ref, 0.1), 1e-12, "0 below, 1 equal: 0.5 / 5");
        assertEquals(40.0, Percentile.of(ref, 0.2), 1e-12, "1 below, 2 equal: (1 + 1) / 5");
        assertEquals(60.0, Percentile.of(ref, 0.3), 1e-12, "3 below: 3 / 5");
        assertEquals(90.0, Percentile.of(ref, 0.9), 1e-12, "4 below, 1 equal: 4.5 / 5");
        assertEquals(100.0, Percentile.of(ref, 1.0), 1e-12, "above everything");
        assertArrayEquals(new double[] {0.4, 0.1, 0.9, 0.2, 0.2}, ref, "the caller's array is not sorted in place");
    }

    @Test
    void tiesCountHalf() {
        assertEquals(50.0, Percentile.of(new double[] {0.5, 0.5, 0.5}, 0.5), 1e-12);
    }

    @Test
    void agreesWithCountingForManyScores() {
        java.util.Random r = new java.util.Random(3);
        double[] ref = new double[500];
        for (int i = 0; i < ref.length; i++) ref[i] = Math.round(r.nextDouble() * 50) / 50.0; // many ties
        Percentile p = Percentile.against(ref);
        for (int t = 0; t < 200; t++) {
            double s = Math.round(r.nextDouble() * 60) / 50.0 - 0.1;
            int below = 0, equal = 0;
            for (double v : ref) {
                if (v < s) below++;
                else if (v == s) equal++;
            }
            assertEquals(100.0 * (below + 0.5 * equal) / ref.length, p.of(s), 1e-9, "score " + s);
        }
    }

    @Test
    void noReferenceOrNoScoreIsNaN() {
        assertTrue(Double.isNaN(Percentile.of(new double[0], 0.5)));
        assertTrue(Double.isNaN(Percentile.of(new double[] {0.1}, Double.NaN)));
        assertThrows(IllegalArgumentException.class, () -> Percentile.of(new double[] {0.1, Double.NaN}, 0.5));
    }
}
