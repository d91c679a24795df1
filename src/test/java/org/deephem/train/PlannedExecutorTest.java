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
        BatchPaddingTest.demo = demo;
    }

    @AfterEach
    void back() {
        Executor.use(Executor.SESSION);
    }

    static ModelConfig config(boolean regularised, int epochs, long seed) {
        ModelConfig c = TrainingRun.sizedFor(ModelConfig.defaults(), demo).withTraining(epochs, 32, 32, 1e-3, seed);
        return regularised ? c.withDropout(0.3, 0.3, 0.3).withTokenDropout(0.1).withLabelSmoothing(0.1).withRegularisation(1e-3, c.validationFraction()) : c;
    }

    static final String[] OUTPUTS = {DeepHemGraph.LOSS, DeepHemGraph.CLS_LOSS, DeepHemGraph.MMD_LOSS, DeepHemGraph.ADV_LOSS, DeepHemGraph.L2_LOSS, DeepHemGraph.LOGIT};

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void lossOutputsAndEveryGradientEqualTheSession(boolean regularised) {
        ModelConfig c = config(regularised, 1, 3);
        ModelInputs in = BatchPaddingTest.all(c);
        int nS = demo.source().size(), nT = demo.target().size();
        List<String> seqs = new ArrayList<>(demo.source().sequences());
        seqs.addAll(demo.target().sequences());
        TrainingLevers levers = new TrainingLevers(c, 11, seqs, Trainer.range(in.size()));
        SameDiff sd = DeepHemGraph.build(c);
        QuietGradients.create(sd);
        List<String> vars = new ArrayList<>();
        for (SDVariable v : sd.variables()) if (v.getVariableType() == VariableType.VARIABLE) vars.add(v.name());
        PlannedGraph planned = PlannedGraph.of(sd);
        int[] order = Predictor.lengthOrder(in);
        // batches of the 32 shortest, middle and longest rows of each side, then the first again:
        // three padded lengths, and a plan reused after others grew the arena
        int[][] starts = {{0, 0}, {40, 40}, {nS - 32, nT - 32}, {0, 0}, {nS - 32, nT - 32}};
        java.util.Set<Long> lengths = new java.util.TreeSet<>();
        double worstOut = 0, worstGrad = 0;
        int compared = 0;
        for (int[] st : starts) {
            int[] src = java.util.Arrays.stream(order).filter(r -> r < nS).skip(Math.max(0, Math.min(st[0], nS - 32))).limit(32).toArray();
            int[] tgt = java.util.Arrays.stream(order).filter(r -> r >= nS).map(r -> r - nS).skip(Math.max(0, Math.min(st[1], nT - 32))).limit(32).toArray();
            Map<String, INDArray> ph = Trainer.batch(c, in, demo.labels(), src, tgt, nS, 0.4, 0.4);
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
        System.out.printf("planned vs session (%s): max |diff| outputs %.3g, gradients %.3g (%d gradients, lengths %s, %d plans, arena %.1f MiB)%n",
                regularised ? "regularised" : "dropout off", worstOut, worstGrad, compared, lengths, planned.plansBuilt(), planned.arenaBytes() / 1048576.0);
        assertTrue(lengths.size() >= 3, "padded lengths " + lengths);
        assertEquals(0.0, worstOut, "loss terms and logits are the same bits");
        assertEquals(0.0, worstGrad, "every gradient is the same bits");
        assertTrue(compared > 100);
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
