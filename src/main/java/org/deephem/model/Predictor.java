package org.deephem.model;

import java.util.Map;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Essentiality probabilities from a graph, in fixed-size batches (the last one padded) so that
 * every call sees the same shapes. SameDiff instances are not thread-safe: calls on one graph
 * are serialised here.
 */
public final class Predictor {
    public static final int BATCH = 512;

    private Predictor() {}

    /**
     * Probabilities, computed in double precision from the logits: the graph's float sigmoid
     * rounds every logit above ~17 to exactly 1 and would tie those miRNAs.
     */
    public static double[] predict(SameDiff sd, ModelInputs in) {
        return sigmoid(logits(sd, in));
    }

    public static double[] logits(SameDiff sd, ModelInputs in) {
        return output(sd, in, DeepHemGraph.LOGIT);
    }

    /** σ(x) = 1 / (1 + e^−x), element-wise. */
    public static double[] sigmoid(double[] logits) {
        double[] p = new double[logits.length];
        for (int i = 0; i < p.length; i++) p[i] = 1.0 / (1.0 + Math.exp(-logits[i]));
        return p;
    }

    public static double[] output(SameDiff sd, ModelInputs in, String variable) {
        int n = in.size();
        double[] out = new double[n];
        synchronized (sd) {
            for (int start = 0; start < n; start += BATCH) {
                int[] idx = new int[BATCH];
                for (int i = 0; i < BATCH; i++) idx[i] = start + i < n ? start + i : -1;
                Map<String, INDArray> ph = in.features(idx);
                INDArray p = sd.output(ph, variable).get(variable);
                for (int i = 0; i < BATCH && start + i < n; i++) out[start + i] = p.getDouble(i, 0);
            }
        }
        return out;
    }
}
