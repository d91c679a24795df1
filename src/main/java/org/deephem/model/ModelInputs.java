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
 * maxLength is refused: the graph has a fixed length and would silently cut it. So is a feature
 * value more than {@link #MAX_SD} standard deviations from the model's training mean.
 */
public final class ModelInputs {
    /**
     * How far from the training mean, in training standard deviations, a feature value may be:
     * 1,000. However the training values were spread, at most one in a million of them lies
     * beyond 1,000 sd (Chebyshev), so nothing of a few thousand training rows was near it and the
     * network's output there is an extrapolation with no meaning (a feature of 1e30 gave a logit
     * of 31 digits). Real precursors, scored from their sequences, lie within a few tens of sd.
     */
    public static final double MAX_SD = 1000;

    /** A feature value more than {@link #MAX_SD} sd (or not finite) from the training mean, with where it is. */
    public static final class FarFromTraining extends IllegalArgumentException {
        public final boolean mti;
        public final int row, column;
        public final double value, mean, std;

        FarFromTraining(boolean mti, int row, int column, double value, double mean, double std) {
            super((mti ? "MTI" : "inherent") + " feature " + (column + 1) + " of row " + (row + 1) + ": " + describe(value, mean, std));
            this.mti = mti;
            this.row = row;
            this.column = column;
            this.value = value;
            this.mean = mean;
            this.std = std;
        }

        /** "1.0E30 is 1.2e+29 sd from the mean the model was trained on (-32.1, sd 8.24; it reads at most 1000 sd)". */
        public static String describe(double value, double mean, double std) {
            double sd = (value - mean) / std;
            String far = Double.isFinite(sd) ? String.format(java.util.Locale.ROOT, "%.3g sd", Math.abs(sd)) : "infinitely many sd";
            return value + " is " + far + " from the mean the model was trained on (" + String.format(java.util.Locale.ROOT, "%.4g, sd %.3g", mean, std)
                    + "; it reads at most " + (long) MAX_SD + " sd)";
        }
    }

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
        this.inherent = cfg.useInherent() ? scale(inherent, inhScaler, cfg.inherentDim(), false) : null;
        this.mti = cfg.useMti() ? scale(mti, mtiScaler, cfg.mtiDim(), true) : null;
    }

    private static double[][] scale(double[][] rows, Standardiser s, int dim, boolean mti) {
        String what = mti ? "MTI" : "inherent";
        if (rows == null) throw new IllegalArgumentException("the model needs " + what + " features but the data has none");
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != dim) {
                throw new IllegalArgumentException(what + " features have " + rows[i].length + " columns, the model expects " + dim);
            }
            out[i] = s.apply(rows[i]);
            int far = farColumn(out[i]);
            if (far >= 0) throw new FarFromTraining(mti, i, far, rows[i][far], s.mean()[far], s.std()[far]);
        }
        return out;
    }

    /** The first column of a standardised row more than {@link #MAX_SD} from 0 (or not finite), or −1. */
    public static int farColumn(double[] standardised) {
        for (int j = 0; j < standardised.length; j++) if (!(Math.abs(standardised[j]) <= MAX_SD)) return j;
        return -1;
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
