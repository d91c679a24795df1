package org.deephem.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BenchSpreadTest {
    /** Several alternated runs are reported as median (min–max); one run as itself. */
    @Test
    void medianAndRangeOfRuns() {
        assertEquals("1.06 (0.96–1.25)", BenchRun.spread(new double[] {1.25, 0.96, 1.06}, "%.2f"));
        assertEquals("22.50 s (21.00 s–24.00 s)", BenchRun.spread(new double[] {24, 21, 22, 23}, "%.2f s"));
        assertEquals("23.27 s", BenchRun.spread(new double[] {23.27}, "%.2f s"));
    }
}
