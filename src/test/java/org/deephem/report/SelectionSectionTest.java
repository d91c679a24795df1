package org.deephem.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deephem.io.InputError;
import org.deephem.selection.Targets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The select-default section reads what select-default writes, marks the picks and judges the targets. */
class SelectionSectionTest {
    static final String HEADER = "family,candidate,recipe,lever,seeds,cv_auroc_mean,cv_auroc_sd,seed_stability,saturation,domain_accuracy,verdict,picked,"
            + "conservation_spearman_mean,conservation_spearman_sd,dsw_spearman_mean,dsw_spearman_sd\n";

    static Path folder(Path dir, String rows, String decision) throws Exception {
        Files.writeString(dir.resolve("candidates.csv"), HEADER + rows);
        Files.writeString(dir.resolve("decision.json"), decision);
        return dir;
    }

    @Test
    void picksAreMarkedAndTargetsJudgedOnTheTable(@TempDir Path dir) throws Exception {
        folder(dir, """
                no-MTI,a-nomti,today's default,-,5,0.97,0.01,0.80,0.2,0.6,eligible,false,0.30,0.05,0.20,0.04
                no-MTI,b-nomti,reg,regularisation,5,0.96,0.02,0.90,0.0,0.55,picked: highest seed stability,true,0.47,0.02,0.29,0.03
                MTI,b-mti,reg,regularisation,5,0.98,0.01,0.85,0.1,0.5,picked,true,0.60,0.03,0.65,0.02
                baseline,has_mti_target,baseline,-,,,,,,,baseline (not a candidate),false,0.662,,0.606,
                baseline,mature_count,baseline,-,,,,,,,baseline (not a candidate),false,0.464,,0.274,
                """, """
                {"no-MTI": {"pick": "b-nomti", "why": "highest seed stability"}, "MTI": {"pick": "b-mti", "why": "only eligible"}}
                """);
        SelectionSection.Selection s = SelectionSection.read(dir);
        assertEquals("b-nomti", s.picks().get("no-MTI"));
        List<String> v = Targets.verdicts(s.picks(), s.candidates());
        assertEquals(2, v.size());
        assertTrue(v.get(0).contains("REACHED") && !v.get(0).contains("NOT"), v.get(0)); // 0.47 ≥ 0.46, 0.29 ≥ 0.28, 0.96 ≥ 0.95
        assertTrue(v.get(1).contains("NOT reached"), v.get(1));                          // 0.60 < 0.662 on conservation

        Report r = new Report("t");
        SelectionSection.add(r, dir);
        var compact = r.tables.get(0).table();
        assertEquals("b-nomti *", compact.stringColumn("candidate").get(1));
        assertEquals("a-nomti", compact.stringColumn("candidate").get(0));
        assertEquals("0.470 ± 0.020", compact.stringColumn("conservation Spearman").get(1));
        assertEquals("0.662", compact.stringColumn("conservation Spearman").get(3)); // a baseline: one fit, no sd
        assertEquals(5, SelectionSection.bars(s.candidates(), s.picks()).size());
        assertTrue(r.sentences().stream().anyMatch(x -> x.contains("NOT reached")));
        assertEquals(1, r.figures.size());
    }

    @Test
    void theNoMtiTargetFailsWhenOneFigureFallsShort(@TempDir Path dir) throws Exception {
        folder(dir, "no-MTI,b-nomti,reg,regularisation,5,0.94,0.02,0.90,0.0,0.55,picked,true,0.50,0.02,0.30,0.03\n",
                "{\"no-MTI\": {\"pick\": \"b-nomti\", \"why\": \"w\"}, \"MTI\": {\"pick\": \"none\", \"why\": \"no candidate is eligible\"}}");
        SelectionSection.Selection s = SelectionSection.read(dir);
        List<String> v = Targets.verdicts(s.picks(), s.candidates());
        assertEquals(1, v.size()); // no MTI pick: nothing to judge there
        assertTrue(v.get(0).contains("NOT reached"), v.get(0)); // CV AUROC 0.94 < 0.95
    }

    @Test
    void aFolderWithoutTheFilesIsRefusedByName(@TempDir Path dir) {
        InputError e = assertThrows(InputError.class, () -> SelectionSection.read(dir));
        assertTrue(e.getMessage().contains(dir.getFileName().toString()) && e.getMessage().contains("select-default"), e.getMessage());
    }
}
