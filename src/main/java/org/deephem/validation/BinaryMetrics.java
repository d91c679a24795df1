package org.deephem.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.deephem.eval.Metrics;

/**
 * Classification figures of one set of scores against 0/1 labels. Written here because neither
 * commons-math3 nor the other libraries on the class path have AUPRC, MCC or curve points (and
 * pulling in a machine-learning library for four formulas is not worth its size). Ties are
 * handled the usual way (as scikit-learn does): one threshold per distinct score.
 */
public final class BinaryMetrics {
    private BinaryMetrics() {}

    /** ROC AUC (Mann–Whitney, ties counted half). */
    public static double auroc(double[] score, int[] label) {
        return Metrics.auc(score, label);
    }

    /**
     * Average precision: Σ (R_n − R_{n−1}) · P_n over the distinct score thresholds, from the
     * highest down (the step-wise area under the precision–recall curve, no interpolation).
     * NaN without positives.
     */
    public static double averagePrecision(double[] score, int[] label) {
        double ap = 0, prevRecall = 0;
        for (double[] pt : prCurve(score, label)) {
            ap += (pt[0] - prevRecall) * pt[1];
            prevRecall = pt[0];
        }
        return positives(label) == 0 ? Double.NaN : ap;
    }

    /** Counts at "score ≥ threshold means essential". */
    public record Confusion(int tp, int fp, int tn, int fn) {
        public static Confusion at(double[] score, int[] label, double threshold) {
            int tp = 0, fp = 0, tn = 0, fn = 0;
            for (int i = 0; i < score.length; i++) {
                boolean yes = score[i] >= threshold;
                if (label[i] == 1) {
                    if (yes) tp++;
                    else fn++;
                } else if (yes) fp++;
                else tn++;
            }
            return new Confusion(tp, fp, tn, fn);
        }

        public double accuracy() {
            return (tp + tn) / (double) (tp + fp + tn + fn);
        }

        /** 2TP / (2TP + FP + FN); 0 when there is nothing to find and nothing found. */
        public double f1() {
            int d = 2 * tp + fp + fn;
            return d == 0 ? 0 : 2.0 * tp / d;
        }

        /** Matthews correlation; 0 when a margin is empty (the usual convention). */
        public double mcc() {
            double d = Math.sqrt((double) (tp + fp) * (tp + fn) * (tn + fp) * (tn + fn));
            return d == 0 ? 0 : ((double) tp * tn - (double) fp * fn) / d;
        }
    }

    /** ROC points (false-positive rate, true-positive rate) from (0,0) to (1,1), one per distinct score. */
    public static List<double[]> rocCurve(double[] score, int[] label) {
        int pos = positives(label), neg = label.length - pos;
        List<double[]> pts = new ArrayList<>();
        pts.add(new double[] {0, 0});
        for (int[] c : cumulative(score, label)) pts.add(new double[] {neg == 0 ? 0 : c[1] / (double) neg, pos == 0 ? 0 : c[0] / (double) pos});
        return pts;
    }

    /** Precision–recall points (recall, precision), one per distinct score, from the highest down. */
    public static List<double[]> prCurve(double[] score, int[] label) {
        int pos = positives(label);
        List<double[]> pts = new ArrayList<>();
        for (int[] c : cumulative(score, label)) pts.add(new double[] {pos == 0 ? 0 : c[0] / (double) pos, c[0] / (double) (c[0] + c[1])});
        return pts;
    }

    /** (true positives, false positives) above each distinct threshold, highest threshold first. */
    private static List<int[]> cumulative(double[] score, int[] label) {
        Integer[] order = IntStream.range(0, score.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> score[i]).reversed());
        List<int[]> out = new ArrayList<>();
        int tp = 0, fp = 0;
        for (int j = 0; j < order.length; j++) {
            if (label[order[j]] == 1) tp++;
            else fp++;
            if (j + 1 == order.length || score[order[j + 1]] != score[order[j]]) out.add(new int[] {tp, fp});
        }
        return out;
    }

    private static int positives(int[] label) {
        return (int) Arrays.stream(label).filter(y -> y == 1).count();
    }
}
