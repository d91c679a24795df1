package org.deephem.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.deephem.analysis.CorrelationAnalysis;
import org.deephem.data.DatasetReader;
import org.deephem.data.DeepHemDataset;
import org.deephem.eval.Correlation;
import org.deephem.eval.Correlations;
import org.deephem.io.InputError;
import org.deephem.model.ModelConfig;
import org.deephem.testutil.TestData;
import org.deephem.train.TrainingRun;
import org.deephem.validation.CrossValidation;
import org.deephem.zoo.ConfigCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resumable harness on the demo data: cells in child JVMs, each written once; a restart
 * reuses finished cells and recomputes only missing ones; a cell file of another spec is refused.
 * Uses cheap baselines as cells so that the child JVMs, not training, set the time.
 */
class HarnessTest {
    @TempDir
    Path tmp;

    private static Grid grid(List<String> methods, int cvFolds) {
        return new Grid("compare", Grids.comparison(ModelConfig.defaults(), methods), "neg-length", List.of(1L), cvFolds, cvFolds == 0 ? 0 : 1);
    }

    @Test
    void cellsRunInChildrenOnceAndAResumeReusesThem() throws Exception {
        Path out = tmp.resolve("grid");
        Grid g = grid(List.of("neg_length", "logistic"), 0);
        Harness.Outcome first = Harness.run(g, TestData.demo(), out, 2, 1);
        assertEquals(2, first.ran());
        assertEquals(0, first.reused());
        assertEquals(g, Harness.savedGrid(out), "grid.json holds the grid, for the report");
        for (String id : List.of("neg-length-s1", "logistic-s1")) {
            assertTrue(Files.exists(out.resolve("cells").resolve(id + ".json")), id);
        }
        for (String f : List.of("compare_cells.csv", "compare_cells.xlsx", "compare_summary.csv", "compare_summary.xlsx",
                "compare_summary.csv.provenance.json", "compare_summary.txt")) {
            assertTrue(Files.exists(out.resolve(f)), f);
        }
        // the cell's numbers are the method's own: recompute one in this process and compare
        DeepHemDataset ds = DatasetReader.read(TestData.demo());
        CellResult logistic1 = Harness.read(out.resolve("cells/logistic-s1.json"));
        CellResult again = CellRun.compute(logistic1.spec(), ds);
        assertArrayEquals(again.humanScores(), logistic1.humanScores(), 0.0, "deterministic with the seed, in or out of a child JVM");
        assertNotNull(logistic1.provenance().get("environment"));

        // restart: nothing recomputed, files untouched, same tables
        Path cell = out.resolve("cells/logistic-s1.json");
        FileTime before = Files.getLastModifiedTime(cell);
        Harness.Outcome second = Harness.run(g, TestData.demo(), out, 2, 1);
        assertEquals(0, second.ran());
        assertEquals(2, second.reused());
        assertEquals(before, Files.getLastModifiedTime(cell));
        assertEquals(first.merged().summary().toString(), second.merged().summary().toString());
        assertEquals(first.merged().text(), Harness.collect(g, TestData.demo(), out).text(), "collect reads the same cells");

        // a lost cell (as after a kill mid-grid) is the only one computed again
        Files.delete(out.resolve("cells/neg-length-s1.json"));
        Harness.Outcome third = Harness.run(g, TestData.demo(), out, 1, 1);
        assertEquals(1, third.ran());
        assertEquals(1, third.reused());
        assertEquals(before, Files.getLastModifiedTime(cell));

        // another spec for the same cell file (here: CV on) is refused before anything runs
        InputError e = assertThrows(InputError.class, () -> Harness.run(grid(List.of("neg_length", "logistic"), 2), TestData.demo(), out, 1, 1));
        assertTrue(e.getMessage().contains("neg-length-s1.json") && e.getMessage().contains("another spec"), e.getMessage());
        assertEquals(before, Files.getLastModifiedTime(cell));
    }

    @Test
    void changedDataMakesEveryCellAnotherSpec() throws Exception {
        Path data = tmp.resolve("data");
        Files.createDirectories(data);
        try (var s = Files.list(TestData.demo())) {
            for (Path p : s.toList()) if (Files.isRegularFile(p)) Files.copy(p, data.resolve(p.getFileName()));
        }
        Grid g = new Grid("compare", Grids.comparison(ModelConfig.defaults(), List.of("neg_length")), "neg-length", List.of(1L), 0, 0);
        Path out = tmp.resolve("run");
        Harness.run(g, data, out, 1, 1);
        assertEquals(CellSpec.datasetSha256(data), Harness.read(out.resolve("cells/neg-length-s1.json")).spec().dataSha256());
        Files.writeString(data.resolve("dataset.json"), Files.readString(data.resolve("dataset.json")) + " ");
        InputError e = assertThrows(InputError.class, () -> Harness.run(g, data, out, 1, 1));
        assertTrue(e.getMessage().contains("another spec"), "the data's hash is part of the spec: " + e.getMessage());
    }

