package org.deephem.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deephem.data.DatasetReader;
import org.deephem.data.DeepHemDataset;
import org.deephem.method.Method;
import org.deephem.model.ModelConfig;
import org.deephem.testutil.TestData;
import org.deephem.zoo.ModelZip;
import org.deephem.zoo.Scorer;
import org.deephem.zoo.TrainedModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingRunTest {
    static DeepHemDataset demo;
    @TempDir
    Path tmp;

    @BeforeAll
    static void load() {
        demo = DatasetReader.read(TestData.demo());
    }

    static ModelConfig small(int epochs) {
        return ModelConfig.defaults().withSize(120, 3, 16, 2, 1, 16).withMtiDim(demo.pcaNames().size())
                .withTraining(epochs, 32, 32, 1e-3, 42);
    }

    /** Every third labelled row is left out, as an outer fold would be. */
    static int[] everyRowBut3rd() {
        return java.util.stream.IntStream.range(0, demo.labels().length).filter(i -> i % 3 != 0).toArray();
    }

    @Test
    void provenanceIsTypedAndSavedInTheZipUnderTheDocumentedKeys() {
        Seeds seeds = new Seeds(7, 8, 9);
        TrainingRun.Outcome o = TrainingRun.run(new RunSpec("t", demo, small(2), seeds, null, Map.of("fold", "3")), null);
        RunProvenance p = o.provenance();
        assertEquals(seeds, p.seeds());
        assertEquals(8, p.config().seed(), "the config records the initialisation seed");
        assertEquals(Map.of("fold", "3"), p.tags());
        assertEquals(demo.labels().length, p.selected().labelledRowsUsed());
        assertEquals(2, p.selected().epochsRun());
        assertTrue(p.datasetSha256().containsKey("mmu_label.xlsx"), p.datasetSha256().keySet().toString());
        assertEquals(p.environment(), org.deephem.zoo.Provenance.environment());

        Path zip = tmp.resolve("t.zip");
        ModelZip.save(zip, o.model());
        TrainedModel back = ModelZip.load(zip);
        @SuppressWarnings("unchecked")
        Map<String, Object> metrics = (Map<String, Object>) back.provenance().get("metrics");
        assertEquals(p.selected().epoch(), ((Number) metrics.get("selected_epoch")).intValue());
        assertEquals(p.selected().selectionIds(), metrics.get("selection_ids"));
        assertTrue(((String) metrics.get("selection_note")).contains("not an accuracy estimate"));
        assertEquals(Map.of("split", 7, "init", 8, "order", 9), back.provenance().get("seeds"));
        assertArrayEquals(o.humanScores(), new Scorer(back).score(demo.target(), null), 0.0);
    }

    @Test
    void rowsOutsideTrainRowsAreNeverSeen() {
        int[] rows = everyRowBut3rd();
        ModelConfig cfg = small(2);
        TrainingRun.Outcome a = TrainingRun.run(new RunSpec("a", demo, cfg, Seeds.of(3), rows, Map.of()), null);
        Set<String> allowed = new HashSet<>();
        for (int i : rows) allowed.add(demo.source().ids().get(i));
        assertTrue(allowed.containsAll(a.provenance().selected().selectionIds()));
        assertEquals(rows.length, a.provenance().selected().labelledRowsUsed());
        // flipping the labels and scrambling the features of the left-out rows changes nothing
        int[] flipped = demo.labels().clone();
        double[][] inh = demo.source().inherent().clone();
        for (int i = 0; i < flipped.length; i += 3) {
            flipped[i] = 1 - flipped[i];
            // another row's features (scoring refuses values far outside the training range, so no 1e3 fill)
            inh[i] = demo.source().inherent()[(i + 1) % inh.length].clone();
        }
        var src = new org.deephem.data.Domain(demo.source().name(), demo.source().ids(), demo.source().sequences(), inh, demo.source().mtiPca());
        DeepHemDataset changed = new DeepHemDataset(demo.folder(), src, flipped, demo.unlabelledMouse(), demo.target(),
                demo.inherentNames(), demo.pcaNames(), demo.mouseTargets(), demo.humanTargets(), demo.conservation(), demo.dsw());
        TrainingRun.Outcome b = TrainingRun.run(new RunSpec("b", changed, cfg, Seeds.of(3), rows, Map.of()), null);
        assertArrayEquals(a.humanScores(), b.humanScores(), 0.0);
        // ... while using all rows does see them
        TrainingRun.Outcome c = TrainingRun.run(new RunSpec("c", changed, cfg, Seeds.of(3), null, Map.of()), null);
        assertFalse(Arrays.equals(a.humanScores(), c.humanScores()));
    }

    @Test
    void theThreeSeedsActSeparately() {
        ModelConfig cfg = small(1);
        TrainingRun.Outcome base = TrainingRun.run(new RunSpec("s", demo, cfg, new Seeds(1, 1, 1), null, Map.of()), null);
        TrainingRun.Outcome split = TrainingRun.run(new RunSpec("s", demo, cfg, new Seeds(2, 1, 1), null, Map.of()), null);
        TrainingRun.Outcome init = TrainingRun.run(new RunSpec("s", demo, cfg, new Seeds(1, 2, 1), null, Map.of()), null);
        TrainingRun.Outcome order = TrainingRun.run(new RunSpec("s", demo, cfg, new Seeds(1, 1, 2), null, Map.of()), null);
        List<String> ids = base.provenance().selected().selectionIds();
        assertNotEquals(ids, split.provenance().selected().selectionIds(), "split seed moves the held-out rows");
        assertEquals(ids, init.provenance().selected().selectionIds());
        assertEquals(ids, order.provenance().selected().selectionIds());
        assertFalse(Arrays.equals(base.humanScores(), init.humanScores()), "init seed changes the weights");
        assertFalse(Arrays.equals(base.humanScores(), order.humanScores()), "order seed changes the batches");
        assertFalse(Arrays.equals(init.humanScores(), order.humanScores()));
        // Seeds.of(s) is what Trainer.train(cfg, ds, progress) has always done with cfg.seed()
        assertArrayEquals(Trainer.train(cfg.withSeed(1), demo, null).humanScores(), base.humanScores(), 0.0);
    }

    @Test
    void earlyStoppingStopsPatienceEpochsAfterTheKeptEpoch() {
        assertFalse(Trainer.shouldStop(0, 1, 50));
        assertFalse(Trainer.shouldStop(3, -1, 50), "nothing kept yet (collapsed): keep going");
        assertFalse(Trainer.shouldStop(3, 4, 6));
        assertTrue(Trainer.shouldStop(3, 4, 7));
        Trainer.Result r = Trainer.train(small(6).withPatience(1), demo, null, Seeds.of(5), null);
        int kept = r.bestEpoch();
        if (r.stoppedEarly()) assertEquals(kept + 1, r.log().size());
        else assertEquals(6, r.log().size());
        for (EpochLog e : r.log()) {
            assertTrue(e.selectionLogLoss() >= r.selectionLogLoss(), "kept epoch has the lowest selection log-loss");
        }
        // the kept epoch is the same as without early stopping, up to where training stopped
        Trainer.Result full = Trainer.train(small(6), demo, null, Seeds.of(5), null);
        for (int i = 0; i < r.log().size(); i++) {
            assertEquals(full.log().get(i).selectionLogLoss(), r.log().get(i).selectionLogLoss(), 0.0);
        }
    }

    @Test
    void networkMethodFitsOnTheGivenRowsAndScoresProbabilities() {
        Method m = new NetworkMethod(small(2));
        assertEquals("deephem", m.name());
        Method.Fitted f = m.fit(demo, everyRowBut3rd(), 11);
        double[] s = f.score(demo.source());
        assertEquals(demo.source().size(), s.length);
        for (double v : s) assertTrue(v >= 0 && v <= 1);
        // the fit report: the kept epoch and the model, whose provenance is the run's
        var report = f.fitReport();
        assertEquals(Map.of("split", 11L, "init", 11L, "order", 11L), report.provenance().get("seeds"));
        @SuppressWarnings("unchecked")
        var selection = (Map<String, Object>) report.provenance().get("metrics");
        assertEquals(everyRowBut3rd().length, ((Number) selection.get("labelled_rows_used")).intValue());
        assertEquals(((Number) selection.get("selected_epoch")).intValue(), report.kept().orElseThrow().epoch());
        assertTrue(report.kept().orElseThrow().epochsRun() >= report.kept().orElseThrow().epoch());
        assertTrue(report.model().isPresent());
        assertTrue(org.deephem.method.FitReport.NONE.kept().isEmpty(), "baselines report no epoch");
    }
}
