package org.deephem.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deephem.data.DatasetReader;
import org.deephem.data.DeepHemDataset;
import org.deephem.model.DeepHemGraph;
import org.deephem.model.ModelConfig;
import org.deephem.model.ModelInputs;
import org.deephem.model.Predictor;
import org.deephem.model.QuietGradients;
import org.deephem.model.exec.Executor;
import org.deephem.model.exec.PlannedGraph;
import org.deephem.testutil.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The planned executor against SameDiff's own session on the demo data: the same loss terms,
 * logits and every gradient, bit for bit, over batches of several padded lengths run in turn
 * (plans share their arena); whole trainings give the same log, weights and scores; and with the
 * same seed the planned executor repeats itself. With dropout off (the default) and with the
 * regularised recipe (dropout, token dropout, label smoothing, weight decay): its keep-masks are
 * placeholders drawn by the trainer's own random stream, not by graph ops, so both executors see the same masks.
 */
class PlannedExecutorTest {
    static DeepHemDataset demo;

    @BeforeAll
    static void load() {
        demo = DatasetReader.read(TestData.demo());
    }

    @AfterEach
    void back() {
        Executor.use(Executor.DEFAULT);
    }

    static ModelConfig config(boolean regularised, int epochs, long seed) {
        return config(demo, regularised, epochs, seed);
    }

    static ModelConfig config(DeepHemDataset ds, boolean regularised, int epochs, long seed) {
        ModelConfig c = TrainingRun.sizedFor(ModelConfig.defaults(), ds).withTraining(epochs, 32, 32, 1e-3, seed);
        return regularised ? c.withDropout(0.3, 0.3, 0.3).withTokenDropout(0.1).withLabelSmoothing(0.1).withRegularisation(1e-3, c.validationFraction()) : c;
    }

    static final String[] OUTPUTS = {DeepHemGraph.LOSS, DeepHemGraph.CLS_LOSS, DeepHemGraph.MMD_LOSS, DeepHemGraph.ADV_LOSS, DeepHemGraph.L2_LOSS, DeepHemGraph.LOGIT};

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void lossOutputsAndEveryGradientEqualTheSession(boolean regularised) {
        double[] worst = stepDiffs(demo, config(demo, regularised, 1, 3), regularised ? "demo, regularised" : "demo, dropout off");
        assertEquals(0.0, worst[0], "loss terms and logits are the same bits");
        assertEquals(0.0, worst[1], "every gradient is the same bits");
    }

    /** Every other shape of the graph the config can build, and libnd4j's fused attention op. */
    @Test
    void everyGraphVariantEqualsTheSession() {
        ModelConfig c = config(false, 1, 5);
        Map<String, ModelConfig> variants = new java.util.LinkedHashMap<>();
        for (org.deephem.model.Fusion f : org.deephem.model.Fusion.values()) variants.put("fusion " + f, c.withFusion(f));
        variants.put("single kernel, MMD on the hidden layer", c.withKernel(org.deephem.model.MmdKernel.SINGLE).withMmdOnHidden(true));
        variants.put("length adversary", c.withLengthAdvWeight(1));
        variants.put("sequence branch only", c.withBranches(true, false, false));
        variants.put("double precision, 2 layers", c.withSize(c.maxLength(), c.tokenPool(), 16, 2, 2, 16).withDoublePrecision(true));
        for (var e : variants.entrySet()) {
            double[] worst = stepDiffs(demo, e.getValue(), "demo, " + e.getKey());
            assertEquals(0.0, worst[0], e.getKey() + ": loss terms and logits");
            assertEquals(0.0, worst[1], e.getKey() + ": gradients");
        }
        double[] fused = stepDiffs(demo, c, DeepHemGraph.Ops.LIBND4J_ATTENTION, "demo, libnd4j attention");
        assertEquals(0.0, fused[0], "libnd4j attention: loss terms and logits");
        assertEquals(0.0, fused[1], "libnd4j attention: gradients");
    }

