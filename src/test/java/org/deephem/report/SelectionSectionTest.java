package org.deephem.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
        assertTrue(SelectionSection.figure(List.of(s)) != null);
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

    static final String R2_HEADER = "family,candidate,recipe,lever,seeds,cv_auroc_mean,cv_auroc_sd,lm_auroc,lm_auroc_lo,lm_auroc_hi,seed_stability,saturation,domain_accuracy,"
            + "verdict,picked,conservation_spearman_mean,conservation_spearman_sd,dsw_spearman_mean,dsw_spearman_sd\n";

    /** A round-2 folder: LM-AUROC columns, baselines on both windows, "round": 2 (numbers shaped like the real run's). */
    static Path round2(Path dir) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("candidates.csv"), R2_HEADER + """
                no-MTI,r0-nomti,R0,-,5,0.979,0.019,0.933,0.845,0.990,0.848,0.05,0.58,eligible,false,0.249,0.074,0.157,0.088
                no-MTI,r3-nomti,R3,"canonical windows, length balance",5,0.934,0.051,0.928,0.835,0.994,0.856,0.03,0.53,eligible,true,0.415,0.050,0.299,0.057
                MTI,r0-mti,R0,-,5,0.986,0.022,0.919,0.814,0.985,0.880,0.05,0.40,eligible,true,0.384,0.069,0.256,0.052
                baseline,has_mti_target,baseline,-,,0.737,0.077,0.705,0.615,0.809,,,,baseline (not a candidate),false,0.662,,0.606,
                baseline,mature_count,baseline,-,,0.897,0.043,0.869,0.769,0.950,,,,baseline (not a candidate),false,0.464,,0.274,
                baseline,neg_length,baseline,-,,0.950,0.037,0.5,0.5,0.5,,,,baseline (not a candidate),false,-0.151,,-0.271,
                baseline,random_forest,baseline,-,,0.967,0.037,0.883,0.761,0.976,,,,baseline (not a candidate),false,0.439,0.024,0.340,0.025
                baseline,mature_count (canonical),baseline on canonical windows,-,,0.897,0.043,0.869,0.769,0.950,,,,baseline (not a candidate),false,0.464,,0.274,
                baseline,random_forest (canonical),baseline on canonical windows,-,,0.953,0.052,0.901,0.782,0.983,,,,baseline (not a candidate),false,0.562,0.022,0.469,0.006
                baseline,random_forest_no_mti (canonical),baseline on canonical windows,-,,0.954,0.061,0.909,0.808,0.983,,,,baseline (not a candidate),false,0.4724596,0.005,0.3630494,0.002
                """);
        Files.writeString(dir.resolve("decision.json"), """
                {"round": 2, "no-MTI": {"pick": "r3-nomti", "why": "2 eligible within 0.02 of the highest LM-AUROC 0.933: highest seed stability (0.856)"},
                 "MTI": {"pick": "r0-mti", "why": "3 eligible within 0.02: highest seed stability (0.880)"}}
                """);
        return dir;
    }

    static Path round1(Path dir) throws Exception {
        Files.createDirectories(dir);
        return folder(dir, """
                no-MTI,g-nomti,ensemble,ensemble,5,0.979,0.019,0.901,0.0005,0.59,eligible,true,0.286,0.012,0.173,0.063
                MTI,g-mti,ensemble,ensemble,5,0.986,0.022,0.902,0.016,0.48,eligible,true,0.389,0.012,0.229,0.040
                baseline,has_mti_target,baseline,-,,,,,,,baseline (not a candidate),false,0.662,,0.606,
                baseline,mature_count,baseline,-,,,,,,,baseline (not a candidate),false,0.464,,0.274,
                baseline,random_forest_no_mti,baseline,-,,,,,,,baseline (not a candidate),false,0.371,0.006,0.245,0.010
                """, """
                {"no-MTI": {"pick": "g-nomti", "why": "highest seed stability (0.901)"}, "MTI": {"pick": "g-mti", "why": "highest seed stability (0.902)"}}
                """);
    }

    @Test
    void bothRoundsAreShownWithTheirPicksTheLengthMatchedAurocAndTheBaselinesThatDoBetter(@TempDir Path dir) throws Exception {
        Path r2 = round2(dir.resolve("select-r2")), r1 = round1(dir.resolve("select"));
        List<SelectionSection.Selection> rounds = SelectionSection.readAll("--selection", List.of(r2, r1), dir);
        assertEquals(List.of(1, 2), rounds.stream().map(SelectionSection.Selection::round).toList(), "in round order, whatever the order given");
        Report r = new Report("t");
        SelectionSection.add(r, rounds);
        // the section's paragraph: the shipped default, the last round's targets, the plain statement; each round's reading under its table's title
        String summary = String.join(" ", r.sentences());
        String text = summary + " " + String.join(" ", r.tables.stream().filter(x -> x.html() != null).map(x -> x.html()).toList())
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&gt;", ">");
        assertTrue(summary.contains("Said plainly: A baseline without MTI does better than round 2's no-MTI pick r3-nomti (0.415 / 0.299)"), summary);
        assertTrue(summary.contains("Round 2 target: no-MTI target") && !summary.contains("Round 1 target"), summary);
        assertTrue(r.tables.get(0).html().startsWith("<p class=\"round\">Round 1 ("), r.tables.get(0).html());
        assertTrue(text.contains("Round 1 (") && text.contains("no-MTI: g-nomti (highest seed stability (0.901))"), text);
        assertTrue(text.contains("no-MTI: r3-nomti (2 eligible within 0.02 of the highest LM-AUROC 0.933: highest seed stability (0.856); LM-AUROC 0.928 [0.835, 0.994], CV AUROC 0.934 ± 0.051)"), text);
        assertTrue(text.contains("Round 2 target: no-MTI target (Spearman >= 0.46 conservation, >= 0.28 DSW, CV AUROC >= 0.95): NOT reached (r3-nomti: 0.415, 0.299, 0.934): reached on DSW; not on conservation, CV AUROC."), text);
        assertTrue(text.contains("Round 2 target: MTI target (above 'has any MTI target': 0.662 conservation, 0.606 DSW): NOT reached (r0-mti: 0.384, 0.256): reached on none of conservation, DSW."), text);
        // said plainly, from the table: the random forest without MTI on canonical windows beats the pick and "number of matures"
        assertTrue(text.contains("A baseline without MTI does better than round 2's no-MTI pick r3-nomti (0.415 / 0.299) on both conservation and DSW Spearman: "
                + "random_forest_no_mti (canonical) (random forest without MTI on canonical windows) reaches 0.472 / 0.363, above \"number of matures\" (0.464 / 0.274) as well."), text);
        assertTrue(!text.contains("random_forest (canonical) (random forest on canonical windows) reaches 0.562 / 0.469, above"), "an MTI baseline is not held against the no-MTI pick");
        assertTrue(text.contains("5 baselines do better than round 2's MTI pick r0-mti (0.384 / 0.256)"), "mature_count on canonical windows, the same figures, said once: " + text);
        assertTrue(text.contains("2 baselines without MTI do better than round 1's no-MTI pick g-nomti (0.286 / 0.173)") && text.contains("mature_count (number of matures) reaches 0.464 / 0.274"), text);
        assertTrue(summary.contains("The shipped default is the last round's pick of each family (round 2's rule falls back to the earlier pick when nothing is eligible): no-MTI r3-nomti (round 2); MTI r0-mti (round 2)."), summary);

        var stems = r.tables.stream().map(Report.NamedTable::stem).toList();
        assertEquals(List.of("selection_candidates", "selection_candidates_full", "selection_r2_candidates", "selection_r2_candidates_full"), stems);
        String html2 = r.tables.get(2).html();
        assertTrue(html2.contains("<th>LM-AUROC [95 % CI]</th>") && html2.contains("<span class=\"v\">0.928 <span class=\"ci\">[0.835, 0.994]</span></span>"), html2);
        assertTrue(html2.contains("baselines on annotated windows") && html2.contains("baselines on canonical windows"), "both windows' baselines, grouped");
        assertTrue(html2.contains("<tr class=\"network\"><td>r3-nomti *"), "the pick in bold");
        assertTrue(!r.tables.get(0).html().contains("LM-AUROC"), "round 1 has no length-matched AUROC: no column");
        var compact2 = r.tables.get(2).table();
        assertEquals(0.835, compact2.doubleColumn("LM-AUROC 95% low").getDouble(1), 1e-12, "the interval saved with the page");
        assertEquals(1, r.figures.size());
        assertEquals("selection_spearman", r.figures.get(0).stem());
        assertEquals(2, r.json.size(), "one decision per round saved beside the page");
    }

    @Test
    void theRoundsRedrawFromThePageWhenTheFoldersAreGone(@TempDir Path dir) throws Exception {
        Path r2 = round2(dir.resolve("select-r2")), r1 = round1(dir.resolve("select"));
        Report r = new Report("t");
        Path page = Files.createDirectories(dir.resolve("page"));
        SelectionSection.add(r, SelectionSection.readAll("--selection", List.of(r1, r2), page));
        ReportWriter.write(page, r);
        assertTrue(Files.isRegularFile(page.resolve("selection_r2_candidates_full.csv")) && Files.isRegularFile(page.resolve("selection_r2_decision.json")));
        List<SelectionSection.Selection> back = SelectionSection.readAll("--selection", List.of(dir.resolve("gone-r1"), dir.resolve("select-r2-gone")), page);
        assertEquals(List.of(1, 2), back.stream().map(SelectionSection.Selection::round).toList());
        assertEquals(Map.of("no-MTI", "r3-nomti", "MTI", "r0-mti"), back.get(1).picks());
        assertEquals(0.994, Targets.value(back.get(1).candidates(), "lm_auroc_hi", 1), 1e-12);
        // by the folder name it recorded: the round-2 folder named first still gives round 2
        List<SelectionSection.Selection> named = SelectionSection.readAll("--selection", List.of(Path.of("elsewhere/select-r2"), Path.of("elsewhere/select")), page);
        assertEquals("select-r2", named.get(1).source());
        assertEquals(2, named.get(1).round());
    }

    @Test
    void badSelectionFoldersAreRefusedInOneLineNamingTheOption(@TempDir Path dir) throws Exception {
        Path a = round2(dir.resolve("a")), b = round2(dir.resolve("b"));
        InputError twice = assertThrows(InputError.class, () -> SelectionSection.readAll("--selection", List.of(a, b), dir.resolve("page")));
        assertTrue(twice.getMessage().startsWith("--selection: two folders of round 2"), twice.getMessage());
        InputError missing = assertThrows(InputError.class, () -> SelectionSection.readAll("--selection", List.of(dir.resolve("nope")), dir.resolve("page")));
        assertTrue(missing.getMessage().startsWith("--selection: ") && !missing.getMessage().contains("\n"), missing.getMessage());

        Path reports = Files.createDirectories(dir.resolve("reports").resolve("x"));
        var run = org.deephem.cli.CliTest.run("report", "--run", "x", "--reports", reports.getParent().toString(), "--data", dir.resolve("no-data").toString(),
                "--selection", a + "," + b);
        assertEquals(2, run.exit(), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("--selection: two folders of round 2"), run.err());
    }
}
