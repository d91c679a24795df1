package org.deephem.eval;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * How an ensemble's members combine into one score per miRNA, and how far they disagree.
 *
 * <p>The ensemble score is the <b>mean probability</b> of the members. Its logit is computed
 * from the members' logits as log Σσ(l) − log Σσ(−l), which equals logit(mean probability) but
 * stays exact where the probability rounds to 1 (so it still ranks there, as a single model's does).
 *
 * <p>The interval is the <b>2.5–97.5 % range of the members' probabilities</b>, linear
 * interpolation between order statistics (R's quantile type 7, numpy's default; commons-math's
 * {@code Percentile} with {@code R_7}). It shows how much the score depends on the seed or the
 * fold a member was trained with; it is not a confidence interval of a true probability. With few
 * members it is close to their minimum and maximum; with one member it is the score itself.
 */
public final class MemberSpread {
    public static final double LOW = 2.5, HIGH = 97.5;
    public static final String DEFINITION = "2.5-97.5 % range of the member probabilities (linear interpolation, R quantile type 7)";

    private MemberSpread() {}

    /** One miRNA's ensemble score: mean probability, its logit, and the member range. */
    public record Band(double score, double logit, double low, double high) {}

    /** {@code logits[member]} = that member's logit of this miRNA. */
    public static Band of(double[] logits) {
        if (logits.length == 0) throw new IllegalArgumentException("an ensemble needs at least one member");
        double[] p = new double[logits.length];
        double[] logP = new double[logits.length], logQ = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            p[i] = 1.0 / (1.0 + Math.exp(-logits[i]));
            sum += p[i];
            logP[i] = -softplus(-logits[i]); // log σ(l)
            logQ[i] = -softplus(logits[i]);  // log σ(−l) = log(1 − σ(l)), exact near 1
        }
        double logit = logSumExp(logP) - logSumExp(logQ);
        double[] r = range(p);
        return new Band(sum / p.length, logit, r[0], r[1]);
    }

    /** {low, high}: the 2.5 and 97.5 % points of any member values (R type 7). */
    public static double[] range(double[] values) {
        if (values.length == 0) throw new IllegalArgumentException("an ensemble needs at least one member");
        Percentile q = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        q.setData(values);
        return new double[] {q.evaluate(LOW), q.evaluate(HIGH)};
    }

    /**
     * The combined logit of every miRNA: the one member's as it is, or the logit of the members'
     * mean probability ({@link Band#logit()}); {@code logits[member][row]}.
     */
    public static double[] combinedLogits(double[][] logits) {
        if (logits.length == 1) return logits[0].clone();
        Band[] b = of(logits);
        double[] out = new double[b.length];
        for (int i = 0; i < out.length; i++) out[i] = b[i].logit();
        return out;
    }

    /** Bands of every miRNA; {@code logits[member][row]}. */
    public static Band[] of(double[][] logits) {
        int rows = logits[0].length;
        Band[] out = new Band[rows];
        double[] column = new double[logits.length];
        for (int r = 0; r < rows; r++) {
            for (int m = 0; m < logits.length; m++) {
                if (logits[m].length != rows) throw new IllegalArgumentException("members scored different numbers of rows");
                column[m] = logits[m][r];
            }
            out[r] = of(column);
        }
        return out;
    }

    /** log(1 + e^x) without overflow. */
    static double softplus(double x) {
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }

    private static double logSumExp(double[] x) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : x) max = Math.max(max, v);
        double s = 0;
        for (double v : x) s += Math.exp(v - max);
        return max + Math.log(s);
    }
}
