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
        CellSpec s = new CellSpec("t", Grid.cellId(key, seed), key, null, seed, auroc == null ? 0 : 2, 1, "d");
        List<CellResult.Corr> corr = List.of(new CellResult.Corr("conservation", "spearman", spearman, 0.01, 10, 0));
        CellResult.Cv cv = auroc == null ? null : new CellResult.Cv(2, 1, new double[] {auroc - 0.1, auroc + 0.1}, new double[] {0.5, 0.5}, null);
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
}
