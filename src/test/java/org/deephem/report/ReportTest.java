package org.deephem.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deephem.analysis.NamedScores;
import org.deephem.data.DatasetReader;
import org.deephem.data.DeepHemDataset;
import org.deephem.io.AtomicFiles;
import org.deephem.io.Hashing;
import org.deephem.io.Json;
import org.deephem.io.Xlsx;
import org.deephem.testutil.ReportPages;
import org.deephem.testutil.TestData;
import org.deephem.train.EpochLog;
import org.deephem.validation.CrossValidation;
import org.deephem.validation.CvSummary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of the demo data, with stand-in scores and the quick single-feature baselines only
 * (no training: the page, not the model, is under test; JarIT runs the full pipeline).
 */
class ReportTest {
    static DeepHemDataset ds;

    @TempDir
    Path tmp;

    /** Malicious markup as a run name: it must reach the page escaped. */
    static final String HOSTILE_RUN = "<img src=x onerror=alert(1)>&\"'";
    private static Path demoReport;

    @BeforeAll
    static synchronized void read() {
        if (ds == null) ds = DatasetReader.read(TestData.demo());
    }

    /** The demo report (scores = conservation), written once per test run under target/ for all report tests. */
    static synchronized Path demoReport() throws java.io.IOException {
        read();
        if (demoReport == null) {
            Path dir = Path.of("target", "test-reports-demo");
            AtomicFiles.deleteTree(dir);
            demoReport = write(dir, HOSTILE_RUN, conservation(1), cv());
        }
        return demoReport;
    }

    /** A report whose "model" scores are the given numbers. */
    static Path write(Path dir, String run, double[] scores) {
        return write(dir, run, scores, null);
    }

    /** A quick nested CV of two single-feature baselines on the demo mouse (2 folds × 1 repeat). */
    static CrossValidation.Result cv() {
        return CrossValidation.run(ds, List.of(org.deephem.baseline.Baselines.byName("neg_mfe"), org.deephem.baseline.Baselines.byName("gc_content")),
                new CrossValidation.Options(2, 1, 7), null);
    }

    static Path write(Path dir, String run, double[] scores, CrossValidation.Result cv) {
        List<EpochLog> log = new ArrayList<>();
        for (int e = 1; e <= 4; e++) log.add(new EpochLog(e, 0.1 * e, 0.1 * e, 1.0 / e, 0.5 / e, 0.1, 0.69, 0.5, 0.9, 0.8, 0.4, 0.2, 1.0, 0.8));
        Map<String, Object> prov = Map.of("config", Map.of("epochs", 4), "metrics", Map.of("selected_epoch", 2, "selection_auc", 0.875));
        Report r = RunReport.build(new RunReport.Inputs(run, ds, DatasetReader.targetScanClass(ds.folder(), ds.target().ids()),
                List.of(new NamedScores("deephem", "", ds.target().ids(), scores)), log, prov, Map.of("scores_csv", "stand-in"),
                singleFeatures(), List.of(), 50, cv, cv, 42));
        return ReportWriter.write(dir, r);
    }

    /** The single-feature baselines' human scores, as a run folder saves them (run.RunBaselines). */
    static List<NamedScores> singleFeatures() {
        int[] all = java.util.stream.IntStream.range(0, ds.labels().length).toArray();
        List<NamedScores> out = new ArrayList<>();
        for (var m : org.deephem.baseline.SingleFeature.ALL) out.add(new NamedScores(m.name(), "", ds.target().ids(), m.fit(ds, all, 42).score(ds.target())));
        return out;
    }

    static double[] conservation(double sign) {
        double[] s = new double[ds.target().size()];
        for (int i = 0; i < s.length; i++) s[i] = sign * ds.conservation().get(ds.target().ids().get(i));
        return s;
    }

