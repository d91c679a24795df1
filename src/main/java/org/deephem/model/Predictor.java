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

    public static double[] predict(SameDiff sd, ModelInputs in) {
        return output(sd, in, DeepHemGraph.PROB);
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
