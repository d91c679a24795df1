package org.deephem.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deephem.features.Kmers;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The model's view of a set of miRNAs: 3-mer token ids and standardised feature rows, turned
 * into placeholder arrays for any batch of row indices. A sequence longer than the config's
 * maxLength is refused: the graph has a fixed length and would silently cut it.
 */
public final class ModelInputs {
    private final ModelConfig cfg;
    private final int[][] tokens;
    private final double[][] inherent;
    private final double[][] mti;

    public ModelInputs(ModelConfig cfg, List<String> sequences, double[][] inherent, double[][] mti,
                       Standardiser inhScaler, Standardiser mtiScaler) {
        this.cfg = cfg;
        int n = sequences.size();
        tokens = new int[n][];
        for (int i = 0; i < n; i++) {
            if (cfg.useSequence() && sequences.get(i).length() > cfg.maxLength()) {
                throw new IllegalArgumentException("sequence " + (i + 1) + " has " + sequences.get(i).length()
                        + " nt, longer than the model's maxLength " + cfg.maxLength());
            }
            tokens[i] = Kmers.tokens(sequences.get(i));
        }
        this.inherent = cfg.useInherent() ? scale(inherent, inhScaler, cfg.inherentDim(), "inherent") : null;
        this.mti = cfg.useMti() ? scale(mti, mtiScaler, cfg.mtiDim(), "MTI") : null;
    }

    private static double[][] scale(double[][] rows, Standardiser s, int dim, String what) {
        if (rows == null) throw new IllegalArgumentException("the model needs " + what + " features but the data has none");
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != dim) {
                throw new IllegalArgumentException(what + " features have " + rows[i].length + " columns, the model expects " + dim);
            }
            out[i] = s.apply(rows[i]);
            for (int j = 0; j < dim; j++) {
                if (!Double.isFinite(out[i][j])) throw new IllegalArgumentException(what + " feature " + (j + 1) + " of row " + (i + 1) + " is not finite after scaling");
            }
        }
        return out;
    }

    public ModelConfig config() {
        return cfg;
    }

    public int size() {
        return tokens.length;
    }

    private DataType dt() {
        return cfg.doublePrecision() ? DataType.DOUBLE : DataType.FLOAT;
    }

    /**
     * Inference placeholders for rows {@code idx}, padded to the batch's own longest row;
     * index −1 is a padding row (all zeros, mask with one position on so that pooling stays finite).
     */
    public Map<String, INDArray> features(int[] idx) {
        return features(idx, pooledLength(idx));
    }

    /** Pooled positions of the longest row of {@code idx} (at least 1). */
    public int pooledLength(int[] idx) {
        int longest = 0;
        for (int i : idx) if (i >= 0) longest = Math.max(longest, tokens[i].length);
        return Math.max(1, (Math.min(longest, cfg.tokenLength()) + cfg.tokenPool() - 1) / cfg.tokenPool());
    }

    /** Pooled positions of row {@code i}. */
    public int pooledLength(int i) {
        return pooledLength(new int[] {i});
    }

    /**
     * As {@link #features(int[])}, padded to {@code p} pooled positions (at least the batch's
     * longest row; the config's pooledLength for graphs that read only that length). Padding
     * positions are masked out everywhere, so they change nothing but rounding.
     */
    public Map<String, INDArray> features(int[] idx, int p) {
        if (p < pooledLength(idx) || p > cfg.pooledLength()) throw new IllegalArgumentException("padding length " + p + " outside the batch's range");
        Map<String, INDArray> m = new HashMap<>();
        int b = idx.length;
        if (cfg.useSequence()) {
            // k-mer pooling is linear, so the mean of a window's embeddings equals the window's
            // token histogram (divided by the window size) times the embedding matrix: the graph
            // reads the pooled histograms [B, P, V] instead of one-hot tokens [B, P*pool, V].
            int t = p * cfg.tokenPool(), pool = cfg.tokenPool(), v = Kmers.VOCABULARY;
            float[] hist = new float[b * p * v];
            float[] mask = new float[b * p];
            float share = 1f / pool;
            for (int r = 0; r < b; r++) {
                int[] tok = idx[r] < 0 ? new int[0] : tokens[idx[r]];
                int len = Math.min(tok.length, t);
                for (int i = 0; i < t; i++) {
                    int id = i < len ? tok[i] : Kmers.PAD;
                    hist[(r * p + i / pool) * v + id] += share;
                }
                int pooled = Math.max(1, (len + pool - 1) / pool);
                for (int i = 0; i < pooled; i++) mask[r * p + i] = 1f;
            }
            m.put(DeepHemGraph.TOKENS, array(hist, b, p, v));
            m.put(DeepHemGraph.MASK, array(mask, b, p));
        }
        if (cfg.useInherent()) m.put(DeepHemGraph.INHERENT, rows(inherent, idx));
        if (cfg.useMti()) m.put(DeepHemGraph.MTI, rows(mti, idx));
        // inference keeps every unit: dropout masks of ones (training replaces them)
        for (DeepHemGraph.DropoutSite site : DeepHemGraph.dropoutSites(cfg)) {
            m.put(site.name(), Nd4j.ones(dt(), site.shape(b, p)));
        }
        return m;
    }

    private INDArray rows(double[][] src, int[] idx) {
        int c = src.length > 0 ? src[0].length : 0;
        double[] flat = new double[idx.length * c];
        for (int r = 0; r < idx.length; r++) if (idx[r] >= 0) System.arraycopy(src[idx[r]], 0, flat, r * c, c);
        return cast(Nd4j.create(flat, new long[] {idx.length, c}, 'c'));
    }

    /**
     * A float placeholder copied in one block: {@code Nd4j.create(float[], …)} writes element by
     * element through an indexer, ~5 ms for a scoring batch's token histograms (2.2 M numbers).
     */
    private INDArray array(float[] data, long... shape) {
        if (dt() != DataType.FLOAT) return cast(Nd4j.create(data, shape, 'c'));
        INDArray a = Nd4j.createUninitialized(DataType.FLOAT, shape, 'c');
        a.data().asNioFloat().put(data);
        return a;
    }

    private INDArray cast(INDArray a) {
        return a.dataType() == dt() ? a : a.castTo(dt());
    }
}
