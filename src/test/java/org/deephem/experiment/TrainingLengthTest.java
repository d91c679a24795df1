package org.deephem.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deephem.train.KeptEpochs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** The training-length tables and the early-stopping-versus-seed comparison, on hand-made traces. */
class TrainingLengthTest {
    @TempDir
    Path dir;

    private static CellResult.Epoch epoch(int e, double cons) {
        return new CellResult.Epoch(e, 0.1 * e, 0.1 * e, 0.7 - 0.01 * e, 0.6 + 0.01 * e, 0.2,
                Map.of("conservation_spearman", cons, "dsw_spearman", cons / 2), 0.5);
    }

    private static CellResult cell(long seed, int loglossEpoch, double[] loglossScores, int earlyEpoch, double[] earlyScores) {
        CellSpec s = new CellSpec(TrainingLength.NAME, Grid.cellId(TrainingLength.KEY, seed), "deephem", null, seed, 0, 0, "d");
        List<CellResult.Epoch> epochs = List.of(epoch(1, 0.1 * seed), epoch(2, 0.2 * seed), epoch(3, 0.3 * seed));
        List<CellResult.Pick> picks = List.of(new CellResult.Pick("VAL_LOGLOSS", loglossEpoch, loglossScores),
                new CellResult.Pick("VAL_AUC", 3, loglossScores), new CellResult.Pick("LAST", 3, loglossScores),
                new CellResult.Pick(KeptEpochs.EARLY_STOP, earlyEpoch, earlyScores));
        return new CellResult(s, s.sha256(), List.of("a", "b", "c", "d"), loglossScores, List.of(), null, loglossEpoch, 3, Map.of(), 1,
                new CellResult.Trace(epochs, picks));
    }

    private static Map<String, CellResult> cells() {
        double[] a = {1, 2, 3, 4}, b = {4, 3, 2, 1}, c = {1, 2, 4, 3};
        Map<String, CellResult> m = new LinkedHashMap<>();
        m.put("s1", cell(1, 2, a, 2, a)); // early stopping keeps the same epoch
        m.put("s2", cell(2, 3, b, 1, c)); // it keeps another epoch
        return m;
    }

    @Test
    void agreementIsWorkedByHand() {
        TrainingLength.Agreement a = TrainingLength.agreement(List.copyOf(cells().values()));
        assertEquals(2, a.seeds());
        assertEquals(1, a.sameEpoch());
        // within: rho(a,a) = 1; rho(b,c): rank differences 3,1,-2,-2, sum d^2 = 18, 1 - 6*18/(4*15) = -0.8; mean 0.1
        assertEquals(0.1, a.withinSeed(), 1e-12);
        assertEquals(-1.0, a.betweenSeeds(), 1e-12, "a and b are in reverse order");
        assertTrue(a.sentence().contains("in 1 of 2 seeds") && a.sentence().contains("less than seed noise"), a.sentence());
        assertTrue(Double.isNaN(TrainingLength.agreement(List.of(cells().get("s1"))).betweenSeeds()), "one seed has no between-seed figure");
    }

    @Test
    void tablesFiguresAndTextAreWritten() throws Exception {
        TrainingLength.Written w = TrainingLength.write(cells(), dir, Map.of("experiment", TrainingLength.NAME));
        Table picks = w.picks();
        assertEquals(8, picks.rowCount(), "4 rules x 2 seeds");
        // seed 2's early-stopping pick is epoch 1: its lambda and human correlation are that epoch's
        int row = 7;
        assertEquals(KeptEpochs.EARLY_STOP, picks.stringColumn("rule").get(row));
        assertEquals(1, picks.intColumn("kept_epoch").get(row));
        assertEquals(0.1, picks.doubleColumn("lambda").get(row), 1e-12);
        assertEquals(0.2, picks.doubleColumn("human_conservation_spearman").get(row), 1e-12);
        assertEquals(6, w.curves().rowCount(), "3 epochs x 2 seeds");
        assertEquals("VAL_AUC LAST", w.curves().stringColumn("kept_by").get(2));
        for (String f : List.of("training-length_picks.csv", "training-length_curves.xlsx", "training-length_conservation.png",
                "training-length_dsw.svg", "training-length_summary.txt")) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        }
        assertTrue(w.text().contains("shown, never used"), "the caption says the curve chooses nothing");
    }

    @Test
    void aCellWithoutTraceIsRefused() {
        CellResult c = cells().get("s1");
        CellResult bare = new CellResult(c.spec(), c.specSha256(), c.humanIds(), c.humanScores(), c.correlations(), null, null, null,
                Map.of(), 1, null);
        assertThrows(IllegalArgumentException.class, () -> TrainingLength.write(Map.of("x", bare), dir, Map.of()));
    }
}
