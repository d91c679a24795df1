package org.deephem.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.deephem.cli.CliTest.Run;
import org.deephem.data.DatasetReader;
import org.deephem.data.DeepHemDataset;
import org.deephem.testutil.TestData;
import org.deephem.validation.LengthAlone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** inspect's window section on the demo data, annotated and re-cut to canonical windows. */
class InspectWindowsTest {
    @TempDir
    Path tmp;

    private static String line(String out, String start) {
        return out.lines().filter(l -> l.strip().startsWith(start)).findFirst().orElseThrow(() -> new AssertionError("no line '" + start + "' in:\n" + out));
    }

    @Test
    void lengthsPlacementsAndLengthAloneOnBothWindows() {
        Run a = CliTest.run("inspect", TestData.demo().toString());
        assertEquals(0, a.exit(), a.err());
        assertTrue(a.out().contains("window: annotated"), a.out());
        assertTrue(line(a.out(), "essential").contains("annotated "), a.out());
        assertFalse(line(a.out(), "essential").contains("canonical"), a.out());
        assertFalse(a.out().contains("window placement"), a.out());
        String annotatedCv = line(a.out(), "annotated ");

        Path canonical = TestData.canonicalDemo(tmp);
        Run c = CliTest.run("inspect", canonical.toString());
        assertEquals(0, c.exit(), c.err());
        assertTrue(c.out().contains("window: canonical"), c.out());
        for (String cls : List.of("essential", "non-essential", "unlabelled mouse", "human")) {
            assertTrue(c.out().lines().anyMatch(l -> l.strip().startsWith(cls + " ") && l.matches(".*annotated [0-9. /()]+ +canonical [0-9. /()]+")), cls + ":\n" + c.out());
        }
        assertTrue(c.out().contains("window placement"), c.out());
        assertTrue(c.out().lines().anyMatch(l -> l.contains("both_arms") && l.contains("5p_arm_only") && l.contains("no_mature")), c.out());
        assertTrue(c.out().contains("windows.tsv"), c.out());
        // the annotated lengths and the folds are the same: the same figure, from windows.tsv this time
        String annotatedCvHere = line(c.out(), "annotated ");
        assertEquals(annotatedCv.replace("neg_length", "neg_annotated_length"), annotatedCvHere);
        DeepHemDataset d = DatasetReader.read(canonical);
        LengthAlone.Figure w = LengthAlone.run(d).get(1);
        assertEquals("canonical", w.window());
        assertTrue(line(c.out(), "canonical ").contains(String.format(java.util.Locale.ROOT, "%.3f +- %.3f (10 folds, neg_length)", w.meanAuroc(), w.sdAuroc())), c.out());
    }
}
