package org.deephem.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.deephem.model.DeepHemGraph;
import org.deephem.model.Fusion;
import org.deephem.model.MmdKernel;
import org.deephem.model.ModelConfig;
import org.deephem.model.ModelInputs;
import org.deephem.zoo.ConfigCodec;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DAN's several-layer MMD ({@code mmdOnHidden}): the graph's MMD term must equal the MMD of the
 * fused layer plus that of the classifier's hidden layer, each recomputed here in plain Java
 * from the layers' values (V-statistic, Gaussian kernels at the batch's mean squared distance).
 */
class MmdLayersTest {
    /** aᵀ K a with K the mean of exp(−d²/(m σ²)) over the multipliers m, σ² = mean d² over rows with a ≠ 0, + 1e-6. */
    static double mmd(INDArray x, double[] a, double[] multipliers) {
        int n = (int) x.rows();
        double[][] d2 = new double[n][n];
        double sum = 0;
        int pairs = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int c = 0; c < x.columns(); c++) {
                    double diff = x.getDouble(i, c) - x.getDouble(j, c);
                    s += diff * diff;
                }
                d2[i][j] = s;
                if (a[i] != 0 && a[j] != 0) {
                    sum += s;
                    pairs++;
                }
            }
        }
        double sigma2 = sum / pairs + 1e-6;
        double out = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double k = 0;
                for (double m : multipliers) k += Math.exp(-d2[i][j] / (m * sigma2));
                out += a[i] * a[j] * k / multipliers.length;
            }
        }
        return out;
    }

    private static double[] mmdLoss(ModelConfig cfg, double[] expectedParts) {
        ModelInputs in = GradientCheckTest.randomInputs(cfg, 5);
        Map<String, INDArray> ph = Trainer.batch(cfg, in, new int[] {1, 0, 1, 0}, new int[] {0, 1, 2, 3},
                new int[] {0, 1, 2, 3}, 4, 0.5, 1.0);
        SameDiff sd = DeepHemGraph.build(cfg);
        Map<String, INDArray> o = sd.output(ph, DeepHemGraph.MMD_LOSS, DeepHemGraph.FUSED, DeepHemGraph.CLS_HIDDEN);
        double[] a = ph.get(DeepHemGraph.MMD_VECTOR).toDoubleVector();
        expectedParts[0] = mmd(o.get(DeepHemGraph.FUSED), a, cfg.kernel().multipliers());
        expectedParts[1] = mmd(o.get(DeepHemGraph.CLS_HIDDEN), a, cfg.kernel().multipliers());
        return new double[] {o.get(DeepHemGraph.MMD_LOSS).getDouble(0)};
    }

    @Test
    void hiddenLayerMmdIsAddedToTheFusedLayers() {
        for (MmdKernel k : MmdKernel.values()) {
            ModelConfig cfg = GradientCheckTest.tiny(Fusion.CONCAT).withKernel(k);
            double[] parts = new double[2];
            double fusedOnly = mmdLoss(cfg, parts)[0];
            assertEquals(parts[0], fusedOnly, 1e-9 * Math.max(1, parts[0]), k + ": fused layer only by default");
            double[] parts2 = new double[2];
            double both = mmdLoss(cfg.withMmdOnHidden(true), parts2)[0];
            assertEquals(parts[0], parts2[0], 1e-12, "same weights, same fused layer");
            assertTrue(parts2[1] > 1e-6, "the hidden layer's MMD is not trivially 0: " + parts2[1]);
            assertEquals(parts2[0] + parts2[1], both, 1e-9 * Math.max(1, both), k + ": fused + hidden");
        }
    }

    @Test
    void modelsSavedBeforeTheOptionLoadWithItOff() {
        ModelConfig c = ModelConfig.defaults().withMmdOnHidden(true);
        Map<String, Object> m = new LinkedHashMap<>(ConfigCodec.toMap(c));
        assertEquals(c, ConfigCodec.fromMap(m), "round trip");
        m.remove("mmdOnHidden");
        assertFalse(ConfigCodec.fromMap(m).mmdOnHidden(), "absent = off, as every model saved before");
        assertEquals(ModelConfig.defaults(), ConfigCodec.fromMap(m).withMmdOnHidden(false));
    }
}
