package org.deephem.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.deephem.data.DeepHemDataset;

/**
 * The length-matched AUROC of docs/SELECTION-PROTOCOL.md, amendment 3 item 2: over the
 * essential / non-essential pairs whose <em>annotated</em> precursor lengths differ by at most
 * {@link #K} nt, the weighted share of pairs in which the essential row scores higher (ties ½).
 * Pairs of equal length weigh 1. At each difference d = 1…K the pairs in which the essential
 * precursor is the longer (n₊ of them) and those in which it is the shorter (n₋) carry equal
 * total weight: each pair of side s weighs (n₊ + n₋) / (2 n_s); a d with pairs on one side only
 * is dropped. So any strictly monotone function of length (length, −length, length², …) scores
 * exactly ½: equal lengths tie, and at each d one side wins every pair and the other none, with
 * equal weights. (A function of length that is not monotone, e.g. a step, need not score ½.)
 *
 * <p>The 95 % interval is a percentile bootstrap (R's quantile type 7, commons-math3) over
 * {@link #RESAMPLES} resamples of the rows, stratified by class (each class resampled with
 * replacement to its own size), seed {@link #SEED}; the pair weights are recomputed on each
 * resample (a row drawn c times counts as c rows). Resamples where no pair is left are skipped.
 */
public final class LengthMatchedAuroc {
    private LengthMatchedAuroc() {}

    /** Largest length difference (nt) of a matched pair. */
    public static final int K = 3;
    /** Bootstrap resamples and seed of the interval. */
    public static final int RESAMPLES = 2000;
    public static final long SEED = 1;

    /**
     * The estimate, its 95 % bootstrap interval, and the matched pairs (d ≤ K, dropped differences
     * included). The estimate is NaN when no pair counts: no two rows of the classes within K nt, or
     * only differences whose pairs all lie on one side (the synthetic demo: its classes barely meet in length).
     */
    public record Result(double value, double lo, double hi, long pairs) {
        public static final Result NONE = new Result(Double.NaN, Double.NaN, Double.NaN, 0);
    }

    /**
     * Annotated precursor length of each labelled mouse row of {@code ds}, in {@code ds.source()}
     * order: read from a canonical folder's windows.tsv; in an annotated folder the sequence is the
     * annotated precursor, so its length is the annotated length.
     */
    public static int[] annotatedLengths(DeepHemDataset ds) {
        return ds.source().annotatedLengths(); // windows.tsv of a canonical folder; the sequence length otherwise
    }

    /** The point estimate; NaN when no pair is matched. */
    public static double value(double[] score, int[] label, int[] length) {
        return value(score, label, length, K, null);
    }

    /**
     * The estimate with row multiplicities {@code count} (null = each row once; a bootstrap
     * resample passes how often it drew each row).
     */
    static double value(double[] score, int[] label, int[] length, int k, long[] count) {
        int n = score.length;
        if (label.length != n || length.length != n) throw new IllegalArgumentException("scores, labels and lengths differ in number");
        // [d][side]: side 0 = essential longer (or equal length at d = 0), side 1 = essential shorter
        double[][] pairs = new double[k + 1][2], wins = new double[k + 1][2];
        for (int i = 0; i < n; i++) {
            if (label[i] != 1) continue;
            long ci = count == null ? 1 : count[i];
            if (ci == 0) continue;
            for (int j = 0; j < n; j++) {
                if (label[j] != 0) continue;
                long cj = count == null ? 1 : count[j];
                if (cj == 0) continue;
                int diff = length[i] - length[j], d = Math.abs(diff);
                if (d > k) continue;
                int side = diff >= 0 ? 0 : 1;
                double c = (double) ci * cj;
                pairs[d][side] += c;
                wins[d][side] += c * (score[i] > score[j] ? 1 : score[i] == score[j] ? 0.5 : 0);
            }
        }
        double num = wins[0][0], den = pairs[0][0];
        for (int d = 1; d <= k; d++) {
            double longer = pairs[d][0], shorter = pairs[d][1];
            if (longer == 0 || shorter == 0) continue;
            double total = longer + shorter;
            num += total / (2 * longer) * wins[d][0] + total / (2 * shorter) * wins[d][1];
            den += total;
        }
        return den == 0 ? Double.NaN : num / den;
    }

