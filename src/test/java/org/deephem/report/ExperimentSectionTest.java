package org.deephem.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.deephem.data.DatasetReader;
import org.deephem.data.DeepHemDataset;
import org.deephem.experiment.CellRun;
import org.deephem.experiment.CellSpec;
import org.deephem.experiment.Grid;
import org.deephem.experiment.Grids;
import org.deephem.experiment.Harness;
import org.deephem.io.InputError;
import org.deephem.io.Json;
import org.deephem.model.ModelConfig;
import org.deephem.testutil.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** A tiny demo grid (two cheap baselines x 5 seeds, computed in this process) as a report section. */
class ExperimentSectionTest {
    @TempDir
    Path dir;

    @Test
    void aFinishedGridBecomesASummaryWithMeanSdAndTheSmallestPSentence() {
        DeepHemDataset ds = DatasetReader.read(TestData.demo());
        Grid g = new Grid("compare", Grids.comparison(ModelConfig.defaults(), List.of("neg_length", "logistic")), "neg-length",
                List.of(1L, 2L, 3L, 4L, 5L), 0, 0);
        Json.writeFile(dir.resolve(Harness.GRID_FILE), g.saved());
        for (CellSpec s : g.cells(CellSpec.datasetSha256(TestData.demo()))) Json.writeFile(dir.resolve("cells").resolve(s.id() + ".json"), CellRun.compute(s, ds));
        Report r = new Report("t");
        ExperimentSection.add(r, dir, TestData.demo());
        assertEquals(2, r.tables.size(), "the wide table in the section, the long one as an appendix");
        assertEquals(Report.Section.EXPERIMENTS, r.tables.get(0).section());
        assertEquals(Report.Section.APPENDIX, r.tables.get(1).section());
        Table shown = r.tables.get(1).table();
        Table summary = Harness.collect(g, TestData.demo(), dir).summary();
        assertEquals(summary.rowCount(), shown.rowCount());
        for (int i = 0; i < summary.rowCount(); i++) {
            String want = String.format(Locale.ROOT, "%.4f ± %.4f", summary.doubleColumn("mean").getDouble(i), summary.doubleColumn("sd").getDouble(i));
            assertEquals(want, shown.stringColumn("mean ± sd").get(i));
            assertEquals(summary.doubleColumn("wilcoxon_p").getDouble(i), shown.doubleColumn("wilcoxon_p").getDouble(i), 0.0);
        }
        assertEquals(5, shown.intColumn("n").get(0));
        assertTrue(r.tables.get(0).caption().contains("smallest possible two-sided p is 0.0625"), r.tables.get(0).caption());
        assertTrue(r.limits.stream().anyMatch(l -> l.contains("cannot occur")));
    }

    @Test
    void smallestPIsTwoOverTwoToTheN() {
        assertTrue(ExperimentSection.smallestP(5).contains("p is 0.0625,"), "said once: " + ExperimentSection.smallestP(5));
        assertTrue(ExperimentSection.smallestP(2).contains("p is 0.5 "));
        assertTrue(ExperimentSection.smallestP(6).contains("p is 0.03125") && ExperimentSection.smallestP(6).contains("is reachable"));
    }

    @Test
    void aFolderWithoutAGridIsRefusedNamingIt() {
        InputError e = assertThrows(InputError.class, () -> ExperimentSection.add(new Report("t"), dir, TestData.demo()));
        assertTrue(e.getMessage().contains(dir.toString()) && e.getMessage().contains("grid.json"), e.getMessage());
    }
}
