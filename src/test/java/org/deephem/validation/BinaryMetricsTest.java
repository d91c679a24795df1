package org.deephem.validation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.deephem.eval.Metrics;
import org.junit.jupiter.api.Test;

class BinaryMetricsTest {
    // Worked by hand. Scores 0.9 0.8 0.7 0.6 0.55 0.4, labels 1 0 1 1 0 0 (3 essential).
    // Going down the ranking: 0.9 (1): TP 1, precision 1/1, recall 1/3
    //                         0.8 (0): precision 1/2, recall stays 1/3
    //                         0.7 (1): TP 2, precision 2/3, recall 2/3
    //                         0.6 (1): TP 3, precision 3/4, recall 1
    // AP = 1/3·1 + 1/3·2/3 + 1/3·3/4 = 12/36 + 8/36 + 9/36 = 29/36.
    // At 0.5 all but 0.4 are called essential: TP 3, FP 2, TN 1, FN 0;
    // accuracy 4/6, F1 = 6/(6+2+0) = 3/4, MCC = (3·1 − 2·0)/√(5·3·3·1) = 3/√45 = 1/√5.
    // AUROC: essential beat non-essential in 3 + 2 + 2 = 7 of 9 pairs.
    static final double[] S = {0.9, 0.8, 0.7, 0.6, 0.55, 0.4};
    static final int[] Y = {1, 0, 1, 1, 0, 0};

    @Test
    void handWorkedExample() {
        assertEquals(29.0 / 36, BinaryMetrics.averagePrecision(S, Y), 1e-12);
        BinaryMetrics.Confusion c = BinaryMetrics.Confusion.at(S, Y, 0.5);
        assertEquals(new BinaryMetrics.Confusion(3, 2, 1, 0), c);
        assertEquals(4.0 / 6, c.accuracy(), 1e-12);
        assertEquals(0.75, c.f1(), 1e-12);
        assertEquals(1 / Math.sqrt(5), c.mcc(), 1e-12);
        assertEquals(7.0 / 9, BinaryMetrics.auroc(S, Y), 1e-12);
    }

    @Test
    void tiesAreOneThreshold() {
        // 0.8 (1), 0.8 (0) tie: one step to recall 1/2 at precision 1/2; then 0.3 (1): recall 1, precision 2/3.
        // AP = 1/2·1/2 + 1/2·2/3 = 7/12 (scikit-learn gives the same).
        assertEquals(7.0 / 12, BinaryMetrics.averagePrecision(new double[] {0.8, 0.8, 0.3}, new int[] {1, 0, 1}), 1e-12);
        assertEquals(List.of(0.5, 0.5), List.of(BinaryMetrics.prCurve(new double[] {0.8, 0.8, 0.3}, new int[] {1, 0, 1}).get(0)[0],
                BinaryMetrics.prCurve(new double[] {0.8, 0.8, 0.3}, new int[] {1, 0, 1}).get(0)[1]));
    }

    @Test
    void degenerateMarginsGiveZeroMccAndF1() {
        BinaryMetrics.Confusion none = BinaryMetrics.Confusion.at(new double[] {0.1, 0.2}, new int[] {0, 0}, 0.5);
        assertEquals(0.0, none.mcc());
        assertEquals(0.0, none.f1());
        assertEquals(1.0, none.accuracy());
        BinaryMetrics.Confusion perfect = BinaryMetrics.Confusion.at(S, new int[] {1, 1, 1, 1, 1, 0}, 0.5);
        assertEquals(1.0, perfect.mcc(), 1e-12);
    }

    @Test
    void rocCurveAreaEqualsTheRankAucOnRandomDataWithTies() {
        Random r = new Random(3);
        for (int rep = 0; rep < 20; rep++) {
            int n = 30 + r.nextInt(40);
            double[] s = new double[n];
            int[] y = new int[n];
            for (int i = 0; i < n; i++) {
                y[i] = r.nextInt(2);
                s[i] = Math.round((r.nextGaussian() + y[i]) * 4) / 4.0; // coarse: many ties
            }
            y[0] = 0;
            y[1] = 1;
            List<double[]> roc = BinaryMetrics.rocCurve(s, y);
            assertArrayEquals(new double[] {0, 0}, roc.get(0));
            assertArrayEquals(new double[] {1, 1}, roc.get(roc.size() - 1), 1e-12);
            double area = 0;
            for (int i = 1; i < roc.size(); i++) area += (roc.get(i)[0] - roc.get(i - 1)[0]) * (roc.get(i)[1] + roc.get(i - 1)[1]) / 2;
            assertEquals(Metrics.auc(s, y), area, 1e-12, "trapezoids over the ROC points = Mann-Whitney AUC");
            // AP by brute force: mean over positives of precision at that positive's threshold
            double ap = 0;
            int pos = 0;
            for (int i = 0; i < n; i++) {
                if (y[i] != 1) continue;
                pos++;
                int tp = 0, all = 0;
                for (int j = 0; j < n; j++) {
                    if (s[j] >= s[i]) {
                        all++;
                        tp += y[j];
                    }
                }
                ap += tp / (double) all;
            }
            assertEquals(ap / pos, BinaryMetrics.averagePrecision(s, y), 1e-12);
            // and a third computation: Tribuo's (on the class path for the baselines)
            boolean[] isPos = new boolean[n];
            for (int i = 0; i < n; i++) isPos[i] = y[i] == 1;
            assertEquals(org.tribuo.classification.evaluation.LabelEvaluationUtil.averagedPrecision(isPos, s),
                    BinaryMetrics.averagePrecision(s, y), 1e-9);
        }
    }
}
