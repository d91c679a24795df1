package org.deephem.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deephem.eval.Correlation;
import org.deephem.eval.Correlation.Kind;
import org.deephem.eval.Correlations;
import org.deephem.io.Delimited;
import org.deephem.io.Xlsx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class CorrelationAnalysisTest {
    static final List<String> IDS = List.of("a", "b", "c", "d", "e", "f");
    // method "net" has two seeds, "len" one run; indicator "cons" lacks "f"
    static final List<NamedScores> RUNS = List.of(
            new NamedScores("net", "1", IDS, new double[] {0.1, 0.4, 0.3, 0.9, 0.5, 0.2}),
            new NamedScores("net", "2", IDS, new double[] {0.2, 0.1, 0.5, 0.8, 0.6, 0.3}),
            new NamedScores("len", "", IDS, new double[] {-60, -70, -65, -80, -55, -90}));
    static final Map<String, Map<String, Double>> INDICATORS = new LinkedHashMap<>();
    static final Map<String, Map<String, Double>> COVARIATES = new LinkedHashMap<>();

    static {
        INDICATORS.put("cons", Map.of("a", 1.0, "b", 3.0, "c", 2.0, "d", 6.0, "e", 4.0));
        INDICATORS.put("dsw", Map.of("a", 0.0, "b", 0.1, "c", 0.1, "d", 0.3, "e", 0.0, "f", 0.2));
        COVARIATES.put("has_target", Map.of("a", 0.0, "b", 1.0, "c", 0.0, "d", 1.0, "e", 1.0, "f", 0.0));
    }

    @Test
    void longTableHasOneRowPerRunIndicatorAndCoefficientWithTheEvalNumbers() {
        Table t = CorrelationAnalysis.correlations(RUNS, INDICATORS, 200, 5);
        assertEquals(List.of("method", "seed", "indicator", "correlation", "r", "p", "ci_low", "ci_high", "n", "dropped"), t.columnNames());
        assertEquals(3 * 2 * 3, t.rowCount());
        // row 0: net seed 1, cons, pearson — the same as eval computes directly, "f" dropped
        Correlation c = Correlations.of(Kind.PEARSON, RUNS.get(0).scores(),
                Correlations.align(IDS, INDICATORS.get("cons")), 200, 5);
        assertEquals("net", t.stringColumn("method").get(0));
        assertEquals("1", t.stringColumn("seed").get(0));
        assertEquals("pearson", t.stringColumn("correlation").get(0));
        assertEquals(c.r(), t.doubleColumn("r").getDouble(0), 0);
        assertEquals(c.ciLow(), t.doubleColumn("ci_low").getDouble(0), 0);
        assertEquals(5, t.intColumn("n").getInt(0));
        assertEquals(1, t.intColumn("dropped").getInt(0));
        assertEquals("len", t.stringColumn("method").get(17));
        assertEquals("kendall_tau_b", t.stringColumn("correlation").get(17));
    }

    @Test
    void summaryIsMeanAndSampleSdOverSeedsInInputOrder() {
        Table t = CorrelationAnalysis.correlations(RUNS, INDICATORS, 0, 5);
        Table s = CorrelationAnalysis.summary(t, "r", "indicator", "correlation");
        assertEquals(List.of("method", "indicator", "correlation", "seeds", "r_mean", "r_sd", "n_min", "dropped_max"), s.columnNames());
        assertEquals(2 * 2 * 3, s.rowCount());
        assertEquals("net", s.stringColumn("method").get(0));
        assertEquals("cons", s.stringColumn("indicator").get(0));
        assertEquals("pearson", s.stringColumn("correlation").get(0));
        double r1 = t.doubleColumn("r").getDouble(0), r2 = t.doubleColumn("r").getDouble(6); // seed 2, cons, pearson
        assertEquals("2", t.stringColumn("seed").get(6));
        assertEquals((r1 + r2) / 2, s.doubleColumn("r_mean").getDouble(0), 1e-12);
        assertEquals(Math.abs(r1 - r2) / Math.sqrt(2), s.doubleColumn("r_sd").getDouble(0), 1e-12); // sample sd of two values
        assertEquals(2, s.intColumn("seeds").getInt(0));
        assertEquals(5, s.intColumn("n_min").getInt(0));
        assertEquals(1, s.intColumn("dropped_max").getInt(0));
        // one run: the mean is the run, the sd is missing
        int len = 6;
        assertEquals("len", s.stringColumn("method").get(len));
        assertEquals(1, s.intColumn("seeds").getInt(len));
        assertTrue(s.doubleColumn("r_sd").isMissing(len));
    }

    @Test
    void auditJoinsThePlainSpearmanBesideThePartial() {
        Table t = CorrelationAnalysis.correlations(RUNS, INDICATORS, 0, 5);
        Table a = CorrelationAnalysis.circularityAudit(RUNS, INDICATORS, COVARIATES, t, 100, 5);
        assertEquals(List.of("method", "seed", "indicator", "covariate", "spearman", "partial_r", "p", "ci_low", "ci_high", "n", "dropped"),
                a.columnNames());
        assertEquals(3 * 2, a.rowCount());
        for (int r = 0; r < a.rowCount(); r++) {
            NamedScores run = RUNS.get(r / 2);
            String ind = r % 2 == 0 ? "cons" : "dsw";
            assertEquals(run.method(), a.stringColumn("method").get(r));
            assertEquals(run.seed(), a.stringColumn("seed").get(r));
            assertEquals(ind, a.stringColumn("indicator").get(r));
            double[] y = Correlations.align(IDS, INDICATORS.get(ind));
            assertEquals(Correlations.of(Kind.SPEARMAN, run.scores(), y, 0, 1).r(), a.doubleColumn("spearman").getDouble(r), 1e-15);
            Correlation p = Correlations.partialSpearman(run.scores(), y, Correlations.align(IDS, COVARIATES.get("has_target")), 100, 5);
            assertEquals(p.r(), a.doubleColumn("partial_r").getDouble(r), 1e-15);
            assertEquals(p.n(), a.intColumn("n").getInt(r));
        }
    }

    @Test
    void filesAreCsvAndXlsxWithProvenanceAndMissingStaysEmpty(@TempDir Path dir) throws Exception {
        Table t = CorrelationAnalysis.correlations(RUNS, INDICATORS, 0, 5); // no bootstrap: intervals missing
        List<Path> files = TableFiles.write(t, dir, "correlations", Map.of("command", "test"));
        assertEquals(4, files.size());
        var csv = Delimited.read(dir.resolve("correlations.csv"));
        var xlsx = Xlsx.read(dir.resolve("correlations.xlsx"));
        assertEquals(t.columnNames(), csv.header());
        assertEquals(t.columnNames(), xlsx.header());
        assertEquals(t.rowCount(), csv.rowCount());
        assertEquals(t.rowCount(), xlsx.rowCount());
        int ci = csv.column("ci_low"), r = csv.column("r");
        assertEquals("", csv.text(0, ci));
        assertEquals("", xlsx.text(0, ci));
        assertEquals(t.doubleColumn("r").getDouble(3), csv.number(3, r), 1e-15);
        assertEquals(t.doubleColumn("r").getDouble(3), xlsx.number(3, r), 0);
        String prov = Files.readString(dir.resolve("correlations.xlsx.provenance.json"));
        assertTrue(prov.contains("\"sha256\""), prov);
        assertTrue(prov.contains(org.deephem.io.Hashing.sha256(dir.resolve("correlations.xlsx"))), prov);
    }
}
