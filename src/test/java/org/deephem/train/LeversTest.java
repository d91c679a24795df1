package org.deephem.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deephem.data.DatasetReader;
import org.deephem.data.DeepHemDataset;
import org.deephem.data.Domain;
import org.deephem.model.DeepHemGraph;
import org.deephem.model.Fusion;
import org.deephem.model.ModelConfig;
import org.deephem.model.ModelInputs;
import org.deephem.model.Predictor;
import org.deephem.testutil.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The levers of issue 12 against closed forms and second computations: dropout only in training
 * (inference = the same weights without dropout), label smoothing's loss by hand, the λ/α
 * schedule's values, the length adversary as an exact extra term whose gradient is reversed, and
 * the target pool with the unlabelled mouse rows.
 */
class LeversTest {
    static final int[] LABELS = {1, 0, 1, 0, 1, 0, 1, 0};
    static final int[] SRC = {0, 1, 2, 3}, TGT = {0, 1, 2, 3};

    static ModelConfig dropped(ModelConfig c) {
        return c.withDropout(0.5, 0.3, 0.4).withBranchDropout(0.3).withTokenDropout(0.25);
    }

    private static Map<String, INDArray> batch(ModelConfig cfg, ModelInputs in, double lambda) {
        return Trainer.batch(cfg, in, LABELS, SRC, TGT, 4, lambda, 0.5);
    }

    private static List<String> variables(SameDiff sd) {
        List<String> v = new ArrayList<>();
        for (SDVariable x : sd.variables()) if (x.getVariableType() == VariableType.VARIABLE) v.add(x.name());
        return v;
    }

    @ParameterizedTest
    @EnumSource(Fusion.class)
    void inferenceWithDropoutIsDeterministicAndEqualsTheSameWeightsWithout(Fusion fusion) {
        ModelConfig plain = GradientCheckTest.tiny(fusion);
        ModelConfig drop = dropped(plain);
        assertTrue(DeepHemGraph.dropoutSites(drop).size() >= 4, "branch, encoder and head sites");
        assertTrue(DeepHemGraph.dropoutSites(plain).isEmpty(), "no lever, no mask: today's graph");
        SameDiff a = DeepHemGraph.build(drop), b = DeepHemGraph.build(plain);
        assertEquals(variables(b), variables(a), "masks are placeholders, not weights");
        for (String v : variables(a)) assertEquals(b.getVariable(v).getArr(), a.getVariable(v).getArr(), v);

        double[] withDrop = Predictor.logits(a, GradientCheckTest.randomInputs(drop, 5));
        double[] again = Predictor.logits(a, GradientCheckTest.randomInputs(drop, 5));
        double[] without = Predictor.logits(b, GradientCheckTest.randomInputs(plain, 5));
        assertArrayEquals(withDrop, again, 0.0, "inference is deterministic");
        assertArrayEquals(without, withDrop, 1e-12, "inference equals the no-dropout graph with the same weights");
    }

    @Test
    void trainingNoiseIsInvertedDropoutAndChangesTheLoss() {
        ModelConfig drop = dropped(GradientCheckTest.tiny(Fusion.CONCAT));
        ModelInputs in = GradientCheckTest.randomInputs(drop, 5);
        SameDiff sd = DeepHemGraph.build(drop);
        Map<String, INDArray> clean = batch(drop, in, 0.5);
        double cleanLoss = sd.output(clean, DeepHemGraph.LOSS).get(DeepHemGraph.LOSS).getDouble(0);
        Map<String, INDArray> noisy = batch(drop, in, 0.5);
        new TrainingLevers(drop, 9, List.of(), new int[0]).noise(noisy);
        double noisyLoss = sd.output(noisy, DeepHemGraph.LOSS).get(DeepHemGraph.LOSS).getDouble(0);
        assertNotEquals(cleanLoss, noisyLoss, "training masks reach the loss");

        // every mask value is 0 or 1/(1-p) (branch sites: (1/(1-q))·(1/(1-p)) when both apply)
        INDArray head = noisy.get("keep_cls");
        for (double v : head.dup().data().asDouble()) assertTrue(v == 0 || Math.abs(v - 1 / 0.6) < 1e-6, "head mask " + v);
        INDArray enc = noisy.get("keep_enc0_att");
        for (double v : enc.dup().data().asDouble()) assertTrue(v == 0 || Math.abs(v - 1 / 0.7) < 1e-6, "encoder mask " + v);
        double kept = 1 / 0.5 / 0.7;
        for (String site : List.of("keep_seq", "keep_inh", "keep_mti")) {
            for (double v : noisy.get(site).dup().data().asDouble()) assertTrue(v == 0 || Math.abs(v - kept) < 1e-6, site + " mask " + v);
        }
        // whole-branch dropout never drops every branch of a row
        for (int r = 0; r < 8; r++) {
            boolean any = false;
            for (String site : List.of("keep_seq", "keep_inh", "keep_mti")) any |= noisy.get(site).getRow(r).sumNumber().doubleValue() > 0;
            assertTrue(any, "row " + r + " keeps a branch");
        }
    }