    @Test
    void everySectionTableAndFigureWithProvenance() throws Exception {
        Path index = demoReport();
        Path dir = index.getParent();
        String html = Files.readString(index);
        for (String s : ReportPages.SECTIONS) assertTrue(html.contains(s), "section " + s);
        for (int i = 1; i < ReportPages.SECTIONS.size(); i++) {
            assertTrue(html.indexOf(ReportPages.SECTIONS.get(i - 1)) < html.indexOf(ReportPages.SECTIONS.get(i)), "section order: " + ReportPages.SECTIONS.get(i));
        }
        var images = ReportPages.embeddedImages(html);
        assertEquals(6, images.size(), "headline, heat map, trend plots, training curves, CV ROC and PR");
        for (var img : images) assertTrue(ReportPages.greyVariance(img) > 100, "image not blank");
        assertFalse(html.contains("http://") || html.contains("https://") || html.contains("<script") || html.contains("<link"),
                "self-contained: no external resources, no scripts");
        assertTrue(html.contains("120 rows: 60 essential, 60 non-essential"), "dataset summary");
        assertTrue(html.contains("dataset: data\n"), "the dataset named from the working directory, not by this machine's folders");
        assertTrue(html.contains("Dataset data (dataset.json SHA-256 "), "the dataset section names the folder relatively and by hash");
        assertFalse(html.contains(Path.of("").toAbsolutePath().toString()), "no absolute folder of this machine");
        assertTrue(html.contains("synthetic demo"), "the demo is called a demo");
        int banner = html.indexOf("<p class=\"banner\">Synthetic data — numbers mean nothing");
        assertTrue(banner > 0 && banner < html.indexOf("id=\"headline\""), "the demo banner comes first, above the answer");
        assertTrue(html.indexOf("<details") > html.indexOf("id=\"appendix\"") && !html.contains("<details open"), "appendices collapsed, after the sections");
        for (String stem : List.of("human_correlations", "human_correlations_summary", "circularity_audit", "cv_mean_sd", "quintile_trends")) {
            assertTrue(Files.exists(dir.resolve(stem + ".csv")) && Files.exists(dir.resolve(stem + ".xlsx")), stem);
            assertEquals(Files.readAllLines(dir.resolve(stem + ".csv")).size() - 1, Xlsx.read(dir.resolve(stem + ".xlsx")).rowCount(), stem);
        }
        for (String stem : List.of("human_correlations", "circularity_audit", "cv_mean_sd", "quintile_trends")) {
            for (String f : List.of(stem + ".csv", stem + ".xlsx")) {
                Map<?, ?> p = Json.mapper().readValue(dir.resolve(f + ".provenance.json").toFile(), Map.class);
                assertEquals(Hashing.sha256(dir.resolve(f)), p.get("sha256"), f + " hash");
                assertTrue(p.containsKey("inputs") && p.containsKey("environment"), f + " says where it came from");
            }
        }
        for (String stem : List.of("headline_correlations", "cv_wide", "circularity_audit_wide", "dataset_summary")) {
            assertTrue(Files.exists(dir.resolve(stem + ".csv")) && Files.exists(dir.resolve(stem + ".xlsx")), stem + ": every table shown is saved");
        }
        for (String stem : List.of("headline_spearman", "correlation_heatmap", "trend_quintiles", "training_curves", "cv_roc", "cv_pr")) {
            assertTrue(Files.readString(dir.resolve(stem + ".svg")).contains("<svg"), stem + ".svg");
            assertTrue(Files.readString(dir.resolve(stem + ".pdf"), java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("%PDF"), stem + ".pdf");
        }
        for (String stem : List.of("headline_spearman", "correlation_heatmap", "trend_quintiles", "training_curves", "cv_roc", "cv_pr", "index")) {
            Map<?, ?> p = Json.mapper().readValue(dir.resolve(stem + ".provenance.json").toFile(), Map.class);
            Map<?, ?> files = (Map<?, ?>) p.get("files_sha256");
            assertFalse(files.isEmpty(), stem);
            for (var e : files.entrySet()) assertEquals(Hashing.sha256(dir.resolve((String) e.getKey())), e.getValue(), stem + " hash");
        }
        try (var s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temp files left");
        }
        // the comparison-set table: our methods' rows, then the three published AUROCs marked as such
        tech.tablesaw.api.Table cmp = tech.tablesaw.api.Table.read().csv(dir.resolve("cv_xgem_dataset1.csv").toString());
        tech.tablesaw.api.Table cvt = tech.tablesaw.api.Table.read().csv(dir.resolve("cv_mean_sd.csv").toString());
        assertEquals(cvt.rowCount() + 3, cmp.rowCount());
        assertEquals(0.949, cmp.where(cmp.stringColumn("method").isEqualTo("XGEM (published)")).doubleColumn("auroc_mean").get(0), 0);
        assertEquals("published (other protocol)", cmp.stringColumn("source").get(cmp.rowCount() - 1));
        assertEquals(cvt.doubleColumn("auroc_mean").get(0), cmp.doubleColumn("auroc_mean").get(0), 1e-12);
    }

    /** The report's tables are CorrelationAnalysis's and CvSummary's, not a second computation. */
    @Test
    void tablesCarryEveryCoefficientAndTheCvSummary() throws Exception {
        Path dir = demoReport().getParent();
        tech.tablesaw.api.Table corr = tech.tablesaw.api.Table.read().csv(dir.resolve("human_correlations.csv").toString());
        assertEquals(java.util.Set.of("pearson", "spearman", "kendall_tau_b"), new java.util.HashSet<>(corr.column("correlation").asList().stream().map(String::valueOf).toList()));
        // deephem (the run) + 5 single features; 2 indicators; 3 coefficients
        assertEquals(6 * 2 * 3, corr.rowCount());
        var self = corr.where(corr.stringColumn("method").isEqualTo("deephem").and(corr.stringColumn("indicator").isEqualTo("conservation")));
        for (int i = 0; i < self.rowCount(); i++) assertEquals(1.0, self.doubleColumn("r").get(i), 1e-12, "scores = conservation");
        tech.tablesaw.api.Table audit = tech.tablesaw.api.Table.read().csv(dir.resolve("circularity_audit.csv").toString());
        assertEquals(java.util.Set.of("has_mti_target", "precursor_length"), new java.util.HashSet<>(audit.column("covariate").asList().stream().map(String::valueOf).toList()));
        CrossValidation.Result cv = cv();
        var t = CvSection.summary(cv);
        assertEquals(List.of("neg_mfe", "gc_content"), t.stringColumn("method").asList());
        for (CvSummary.Row row : CvSummary.rows(cv.folds())) {
            if (!CvSection.FIGURES.contains(row.figure())) continue;
            int i = t.stringColumn("method").indexOf(row.method());
            assertEquals(row.mean(), t.doubleColumn(row.figure() + "_mean").get(i), 0.0, row.method() + " " + row.figure());
        }
        double mean = cv.folds().stream().filter(f -> f.method().equals("neg_mfe")).mapToDouble(CrossValidation.FoldResult::auroc).average().orElseThrow();
        assertEquals(mean, t.doubleColumn("auroc_mean").get(0), 1e-12, "mean over the folds");
        assertEquals(2, t.intColumn("folds").get(0));
        String html = Files.readString(demoReport());
        assertTrue(html.contains("estimates accuracy on mouse only"), "the CV is said to be mouse only");
        assertTrue(html.contains("In-training selection figure"), "the selection AUC is named for what it is");
    }

    /** The reading follows the numbers: a score equal to conservation beats every feature on it, its negation beats none. */
    @Test
    void plainReadingFollowsTheNumbers() throws Exception {
        String good = Files.readString(demoReport());
        assertTrue(good.contains("The human scores of deephem agree with conservation: Spearman ρ = 1.000"), good);
        assertTrue(good.contains("n = 200); it beats every one of the 5 baselines."), good);
        assertFalse(good.contains("does not beat its baselines"), "no warning for a score that beats every baseline on conservation");
        String bad = Files.readString(write(tmp.resolve("bad"), "bad", conservation(-1)));
        assertTrue(bad.contains("The human scores of deephem run against conservation"), bad);
        assertTrue(bad.contains("it does NOT beat"), bad);
        // the first thing under the title (after the demo banner) says so
        int warn = bad.indexOf("<p class=\"banner warn\">This model does not beat its baselines: on conservation 5 of the 5 baselines do at least as well");
        assertTrue(warn > 0 && warn < bad.indexOf("<p class=\"lead\">"), bad.substring(0, Math.min(bad.length(), 3000)));
        assertTrue(bad.contains("chose the kept epoch the model reaches AUC 0.875"), bad);
    }

    /** The headline table is the long table summarised: one row per method, the networks' seeds as mean ± sd. */
    @Test
    void headlineTableHasOneRowPerMethodFromTheLongTable() throws Exception {
        Path dir = demoReport().getParent();
        tech.tablesaw.api.Table corr = tech.tablesaw.api.Table.read().csv(dir.resolve("human_correlations.csv").toString());
        tech.tablesaw.api.Table head = tech.tablesaw.api.Table.read().csv(dir.resolve("headline_correlations.csv").toString());
        assertEquals(corr.stringColumn("method").unique().size(), head.rowCount(), "one row per method");
        assertEquals("deephem", head.stringColumn("method").get(0), "the network first");
        for (int i = 0; i < head.rowCount(); i++) {
            String m = head.stringColumn("method").get(i);
            var rows = corr.where(corr.stringColumn("method").isEqualTo(m).and(corr.stringColumn("indicator").isEqualTo("dsw"))
                    .and(corr.stringColumn("correlation").isEqualTo("kendall_tau_b")));
            assertEquals(rows.doubleColumn("r").mean(), head.doubleColumn("dsw_kendall_tau_b").get(i), 1e-12, m);
            assertEquals(rows.doubleColumn("p").max(), head.doubleColumn("dsw_kendall_tau_b_p").get(i), 0.0, m);
        }
        String html = Files.readString(demoReport());
        String table = html.substring(html.indexOf("id=\"tab-headline_correlations\""), html.indexOf("</table>", html.indexOf("id=\"tab-headline_correlations\"")));
        assertEquals(head.rowCount(), table.split("<tr", -1).length - 1 - 2, "one row per method under two header rows");
        assertTrue(table.contains("Spearman ρ [95 % CI]") && table.contains("Kendall τ") && table.contains("Pearson r"), table);
        assertFalse(java.util.regex.Pattern.compile("\\d\\.\\d{3}e-0").matcher(table).find(), "p in the one format (3.1e-6, not 3.112e-06)");
    }

    /** Tables never need a horizontal scroller: the page has no scroll boxes, and the long tables sit in appendices. */
    @Test
    void noScrollBoxesAndTheLongTablesInAppendices() throws Exception {
        String html = Files.readString(demoReport());
        assertFalse(html.contains("class=\"scroll\""), "no horizontal scroller around a table");
        String appendix = html.substring(html.indexOf("id=\"appendix\""));
        for (String stem : List.of("human_correlations", "human_correlations_summary", "circularity_audit", "cv_mean_sd", "quintile_trends")) {
            assertTrue(appendix.contains("id=\"tab-" + stem + "\""), stem + " is an appendix");
        }
        assertTrue(appendix.contains("<table class=\"kv\">"), "configuration and provenance as a key/value table");
        assertFalse(html.contains("<pre>{"), "no raw JSON");
        assertTrue(appendix.contains("<a href=\"human_correlations.csv\">human_correlations.csv</a>"), "the file listing links the files");
    }

    @Test
    void everyStringFromDataIsEscaped() throws Exception {
        String html = Files.readString(demoReport());
        assertFalse(html.contains(HOSTILE_RUN), "raw markup from data must not reach the page");
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;&amp;&quot;&#39;"), "escaped run name");
        assertEquals("a&lt;b&gt;&amp;&quot;c&#39;", Html.escape("a<b>&\"c'"));
    }

    @Test
    void numbersAreFormattedTheSameEverywhere() {
        assertEquals("0.5000", Cells.number(0.5));
        assertEquals("3", Cells.number(3.0));
        assertEquals("1.235e-05", Cells.number(1.2345e-5));
        assertEquals("-0.1235", Cells.number(-0.12345));
        assertEquals("NaN", Cells.number(Double.NaN));
        // one p format everywhere
        assertEquals("< 1e-300", Cells.p(0.0));
        assertEquals("< 1e-300", Cells.p(Double.MIN_VALUE));
        assertEquals("3.1e-66", Cells.p(3.112e-66));
        assertEquals("1.2e-5", Cells.p(1.2345e-5));
        assertEquals("0.0036", Cells.p(0.003629));
        assertEquals("0.063", Cells.p(0.0625));
        assertEquals("0.5", Cells.p(0.5));
        assertEquals("1", Cells.p(1.0));
    }
}
