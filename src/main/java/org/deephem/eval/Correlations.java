package org.deephem.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.correlation.KendallsCorrelation;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.deephem.eval.Correlation.Kind;

/**
 * Correlations of scores with an indicator: coefficient, two-sided p-value, seeded bootstrap 95 %
 * percentile interval, pairs used and pairs dropped. A pair whose indicator (or score) is NaN is
 * dropped and counted, never filled in. Coefficients come from commons-math3; the Kendall p-value,
 * the exact small-sample p-values and the partial Spearman are computed here because
 * commons-math3 has none of them. A p-value is never 0: one whose tail underflows is given as
 * {@link #SMALLEST_P} (printed "p &lt; 1e-300").
 */
public final class Correlations {
    /** Bootstrap resamples unless the caller says otherwise. */
    public static final int DEFAULT_RESAMPLES = 1000;
    /** The three plain coefficients every table reports. */
    public static final List<Kind> PLAIN = List.of(Kind.PEARSON, Kind.SPEARMAN, Kind.KENDALL_TAU_B);

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private Correlations() {}

    /** The indicator value of each id in {@code ids} order; NaN where the indicator has no value. */
    public static double[] align(List<String> ids, Map<String, Double> indicator) {
        double[] out = new double[ids.size()];
        for (int i = 0; i < out.length; i++) {
            Double v = indicator.get(ids.get(i));
            out[i] = v == null ? Double.NaN : v;
        }
        return out;
    }

    /** The three plain coefficients of {@code score} with {@code indicator}, each with its interval. */
    public static List<Correlation> all(double[] score, double[] indicator, int resamples, long seed) {
        List<Correlation> out = new ArrayList<>();
        for (Kind k : PLAIN) out.add(of(k, score, indicator, resamples, seed));
        return out;
    }

    /**
     * One plain coefficient. {@code resamples} = 0 skips the bootstrap (interval NaN). The
     * interval is deterministic for a seed whatever the number of threads.
     */
    public static Correlation of(Kind kind, double[] score, double[] indicator, int resamples, long seed) {
        if (kind == Kind.PARTIAL_SPEARMAN) throw new IllegalArgumentException("use partialSpearman for the partial coefficient");
        double[][] kept = complete(score, indicator);
        double[] x = kept[0], y = kept[1];
        int n = x.length;
        double r = coefficient(kind, x, y);
        double p;
        if (Double.isNaN(r)) p = Double.NaN;
        else if (n <= EXACT_MAX_N) p = permutationP(kind, x, y);
        else p = atLeastSmallest(switch (kind) {
            // an exact rank test can never give less than 1/n! (only the observed order reaches its value)
            case PEARSON -> tTest(r, n, n - 2);
            case SPEARMAN -> Math.max(tTest(r, n, n - 2), 1 / factorial(n));
            case KENDALL_TAU_B -> Math.max(kendallP(r, x, y), 1 / factorial(n));
            default -> throw new IllegalStateException();
        });
        Statistic stat = kind == Kind.SPEARMAN
                ? idx -> pearson(ranks(pick(x, idx)), ranks(pick(y, idx)))
                : idx -> coefficient(kind, pick(x, idx), pick(y, idx));
        double[] ci = Double.isNaN(r) ? new double[] {Double.NaN, Double.NaN} : bootstrap(n, resamples, seed, stat);
        return new Correlation(kind, r, p, ci[0], ci[1], n, score.length - n);
    }

    /**
     * Partial Spearman of {@code x} and {@code y} controlling for {@code covariate}: the partial
     * correlation formula applied to the three Spearman coefficients (the Pearson partial of the
     * ranks, as R's ppcor::pcor.test(method = "spearman")); p from t with n − 3 df.
     */
    public static Correlation partialSpearman(double[] x, double[] y, double[] covariate, int resamples, long seed) {
        double[][] kept = complete(x, y, covariate);
        int n = kept[0].length;
        double r = partial(coefficient(Kind.SPEARMAN, kept[0], kept[1]), coefficient(Kind.SPEARMAN, kept[0], kept[2]),
                coefficient(Kind.SPEARMAN, kept[1], kept[2]));
        double p = Double.isNaN(r) ? Double.NaN : atLeastSmallest(tTest(r, n, n - 3));
        double[] ci = Double.isNaN(r) ? new double[] {Double.NaN, Double.NaN} : bootstrap(n, resamples, seed, idx -> {
            double[] rx = ranks(pick(kept[0], idx)), ry = ranks(pick(kept[1], idx)), rz = ranks(pick(kept[2], idx));
            return partial(pearson(rx, ry), pearson(rx, rz), pearson(ry, rz));
        });
        return new Correlation(Kind.PARTIAL_SPEARMAN, r, p, ci[0], ci[1], n, x.length - n);
    }

