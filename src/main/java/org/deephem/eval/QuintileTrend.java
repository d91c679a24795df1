package org.deephem.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * An indicator across score quintiles, and the trend test: Spearman's ρ between the quintile
 * index (1..5) and the indicator with its two-sided p ({@link Correlations}: exact up to 9 rows,
 * else the t approximation with n − 2 degrees of freedom; ties by mid-ranks).
 * Rows without the indicator (NaN) are left out before the quintiles are cut. Quintiles are cut
 * on the score order; rows with equal scores keep their input order, so the cut is deterministic.
 */
public record QuintileTrend(String indicator, List<double[]> groups, double rho, double p, int n) {
    public static final int QUINTILES = 5;

    public static QuintileTrend of(String indicator, double[] score, double[] value) {
        if (score.length != value.length) throw new IllegalArgumentException("score and indicator differ in length");
        int[] rows = IntStream.range(0, score.length).filter(i -> Double.isFinite(value[i])).toArray();
        int n = rows.length;
        Integer[] order = Arrays.stream(rows).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> score[i]));
        List<List<Double>> g = new ArrayList<>();
        for (int q = 0; q < QUINTILES; q++) g.add(new ArrayList<>());
        double[] quint = new double[n], ind = new double[n];
        for (int r = 0; r < n; r++) {
            int q = (int) ((long) r * QUINTILES / n);
            g.get(q).add(value[order[r]]);
            quint[r] = q + 1;
            ind[r] = value[order[r]];
        }
        Correlation c = Correlations.of(Correlation.Kind.SPEARMAN, quint, ind, 0, 0);
        double rho = c.r(), p = c.p();
        List<double[]> groups = g.stream().map(l -> l.stream().mapToDouble(Double::doubleValue).toArray()).toList();
        return new QuintileTrend(indicator, groups, rho, p, n);
    }

    /** "Spearman ρ(quintile, indicator) = 0.41, p = 3.2e-05, n = 1917". */
    public String summary() {
        return String.format(Locale.ROOT, "Spearman ρ(quintile, %s) = %.2f, %s, n = %d", indicator, rho, formatP(p), n);
    }

    /** {@link Correlation#formatP}. */
    public static String formatP(double p) {
        return Correlation.formatP(p);
    }
}
