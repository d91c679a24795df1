package org.deephem.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.deephem.testutil.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ablate / compare: bad options give one line, exit 2, and nothing written. */
class ExperimentCommandsTest {
    @TempDir
    Path tmp;

    private void refused(String expected, String... args) {
        CliTest.Run r = CliTest.run(args);
        assertEquals(2, r.exit(), r.err());
        String last = r.err().strip().lines().reduce((a, b) -> b).orElse("");
        assertTrue(last.startsWith("error: ") && last.contains(expected), "'" + expected + "' in: " + r.err());
        assertFalse(last.matches("(?s).*(java\\.|Exception).*"), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
    }

    @Test
    void badOptionsAreNamed() {
        String out = tmp.resolve("o").toString(), data = TestData.demo().toString();
        refused("--cv: give FOLDSxREPEATS such as 5x2", "ablate", "--data", data, "-o", out, "--cv", "5y2");
        refused("--cv folds: must be between 2 and 100", "ablate", "--data", data, "-o", out, "--cv", "1x2");
        refused("--cv-seeds: give all or first (got 'second')", "ablate", "--data", data, "-o", out, "--cv", "2x1", "--cv-seeds", "second");
        refused("--groups: unknown group 'colour'", "ablate", "--data", data, "-o", out, "--groups", "loss,colour");
        refused("--methods: unknown method 'svm'", "compare", "--data", data, "-o", out, "--methods", "tca,svm");
        refused("--jobs: must be between 1 and 64", "compare", "--data", data, "-o", out, "--jobs", "0");
        refused("--seeds: a seed is given twice", "compare", "--data", data, "-o", out, "--seeds", "1,1");
        refused("--epochs: must be between 1 and 100000 (got 0)", "ablate", "--data", data, "-o", out, "--epochs", "0");
        refused("--patience: training-length always trains the full epochs", "training-length", "--data", data, "-o", out, "--patience", "3");
        refused("is not an experiment folder (no grid.json", "report", "--run", "demo", "--data", data, "--experiments", out);
        assertFalse(Files.exists(tmp.resolve("o")), "nothing written");
    }

    @Test
    void quickTrainsASmallNetworkAndTheDefaultGridKeepsTheFullSize() {
        org.deephem.data.DeepHemDataset ds = org.deephem.data.DatasetReader.read(TestData.demo());
        GridOptions quick = new GridOptions();
        quick.quick = true;
        org.deephem.model.ModelConfig q = quick.network(ds);
        assertEquals(GridOptions.QUICK_WIDTH, q.width());
        assertEquals(GridOptions.QUICK_HIDDEN, q.hidden());
        assertEquals(GridOptions.QUICK_EPOCHS, q.epochs());
        org.deephem.model.ModelConfig full = new GridOptions().network(ds), d = org.deephem.model.ModelConfig.defaults();
        assertEquals(d.width(), full.width());
        assertEquals(d.hidden(), full.hidden());
        assertEquals(d.layers(), full.layers());
        assertEquals(d.epochs(), full.epochs());
    }

    @Test
    void cvSeedsFirstGivesAGridWhoseFirstSeedAloneRunsTheCv() {
        GridOptions o = new GridOptions();
        o.cv = "5x1";
        o.cvSeeds = "first";
        o.seeds = java.util.List.of(3L, 4L);
        java.util.List<org.deephem.experiment.Grid.Row> rows = java.util.List.of(new org.deephem.experiment.Grid.Row("g", "a", "a", "logistic", null));
        org.deephem.experiment.Grid g = o.grid("t", rows, "a");
        assertTrue(g.cvFirstSeedOnly());
        java.util.List<org.deephem.experiment.CellSpec> cells = g.cells("sha");
        assertEquals(5, cells.get(0).cvFolds(), "seed 3 runs the CV");
        assertEquals(0, cells.get(1).cvFolds(), "seed 4 does not");
        o.cvSeeds = "all";
        assertEquals(5, o.grid("t", rows, "a").cells("sha").get(1).cvFolds());
    }
}
