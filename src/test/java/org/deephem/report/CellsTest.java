package org.deephem.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CellsTest {
    /** Audit issue 23, BAD 7: a p-value is never shown as 0; one whose tail underflowed reads "< 1e-300". */
    @Test
    void anUnderflowedPValueIsShownAsBelowTheSmallestPrintedNotAsZero() {
        assertEquals("< 1e-300", Cells.number(Double.MIN_VALUE));
        assertEquals("< 1e-300", Cells.number(1e-310));
        assertEquals("1.000e-250", Cells.number(1e-250));
        assertEquals("0.3333", Cells.number(1.0 / 3));
        assertEquals("0", Cells.number(0.0));
    }
}
