package org.deephem.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressTest {
    /** Not a terminal (as under Maven): plain lines, one per tenth of the work, or one per step when asked. */
    @Test
    void plainLinesWhenNotATerminal() {
        PrintStream before = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            try (Progress.Bar b = Progress.bar("folding", 100, false)) {
                for (int i = 0; i < 100; i++) b.step();
            }
            try (Progress.Bar b = Progress.bar("epochs", 3, true)) {
                for (int i = 0; i < 3; i++) b.step("loss " + i);
            }
        } finally {
            System.setErr(before);
        }
        List<String> lines = buf.toString(StandardCharsets.UTF_8).lines().toList();
        if (Progress.interactive()) return; // a developer's terminal with DEEPHEM_PROGRESS=bar: nothing to check here
        assertEquals(13, lines.size(), String.join("\n", lines));
        assertEquals("  folding: 10/100", lines.get(0));
        assertEquals("  folding: 100/100", lines.get(9));
        assertEquals("  epochs: 3/3  loss 2", lines.get(12));
        assertTrue(lines.stream().noneMatch(l -> l.contains("\r")), "no carriage returns in a log");
    }
}
