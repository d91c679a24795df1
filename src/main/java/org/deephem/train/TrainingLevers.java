package org.deephem.train;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.deephem.model.DeepHemGraph;
import org.deephem.model.ModelConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What the regularisation and confound levers change in a batch: smoothed labels and the length
 * target (training and monitoring batches), and the training-only noise (dropout keep-masks,
 * whole-branch dropout, 3-mer token dropout). Its random stream is its own, so a config with
 * every lever off trains exactly as before the levers existed.
 */
final class TrainingLevers {
    private final ModelConfig cfg;
    private final Random rnd;
    private final double[] lengthZ;

    /**
     * @param poolSequences sequences of every row the batches index (labelled mouse, then the target pool)
     * @param statRows      rows whose lengths set the standardisation (the training rows and the
     *                      target pool: never held-out or outer-fold labelled rows)
     */
    TrainingLevers(ModelConfig cfg, long seed, List<String> poolSequences, int[] statRows) {
        this.cfg = cfg;
        this.rnd = new Random(seed ^ 0x5DEECE66DL);
        this.lengthZ = cfg.lengthAdvWeight() > 0 ? standardisedLengths(poolSequences, statRows) : null;
    }

    /** Length z-scores over {@code statRows} (sd 0 counts as 1, so equal lengths give all zeros). */
    static double[] standardisedLengths(List<String> seqs, int[] statRows) {
        double mean = 0;
        for (int r : statRows) mean += seqs.get(r).length();
        mean /= statRows.length;
        double var = 0;
        for (int r : statRows) var += Math.pow(seqs.get(r).length() - mean, 2);
        double sd = Math.sqrt(var / statRows.length);
        if (!(sd > 0)) sd = 1;
        double[] z = new double[seqs.size()];
        for (int i = 0; i < z.length; i++) z[i] = (seqs.get(i).length() - mean) / sd;
        return z;
    }

    /** Smoothed target of a 0/1 label: ε/2 for 0, 1 − ε/2 for 1. */
    static double smooth(double label, double eps) {
        return label * (1 - eps) + eps / 2;
    }

    /** Label smoothing and the length target for a batch of pool rows {@code rows} (source first, as in {@link Trainer#batch}). */
    void targets(Map<String, INDArray> batch, int[] rows) {
        if (cfg.labelSmoothing() > 0) {
            INDArray y = batch.get(DeepHemGraph.LABEL);
            for (int i = 0; i < y.rows(); i++) y.putScalar(i, 0, smooth(y.getDouble(i, 0), cfg.labelSmoothing()));
        }
        if (lengthZ != null) {
            double[] z = new double[rows.length];
            for (int i = 0; i < rows.length; i++) z[i] = lengthZ[rows[i]];
            batch.put(DeepHemGraph.LENGTH, Nd4j.create(z, new long[] {z.length, 1}, dataType()));
        }
    }

    /** Pool row of each batch row: source rows as they are, target rows after the {@code nS} labelled rows. */
    static int[] rows(int[] src, int[] tgt, int nS) {
        int[] r = new int[src.length + tgt.length];
        System.arraycopy(src, 0, r, 0, src.length);
        for (int i = 0; i < tgt.length; i++) r[src.length + i] = nS + tgt[i];
        return r;
    }

    /** Training-only noise; the batch's keep-masks (ones, from ModelInputs) are replaced. */
    void noise(Map<String, INDArray> batch) {
        List<DeepHemGraph.DropoutSite> sites = DeepHemGraph.dropoutSites(cfg);
        int b = (int) batch.get(DeepHemGraph.LABEL).rows();
        // encoder masks follow the batch's own pooled length (batches are padded to their longest row)
        int positions = batch.containsKey(DeepHemGraph.TOKENS) ? (int) batch.get(DeepHemGraph.TOKENS).size(1) : 1;
        boolean[][] branchKept = branchDropout(sites, b);
        int branch = 0;
        for (DeepHemGraph.DropoutSite s : sites) {
            double p = switch (s.kind()) {
                case BRANCH -> cfg.featureDropout();
                case ENCODER -> cfg.encoderDropout();
                case HEAD -> cfg.headDropout();
            };
            int perRow = s.perRow(positions);
            double[] mask = new double[b * perRow];
            for (int r = 0; r < b; r++) {
                double rowFactor = 1;
                if (s.kind() == DeepHemGraph.DropoutSite.Kind.BRANCH && branchKept != null) {
                    rowFactor = branchKept[r][branch] ? 1 / (1 - cfg.branchDropout()) : 0;
                }
                for (int j = 0; j < perRow; j++) {
                    mask[r * perRow + j] = rowFactor == 0 || (p > 0 && rnd.nextDouble() < p) ? 0 : rowFactor / (1 - p);
                }
            }
            if (s.kind() == DeepHemGraph.DropoutSite.Kind.BRANCH) branch++;
            batch.put(s.name(), Nd4j.create(mask, s.shape(b, positions), 'c').castTo(dataType()));
        }
        if (cfg.tokenDropout() > 0 && batch.containsKey(DeepHemGraph.TOKENS)) batch.put(DeepHemGraph.TOKENS, dropTokens(batch.get(DeepHemGraph.TOKENS)));
    }

    /**
     * Whole-branch dropout: per row, each branch is dropped with probability q; if that drops
     * every branch, one of them (uniformly) is kept. Null when off or with fewer than two branch sites.
     */
    private boolean[][] branchDropout(List<DeepHemGraph.DropoutSite> sites, int b) {
        int n = (int) sites.stream().filter(s -> s.kind() == DeepHemGraph.DropoutSite.Kind.BRANCH).count();
        if (cfg.branchDropout() <= 0 || n < 2) return null;
        boolean[][] kept = new boolean[b][n];
        for (int r = 0; r < b; r++) {
            boolean any = false;
            for (int j = 0; j < n; j++) any |= kept[r][j] = rnd.nextDouble() >= cfg.branchDropout();
            if (!any) kept[r][rnd.nextInt(n)] = true;
        }
        return kept;
    }

    /**
     * Zeroes a share tokenDropout of the (pooled) token positions of every row: the position then
     * reads as no 3-mer at all (its positional encoding stays). Not rescaled: a position is a
     * token, not a unit of a hidden layer.
     */
    private INDArray dropTokens(INDArray tokens) {
        long[] shape = tokens.shape();
        int b = (int) shape[0], p = (int) shape[1], v = (int) shape[2];
        double[] t = tokens.dup('c').data().asDouble(); // one pass over a copy, not a view per position
        for (int r = 0; r < b; r++) {
            for (int i = 0; i < p; i++) {
                if (rnd.nextDouble() < cfg.tokenDropout()) java.util.Arrays.fill(t, (r * p + i) * v, (r * p + i + 1) * v, 0.0);
            }
        }
        return Nd4j.create(t, shape, 'c').castTo(tokens.dataType());
    }

    private DataType dataType() {
        return cfg.doublePrecision() ? DataType.DOUBLE : DataType.FLOAT;
    }
}