    /** The coefficient alone; NaN for fewer than 3 pairs or a constant vector. */
    static double coefficient(Kind kind, double[] x, double[] y) {
        if (x.length < 3 || constant(x) || constant(y)) return Double.NaN;
        return switch (kind) {
            case PEARSON -> new PearsonsCorrelation().correlation(x, y);
            case SPEARMAN -> new SpearmansCorrelation().correlation(x, y);
            case KENDALL_TAU_B -> new KendallsCorrelation().correlation(x, y);
            default -> throw new IllegalStateException();
        };
    }

    /** First-order partial correlation of x and y given z from the three pairwise coefficients. */
    private static double partial(double rxy, double rxz, double ryz) {
        if (Double.isNaN(rxy) || Double.isNaN(rxz) || Double.isNaN(ryz)) return Double.NaN;
        // a covariate (almost) identical in rank to x or y leaves nothing to correlate; rounding
        // would otherwise turn 0/0 into noise
        if (!(Math.abs(rxz) < 1 - 1e-9 && Math.abs(ryz) < 1 - 1e-9)) return Double.NaN;
        double den = Math.sqrt((1 - rxz * rxz) * (1 - ryz * ryz));
        return Math.max(-1, Math.min(1, (rxy - rxz * ryz) / den));
    }

    /**
     * 1-based average ranks by a primitive sort and binary search. The bootstrap re-ranks every
     * resample (ties change with the draw), and commons-math3's NaturalRanking, which boxes every
     * value, made that the bottleneck; checked against it in CorrelationsTest.
     */
    static double[] ranks(double[] v) {
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            int lo = firstAtLeast(sorted, v[i], false), hi = firstAtLeast(sorted, v[i], true);
            r[i] = (lo + 1 + hi) / 2.0; // positions lo+1 .. hi share their mean rank
        }
        return r;
    }

    /** Index of the first element ≥ v (or > v when {@code strictly}) in a sorted array. */
    private static int firstAtLeast(double[] sorted, double v, boolean strictly) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v || (strictly && sorted[mid] == v)) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /** Plain Pearson for the bootstrap's rank vectors; NaN for a constant vector. */
    static double pearson(double[] a, double[] b) {
        int n = a.length;
        double ma = 0, mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= n;
        mb /= n;
        double sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < n; i++) {
            double da = a[i] - ma, db = b[i] - mb;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        return saa == 0 || sbb == 0 ? Double.NaN : sab / Math.sqrt(saa * sbb);
    }

    /**
     * Up to this many pairs the p-values of Pearson, Spearman and Kendall are exact: the share of
     * all n! orderings of the indicator against the scores whose coefficient is at least as far
     * from 0 as the observed one (two-sided; ties kept as they are). 9! = 362,880 orderings; R's
     * cor.test is exact for Spearman below 10 pairs as well. Above it, the approximations of
     * {@link Correlation.Kind}.
     */
    public static final int EXACT_MAX_N = 9;

    /** The smallest p-value reported: the tail of an approximation can underflow to 0, a p-value is never 0. */
    public static final double SMALLEST_P = Double.MIN_VALUE;

    private static double atLeastSmallest(double p) {
        return Double.isNaN(p) ? p : Math.max(p, SMALLEST_P);
    }

    /** n! as a double (infinite from 171 on, so that 1/n! is 0 there and the floor is {@link #SMALLEST_P}). */
    private static double factorial(int n) {
        double f = 1;
        for (int i = 2; i <= n; i++) f *= i;
        return f;
    }

    /**
     * Exact two-sided permutation p-value for at most {@link #EXACT_MAX_N} pairs: every ordering
     * of {@code y} against {@code x} (Heap's algorithm), counting those whose statistic is at least
     * as far from 0 as the observed one. Pearson and Spearman (Pearson of the average ranks) use
     * Σ(x − x̄)(y − ȳ), Kendall's tau-b the concordant-minus-discordant count S; the rest of each
     * coefficient does not change under reordering. The observed ordering counts, so p ≥ 1/n!.
     */
    static double permutationP(Kind kind, double[] x, double[] y) {
        int n = x.length;
        if (n > EXACT_MAX_N) throw new IllegalArgumentException("exact p-values are enumerated up to " + EXACT_MAX_N + " pairs, not " + n);
        double[] a = kind == Kind.SPEARMAN ? ranks(x) : x.clone(), b = kind == Kind.SPEARMAN ? ranks(y) : y.clone();
        if (kind != Kind.KENDALL_TAU_B) {
            center(a);
            center(b);
        }
        double scale = 0;
        if (kind != Kind.KENDALL_TAU_B) {
            double sa = 0, sb = 0;
            for (int i = 0; i < n; i++) {
                sa += a[i] * a[i];
                sb += b[i] * b[i];
            }
            scale = Math.sqrt(sa * sb);
        }
        // rounding of equal sums in another order must not decide; S is a whole number
        double tol = kind == Kind.KENDALL_TAU_B ? 0.5 : 1e-9 * scale;
        int[] sx = kind == Kind.KENDALL_TAU_B ? pairSigns(a) : null;
        double observed = Math.abs(statistic(kind, a, b, sx));
        double[] perm = b.clone();
        int[] c = new int[n];
        long hits = 0, total = 0;
        // Heap's algorithm: each step swaps two entries, visiting all n! orderings once
        hits += Math.abs(statistic(kind, a, perm, sx)) >= observed - tol ? 1 : 0;
        total++;
        int i = 1;
        while (i < n) {
            if (c[i] < i) {
                int j = (i % 2 == 0) ? 0 : c[i];
                double t = perm[j];
                perm[j] = perm[i];
                perm[i] = t;
                hits += Math.abs(statistic(kind, a, perm, sx)) >= observed - tol ? 1 : 0;
                total++;
                c[i]++;
                i = 1;
            } else {
                c[i] = 0;
                i++;
            }
        }
        return (double) hits / total;
    }

    private static void center(double[] v) {
        double m = 0;
        for (double d : v) m += d;
        m /= v.length;
        for (int i = 0; i < v.length; i++) v[i] -= m;
    }

    /** sign(x_i − x_j) for every pair i &lt; j, in the order {@link #statistic} walks them. */
    private static int[] pairSigns(double[] x) {
        int n = x.length;
        int[] s = new int[n * (n - 1) / 2];
        int k = 0;
        for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) s[k++] = sign(x[i], x[j]);
        return s;
    }

    /** −1, 0 or 1 (0.0 and −0.0 are a tie, as for the coefficient). */
    private static int sign(double u, double v) {
        return u > v ? 1 : u < v ? -1 : 0;
    }

    private static double statistic(Kind kind, double[] a, double[] b, int[] signsOfA) {
        double s = 0;
        if (kind == Kind.KENDALL_TAU_B) {
            int k = 0;
            for (int i = 0; i < b.length; i++) for (int j = i + 1; j < b.length; j++) s += signsOfA[k++] * sign(b[i], b[j]);
            return s;
        }
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    /** Two-sided p of t = r·√(df / (1 − r²)) under Student's t with df degrees of freedom. */
    static double tTest(double r, int n, int df) {
        if (Double.isNaN(r) || df < 1) return Double.NaN;
        if (Math.abs(r) >= 1) return 0.0;
        double t = Math.abs(r) * Math.sqrt(df / (1 - r * r));
        return 2 * new TDistribution(null, df).cumulativeProbability(-t);
    }

    /**
     * Two-sided normal-approximation p-value of Kendall's tau-b, without continuity correction,
     * as R's cor.test(method = "kendall", exact = FALSE) and SciPy's kendalltau(method =
     * "asymptotic"). S = tau_b·√((n0 − n1)(n0 − n2)) is the concordant-minus-discordant count and
     * Var(S) = [n(n−1)(2n+5) − Σt(t−1)(2t+5) − Σu(u−1)(2u+5)]/18
     * + Σt(t−1)·Σu(u−1) / (2n(n−1)) + Σt(t−1)(t−2)·Σu(u−1)(u−2) / (9n(n−1)(n−2)),
     * with t, u the sizes of the tie groups of x and y (Kendall 1970, eq. 4.4).
     */
    static double kendallP(double tau, double[] x, double[] y) {
        if (Double.isNaN(tau)) return Double.NaN;
        double n = x.length;
        double[] tx = tieSums(x), ty = tieSums(y);
        double n0 = n * (n - 1) / 2;
        double s = tau * Math.sqrt((n0 - tx[0] / 2) * (n0 - ty[0] / 2));
        double var = (n * (n - 1) * (2 * n + 5) - tx[2] - ty[2]) / 18
                + tx[0] * ty[0] / (2 * n * (n - 1))
                + tx[1] * ty[1] / (9 * n * (n - 1) * (n - 2));
        if (!(var > 0)) return Double.NaN;
        return 2 * NORMAL.cumulativeProbability(-Math.abs(s) / Math.sqrt(var));
    }

    /** Over the tie groups of sizes t: {Σt(t−1), Σt(t−1)(t−2), Σt(t−1)(2t+5)}. */
    private static double[] tieSums(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        double a = 0, b = 0, c = 0;
        int i = 0;
        while (i < s.length) {
            int j = i;
            while (j + 1 < s.length && s[j + 1] == s[i]) j++;
            double t = j - i + 1;
            a += t * (t - 1);
            b += t * (t - 1) * (t - 2);
            c += t * (t - 1) * (2 * t + 5);
            i = j + 1;
        }
        return new double[] {a, b, c};
    }

    /** A statistic of one resample, given the resampled row indices. */
    @FunctionalInterface
    private interface Statistic {
        double of(int[] rows);
    }

    /**
     * Percentile 95 % interval (R's quantile type 7) over {@code resamples} resamples of n rows
     * with replacement. Resample b draws from its own generator seeded by (seed, b), so the result
     * does not depend on thread scheduling. Resamples where the statistic is undefined (e.g. a
     * constant resample) are left out.
     */
    private static double[] bootstrap(int n, int resamples, long seed, Statistic stat) {
        if (resamples <= 0 || n < 3) return new double[] {Double.NaN, Double.NaN};
        double[] values = IntStream.range(0, resamples).parallel().mapToDouble(b -> {
            SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + b);
            int[] rows = new int[n];
            for (int i = 0; i < n; i++) rows[i] = rng.nextInt(n);
            return stat.of(rows);
        }).filter(v -> !Double.isNaN(v)).toArray();
        if (values.length == 0) return new double[] {Double.NaN, Double.NaN};
        Percentile q = new Percentile().withEstimationType(EstimationType.R_7);
        q.setData(values);
        return new double[] {q.evaluate(2.5), q.evaluate(97.5)};
    }

    private static double[] pick(double[] v, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) out[i] = v[rows[i]];
        return out;
    }

    /** The rows where every column is a number; infinities are refused as a bug upstream. */
    private static double[][] complete(double[]... cols) {
        int len = cols[0].length;
        for (double[] c : cols) {
            if (c.length != len) throw new IllegalArgumentException("vectors differ in length: " + c.length + " vs " + len);
        }
        boolean[] keep = new boolean[len];
        int n = 0;
        for (int i = 0; i < len; i++) {
            boolean ok = true;
            for (double[] c : cols) {
                if (Double.isInfinite(c[i])) throw new IllegalArgumentException("infinite value at position " + i);
                ok &= !Double.isNaN(c[i]);
            }
            keep[i] = ok;
            if (ok) n++;
        }
        double[][] out = new double[cols.length][n];
        for (int k = 0; k < cols.length; k++) {
            int m = 0;
            for (int i = 0; i < len; i++) if (keep[i]) out[k][m++] = cols[k][i];
        }
        return out;
    }

    private static boolean constant(double[] v) {
        for (double d : v) if (d != v[0]) return false;
        return true;
    }
}