    @Test
    void dropoutRatesAreHonouredOnLargeMasks() {
        ModelConfig cfg = ModelConfig.defaults().withSize(40, 2, 64, 2, 1, 64).withMtiDim(3).withDropout(0.3, 0, 0).withDoublePrecision(true)
                .withTraining(1, 200, 200, 1e-3, 1);
        List<String> seqs = new ArrayList<>();
        double[][] inh = new double[400][18], mti = new double[400][3];
        for (int i = 0; i < 400; i++) seqs.add("ACGUACGUACGUACGUACGUACGUACGUACGUACGUACGU");
        ModelInputs in = new ModelInputs(cfg, seqs, inh, mti, org.deephem.model.Standardiser.fit(inh), org.deephem.model.Standardiser.fit(mti));
        int[] src = new int[200], tgt = new int[200], labels = new int[400];
        for (int i = 0; i < 200; i++) {
            src[i] = i;
            tgt[i] = i;
        }
        Map<String, INDArray> m = Trainer.batch(cfg, in, labels, src, tgt, 200, 0, 0);
        new TrainingLevers(cfg, 3, List.of(), new int[0]).noise(m);
        INDArray mask = m.get("keep_inh"); // 400 x 64 = 25,600 draws
        double zeros = mask.eq(0).castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).meanNumber().doubleValue();
        assertEquals(0.3, zeros, 0.015, "share dropped");
        assertEquals(1.0, mask.meanNumber().doubleValue(), 0.03, "inverted dropout keeps the mean");
    }

    @Test
    void tokenDropoutZeroesWholePositionsOnlyInTraining() {
        ModelConfig cfg = GradientCheckTest.tiny(Fusion.CONCAT).withTokenDropout(0.5);
        ModelInputs in = GradientCheckTest.randomInputs(cfg, 5);
        Map<String, INDArray> clean = batch(cfg, in, 0), noisy = batch(cfg, in, 0);
        new TrainingLevers(cfg, 4, List.of(), new int[0]).noise(noisy);
        INDArray a = clean.get(DeepHemGraph.TOKENS), b = noisy.get(DeepHemGraph.TOKENS);
        int dropped = 0, positions = 0;
        for (long r = 0; r < a.size(0); r++) {
            for (long p = 0; p < a.size(1); p++) {
                positions++;
                double sa = 0, sb = 0;
                for (long v = 0; v < a.size(2); v++) {
                    sa += a.getDouble(r, p, v);
                    sb += b.getDouble(r, p, v);
                    double x = b.getDouble(r, p, v);
                    assertTrue(x == 0 || x == a.getDouble(r, p, v), "a kept position is unchanged");
                }
                if (sb == 0 && sa > 0) dropped++;
            }
        }
        assertTrue(dropped > 0 && dropped < positions, dropped + " of " + positions + " positions dropped");
        assertTrue(DeepHemGraph.dropoutSites(cfg).isEmpty(), "token dropout needs no graph change");
    }

    @Test
    void labelSmoothingLossEqualsTheHandComputedValue() {
        double eps = 0.2;
        assertEquals(0.1, TrainingLevers.smooth(0, eps), 1e-15);
        assertEquals(0.9, TrainingLevers.smooth(1, eps), 1e-15);
        ModelConfig cfg = GradientCheckTest.tiny(Fusion.CONCAT).withLabelSmoothing(eps);
        ModelInputs in = GradientCheckTest.randomInputs(cfg, 5);
        SameDiff sd = DeepHemGraph.build(cfg);
        Map<String, INDArray> m = batch(cfg, in, 0);
        new TrainingLevers(cfg, 1, List.of(), new int[0]).targets(m, TrainingLevers.rows(SRC, TGT, 4));
        Map<String, INDArray> o = sd.output(m, DeepHemGraph.CLS_LOSS, DeepHemGraph.LOGIT);
        double want = 0;
        for (int i = 0; i < SRC.length; i++) {
            double z = o.get(DeepHemGraph.LOGIT).getDouble(i, 0);
            double t = LABELS[SRC[i]] == 1 ? 0.9 : 0.1;
            double p = 1 / (1 + Math.exp(-z));
            want += (-t * Math.log(p) - (1 - t) * Math.log(1 - p)) / SRC.length; // cross-entropy by its definition
        }
        assertEquals(want, o.get(DeepHemGraph.CLS_LOSS).getDouble(0), 1e-12);
        // at logit 0 any target costs log 2: a hand value independent of the graph
        assertEquals(Math.log(2), -0.9 * Math.log(0.5) - 0.1 * Math.log(0.5), 1e-15);
    }

    @Test
    void scheduleFollowsTheClosedForm() {
        ModelConfig today = ModelConfig.defaults().withTraining(10, 32, 32, 1e-3, 1);
        int steps = 5;
        for (long done = 1; done <= 50; done++) {
            assertEquals(Trainer.dannSchedule(done / 50.0), Trainer.domainSchedule(today, done, steps), 0.0, "default = today, step " + done);
        }
        ModelConfig c = today.withSchedule(4, 2); // 2 warm-up epochs, ramp over 4 epochs
        assertEquals(0.0, Trainer.domainSchedule(c, 1, steps));
        assertEquals(0.0, Trainer.domainSchedule(c, 10, steps), "last warm-up step");
        assertEquals(2 / (1 + Math.exp(-10 * 0.05)) - 1, Trainer.domainSchedule(c, 11, steps), 1e-15, "first ramp step: p = 1/20");
        assertEquals(2 / (1 + Math.exp(-5)) - 1, Trainer.domainSchedule(c, 20, steps), 1e-15, "half the ramp: p = 1/2");
        double end = 2 / (1 + Math.exp(-10)) - 1;
        assertEquals(end, Trainer.domainSchedule(c, 30, steps), 1e-15, "ramp done");
        assertEquals(end, Trainer.domainSchedule(c, 50, steps), 1e-15, "held after the ramp");
        ModelConfig warmOnly = today.withSchedule(0, 2); // default ramp: the 8 epochs after the warm-up
        assertEquals(8, warmOnly.effectiveRampEpochs());
        assertEquals(2 / (1 + Math.exp(-5)) - 1, Trainer.domainSchedule(warmOnly, 10 + 20, steps), 1e-15);
    }

    @Test
    void lengthAdversaryIsAnExactExtraTermWithReversedGradient() {
        ModelConfig base = GradientCheckTest.tiny(Fusion.CONCAT);
        ModelInputs in = GradientCheckTest.randomInputs(base, 5);
        SameDiff today = DeepHemGraph.build(base), zero = DeepHemGraph.build(base.withLengthAdvWeight(0));
        Map<String, INDArray> ph = batch(base, in, 0.7);
        assertEquals(today.output(ph, DeepHemGraph.LOSS).get(DeepHemGraph.LOSS).getDouble(0),
                zero.output(ph, DeepHemGraph.LOSS).get(DeepHemGraph.LOSS).getDouble(0), 0.0, "weight 0 = today's loss");
        assertFalse(zero.hasVariable(DeepHemGraph.LENGTH), "no length placeholder at weight 0");

        double w = 0.8;
        ModelConfig lc = base.withLengthAdvWeight(w);
        SameDiff len = DeepHemGraph.build(lc);
        List<String> seqs = new ArrayList<>();
        for (int i = 0; i < 8; i++) seqs.add("A".repeat(6 + 2 * i)); // pool rows 0..7, lengths 6..20
        TrainingLevers levers = new TrainingLevers(lc, 1, seqs, new int[] {0, 1, 2, 3, 4, 5, 6, 7});
        Map<String, INDArray> pl = batch(lc, in, 0.7);
        levers.targets(pl, TrainingLevers.rows(SRC, TGT, 4));
        Map<String, INDArray> o = len.output(pl, DeepHemGraph.LOSS, DeepHemGraph.LENGTH_LOSS, DeepHemGraph.LENGTH_PRED);
        double base0 = zero.output(ph, DeepHemGraph.LOSS).get(DeepHemGraph.LOSS).getDouble(0);
        assertEquals(base0 + w * o.get(DeepHemGraph.LENGTH_LOSS).getDouble(0), o.get(DeepHemGraph.LOSS).getDouble(0), 1e-12);
        // the term by hand: Σ (pred − z)² / 8 with z the standardised lengths 6..20 of rows 0..3, 4..7
        double mean = 13, sd = Math.sqrt((49 + 25 + 9 + 1 + 1 + 9 + 25 + 49) / 8.0);
        double want = 0;
        int[] pool = TrainingLevers.rows(SRC, TGT, 4);
        for (int i = 0; i < 8; i++) {
            double z = (6 + 2 * pool[i] - mean) / sd;
            double e = o.get(DeepHemGraph.LENGTH_PRED).getDouble(i, 0) - z;
            want += e * e / 8;
        }
        assertEquals(want, o.get(DeepHemGraph.LENGTH_LOSS).getDouble(0), 1e-12);

        // gradient reversal: the term's gradient on shared weights flips sign with λ → −λ,
        // and the length head's own weights learn normally (same gradient for both signs)
        List<String> vars = variables(len);
        Map<String, INDArray> g0 = zero.calculateGradients(withLambda(ph, 1.0, lc), variables(zero));
        Map<String, INDArray> gPlus = len.calculateGradients(withLambda(pl, 1.0, lc), vars);
        Map<String, INDArray> gMinus = len.calculateGradients(withLambda(pl, -1.0, lc), vars);
        Map<String, INDArray> g0m = zero.calculateGradients(withLambda(ph, -1.0, lc), variables(zero));
        INDArray shared = gPlus.get("inh_1_w").sub(g0.get("inh_1_w"));
        INDArray flipped = gMinus.get("inh_1_w").sub(g0m.get("inh_1_w"));
        assertTrue(shared.norm2Number().doubleValue() > 1e-8, "the length term reaches the shared weights");
        assertEquals(0.0, shared.add(flipped).norm2Number().doubleValue(), 1e-10);
        assertEquals(gPlus.get("len_2_w"), gMinus.get("len_2_w"), "the head itself is not reversed");
    }

    private static Map<String, INDArray> withLambda(Map<String, INDArray> ph, double lambda, ModelConfig cfg) {
        Map<String, INDArray> m = new java.util.HashMap<>(ph);
        m.put(DeepHemGraph.LAMBDA, org.nd4j.linalg.factory.Nd4j.create(new double[] {lambda}, new long[] {1, 1},
                cfg.doublePrecision() ? org.nd4j.linalg.api.buffer.DataType.DOUBLE : org.nd4j.linalg.api.buffer.DataType.FLOAT));
        return m;
    }

    @Test
    void unlabelledMouseJoinTheTargetPoolAfterTheHumanRowsOnlyWhenAsked() {
        DeepHemDataset ds = DatasetReader.read(TestData.demo());
        ModelConfig cfg = TrainingRun.sizedFor(ModelConfig.defaults(), ds);
        assertTrue(ds.unlabelledMouse().size() > 0, "the demo has unlabelled mouse rows");
        assertEquals(ds.target(), Trainer.targetPool(cfg, ds), "off: human rows only");
        Domain pool = Trainer.targetPool(cfg.withUnlabelledMouseTarget(true), ds);
        assertEquals(ds.target().size() + ds.unlabelledMouse().size(), pool.size());
        assertEquals(ds.target().ids(), pool.ids().subList(0, ds.target().size()), "human rows keep their indices");
        assertEquals(ds.unlabelledMouse().ids(), pool.ids().subList(ds.target().size(), pool.size()));
        assertArrayEquals(ds.unlabelledMouse().inherent()[0], pool.inherent()[ds.target().size()]);
        Set<String> labelled = Set.copyOf(ds.source().ids());
        assertTrue(pool.ids().stream().noneMatch(labelled::contains), "no labelled row on the target side");
    }
}