    @Test
    void aNetworkCellReportsItsEpochCorrelationsAndCv() {
        DeepHemDataset ds = DatasetReader.read(TestData.demo());
        ModelConfig tiny = TrainingRun.sizedFor(ModelConfig.defaults().withSize(120, 3, 16, 2, 1, 16)
                .withTraining(1, 32, 32, 1e-3, 42).withPatience(0), ds);
        CellSpec spec = new CellSpec("t", "deephem-s3", "deephem", ConfigCodec.toMap(tiny), 3, 0, 0, CellSpec.datasetSha256(ds.folder()));
        CellResult r = CellRun.compute(spec, ds);
        assertEquals(spec.sha256(), r.specSha256());
        assertNotNull(r.selectedEpoch());
        assertEquals(1, r.epochsRun());
        assertEquals(6, r.correlations().size(), "conservation and DSW x Pearson, Spearman, Kendall");
        // each correlation is eval.Correlations' on the cell's own human scores
        Map<String, Map<String, Double>> ind = CorrelationAnalysis.indicators(ds);
        for (CellResult.Corr c : r.correlations()) {
            double[] y = Correlations.align(ds.target().ids(), ind.get(c.indicator()));
            Correlation want = Correlations.all(r.humanScores(), y, 0, 1).stream()
                    .filter(k -> k.kind().label().equals(c.coefficient())).findFirst().orElseThrow();
            assertEquals(want.r(), c.r(), 0.0, c.measure());
        }
        // the trace: one epoch, every rule keeps it, and its human correlations are the cell's own
        assertEquals(1, r.trace().epochs().size());
        for (CellResult.Pick p : r.trace().picks()) assertEquals(1, p.epoch(), p.rule());
        for (CellResult.Corr c : r.correlations()) {
            assertEquals(c.r(), r.trace().epochs().get(0).human().get(c.measure()), 1e-6, "trace " + c.measure());
        }
        assertNull(r.cv(), "no CV asked");
        // the CV is validation.CrossValidation's with the cell's seed: same folds, same figures
        CellSpec logistic = new CellSpec("t", "logistic-s3", "logistic", null, 3, 2, 1, "x");
        CellResult lr = CellRun.compute(logistic, ds);
        assertEquals(2, lr.cv().auroc().length);
        CrossValidation.Result cv = CrossValidation.run(ds, List.of(logistic.toMethod()), new CrossValidation.Options(2, 1, 3), null);
        assertArrayEquals(cv.folds().stream().mapToDouble(CrossValidation.FoldResult::auroc).toArray(), lr.cv().auroc(), 0.0);
        assertFalse(r.wallSeconds() <= 0);
    }

    @Test
    void anEnsembleIsARowOfTheGridWhoseCellsScoreTheMeanOfItsSeeds() throws Exception {
        DeepHemDataset ds = DatasetReader.read(TestData.demo());
        ModelConfig tiny = TrainingRun.sizedFor(ModelConfig.defaults().withSize(120, 3, 8, 2, 1, 8)
                .withTraining(1, 32, 32, 1e-3, 42).withPatience(0), ds);
        List<Grid.Row> rows = Grids.withEnsemble(List.of(new Grid.Row("g", "full", "full", "deephem", tiny)), "full", 2);
        assertEquals(List.of("full", "full-ens2"), rows.stream().map(Grid.Row::key).toList());
        Grid g = new Grid("t", rows, "full", List.of(4L), 0, 0);
        List<CellSpec> cells = g.cells(CellSpec.datasetSha256(ds.folder()));
        assertNull(cells.get(0).ensembleSeeds());
        assertEquals(2, cells.get(1).ensembleSeeds());
        // a single-model cell's JSON (and so its hash) has no ensemble field: cells finished before ensembles existed stay valid
        assertFalse(org.deephem.io.Json.write(cells.get(0)).contains("ensembleSeeds"));
        CellSpec back = org.deephem.io.Json.mapper().readValue(org.deephem.io.Json.write(cells.get(1)), CellSpec.class);
        assertEquals(2, back.ensembleSeeds());
        assertEquals(cells.get(1).sha256(), back.sha256(), "the worker reads back the spec the parent hashed");
        assertEquals(g, org.deephem.io.Json.mapper().readValue(org.deephem.io.Json.write(g.saved()), Grid.Saved.class).toGrid());

        CellResult one = CellRun.compute(cells.get(0), ds), ens = CellRun.compute(cells.get(1), ds);
        int[] all = java.util.stream.IntStream.range(0, ds.labels().length).toArray();
        double[] direct = org.deephem.ensemble.EnsembleMethod.ofSeeds("deephem", new org.deephem.train.NetworkMethod("deephem", tiny), 2)
                .fit(ds, all, 4L).score(ds.target());
        assertArrayEquals(direct, ens.humanScores(), 1e-12, "the cell scores what the ensemble method scores");
        double moved = 0;
        for (int i = 0; i < direct.length; i++) moved = Math.max(moved, Math.abs(one.humanScores()[i] - ens.humanScores()[i]));
        assertTrue(moved > 1e-6, "the ensemble cell is not the single model's");
    }
}