    /**
     * The same on the real dataset when it has been built ({@code build-dataset --out build/dataset},
     * or the folder named by the system property {@code deephem.realDataset}); skipped otherwise.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void onTheRealDataToo(boolean regularised) {
        java.nio.file.Path dir = java.nio.file.Path.of(System.getProperty("deephem.realDataset", "build/dataset"));
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isRegularFile(dir.resolve("dataset.json")), "no real dataset at " + dir);
        DeepHemDataset real = DatasetReader.read(dir);
        double[] worst = stepDiffs(real, config(real, regularised, 1, 3), regularised ? "real data, regularised" : "real data, dropout off");
        assertEquals(0.0, worst[0], "loss terms and logits are the same bits");
        assertEquals(0.0, worst[1], "every gradient is the same bits");
    }

    /**
     * Largest |session − planned| of the loss terms and logits, and of every weight's gradient,
     * over batches of the shortest, middle and longest rows of each side (three padded lengths),
     * run in turn and again (plans reused after others grew the shared arena).
     */
    static double[] stepDiffs(DeepHemDataset ds, ModelConfig c, String what) {
        return stepDiffs(ds, c, DeepHemGraph.Ops.BASIC, what);
    }

    static double[] stepDiffs(DeepHemDataset ds, ModelConfig c, DeepHemGraph.Ops ops, String what) {
        List<String> seqs = new ArrayList<>(ds.source().sequences());
        seqs.addAll(ds.target().sequences());
        double[][] inh = Trainer.concat(ds.source().inherent(), ds.target().inherent());
        double[][] mti = Trainer.concat(ds.source().mtiPca(), ds.target().mtiPca());
        ModelInputs in = new ModelInputs(c, seqs, inh, mti, org.deephem.model.Standardiser.fit(inh), org.deephem.model.Standardiser.fit(mti));
        int nS = ds.source().size(), nT = ds.target().size();
        TrainingLevers levers = new TrainingLevers(c, 11, seqs, Trainer.range(in.size()));
        SameDiff sd = DeepHemGraph.build(c, ops);
        QuietGradients.create(sd);
        List<String> vars = new ArrayList<>();
        for (SDVariable v : sd.variables()) if (v.getVariableType() == VariableType.VARIABLE) vars.add(v.name());
        PlannedGraph planned = PlannedGraph.of(sd);
        int[] order = Predictor.lengthOrder(in);
        int[] srcRows = java.util.Arrays.stream(order).filter(r -> r < nS).toArray();
        int[] tgtRows = java.util.Arrays.stream(order).filter(r -> r >= nS).map(r -> r - nS).toArray();
        int[][] starts = {{0, 0}, {srcRows.length / 2, tgtRows.length / 2}, {srcRows.length - 32, tgtRows.length - 32}, {0, 0}, {srcRows.length - 32, tgtRows.length - 32}};
        java.util.Set<Long> lengths = new java.util.TreeSet<>();
        double worstOut = 0, worstGrad = 0;
        int compared = 0;
        for (int[] st : starts) {
            int[] src = java.util.Arrays.copyOfRange(srcRows, st[0], st[0] + 32);
            int[] tgt = java.util.Arrays.copyOfRange(tgtRows, st[1], st[1] + 32);
            Map<String, INDArray> ph = Trainer.batch(c, in, ds.labels(), src, tgt, nS, 0.4, 0.4);
            levers.targets(ph, TrainingLevers.rows(src, tgt, nS));
            levers.noise(ph);
            lengths.add(ph.get(DeepHemGraph.TOKENS).size(1));
            Map<String, INDArray> a = sd.output(ph, OUTPUTS), b = planned.output(ph, OUTPUTS);
            for (String o : OUTPUTS) worstOut = Math.max(worstOut, maxAbsDiff(a.get(o), b.get(o)));
            Map<String, INDArray> ga = sd.calculateGradients(ph, vars), gb = planned.gradients(ph, vars);
            for (String v : vars) {
                worstGrad = Math.max(worstGrad, maxAbsDiff(ga.get(v), gb.get(v)));
                compared++;
            }
        }
        System.out.printf("planned vs session (%s): max |diff| loss terms and logits %.3g, gradients %.3g (%d gradients, padded lengths %s, %d plans, arena %.1f MiB)%n",
                what, worstOut, worstGrad, compared, lengths, planned.plansBuilt(), planned.arenaBytes() / 1048576.0);
        assertTrue(lengths.size() >= 3, "padded lengths " + lengths);
        assertTrue(compared > 100);
        PlannedGraph.release(sd);
        return new double[] {worstOut, worstGrad};
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void trainingEqualsTheSessionAndRepeatsItself(boolean regularised) {
        ModelConfig c = config(regularised, 2, 7);
        Executor.use(Executor.SESSION);
        Trainer.Result session = Trainer.train(c, demo, null);
        Executor.use(Executor.PLANNED);
        Trainer.Result planned = Trainer.train(c, demo, null);
        Trainer.Result again = Trainer.train(c, demo, null);
        assertEquals("planned", Executor.describe(), "the graph was planned, not handed back to the session");
        assertArrayEquals(session.humanScores(), planned.humanScores(), 0.0, "human scores");
        assertArrayEquals(planned.humanScores(), again.humanScores(), 0.0, "same seed, same scores");
        for (int e = 0; e < session.log().size(); e++) {
            EpochLog s = session.log().get(e), p = planned.log().get(e);
            assertEquals(s.trainLoss(), p.trainLoss(), 0.0, "loss, epoch " + (e + 1));
            assertEquals(s.selectionLogLoss(), p.selectionLogLoss(), 0.0, "selection log-loss, epoch " + (e + 1));
        }
        Map<String, INDArray> ws = Trainer.snapshot(session.graph()), wp = Trainer.snapshot(planned.graph()), wa = Trainer.snapshot(again.graph());
        assertEquals(ws.keySet(), wp.keySet());
        double worst = 0;
        for (String k : ws.keySet()) {
            worst = Math.max(worst, maxAbsDiff(ws.get(k), wp.get(k)));
            assertEquals(0.0, maxAbsDiff(wp.get(k), wa.get(k)), k + ": same seed, same weights");
        }
        System.out.printf("training (%s, %d epochs): max |weight diff| planned vs session %.3g%n", regularised ? "regularised" : "dropout off", c.epochs(), worst);
        assertEquals(0.0, worst, "every trained weight is the same bits");
        assertEquals(session.graph().getTrainingConfig().getIterationCount(), planned.graph().getTrainingConfig().getIterationCount());
        assertEquals(session.graph().getTrainingConfig().getEpochCount(), planned.graph().getTrainingConfig().getEpochCount());
    }

    /**
     * The weight update over all weights at once (one Adam call over one buffer, issue 25) against
     * the same executor updating weight by weight: every weight the same bits after steps over
     * three padded lengths, and the all-at-once update was really the one used.
     */
    @Test
    void updatingAllWeightsAtOnceEqualsWeightByWeight() {
        ModelConfig c = config(false, 1, 5);
        SameDiff byWeight = trainable(c), atOnce = trainable(c);
        List<Map<String, INDArray>> batches = threeLengths(c);
        String before = System.getProperty(PlannedGraph.FLAT_PROPERTY);
        try {
            System.setProperty(PlannedGraph.FLAT_PROPERTY, "false");
            PlannedGraph a = PlannedGraph.of(byWeight);
            for (var b : batches) a.trainStep(b);
            System.clearProperty(PlannedGraph.FLAT_PROPERTY);
            PlannedGraph b = PlannedGraph.of(atOnce);
            for (var ph : batches) b.trainStep(ph);
            assertTrue(!a.updatesAtOnce() && b.updatesAtOnce(), "one graph weight by weight, the other at once");
            Map<String, INDArray> wa = Trainer.snapshot(byWeight), wb = Trainer.snapshot(atOnce);
            Map<String, INDArray> init = Trainer.snapshot(trainable(c));
            assertTrue(wa.size() > 20, wa.size() + " weights");
            int moved = 0;
            for (String k : wa.keySet()) {
                if (maxAbsDiff(wa.get(k), init.get(k)) > 0) moved++;
                assertEquals(0.0, maxAbsDiff(wa.get(k), wb.get(k)), k);
            }
            assertEquals(wa.size(), moved, "every weight was updated");
            assertEquals(byWeight.getTrainingConfig().getIterationCount(), atOnce.getTrainingConfig().getIterationCount());
        } finally {
            if (before == null) System.clearProperty(PlannedGraph.FLAT_PROPERTY);
            else System.setProperty(PlannedGraph.FLAT_PROPERTY, before);
            PlannedGraph.release(byWeight);
            PlannedGraph.release(atOnce);
        }
    }

    /** The default graph with the trainer's training configuration, initialised from the config's seed. */
    static SameDiff trainable(ModelConfig c) {
        org.nd4j.linalg.factory.Nd4j.getRandom().setSeed(c.seed());
        SameDiff sd = DeepHemGraph.build(c, DeepHemGraph.Ops.BASIC);
        List<String> ph = new ArrayList<>(sd.inputs());
        sd.setTrainingConfig(org.nd4j.autodiff.samediff.TrainingConfig.builder().updater(new org.nd4j.linalg.learning.config.Adam(c.learningRate()))
                .dataSetFeatureMapping(ph).markLabelsUnused().build());
        QuietGradients.create(sd);
        return sd;
    }

    /** Training batches of the demo's shortest, middle and longest rows, twice over. */
    static List<Map<String, INDArray>> threeLengths(ModelConfig c) {
        List<String> seqs = new ArrayList<>(demo.source().sequences());
        seqs.addAll(demo.target().sequences());
        double[][] inh = Trainer.concat(demo.source().inherent(), demo.target().inherent());
        double[][] mti = Trainer.concat(demo.source().mtiPca(), demo.target().mtiPca());
        ModelInputs in = new ModelInputs(c, seqs, inh, mti, org.deephem.model.Standardiser.fit(inh), org.deephem.model.Standardiser.fit(mti));
        int nS = demo.source().size();
        TrainingLevers levers = new TrainingLevers(c, 11, seqs, Trainer.range(in.size()));
        int[] order = Predictor.lengthOrder(in);
        int[] srcRows = java.util.Arrays.stream(order).filter(r -> r < nS).toArray();
        int[] tgtRows = java.util.Arrays.stream(order).filter(r -> r >= nS).map(r -> r - nS).toArray();
        List<Map<String, INDArray>> out = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (int[] st : new int[][] {{0, 0}, {srcRows.length / 2, tgtRows.length / 2}, {srcRows.length - 32, tgtRows.length - 32}}) {
                int[] src = java.util.Arrays.copyOfRange(srcRows, st[0], st[0] + 32);
                int[] tgt = java.util.Arrays.copyOfRange(tgtRows, st[1], st[1] + 32);
                Map<String, INDArray> ph = Trainer.batch(c, in, demo.labels(), src, tgt, nS, 0.4, 0.4);
                levers.targets(ph, TrainingLevers.rows(src, tgt, nS));
                levers.noise(ph);
                out.add(ph);
            }
        }
        return out;
    }

    static double maxAbsDiff(INDArray a, INDArray b) {
        assertArrayEquals(a.shape(), b.shape());
        double w = 0;
        INDArray x = a.reshape(a.length()).castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE), y = b.reshape(b.length()).castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE);
        for (long i = 0; i < x.length(); i++) {
            double d = Math.abs(x.getDouble(i) - y.getDouble(i));
            if (Double.isNaN(d)) return Double.NaN;
            w = Math.max(w, d);
        }
        return w;
    }
}
