package org.deephem.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Merging cell results into the summary: mean ± sd over seeds and the paired test, by hand. */
class MergeTest {
    private static CellResult cell(String key, long seed, double spearman, Double auroc) {
        return cell(key, seed, spearman, auroc == null ? null : new double[] {auroc - 0.1, auroc + 0.1});
    }

    private static CellResult cell(String key, long seed, double spearman, double[] foldAuroc) {
        CellSpec s = new CellSpec("t", Grid.cellId(key, seed), key, null, seed, foldAuroc == null ? 0 : foldAuroc.length, 1, "d");
        List<CellResult.Corr> corr = List.of(new CellResult.Corr("conservation", "spearman", spearman, 0.01, 10, 0));
        double[] half = foldAuroc == null ? null : new double[foldAuroc.length];
        if (half != null) java.util.Arrays.fill(half, 0.5);
        CellResult.Cv cv = foldAuroc == null ? null : new CellResult.Cv(foldAuroc.length, 1, foldAuroc, half, null);
        return new CellResult(s, s.sha256(), List.of("h1"), new double[] {0.5}, corr, cv, null, null, Map.of(), 1.5, null);
    }

    @Test
    void summaryHasMeanSdAndPairedPAgainstTheReference() {
        List<Grid.Row> rows = List.of(new Grid.Row("g", "ref", "ref", "ref", null), new Grid.Row("g", "other", "other", "other", null));
        List<Long> seeds = List.of(1L, 2L, 3L, 4L, 5L);
        Grid grid = new Grid("t", rows, "ref", seeds, 2, 1);
        double[] ref = {0.10, 0.20, 0.30, 0.40, 0.50};
        double[] other = {0.15, 0.35, 0.31, 0.52, 0.61}; // all five differences positive
        Map<String, CellResult> res = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            res.put(Grid.cellId("ref", seeds.get(i)), cell("ref", seeds.get(i), ref[i], 0.6));
            res.put(Grid.cellId("other", seeds.get(i)), cell("other", seeds.get(i), other[i], 0.7));
        }
        Merge.Merged m = Merge.merge(grid, res);
        assertEquals(10, m.cells().rowCount());
        Table s = m.summary();
        assertEquals(4, s.rowCount(), "2 rows x (1 correlation + CV AUROC)");
        int r = 2; // other, conservation_spearman
        assertEquals("other", s.stringColumn("method").get(r));
        assertEquals("conservation_spearman", s.stringColumn("measure").get(r));
        assertEquals(0.388, s.doubleColumn("mean").get(r), 1e-12);
        // sample sd of 0.15, 0.35, 0.31, 0.52, 0.61 (n − 1 in the denominator)
        double mean = 0.388, ss = 0;
        for (double v : other) ss += (v - mean) * (v - mean);
        assertEquals(Math.sqrt(ss / 4), s.doubleColumn("sd").get(r), 1e-12);
        assertEquals(0.0625, s.doubleColumn("wilcoxon_p").get(r), 1e-12, "exact: all 5 differences positive");
        assertEquals(0.088, s.doubleColumn("mean_difference").get(r), 1e-12);
        assertTrue(s.doubleColumn("wilcoxon_p").isMissing(0), "the reference is not tested against itself");
        assertEquals(Merge.CV_AUROC, s.stringColumn("measure").get(3));
        assertEquals(0.7, s.doubleColumn("mean").get(3), 1e-12);
        assertTrue(m.text().contains("conservation_spearman 0.388"), m.text());
    }

    @Test
    void firstSeedCvIsSummarisedOverItsFoldsAndPairedByFold() {
        List<Grid.Row> rows = List.of(new Grid.Row("g", "ref", "ref", "ref", null), new Grid.Row("g", "other", "other", "other", null));
        List<Long> seeds = List.of(7L, 8L, 9L);
        Grid grid = new Grid("t", rows, "ref", seeds, 6, 1, true);
        double[] ref = {0.90, 0.80, 0.85, 0.95, 0.70, 0.75};
        double[] other = {0.91, 0.82, 0.88, 0.99, 0.75, 0.81}; // every fold higher, by 0.01 .. 0.06
        Map<String, CellResult> res = new LinkedHashMap<>();
        for (long s : seeds) {
            boolean first = s == 7L;
            res.put(Grid.cellId("ref", s), cell("ref", s, 0.1 * s, first ? ref : null));
            res.put(Grid.cellId("other", s), cell("other", s, 0.1 * s + 0.01, first ? other : null));
        }
        Table s = Merge.merge(grid, res).summary();
        int r = 3; // other, cv_auroc
        assertEquals(Merge.CV_AUROC, s.stringColumn("measure").get(r));
        assertEquals(6, s.intColumn("n").get(r), "one value per outer fold of the first seed, not one per seed");
        double mean = 0;
        for (double v : other) mean += v / 6;
        assertEquals(mean, s.doubleColumn("mean").get(r), 1e-12);
        double ss = 0;
        for (double v : other) ss += (v - mean) * (v - mean);
        assertEquals(Math.sqrt(ss / 5), s.doubleColumn("sd").get(r), 1e-12);
        assertEquals(0.035, s.doubleColumn("mean_difference").get(r), 1e-12);
        // exact two-sided signed-rank p with all 6 differences positive (distinct): 2 / 2^6
        assertEquals(2.0 / 64, s.doubleColumn("wilcoxon_p").get(r), 1e-12);
        assertEquals(3, s.intColumn("n").get(2), "the correlations stay one value per seed");
    }
}
