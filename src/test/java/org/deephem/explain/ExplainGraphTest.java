package org.deephem.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.deephem.features.Kmers;
import org.deephem.model.DeepHemGraph;
import org.deephem.model.Fusion;
import org.deephem.model.ModelConfig;
import org.deephem.model.ModelInputs;
import org.deephem.model.Predictor;
import org.deephem.model.Standardiser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The gradient integrated gradients uses, on tiny double-precision graphs with jittered weights
 * (no ReLU sits on its kink): it equals a central finite difference of the logit, rows of a batch
 * do not mix, and the model's graph is left as it was.
 */
class ExplainGraphTest {
    static ModelConfig tiny(Fusion fusion) {
        return ModelConfig.defaults().withSize(20, 2, 8, 2, 1, 6).withFusion(fusion).withMtiDim(3)
                .withTraining(1, 4, 4, 1e-3, 7).withDoublePrecision(true);
    }

    /** A built graph with every weight moved by N(0, 0.1²), so that biases are off 0 and ReLUs off their kinks. */
    static SameDiff jittered(ModelConfig cfg, long seed) {
        SameDiff sd = DeepHemGraph.build(cfg);
        Random jitter = new Random(seed);
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() != VariableType.VARIABLE) continue;
            INDArray w = v.getArr();
            for (long i = 0; i < w.length(); i++) w.putScalar(i, w.getDouble(i) + 0.1 * jitter.nextGaussian());
        }
        return sd;
    }

    /** Eight random precursors of 8–20 nt (several pooled lengths) with random features, standardised. */
    static ModelInputs randomInputs(ModelConfig cfg, long seed) {
        Random rnd = new Random(seed);
        int n = 8;
        List<String> seqs = new ArrayList<>();
        double[][] inh = new double[n][18], mti = new double[n][cfg.mtiDim()];
        for (int i = 0; i < n; i++) {
            StringBuilder s = new StringBuilder();
            int len = 8 + rnd.nextInt(13);
            for (int j = 0; j < len; j++) s.append("ACGU".charAt(rnd.nextInt(4)));
            seqs.add(s.toString());
            for (int j = 0; j < 18; j++) inh[i][j] = rnd.nextGaussian();
            for (int j = 0; j < mti[i].length; j++) mti[i][j] = rnd.nextGaussian();
        }
        return new ModelInputs(cfg, seqs, inh, mti, Standardiser.fit(inh), Standardiser.fit(mti));
    }

    private static double logit(SameDiff sd, Map<String, INDArray> ph) {
        return sd.output(ph, DeepHemGraph.LOGIT).get(DeepHemGraph.LOGIT).getDouble(0);
    }

    @ParameterizedTest
    @EnumSource(Fusion.class)
    void gradientMatchesCentralFiniteDifferencesOfTheLogit(Fusion fusion) {
        ModelConfig cfg = tiny(fusion).withDropout(0.3, 0.2, 0.1); // dropout sites fed with ones
        SameDiff sd = jittered(cfg, 11);
        ModelInputs in = randomInputs(cfg, 3);
        LogitGradients lg = new LogitGradients(sd, cfg);
        double eps = 1e-6, worst = 0, largest = 0, worstAbs = 0;
        String worstAt = "";
        int checked = 0;
        for (int row : new int[] {0, 5}) {
            Map<String, INDArray> ph = in.features(new int[] {row});
            LogitGradients.Result r = lg.run(ph);
            assertEquals(logit(sd, ph), r.logits()[0], 1e-12, "the copy computes the model's logit");
            for (String name : lg.inputs()) {
                INDArray x = ph.get(name);
                double[] g = r.gradients().get(name);
                List<Long> entries = new ArrayList<>();
                if (name.equals(DeepHemGraph.TOKENS)) {
                    // cells that hold a token, padding cells and empty cells: the histogram is continuous
                    for (long i = 0; i < x.length() && entries.size() < 6; i++) if (x.getDouble(i) > 0) entries.add(i);
                    entries.add(0L);
                    entries.add(x.length() - 1);
                    entries.add((long) Kmers.VOCABULARY + 17);
                } else {
                    for (long i = 0; i < x.length(); i += 2) entries.add(i);
                }
                for (long i : entries) {
                    double orig = x.getDouble(i);
                    x.putScalar(i, orig + eps);
                    double up = logit(sd, ph);
                    x.putScalar(i, orig - eps);
                    double down = logit(sd, ph);
                    x.putScalar(i, orig);
                    double fd = (up - down) / (2 * eps), an = g[(int) i];
                    // relative error, with an absolute floor of 1e-9 for entries whose gradient is ~0
                    double err = Math.abs(fd - an) / Math.max(1e-4, Math.abs(fd) + Math.abs(an));
                    largest = Math.max(largest, Math.abs(an));
                    worstAbs = Math.max(worstAbs, Math.abs(fd - an));
                    if (Math.abs(fd - an) > 1e-9 && err > worst) {
                        worst = err;
                        worstAt = name + "[" + i + "] analytic " + an + " numeric " + fd;
                    }
                    checked++;
                }
            }
        }
        System.out.println(fusion + ": " + checked + " entries, largest gradient " + largest + ", worst |fd - analytic| " + worstAbs + ", worst relative error " + worst + " " + worstAt);
        assertTrue(checked >= 40, "checked " + checked);
        assertTrue(largest > 1e-2, "the gradients are not all ~0, so the comparison could fail");
        assertTrue(worst < 1e-5, "worst relative error " + worst + " at " + worstAt + " (" + fusion + ")");
    }

    /** Batching the path's steps is valid only if no op mixes rows: a batch must give each row what it gives alone. */
    @ParameterizedTest
    @EnumSource(Fusion.class)
    void rowsOfABatchDoNotMix(Fusion fusion) {
        ModelConfig cfg = tiny(fusion).withDropout(0.3, 0.2, 0.1);
        SameDiff sd = jittered(cfg, 12);
        ModelInputs in = randomInputs(cfg, 4);
        LogitGradients lg = new LogitGradients(sd, cfg);
        int[] all = {0, 1, 2, 3, 4, 5, 6, 7};
        int p = in.pooledLength(all);
        LogitGradients.Result batch = lg.run(in.features(all, p));
        for (int r = 0; r < all.length; r++) {
            LogitGradients.Result alone = lg.run(in.features(new int[] {r}, p));
            assertEquals(alone.logits()[0], batch.logits()[r], 1e-12, "logit of row " + r);
            for (String name : lg.inputs()) {
                double[] g = batch.gradients().get(name), a = alone.gradients().get(name);
                double[] slice = java.util.Arrays.copyOfRange(g, r * a.length, (r + 1) * a.length);
                assertArrayEquals(a, slice, 1e-12, name + " gradient of row " + r);
            }
        }
        // and the rows do differ, so the comparison could fail
        assertTrue(Math.abs(batch.logits()[0] - batch.logits()[1]) > 1e-6);
    }

    /**
     * The path integral converges: both rules' residuals shrink as steps grow, and at 512 steps the
     * two rules give the same attributions (they share nothing but the graph's gradients).
     */
    @Test
    void bothRulesConvergeToTheSameAttributions() {
        ModelConfig cfg = tiny(Fusion.CONCAT);
        SameDiff sd = jittered(cfg, 14);
        ModelInputs in = randomInputs(cfg, 6);
        IntegratedGradients gl = new IntegratedGradients(sd, cfg, Quadrature.Rule.GAUSS_LEGENDRE);
        IntegratedGradients tr = new IntegratedGradients(sd, cfg, Quadrature.Rule.TRAPEZOID);
        for (int row : new int[] {1, 6}) {
            IntegratedGradients.Attribution coarse = tr.explain(in, row, 4), a = gl.explain(in, row, 512), b = tr.explain(in, row, 512);
            System.out.printf(java.util.Locale.ROOT, "row %d: residual trapezoid 4 %.2e, 512 %.2e; Gauss-Legendre 512 %.2e; logit move %.3f%n",
                    row, coarse.residual(), b.residual(), a.residual(), a.logit() - a.baselineLogit());
            assertTrue(Math.abs(a.residual()) < 1e-3 && Math.abs(b.residual()) < 1e-3);
            assertTrue(Math.abs(b.residual()) < Math.abs(coarse.residual()), "more steps, smaller residual");
            assertEquals(a.logit(), b.logit(), 1e-12);
            assertEquals(a.baselineLogit(), b.baselineLogit(), 1e-12);
            assertArrayEquals(a.inherent(), b.inherent(), 2e-3);
            assertArrayEquals(a.mti(), b.mti(), 2e-3);
            assertArrayEquals(a.tokenCells(), b.tokenCells(), 2e-3);
        }
    }

    @Test
    void theModelsGraphIsLeftAsItWas() {
        ModelConfig cfg = tiny(Fusion.CONCAT);
        SameDiff sd = jittered(cfg, 13);
        ModelInputs in = randomInputs(cfg, 5);
        double[] before = Predictor.logits(sd, in);
        int variables = sd.variables().size();
        IntegratedGradients ig = new IntegratedGradients(sd, cfg, Quadrature.Rule.GAUSS_LEGENDRE);
        ig.explain(in, 0, 8);
        assertArrayEquals(before, Predictor.logits(sd, in), 0.0);
        assertEquals(variables, sd.variables().size());
        assertEquals(List.of(DeepHemGraph.LOSS), sd.getLossVariables());
        assertTrue(!sd.hasGradientFunction() || sd.getVariable(LogitGradients.TARGET) == null);
    }
}
