package org.deephem.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

class LengthMatchedAurocTest {
    // Worked by hand. Essential (label 1): a len 100 score 0.9, b len 102 score 0.4, c len 99 score 0.2;
    // non-essential (0): x len 100 score 0.5, y len 101 score 0.4, z len 110 score 0.1 (z is more than 3 nt from everyone).
    // Pairs within 3 nt (essential first; + = essential longer, − = essential shorter):
    //   d = 0: a–x (0.9 > 0.5: 1)                                      weight 1
    //   d = 1: b–y + (0.4 = 0.4: ½); a–y − (0.9 > 0.4: 1); c–x − (0.2 < 0.5: 0)
    //          n+ = 1, n− = 2: + pairs weigh 3/(2·1) = 1.5, − pairs 3/(2·2) = 0.75 (each side 1.5 in total)
    //   d = 2: b–x + (0.4 < 0.5: 0); c–y − (0.2 < 0.4: 0)             n+ = n− = 1: weight 1 each
    //   d = 3: none.
    // Weight 1 + 3 + 2 = 6; wins 1·1 + 1.5·½ + 0.75·1 + 0.75·0 + 1·0 + 1·0 = 2.5; LM-AUROC = 2.5/6 = 5/12.
    // Without c, d = 2 has b–x on the + side only and is dropped: d = 0 (1) and d = 1 (b–y ½, a–y 1, weight 1 each):
    // 2.5 / 3 = 5/6.
    static final double[] S = {0.9, 0.4, 0.2, 0.5, 0.4, 0.1};
    static final int[] Y = {1, 1, 1, 0, 0, 0};
    static final int[] L = {100, 102, 99, 100, 101, 110};

    @Test
    void handWorkedExample() {
        assertEquals(5.0 / 12, LengthMatchedAuroc.value(S, Y, L), 1e-15);
        assertEquals(6, LengthMatchedAuroc.pairs(Y, L, 3), "a–x, a–y, b–x, b–y, c–x, c–y, and no pair with z");
        double[] s = {0.9, 0.4, 0.5, 0.4, 0.1};
        int[] y = {1, 1, 0, 0, 0}, l = {100, 102, 100, 101, 110};
        assertEquals(5.0 / 6, LengthMatchedAuroc.value(s, y, l), 1e-15);
        assertEquals(5.0 / 12, bruteForce(S, Y, L, 3), 1e-15);
    }

