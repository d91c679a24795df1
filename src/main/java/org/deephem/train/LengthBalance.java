package org.deephem.train;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deephem.eval.Metrics;

/**
 * Length-balanced row weights ({@code --length-balance}, docs/SELECTION-PROTOCOL.md amendment 3
 * item 3). Each labelled mouse row falls in the 10-nt bin b = ⌊length / 10⌋ of the sequence the
 * model sees; in each bin, p_ess(b) and p_non(b) are the two classes' shares of the bin's rows
 * (n_c(b) / n(b)), and a row of class c weighs min(p_ess(b), p_non(b)) / p_c(b) =
 * min(n_ess(b), n_non(b)) / n_c(b). The weights are then scaled to sum to the number of rows.
 * Each bin then carries the same weight of both classes, so both classes have the same weighted
 * length distribution; rows of a bin the other class never reaches weigh 0.
 *
 * <p>The weights multiply each row's cross-entropy in the classification loss, normalised by the
 * sum of the weights of the batch's labelled rows ({@link Trainer}: the graph's per-row
 * {@code cls_weight} placeholder is w_i / Σ_batch w), and each selection row's log-loss in the
 * selection (early-stopping) figure, Σ w·ll / Σ w.
 */
public final class LengthBalance {
    private LengthBalance() {}

    /** Width of a length bin (nt). */
    public static final int BIN = 10;

    /**
     * The weights of rows with these labels (1 essential, 0 not) and lengths, in their order.
     *
     * @throws IllegalArgumentException when no bin holds both classes (every weight would be 0)
     */
    public static double[] weights(int[] labels, int[] lengths) {
        if (labels.length != lengths.length) throw new IllegalArgumentException("labels and lengths differ in number");
        Map<Integer, int[]> bins = new HashMap<>(); // bin -> {non-essential, essential}
        for (int i = 0; i < labels.length; i++) bins.computeIfAbsent(Math.floorDiv(lengths[i], BIN), b -> new int[2])[labels[i] == 1 ? 1 : 0]++;
        double[] w = new double[labels.length];
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            int[] n = bins.get(Math.floorDiv(lengths[i], BIN));
            w[i] = (double) Math.min(n[0], n[1]) / n[labels[i] == 1 ? 1 : 0];
            sum += w[i];
        }
        if (sum == 0) throw new IllegalArgumentException("--length-balance: no " + BIN + "-nt length bin holds rows of both classes, so every weight would be 0");
        for (int i = 0; i < w.length; i++) w[i] *= w.length / sum;
        return w;
    }

    /**
     * Weights by labelled row index (the length of each row's sequence, the one the model reads),
     * computed over {@code rows} only (the rows a training may use: its training and selection
     * rows; other rows, e.g. an outer CV fold, get 0 and never enter a batch); null when the
     * config has no length balance (every row weighs 1, and the losses are today's). When no bin
     * holds both classes (e.g. a fold of the synthetic demo, whose classes barely overlap in
     * length) the weights are 0 / 0, undefined: the training then weighs every row 1, as without
     * the option, and says so on standard error.
     */
    static double[] rowWeights(boolean on, List<String> sequences, int[] labels, int[] rows) {
        if (!on) return null;
        int[] y = new int[rows.length], len = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            y[i] = labels[rows[i]];
            len[i] = sequences.get(rows[i]).length();
        }
        double[] w;
        try {
            w = weights(y, len);
        } catch (IllegalArgumentException e) {
            org.deephem.io.Progress.say("warning: %s; this training weighs every row 1", e.getMessage());
            return null;
        }
        double[] byRow = new double[labels.length];
        for (int i = 0; i < rows.length; i++) byRow[rows[i]] = w[i];
        return byRow;
    }

    /**
     * Σ w·ll / Σ w with each row's log-loss clipped as {@link Metrics#logLoss}; {@code w} null, or
     * all zero, gives the unweighted figure.
     */
    public static double logLoss(double[] p, int[] y, double[] w) {
        if (w == null) return Metrics.logLoss(p, y);
        double s = 0, sw = 0;
        for (int i = 0; i < p.length; i++) {
            double q = Math.min(1 - 1e-7, Math.max(1e-7, p[i]));
            s -= w[i] * (y[i] == 1 ? Math.log(q) : Math.log(1 - q));
            sw += w[i];
        }
        return sw == 0 ? Metrics.logLoss(p, y) : s / sw;
    }
}
