package org.deephem.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.deephem.model.DeepHemGraph;
import org.deephem.model.Fusion;
import org.deephem.model.ModelConfig;
import org.deephem.model.ModelInputs;
import org.deephem.model.Standardiser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.deephem.model.QuietGradients;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Finite-difference check of the whole graph in double precision. With λ = −1 the reversal
 * layer's gradient is +1, so the analytic gradient of the full loss must equal the finite
 * difference through every branch, the fusion, both heads and the adversarial term. The MMD
 * term is switched off by α = 0 here because its bandwidth is deliberately treated as a
 * constant (no gradient); its own gradient is checked at a fixed bandwidth in GraphOpsTest.
 */
class GradientCheckTest {
    static ModelConfig tiny(Fusion fusion) {
        return ModelConfig.defaults().withSize(14, 2, 8, 2, 1, 6).withFusion(fusion).withMtiDim(3)
                .withTraining(1, 4, 4, 1e-3, 7).withDoublePrecision(true).withRegularisation(0.0, 0.2);
    }

    @ParameterizedTest
    @EnumSource(Fusion.class)
    void wholeGraphGradientMatchesFiniteDifferences(Fusion fusion) {
        ModelConfig cfg = tiny(fusion);
        ModelInputs in = randomInputs(cfg, 3);
        int[] labels = {1, 0, 1, 0};
        Map<String, INDArray> ph = Trainer.batch(cfg, in, labels, new int[] {0, 1, 2, 3}, new int[] {0, 1, 2, 3}, 4, -1.0, 0.0);
        assertGradientMatchesFiniteDifferences(cfg, ph, "fusion " + fusion);
    }

    /**
     * The same check with every lever on: fixed training masks (dropout, branch and token
     * dropout), smoothed labels and the length adversary's term are all inside the loss.
     */
    @Test
    void gradientWithEveryLeverMatchesFiniteDifferences() {
        ModelConfig cfg = LeversTest.dropped(tiny(Fusion.CONCAT)).withLabelSmoothing(0.2).withLengthAdvWeight(0.7);
        ModelInputs in = randomInputs(cfg, 3);
        int[] src = {0, 1, 2, 3}, tgt = {0, 1, 2, 3};
        // α = 0 as above: the MMD bandwidth is detached on purpose, so a finite difference would see it move
        Map<String, INDArray> ph = Trainer.batch(cfg, in, new int[] {1, 0, 1, 0}, src, tgt, 4, -1.0, 0.0);
        List<String> seqs = new ArrayList<>();
        for (int i = 0; i < 8; i++) seqs.add("ACGU".repeat(2 + i % 3));
        TrainingLevers levers = new TrainingLevers(cfg, 5, seqs, new int[] {0, 1, 2, 3, 4, 5, 6, 7});
        levers.targets(ph, TrainingLevers.rows(src, tgt, 4));
        levers.noise(ph);
        assertGradientMatchesFiniteDifferences(cfg, ph, "every lever on");
    }

    private static void assertGradientMatchesFiniteDifferences(ModelConfig cfg, Map<String, INDArray> ph, String what) {
        SameDiff sd = DeepHemGraph.build(cfg);
        List<String> vars = new ArrayList<>();
        for (SDVariable v : sd.variables()) if (v.getVariableType() == VariableType.VARIABLE) vars.add(v.name());
        // Zero-initialised biases put ReLUs exactly on their kink for rows whose inputs are all
        // inactive, where a finite difference is not a derivative; jitter every weight first.
        Random jitter = new Random(11);
        for (String name : vars) {
            INDArray w = sd.getVariable(name).getArr();
            for (long i = 0; i < w.length(); i++) w.putScalar(i, w.getDouble(i) + 0.1 * jitter.nextGaussian());
        }
        QuietGradients.create(sd);
        Map<String, INDArray> grads = sd.calculateGradients(ph, vars);
        double eps = 1e-6;
        double worst = 0;
        String worstAt = "";
        int checked = 0;
        for (String name : vars) {
            INDArray w = sd.getVariable(name).getArr();
            INDArray g = grads.get(name);
            long len = w.length();
            for (int k = 0; k < 3; k++) {
                long idx = (k * 7919L + name.length()) % len;
                double orig = w.getDouble(idx);
                w.putScalar(idx, orig + eps);
                double up = loss(sd, ph);
                w.putScalar(idx, orig - eps);
                double down = loss(sd, ph);
                w.putScalar(idx, orig);
                double fd = (up - down) / (2 * eps);
                double an = g == null ? 0.0 : g.getDouble(idx);
                double err = Math.abs(fd - an) / Math.max(1e-6, Math.abs(fd) + Math.abs(an));
                if (Math.abs(fd - an) > 1e-7 && err > worst) {
                    worst = err;
                    worstAt = name + "[" + idx + "] analytic " + an + " numeric " + fd;
                }
                checked++;
            }
        }
        assertTrue(checked > 60, "checked " + checked + " entries");
        assertTrue(worst < 1e-4, "worst relative error " + worst + " for " + what + " at " + worstAt);
    }

    /** Eight random precursors (8–14 nt) with random inherent and 3 MTI features, standardised. */
    static ModelInputs randomInputs(ModelConfig cfg, long seed) {
        Random rnd = new Random(seed);
        int n = 8;
        List<String> seqs = new ArrayList<>();
        double[][] inh = new double[n][18], mti = new double[n][3];
        for (int i = 0; i < n; i++) {
            StringBuilder s = new StringBuilder();
            int len = 8 + rnd.nextInt(7);
            for (int j = 0; j < len; j++) s.append("ACGU".charAt(rnd.nextInt(4)));
            seqs.add(s.toString());
            for (int j = 0; j < 18; j++) inh[i][j] = rnd.nextGaussian();
            for (int j = 0; j < 3; j++) mti[i][j] = rnd.nextGaussian();
        }
        return new ModelInputs(cfg, seqs, inh, mti, Standardiser.fit(inh), Standardiser.fit(mti));
    }

    private static double loss(SameDiff sd, Map<String, INDArray> ph) {
        return sd.output(ph, DeepHemGraph.LOSS).get(DeepHemGraph.LOSS).getDouble(0);
    }
}
