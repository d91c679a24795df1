package org.deephem.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deephem.data.DatasetReader;
import org.deephem.data.DeepHemDataset;
import org.deephem.model.DeepHemGraph;
import org.deephem.model.Fusion;
import org.deephem.model.ModelConfig;
import org.deephem.model.ModelInputs;
import org.deephem.model.Predictor;
import org.deephem.model.QuietGradients;
import org.deephem.model.Standardiser;
import org.deephem.testutil.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Padding a batch to its own longest row instead of to maxLength changes nothing but rounding:
 * padding positions are masked out of attention and of the pooled mean. Checked against the
 * fixed-length path (every batch padded to the config's pooledLength, as before) for scores,
 * the training loss and every gradient of one step.
 */
class BatchPaddingTest {
    static DeepHemDataset demo;

    @BeforeAll
    static void load() {
        demo = DatasetReader.read(TestData.demo());
    }

    static ModelConfig cfg(Fusion fusion) {
        return TrainingRun.sizedFor(ModelConfig.defaults(), demo).withSize(TrainingRun.sizedFor(ModelConfig.defaults(), demo).maxLength(),
                3, 16, 2, 2, 16).withFusion(fusion).withTraining(1, 32, 32, 1e-3, 3);
    }

    static ModelInputs all(ModelConfig c) {
        List<String> seqs = new ArrayList<>(demo.source().sequences());
        seqs.addAll(demo.target().sequences());
        double[][] inh = concat(demo.source().inherent(), demo.target().inherent());
        double[][] mti = concat(demo.source().mtiPca(), demo.target().mtiPca());
        return new ModelInputs(c, seqs, inh, mti, Standardiser.fit(inh), Standardiser.fit(mti));
    }

    private static double[][] concat(double[][] a, double[][] b) {
        double[][] out = new double[a.length + b.length][];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void demoLengthsVarySoTheTestMeansSomething() {
        ModelConfig c = cfg(Fusion.CONCAT);
        ModelInputs in = all(c);
        int shortest = Integer.MAX_VALUE, longest = 0;
        for (int i = 0; i < in.size(); i++) {
            shortest = Math.min(shortest, in.pooledLength(i));
            longest = Math.max(longest, in.pooledLength(i));
        }
        assertEquals(c.pooledLength(), longest);
        assertTrue(shortest < longest * 0.8, "shortest " + shortest + ", longest " + longest);
    }

    @ParameterizedTest
    @EnumSource(Fusion.class)
    void scoresByLengthEqualFixedPadding(Fusion fusion) {
        ModelConfig c = cfg(fusion);
        ModelInputs in = all(c);
        SameDiff sd = DeepHemGraph.build(c);
        assertTrue(DeepHemGraph.readsAnyLength(sd));
        double[] fixed = Predictor.fixedLengthLogits(sd, in);
        double[] byLength = Predictor.logits(sd, in);
        assertEquals(in.size(), byLength.length);
        double worst = 0;
        for (int i = 0; i < fixed.length; i++) worst = Math.max(worst, Math.abs(fixed[i] - byLength[i]));
        assertTrue(worst < 1e-5, "largest logit difference " + worst);
        // the rows really were re-ordered (so the caller's order is restored, not just kept)
        assertTrue(!java.util.Arrays.equals(Predictor.lengthOrder(in), Trainer.range(in.size())));
    }

    @ParameterizedTest
    @EnumSource(Fusion.class)
    void oneTrainingStepIsTheSameAtEitherPadding(Fusion fusion) {
        ModelConfig c = cfg(fusion);
        ModelInputs in = all(c);
        int nS = demo.source().size();
        // the 32 shortest rows of each side, so that the batch is shorter than maxLength
        int[] order = Predictor.lengthOrder(in);
        int[] src = java.util.Arrays.stream(order).filter(r -> r < nS).limit(32).toArray();
        int[] tgt = java.util.Arrays.stream(order).filter(r -> r >= nS).limit(32).map(r -> r - nS).toArray();
        Map<String, INDArray> own = Trainer.batch(c, in, demo.labels(), src, tgt, nS, 0.3, 0.3);
        int[] idx = new int[64];
        for (int i = 0; i < 32; i++) {
            idx[i] = src[i];
            idx[32 + i] = nS + tgt[i];
        }
        assertTrue(own.get(DeepHemGraph.TOKENS).size(1) < c.pooledLength(), "this batch is shorter than maxLength");
        Map<String, INDArray> padded = new HashMap<>(own);
        padded.putAll(in.features(idx, c.pooledLength()));

        SameDiff sd = DeepHemGraph.build(c);
        QuietGradients.create(sd);
        List<String> vars = new ArrayList<>();
        for (SDVariable v : sd.variables()) if (v.getVariableType() == VariableType.VARIABLE) vars.add(v.name());
        double lossOwn = sd.output(own, DeepHemGraph.LOSS).get(DeepHemGraph.LOSS).getDouble(0);
        double lossPadded = sd.output(padded, DeepHemGraph.LOSS).get(DeepHemGraph.LOSS).getDouble(0);
        assertEquals(lossPadded, lossOwn, 1e-5 * Math.abs(lossPadded));
        Map<String, INDArray> gOwn = sd.calculateGradients(own, vars);
        Map<String, INDArray> gPadded = sd.calculateGradients(padded, vars);
        int compared = 0;
        for (String v : vars) {
            INDArray a = gOwn.get(v), b = gPadded.get(v);
            if (a == null && b == null) continue;
            double scale = Math.max(1e-3, b.norm2Number().doubleValue());
            double diff = a.sub(b).norm2Number().doubleValue();
            assertTrue(diff < 1e-4 * scale, v + ": gradient differs by " + diff + " (norm " + scale + ")");
            compared++;
        }
        assertTrue(compared > 20, "compared " + compared + " gradients");
    }

    @Test
    void everyRowCanBePaddedOnlyToItsOwnLength() {
        ModelConfig c = cfg(Fusion.CONCAT);
        ModelInputs in = all(c);
        SameDiff sd = DeepHemGraph.build(c);
        double[] fixed = Predictor.fixedLengthLogits(sd, in);
        for (int i : new int[] {0, 5, in.size() - 1}) {
            INDArray one = sd.output(in.features(new int[] {i}), DeepHemGraph.LOGIT).get(DeepHemGraph.LOGIT);
            assertEquals(fixed[i], one.getDouble(0, 0), 1e-5, "row " + i);
        }
    }
}
