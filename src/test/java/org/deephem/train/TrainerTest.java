package org.deephem.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.deephem.data.DatasetReader;
import org.deephem.data.DeepHemDataset;
import org.deephem.eval.Metrics;
import org.deephem.model.Fusion;
import org.deephem.model.ModelConfig;
import org.deephem.testutil.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TrainerTest {
    static DeepHemDataset demo;

    @BeforeAll
    static void load() {
        demo = DatasetReader.read(TestData.demo());
    }

    static ModelConfig small(int epochs, long seed) {
        return ModelConfig.defaults().withSize(120, 3, 16, 2, 1, 16).withMtiDim(demo.pcaNames().size())
                .withTraining(epochs, 32, 32, 1e-3, seed);
    }

    @Test
    void learnsThePlantedSignalWithoutCollapsing() {
        Trainer.Result r = Trainer.train(small(8, 1), demo, null);
        assertEquals(8, r.log().size());
        assertFalse(r.collapsed());
        assertTrue(Metrics.std(r.humanScores()) > Trainer.COLLAPSE_STD, "human scores must not collapse");
        assertTrue(r.selectionAuc() > 0.8, "validation AUC on the demo's planted signal: " + r.selectionAuc());
        // the kept epoch is the one with the lowest validation log-loss
        double min = r.log().stream().filter(e -> e.targetStd() > Trainer.COLLAPSE_STD).mapToDouble(EpochLog::selectionLogLoss).min().orElseThrow();
        assertEquals(min, r.selectionLogLoss(), 0.0);
        assertEquals(min, r.log().get(r.bestEpoch() - 1).selectionLogLoss(), 0.0);
        // validation rows are a stratified 20% of the labelled mouse and never trained on
        assertEquals(24, r.selectionIds().size());
        assertEquals(24, new HashSet<>(r.selectionIds()).size());
    }

    @Test
    void sameSeedGivesIdenticalScoresAndAnotherSeedDiffers() {
        double[] a = Trainer.train(small(2, 5), demo, null).humanScores();
        double[] b = Trainer.train(small(2, 5), demo, null).humanScores();
        double[] c = Trainer.train(small(2, 6), demo, null).humanScores();
        assertArrayEquals(a, b, 0.0);
        assertFalse(java.util.Arrays.equals(a, c));
    }

    @Test
    void everyAblationConfigurationTrains() {
        for (ModelConfig cfg : List.of(
                small(1, 2).withBranches(true, false, false),
                small(1, 2).withBranches(false, true, true),
                small(1, 2).withBranches(false, false, true),
                small(1, 2).withFusion(Fusion.ADD),
                small(1, 2).withFusion(Fusion.CROSS_ATTENTION),
                small(1, 2).withLossWeights(0.0, 1.0),
                small(1, 2).withLossWeights(1.0, 0.0))) {
            Trainer.Result r = Trainer.train(cfg, demo, null);
            for (double s : r.humanScores()) assertTrue(s >= 0 && s <= 1 && Double.isFinite(s), cfg.summary());
        }
    }

    @Test
    void selectionRulesKeepTheRightEpoch() {
        Trainer.Result last = Trainer.train(small(3, 4).withSelection(org.deephem.model.Selection.LAST), demo, null);
        assertEquals(3, last.bestEpoch());
        Trainer.Result auc = Trainer.train(small(3, 4).withSelection(org.deephem.model.Selection.VAL_AUC), demo, null);
        double max = auc.log().stream().mapToDouble(EpochLog::selectionAuc).max().orElseThrow();
        assertEquals(max, auc.selectionAuc(), 0.0);
        assertEquals(auc.log().stream().filter(e -> e.selectionAuc() == max).findFirst().orElseThrow().epoch(), auc.bestEpoch(),
                "ties go to the earlier epoch");
        // KeptEpochs replays the same rule from the log alone
        assertEquals(last.bestEpoch(), KeptEpochs.kept(last.log(), org.deephem.model.Selection.LAST, 0));
        assertEquals(auc.bestEpoch(), KeptEpochs.kept(auc.log(), org.deephem.model.Selection.VAL_AUC, 0));
    }

    @Test
    void oneFullRunGivesTheEarlyStoppedRunsPickAndScores() {
        // the full run (patience 0) with a watcher, and a real early-stopped run (patience 1) of the same seed
        java.util.List<double[]> perEpoch = new java.util.ArrayList<>();
        Trainer.Result full = Trainer.train(small(4, 7).withPatience(0), demo, null, Seeds.of(7), null, (e, h) -> perEpoch.add(h));
        Trainer.Result early = Trainer.train(small(4, 7).withPatience(1), demo, null, Seeds.of(7), null);
        assertEquals(4, perEpoch.size(), "the watcher hears every epoch");
        assertArrayEquals(perEpoch.get(full.bestEpoch() - 1), full.humanScores(), 0.0, "the kept epoch's scores are the ones the watcher heard");
        int replayed = KeptEpochs.kept(full.log(), org.deephem.model.Selection.VAL_LOGLOSS, 1);
        assertEquals(early.bestEpoch(), replayed, "patience replayed on the full run keeps the early-stopped run's epoch");
        assertArrayEquals(early.humanScores(), perEpoch.get(replayed - 1), 0.0, "and the same weights");
        assertEquals(full.bestEpoch(), KeptEpochs.kept(full.log(), org.deephem.model.Selection.VAL_LOGLOSS, 0));
    }

    @Test
    void dannScheduleMatchesItsClosedForm() {
        assertEquals(0.0, Trainer.dannSchedule(0.0), 0.0);
        assertEquals(2 / (1 + Math.exp(-5)) - 1, Trainer.dannSchedule(0.5), 1e-15);
        assertEquals(0.9999092042625951, Trainer.dannSchedule(1.0), 1e-15);
    }

    @Test
    void splitIsStratifiedAndDisjoint() {
        int[] labels = new int[100];
        for (int i = 0; i < 40; i++) labels[i] = 1;
        Split s = Split.stratified(labels, 0.2, 3);
        assertEquals(20, s.validation().length);
        assertEquals(80, s.train().length);
        long valPos = java.util.Arrays.stream(s.validation()).filter(i -> labels[i] == 1).count();
        assertEquals(8, valPos);
        HashSet<Integer> seen = new HashSet<>();
        for (int i : s.train()) seen.add(i);
        for (int i : s.validation()) assertTrue(seen.add(i));
    }
}
