package org.deephem.eval;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Classification and rank statistics used during training and in read-outs. */
public final class Metrics {
    private Metrics() {}

    /** ROC AUC by the Mann–Whitney U statistic, ties counted half. NaN if a class is absent. */
    public static double auc(double[] score, int[] label) {
        double[] ranks = ranks(score);
        long pos = Arrays.stream(label).filter(y -> y == 1).count();
        long neg = label.length - pos;
        if (pos == 0 || neg == 0) return Double.NaN;
        double sum = 0;
        for (int i = 0; i < label.length; i++) if (label[i] == 1) sum += ranks[i];
        return (sum - pos * (pos + 1) / 2.0) / (pos * (double) neg);
    }

    /** Mean binary cross-entropy of probabilities, clipped to [1e-7, 1 − 1e-7]. */
    public static double logLoss(double[] p, int[] y) {
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            double q = Math.min(1 - 1e-7, Math.max(1e-7, p[i]));
            s -= y[i] == 1 ? Math.log(q) : Math.log(1 - q);
        }
        return s / p.length;
    }

    /** 1-based average ranks (ties share their mean rank). */
    public static double[] ranks(double[] x) {
        Integer[] order = IntStream.range(0, x.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> x[i]));
        double[] r = new double[x.length];
        int i = 0;
        while (i < x.length) {
            int j = i;
            while (j + 1 < x.length && x[order[j + 1]] == x[order[i]]) j++;
            double avg = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) r[order[k]] = avg;
            i = j + 1;
        }
        return r;
    }

    public static double pearson(double[] a, double[] b) {
        double ma = Arrays.stream(a).average().orElse(0), mb = Arrays.stream(b).average().orElse(0);
        double sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return saa == 0 || sbb == 0 ? Double.NaN : sab / Math.sqrt(saa * sbb);
    }

    /** Spearman's rho = Pearson correlation of average ranks. */
    public static double spearman(double[] a, double[] b) {
        return pearson(ranks(a), ranks(b));
    }

    public static double std(double[] x) {
        double m = Arrays.stream(x).average().orElse(0);
        double s = 0;
        for (double v : x) s += (v - m) * (v - m);
        return Math.sqrt(s / Math.max(1, x.length));
    }
}
