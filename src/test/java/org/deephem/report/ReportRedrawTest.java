package org.deephem.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deephem.data.DatasetReader;
import org.deephem.data.DeepHemDataset;
import org.deephem.experiment.CellRun;
import org.deephem.experiment.CellSpec;
import org.deephem.experiment.Grid;
import org.deephem.experiment.Grids;
import org.deephem.experiment.Harness;
import org.deephem.io.Json;
import org.deephem.model.ModelConfig;
import org.deephem.run.PageProvenance;
import org.deephem.testutil.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A page redraws itself from what it saved when the folders it was made from are gone: the
 * experiment sections from their summary CSVs, the selection from its tables, the model's
 * configuration and provenance from the page's sidecar; and the wide tables show what they must.
 */
class ReportRedrawTest {
    @TempDir
    Path tmp;

    @Test
    void anExperimentSectionRedrawsFromItsSavedSummaryWithTheSameNumbers() throws Exception {
        DeepHemDataset ds = DatasetReader.read(TestData.demo());
        Path grid = Files.createDirectories(tmp.resolve("compare"));
        Grid g = new Grid("compare", Grids.comparison(ModelConfig.defaults(), List.of("neg_length", "logistic")), "neg-length",
                List.of(1L, 2L, 3L, 4L, 5L), 0, 0);
        Json.writeFile(grid.resolve(Harness.GRID_FILE), g.saved());
        for (CellSpec s : g.cells(CellSpec.datasetSha256(TestData.demo()))) Json.writeFile(grid.resolve("cells").resolve(s.id() + ".json"), CellRun.compute(s, ds));
        Report first = new Report("t");
        ExperimentSection.add(first, grid, TestData.demo());
        Path page1 = Files.createDirectories(tmp.resolve("page1")), page2 = Files.createDirectories(tmp.resolve("page2"));
        ReportWriter.write(page1, first);

        Report again = new Report("t");
        ExperimentSection.addSaved(again, page1.resolve("experiment_compare_summary.csv"), "compare");
        ReportWriter.write(page2, again);
        for (String f : List.of("experiment_compare_summary.csv", "experiment_compare_wide.csv")) {
            assertEquals(Files.readString(page1.resolve(f)), Files.readString(page2.resolve(f)), f + ": the same numbers read back");
        }
        assertTrue(again.tables.get(0).caption().startsWith(first.tables.get(0).caption()), "the caption read back from the CSV's provenance");
        assertTrue(again.tables.get(0).caption().contains("the grid folder was not at hand"), "and said to be read back");
        assertEquals(first.tables.get(0).html(), again.tables.get(0).html(), "the same wide table on the page");
    }

    /** A long summary with two groups that share their reference (the same cells) becomes one row per variant, the reference once. */
    @Test
    void theWideTableShowsEachVariantOnceWithItsP() {
        Table t = Table.create("experiment_ablate_summary", StringColumn.create("group"), StringColumn.create("variant"), StringColumn.create("measure"),
                IntColumn.create("n"), StringColumn.create("mean ± sd"), DoubleColumn.create("mean_difference"), DoubleColumn.create("wilcoxon_p"));
        String[][] rows = {
                {"features", "seq", "conservation_spearman", "-0.0888 ± 0.0331", "-0.4", "0.0625"},
                {"features", "all", "conservation_spearman", "0.3163 ± 0.0799", "", ""},
                {"loss", "cls only", "conservation_spearman", "0.2710 ± 0.0330", "-0.05", "0.3125"},
                {"loss", "full", "conservation_spearman", "0.3163 ± 0.0799", "", ""},
                {"features", "seq", "cv_auroc", "0.9580 ± 0.0190", "-0.03", "0.125"},
                {"features", "all", "cv_auroc", "0.9860 ± 0.0170", "", ""},
                {"loss", "cls only", "cv_auroc", "0.9810 ± 0.0200", "-0.005", "0.8125"},
                {"loss", "full", "cv_auroc", "0.9860 ± 0.0170", "", ""}};
        for (String[] r : rows) {
            t.stringColumn("group").append(r[0]);
            t.stringColumn("variant").append(r[1]);
            t.stringColumn("measure").append(r[2]);
            t.intColumn("n").append(5);
            t.stringColumn("mean ± sd").append(r[3]);
            t.doubleColumn("mean_difference").append(r[4].isEmpty() ? Double.NaN : Double.parseDouble(r[4]));
            t.doubleColumn("wilcoxon_p").append(r[5].isEmpty() ? Double.NaN : Double.parseDouble(r[5]));
        }
        ExperimentSection.Wide w = ExperimentSection.wide(t);
        assertEquals(List.of("reference: all = full", "seq", "cls only"), w.table().stringColumn("variant").asList());
        assertEquals(-0.0888, w.table().doubleColumn("conservation_spearman_mean").get(1), 0);
        assertEquals(0.0625, w.table().doubleColumn("conservation_spearman_wilcoxon_p").get(1), 0);
        assertEquals(List.of("group", "variant", "seeds", "conservation_spearman_mean", "conservation_spearman_sd", "conservation_spearman_wilcoxon_p",
                "cv_auroc_mean", "cv_auroc_sd", "cv_auroc_wilcoxon_p"), w.table().columnNames(), "the correlations before the CV AUROC");
        assertTrue(w.html().contains("<span class=\"v\">-0.089 ± 0.033</span><span class=\"p\">p 0.063</span>"), w.html());
        assertTrue(w.html().contains("<span class=\"v\">0.981 ± 0.020</span><span class=\"p\">p 0.81</span>"), w.html());
        assertTrue(w.html().contains("<td colspan=\"2\">reference: all = full</td>"), "the shared reference spans group and variant");
        assertEquals(4, w.html().split("<tr", -1).length - 1 - 1, "two header rows and three variant rows");
        // a reference that differs between groups is not merged
        t.stringColumn("mean ± sd").set(3, "0.3000 ± 0.0100");
        assertEquals(4, ExperimentSection.wide(t).rows().size());
    }

