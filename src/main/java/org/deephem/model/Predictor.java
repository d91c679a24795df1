package org.deephem.model;

import java.util.Map;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.InferenceSession;
import org.nd4j.autodiff.samediff.internal.memory.ArrayCacheMemoryMgr;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Essentiality probabilities from a graph, in batches of up to {@link #BATCH} rows. Rows are
 * taken in order of length and each batch is padded only to its own longest row, so short
 * miRNAs do not pay for the longest one; results come back in the caller's order. (Graphs of
 * model zips saved before read one fixed length: for them every batch is padded to it and to
 * BATCH rows, as then.) SameDiff instances are not thread-safe: calls on one graph are
 * serialised here.
 *
 * <p>A row's logit does not depend on the other rows scored with it: every batch is filled
 * with padding rows up to a multiple of {@link #ROW_TILE} rows. The BLAS matrix products
 * compute rows in tiles and round the rows of a last, partial tile differently (measured on
 * OpenBLAS, AVX-512: a row alone, or last in a batch of 1–3 rows past a multiple of 4, differed
 * in the 7th–8th significant digit from the same row in a full tile). With full tiles only, a
 * row scores bit for bit the same alone, among any others and at any padded length (checked on
 * 1,527 human precursors, 1 and 2 threads: {@code BatchCompositionTest}).
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
        return DeepHemGraph.readsAnyLength(sd) ? byLength(sd, in, variable) : fixedLength(sd, in, variable);
    }

    /**
     * Bytes of freed arrays a graph's scoring session keeps for reuse. Training runs with
     * SameDiff's array cache off ({@link NdMemory}), but scoring the same batch shapes again and
     * again reuses arrays well: 1.2–1.6× the sequences per second with this bounded cache.
     */
    public static final long SCORING_CACHE_BYTES = 256L << 20;

    /** Gives this thread's inference session on {@code sd} a bounded array cache (once). */
    static void useArrayCache(SameDiff sd) {
        long thread = Thread.currentThread().getId();
        InferenceSession s = sd.getSessions().get(thread);
        if (s != null && s.getMmgr() instanceof ArrayCacheMemoryMgr m && m.isEnableCache()) return;
        if (s == null) {
            s = new InferenceSession(sd);
            sd.getSessions().put(thread, s);
        }
        ArrayCacheMemoryMgr cache = new ArrayCacheMemoryMgr();
        cache.setEnableCache(true);
        cache.setMaxCacheBytes(SCORING_CACHE_BYTES);
        s.setMmgr(cache);
    }

    /**
     * Every scoring batch holds a multiple of this many rows (padding rows fill it): the row
     * tiles of the BLAS kernels (4, 8 or 16 rows on x86-64 OpenBLAS) are then all full, so that
     * no row is rounded as a tail row (see the class comment).
     */
    public static final int ROW_TILE = 16;

    /** {@code rows} rounded up to a multiple of {@link #ROW_TILE}. */
    static int tiled(int rows) {
        return (rows + ROW_TILE - 1) / ROW_TILE * ROW_TILE;
    }

    private static double[] byLength(SameDiff sd, ModelInputs in, String variable) {
        int n = in.size();
        int[] order = lengthOrder(in);
        double[] out = new double[n];
        synchronized (sd) {
            if (org.deephem.model.exec.Executor.current() == org.deephem.model.exec.Executor.SESSION) useArrayCache(sd);
            for (int start = 0; start < n; ) {
                int end = batchEnd(in, order, start);
                int[] idx = new int[tiled(end - start)];
                java.util.Arrays.fill(idx, -1); // padding rows (all zeros, one position unmasked)
                System.arraycopy(order, start, idx, 0, end - start);
                INDArray p = org.deephem.model.exec.Executor.outputArray(sd, in.features(idx), variable);
                for (int i = 0; i < end - start; i++) out[idx[i]] = p.getDouble(i, 0);
                start = end;
            }
        }
        return out;
    }

    /**
     * Numbers one attention array of a batch may hold (rows × heads × P²): batches of long rows
     * at a wide model get fewer rows, so scoring memory does not grow with P² × 512.
     */
    public static final long ATTENTION_BUDGET = 8L << 20;

    /**
     * End (exclusive) of the batch that starts at {@code start} in {@code order} (rows sorted by
     * length); its rows, padded to a multiple of {@link #ROW_TILE}, stay within the budget.
     */
    static int batchEnd(ModelInputs in, int[] order, int start) {
        ModelConfig c = in.config();
        int end = start + 1;
        while (end < order.length && end - start < BATCH) {
            long p = in.pooledLength(order[end]);
            if (c.useSequence() && (long) tiled(end - start + 1) * c.heads() * p * p > ATTENTION_BUDGET) break;
            end++;
        }
        return end;
    }

    /** Row indices sorted by pooled length (stable, so ties keep the caller's order). */
    public static int[] lengthOrder(ModelInputs in) {
        return java.util.stream.IntStream.range(0, in.size()).boxed()
                .sorted(java.util.Comparator.comparingInt(in::pooledLength))
                .mapToInt(Integer::intValue).toArray();
    }

    /** Logits the way before graphs read any length (kept for old model zips; a yardstick in tests). */
    public static double[] fixedLengthLogits(SameDiff sd, ModelInputs in) {
        return fixedLength(sd, in, DeepHemGraph.LOGIT);
    }

    /** Every batch BATCH rows × the config's pooledLength. */
    private static double[] fixedLength(SameDiff sd, ModelInputs in, String variable) {
        int n = in.size();
        double[] out = new double[n];
        synchronized (sd) {
            for (int start = 0; start < n; start += BATCH) {
                int[] idx = new int[BATCH];
                for (int i = 0; i < BATCH; i++) idx[i] = start + i < n ? start + i : -1;
                Map<String, INDArray> ph = in.features(idx, in.config().pooledLength());
                INDArray p = org.deephem.model.exec.Executor.outputArray(sd, ph, variable);
                for (int i = 0; i < BATCH && start + i < n; i++) out[start + i] = p.getDouble(i, 0);
            }
        }
        return out;
    }
}