    /** Matched pairs (|Δ length| ≤ k), each row once. */
    static long pairs(int[] label, int[] length, int k) {
        long p = 0;
        for (int i = 0; i < label.length; i++) {
            if (label[i] != 1) continue;
            for (int j = 0; j < label.length; j++) if (label[j] == 0 && Math.abs(length[i] - length[j]) <= k) p++;
        }
        return p;
    }

    /** Estimate and interval with the protocol's k, resamples and seed. */
    public static Result of(double[] score, int[] label, int[] length) {
        return of(score, label, length, K, RESAMPLES, SEED);
    }

    public static Result of(double[] score, int[] label, int[] length, int k, int resamples, long seed) {
        double v = value(score, label, length, k, null);
        if (Double.isNaN(v)) return new Result(Double.NaN, Double.NaN, Double.NaN, pairs(label, length, k)); // pairs, if any, on one side only
        int[] pos = java.util.stream.IntStream.range(0, label.length).filter(i -> label[i] == 1).toArray();
        int[] neg = java.util.stream.IntStream.range(0, label.length).filter(i -> label[i] == 0).toArray();
        double[] values = new double[resamples];
        int kept = 0;
        for (int b = 0; b < resamples; b++) {
            SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + b);
            long[] count = new long[label.length];
            for (int[] cls : new int[][] {pos, neg}) for (int i = 0; i < cls.length; i++) count[cls[rng.nextInt(cls.length)]]++;
            double x = value(score, label, length, k, count);
            if (!Double.isNaN(x)) values[kept++] = x;
        }
        if (kept == 0) return new Result(v, Double.NaN, Double.NaN, pairs(label, length, k));
        Percentile q = new Percentile().withEstimationType(EstimationType.R_7);
        q.setData(Arrays.copyOf(values, kept));
        return new Result(v, q.evaluate(2.5), q.evaluate(97.5), pairs(label, length, k));
    }

    /**
     * Of cross-validation predictions, per method: each repeat's pooled outer-fold predictions
     * (every labelled row once) give an estimate and an interval, and with several repeats the
     * method's figures are the means over repeats of the estimate, of the lower and of the upper
     * bound. NONE for a method whose predictions carry no annotated length (files written before it).
     */
    public static Map<String, Result> byMethod(List<CrossValidation.Prediction> preds) {
        Map<String, Result> out = new LinkedHashMap<>();
        for (String method : new LinkedHashSet<>(preds.stream().map(CrossValidation.Prediction::method).toList())) {
            List<CrossValidation.Prediction> mine = preds.stream().filter(p -> p.method().equals(method)).toList();
            if (mine.stream().anyMatch(p -> p.annotatedLength() < 0)) {
                out.put(method, Result.NONE);
                continue;
            }
            List<Result> perRepeat = new ArrayList<>();
            for (int rep : new java.util.TreeSet<>(mine.stream().map(CrossValidation.Prediction::repeat).toList())) {
                List<CrossValidation.Prediction> r = mine.stream().filter(p -> p.repeat() == rep).toList();
                perRepeat.add(of(r.stream().mapToDouble(CrossValidation.Prediction::score).toArray(),
                        r.stream().mapToInt(CrossValidation.Prediction::label).toArray(),
                        r.stream().mapToInt(CrossValidation.Prediction::annotatedLength).toArray()));
            }
            out.put(method, new Result(perRepeat.stream().mapToDouble(Result::value).average().orElse(Double.NaN),
                    perRepeat.stream().mapToDouble(Result::lo).average().orElse(Double.NaN),
                    perRepeat.stream().mapToDouble(Result::hi).average().orElse(Double.NaN),
                    perRepeat.isEmpty() ? 0 : perRepeat.get(0).pairs()));
        }
        return out;
    }
}