    @Test
    void theSelectionRedrawsFromThePagesOwnTables() throws Exception {
        Path select = Files.createDirectories(tmp.resolve("select"));
        SelectionSectionTest.folder(select, """
                no-MTI,a-nomti,today's default,-,5,0.97,0.01,0.80,0.2,0.6,eligible,false,0.30,0.05,0.20,0.04
                no-MTI,b-nomti,reg,regularisation,5,0.96,0.02,0.90,0.0,0.55,eligible,true,0.47,0.02,0.29,0.03
                baseline,has_mti_target,baseline,-,,,,,,,baseline (not a candidate),false,0.662,,0.606,
                """, "{\"no-MTI\": {\"pick\": \"b-nomti\", \"why\": \"highest seed stability (0.900) among 2 eligible\"}}");
        Report r = new Report("t");
        SelectionSection.add(r, select);
        Path page = Files.createDirectories(tmp.resolve("page"));
        ReportWriter.write(page, r);
        assertTrue(SelectionSection.savedIn(page));
        SelectionSection.Selection back = SelectionSection.read(page);
        assertEquals(Map.of("no-MTI", "b-nomti"), back.picks());
        assertEquals("highest seed stability (0.900) among 2 eligible", back.why().get("no-MTI"), "the reason saved beside the page");
        // a page saved before the decision was: the pick from the table, the reason from its figures
        Files.delete(page.resolve(SelectionSection.SAVED_DECISION));
        SelectionSection.Selection old = SelectionSection.read(page);
        assertEquals("b-nomti", old.picks().get("no-MTI"));
        assertTrue(old.why().get("no-MTI").contains("seed stability 0.900, 2 eligible"), old.why().toString());
    }

    @Test
    void theModelsRecordIsReadBackFromThePage() throws Exception {
        Report r = new Report("t").config(Map.of("epochs", 34, "branches", List.of("seq", "mti")))
                .provenance(Map.of("model_name", "x", "model_seeds", Map.of("init", 1), "model_zip", Map.of("path", "x.zip", "sha256", "ab")));
        Path page = Files.createDirectories(tmp.resolve("p"));
        ReportWriter.write(page, r);
        PageProvenance.Recorded rec = PageProvenance.read(page);
        assertEquals(Map.of("epochs", 34, "branches", List.of("seq", "mti")), rec.model().get("config"));
        assertEquals("x", rec.model().get("name"));
        assertEquals(Map.of("init", 1), rec.model().get("seeds"));
        assertEquals(Map.of("path", "x.zip", "sha256", "ab"), rec.zipFile());
        // a page written before the sidecar carried the configuration: its Configuration block
        Path legacy = Files.createDirectories(tmp.resolve("legacy"));
        Files.writeString(legacy.resolve("index.html"), "<h3>Configuration</h3>\n<pre>{\n  &quot;name&quot; : &quot;a&lt;b&quot;,\n  &quot;epochs&quot; : 3\n}</pre>");
        assertEquals(Map.of("name", "a<b", "epochs", 3), PageProvenance.legacyConfig(legacy.resolve("index.html")));
    }

    /** The length-matched AUROC column is shown when the CV tables have it and not otherwise. */
    @Test
    void theLengthMatchedAurocColumnAppearsOnlyWhenTheCvHasIt() {
        Table mouse = Table.create("cv", StringColumn.create("method", List.of("deephem", "neg_length")),
                DoubleColumn.create("auroc_mean", new double[] {0.98, 0.95}), DoubleColumn.create("auroc_sd", new double[] {0.02, 0.03}),
                DoubleColumn.create("auprc_mean", new double[] {0.97, 0.94}), DoubleColumn.create("auprc_sd", new double[] {0.03, 0.04}),
                DoubleColumn.create("mcc_mean", new double[] {0.9, 0.7}), DoubleColumn.create("mcc_sd", new double[] {0.06, 0.1}));
        String without = CvSection.wideHtml(mouse, null, Set.of("deephem"), "labelled mouse");
        assertFalse(without.contains("lm AUROC"), without);
        assertTrue(without.contains("<tr class=\"network\"><td>deephem</td><td class=\"num\">0.980 ± 0.020</td>"), without);
        mouse.addColumns(DoubleColumn.create("lm_auroc", new double[] {0.812, 0.5}), DoubleColumn.create("lm_auroc_lo", new double[] {0.7, 0.41}),
                DoubleColumn.create("lm_auroc_hi", new double[] {0.9, 0.59}));
        String with = CvSection.wideHtml(mouse, null, Set.of("deephem"), "labelled mouse");
        assertTrue(with.contains("<th>lm AUROC [interval]</th>") && with.contains("0.812 [0.700, 0.900]"), with);
        Table w = CvSection.wide(mouse, null);
        assertEquals(0.812, w.doubleColumn("mouse_lm_auroc").get(0), 0);
        assertEquals(0.59, w.doubleColumn("mouse_lm_auroc_hi").get(1), 0);
    }
}
