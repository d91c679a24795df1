package org.deephem.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deephem.io.InputError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoresCsvTest {
    @TempDir
    Path tmp;

    @Test
    void probabilitiesKeepTheirRanksAndLogitsReadBackExactly() throws IOException {
        // 20 and 21 both print as 1.000000 with 6 decimals; -3.25 and a tiny logit cover the rest
        double[] logits = {20.0, 21.0, -3.25, 1e-9, 0.123456789f};
        List<String> ids = List.of("a", "b", "c,d", "e", "f");
        Path out = tmp.resolve("s.csv");
        ScoresCsv.write(out, ids, logits);
        List<String> lines = Files.readAllLines(out);
        assertEquals("id,score,logit", lines.get(0));
        assertTrue(lines.get(3).startsWith("\"c,d\","), lines.get(3));
        for (int i = 0; i < logits.length; i++) {
            String[] f = lines.get(i + 1).substring(lines.get(i + 1).lastIndexOf(',', lines.get(i + 1).lastIndexOf(',') - 1) + 1).split(",");
            assertEquals(1 / (1 + Math.exp(-logits[i])), Double.parseDouble(f[0]), 0.0, lines.get(i + 1));
            assertEquals(logits[i], Double.parseDouble(f[1]), 0.0, lines.get(i + 1));
            assertFalse(f[0].contains("E") || f[1].contains("E"), "no exponent notation: " + lines.get(i + 1));
        }
        assertNotEquals(lines.get(1).split(",")[1], lines.get(2).split(",")[1], "logits 20 and 21 must not print alike");
    }

    @Test
    void nonFiniteScoresAreNeverWritten() {
        Path out = tmp.resolve("nan.csv");
        InputError e = assertThrows(InputError.class, () -> ScoresCsv.write(out, List.of("ok", "broken"), new double[] {0.5, Double.NaN}));
        assertTrue(e.getMessage().contains("'broken' (row 2) is NaN"), e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void readPrefersTheLogitAndFallsBackToTheScore() throws IOException {
        double[] logits = {40.0, 41.0, -3.25}; // 40 and 41 both have probability 1.0 in double precision
        Path out = tmp.resolve("s.csv");
        ScoresCsv.write(out, List.of("a", "b,c", "d"), logits);
        ScoresCsv.Scores s = ScoresCsv.read(out);
        assertEquals(List.of("a", "b,c", "d"), s.ids());
        assertEquals("logit", s.column());
        assertEquals(List.of(40.0, 41.0, -3.25), java.util.Arrays.stream(s.scores()).boxed().toList());
        Path plain = tmp.resolve("plain.csv");
        Files.writeString(plain, "id,score\nx,0.5\ny,0.25\n");
        ScoresCsv.Scores p = ScoresCsv.read(plain);
        assertEquals("score", p.column());
        assertEquals(0.25, p.scores()[1]);
        Files.writeString(plain, "id,score\nx,0.5\ny,high\n");
        InputError e = assertThrows(InputError.class, () -> ScoresCsv.read(plain));
        assertTrue(e.getMessage().contains("row 3"), e.getMessage());
    }
}
