package org.deephem.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class NumbersTest {
    @Test
    void plainDecimalsAreRead() {
        assertEquals(7.0, Numbers.parse(" 7 "));
        assertEquals(-1.5, Numbers.parse("-1.5"));
        assertEquals(0.5, Numbers.parse(".5"));
        assertEquals(3.0, Numbers.parse("3."));
        assertEquals(0.002, Numbers.parse("2e-3"));
        assertEquals(1.0E-300, Numbers.parse("1.0E-300"), "Java's own output (xlsx cells) reads back");
        assertEquals(12.0, Numbers.parse("+12"));
        assertNull(Numbers.problem("\t42\t"));
    }

    @Test
    void javaLiteralsOddWhitespaceAndNonFiniteValuesAreRefused() {
        // every one of these is accepted by Double.parseDouble
        for (String s : new String[] {"5d", "5f", "0x1p3", "NaN", "Infinity", "-Infinity", "\u000b7", "7\u0000", "1e999"}) {
            Double.parseDouble(s); // the JDK takes it (would throw otherwise)
            assertThrows(NumberFormatException.class, () -> Numbers.parse(s), s);
        }
        // and these are refused by both
        for (String s : new String[] {"", "1,5", "7\u00a0", "one", "1e", "--1"}) {
            assertThrows(NumberFormatException.class, () -> Numbers.parse(s), s);
        }
        assertTrue(Numbers.problem("NaN").contains("not finite"), Numbers.problem("NaN"));
        assertTrue(Numbers.problem("1e999").contains("too large (not finite)"), Numbers.problem("1e999"));
        assertEquals("'7<U+00A0>' is not a number (plain decimals only, such as -1.5 or 2e-3)", Numbers.problem("7\u00a0"));
    }

    @Test
    void errorNamesFileRowAndColumn() {
        InputError e = assertThrows(InputError.class, () -> Numbers.parse("0x1p3", Path.of("t.tsv"), 4, "gc"));
        assertEquals("t.tsv, row 4, column 'gc': '0x1p3' is not a number (plain decimals only, such as -1.5 or 2e-3)", e.getMessage());
    }
}