    /** Random labelled rows with lengths spread like precursors (60–140 nt), many ties of length. */
    private static int[][] randomRows(Random r, int n) {
        int[] y = new int[n], l = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            l[i] = 60 + r.nextInt(80) + (y[i] == 0 ? 20 + r.nextInt(40) : 0); // non-essential longer, as on the real data
        }
        return new int[][] {y, l};
    }

    @Test
    void anyStrictlyMonotoneFunctionOfLengthScoresExactlyOneHalf() {
        Random r = new Random(7);
        double[] monotone = new double[400];
        double acc = 0;
        for (int i = 0; i < monotone.length; i++) monotone[i] = acc += 0.001 + r.nextDouble(); // a random increasing map
        List<IntToDoubleFunction> fs = List.of(len -> len, len -> -len, len -> (double) len * len, len -> monotone[len],
                len -> -Math.log(len));
        for (int rep = 0; rep < 20; rep++) {
            int[][] rows = randomRows(r, 40 + r.nextInt(150));
            for (IntToDoubleFunction f : fs) {
                double[] s = new double[rows[0].length];
                for (int i = 0; i < s.length; i++) s[i] = f.applyAsDouble(rows[1][i]);
                assertEquals(0.5, LengthMatchedAuroc.value(s, rows[0], rows[1]), 1e-12);
                assertEquals(0.5, bruteForce(s, rows[0], rows[1], 3), 1e-12);
            }
            // plain AUROC of length is far from 0.5 on these rows: the matching is what removes it
            double[] len = java.util.Arrays.stream(rows[1]).asDoubleStream().toArray();
            assertTrue(Math.abs(BinaryMetrics.auroc(len, rows[0]) - 0.5) > 0.05);
        }
        // its interval is about 0.5 too (each resample's estimate is exactly 0.5)
        int[][] rows = randomRows(new Random(3), 120);
        double[] s = java.util.Arrays.stream(rows[1]).asDoubleStream().toArray();
        LengthMatchedAuroc.Result res = LengthMatchedAuroc.of(s, rows[0], rows[1]);
        assertEquals(0.5, res.lo(), 1e-12);
        assertEquals(0.5, res.hi(), 1e-12);
    }

    @Test
    void aPerfectScoreGivesOneAndTheReverseZero() {
        int[][] rows = randomRows(new Random(11), 150);
        double[] perfect = new double[rows[0].length], reverse = new double[perfect.length];
        for (int i = 0; i < perfect.length; i++) {
            perfect[i] = rows[0][i] + 0.001 * rows[1][i]; // essential above every non-essential, whatever the length
            reverse[i] = -perfect[i];
        }
        LengthMatchedAuroc.Result p = LengthMatchedAuroc.of(perfect, rows[0], rows[1]);
        assertEquals(1.0, p.value(), 1e-15);
        assertEquals(1.0, p.lo(), 1e-15);
        assertEquals(1.0, p.hi(), 1e-15);
        assertEquals(0.0, LengthMatchedAuroc.value(reverse, rows[0], rows[1]), 1e-15);
    }

    @Test
    void agreesWithABruteForceOverTheExplicitPairListOnRandomScores() {
        Random r = new Random(5);
        for (int rep = 0; rep < 30; rep++) {
            int[][] rows = randomRows(r, 20 + r.nextInt(120));
            double[] s = new double[rows[0].length];
            for (int i = 0; i < s.length; i++) s[i] = r.nextInt(10) / 10.0 + 0.02 * rows[0][i]; // ties of score too
            for (int k = 0; k <= 5; k++) {
                assertEquals(bruteForce(s, rows[0], rows[1], k), LengthMatchedAuroc.value(s, rows[0], rows[1], k, null), 1e-12);
            }
        }
    }

    @Test
    void aResampleCountsARowDrawnTwiceAsTwoRows() {
        Random r = new Random(9);
        int[][] rows = randomRows(r, 50);
        double[] s = new double[50];
        for (int i = 0; i < 50; i++) s[i] = r.nextDouble();
        long[] count = new long[50];
        List<Integer> expanded = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            count[i] = r.nextInt(3);
            for (int c = 0; c < count[i]; c++) expanded.add(i);
        }
        double[] es = expanded.stream().mapToDouble(i -> s[i]).toArray();
        int[] ey = expanded.stream().mapToInt(i -> rows[0][i]).toArray(), el = expanded.stream().mapToInt(i -> rows[1][i]).toArray();
        assertEquals(bruteForce(es, ey, el, 3), LengthMatchedAuroc.value(s, rows[0], rows[1], 3, count), 1e-12);
    }

    @Test
    void theIntervalIsSeededAndHoldsTheEstimate() {
        Random r = new Random(13);
        int[][] rows = randomRows(r, 170);
        double[] s = new double[170];
        for (int i = 0; i < s.length; i++) s[i] = r.nextGaussian() + 0.8 * rows[0][i];
        LengthMatchedAuroc.Result a = LengthMatchedAuroc.of(s, rows[0], rows[1]), b = LengthMatchedAuroc.of(s, rows[0], rows[1]);
        assertEquals(a, b, "same seed, same interval");
        assertTrue(a.lo() < a.value() && a.value() < a.hi(), a.toString());
        assertTrue(a.lo() > 0.5, "a signal beyond length: " + a);
        assertTrue(!a.equals(LengthMatchedAuroc.of(s, rows[0], rows[1], 3, 2000, 2)), "another seed, another interval");
    }

    @Test
    void byMethodPoolsEachRepeatThenAveragesAndMarksUnknownLengths() {
        int[][] rows = randomRows(new Random(17), 60);
        List<CrossValidation.Prediction> p = new ArrayList<>();
        double[][] scores = new double[2][60];
        Random r = new Random(1);
        for (int rep = 1; rep <= 2; rep++) {
            for (int i = 0; i < 60; i++) {
                scores[rep - 1][i] = r.nextDouble() + 0.3 * rows[0][i];
                p.add(new CrossValidation.Prediction("m", rep, 1 + i % 3, "id" + i, rows[0][i], scores[rep - 1][i], rows[1][i]));
                p.add(new CrossValidation.Prediction("old", rep, 1 + i % 3, "id" + i, rows[0][i], scores[rep - 1][i]));
            }
        }
        Map<String, LengthMatchedAuroc.Result> m = LengthMatchedAuroc.byMethod(p);
        LengthMatchedAuroc.Result r1 = LengthMatchedAuroc.of(scores[0], rows[0], rows[1]), r2 = LengthMatchedAuroc.of(scores[1], rows[0], rows[1]);
        assertEquals((r1.value() + r2.value()) / 2, m.get("m").value(), 1e-15);
        assertEquals((r1.lo() + r2.lo()) / 2, m.get("m").lo(), 1e-15);
        assertEquals((r1.hi() + r2.hi()) / 2, m.get("m").hi(), 1e-15);
        assertTrue(Double.isNaN(m.get("old").value()), "no lengths: no figure");
    }

    /**
     * The definition read literally, as a second computation: list every matched pair with its
     * difference and direction, count each (d, direction) group, weigh each pair by
     * (n₊ + n₋) / (2 n_side) (1 at d = 0; groups of a d with one side empty left out), and average.
     */
    static double bruteForce(double[] s, int[] y, int[] len, int k) {
        record Pair(int d, int dir, double win) {}
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < s.length; i++) {
            for (int j = 0; j < s.length; j++) {
                if (y[i] == 1 && y[j] == 0 && Math.abs(len[i] - len[j]) <= k) {
                    pairs.add(new Pair(Math.abs(len[i] - len[j]), Integer.signum(len[i] - len[j]),
                            s[i] > s[j] ? 1 : s[i] < s[j] ? 0 : 0.5));
                }
            }
        }
        double num = 0, den = 0;
        for (Pair p : pairs) {
            double w;
            if (p.d() == 0) {
                w = 1;
            } else {
                long plus = pairs.stream().filter(q -> q.d() == p.d() && q.dir() > 0).count();
                long minus = pairs.stream().filter(q -> q.d() == p.d() && q.dir() < 0).count();
                if (plus == 0 || minus == 0) continue;
                w = (plus + minus) / (2.0 * (p.dir() > 0 ? plus : minus));
            }
            num += w * p.win();
            den += w;
        }
        return den == 0 ? Double.NaN : num / den;
    }
}
