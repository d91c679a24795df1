package org.deephem.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * Mean ± sd of each figure over all folds × repeats of one method, plus the pooled curves.
 * The sd is over folds that share training rows, so it understates the uncertainty of the mean
 * (it is a spread, not a standard error).
 */
public final class CvSummary {
    private CvSummary() {}

    /** Figures summarised, in output order. */
    public static final Map<String, ToDoubleFunction<CrossValidation.FoldResult>> FIGURES = figures();

    private static Map<String, ToDoubleFunction<CrossValidation.FoldResult>> figures() {
        Map<String, ToDoubleFunction<CrossValidation.FoldResult>> m = new LinkedHashMap<>();
        m.put("auroc", CrossValidation.FoldResult::auroc);
        m.put("auprc", CrossValidation.FoldResult::auprc);
        m.put("logloss", CrossValidation.FoldResult::logLoss);
        m.put("accuracy", CrossValidation.FoldResult::accuracy);
        m.put("f1", CrossValidation.FoldResult::f1);
        m.put("mcc", CrossValidation.FoldResult::mcc);
        m.put("seconds", CrossValidation.FoldResult::seconds);
        return m;
    }

    /** One method's summary of one figure; NaN figures (e.g. log-loss of a non-probability) give n = 0. */
    public record Row(String method, String figure, double mean, double sd, long n) {}

    public static List<Row> rows(List<CrossValidation.FoldResult> folds) {
        List<Row> out = new ArrayList<>();
        for (String method : methods(folds)) {
            for (var e : FIGURES.entrySet()) {
                SummaryStatistics s = new SummaryStatistics();
                for (var f : folds) {
                    double v = e.getValue().applyAsDouble(f);
                    if (f.method().equals(method) && !Double.isNaN(v)) s.addValue(v);
                }
                out.add(new Row(method, e.getKey(), s.getN() == 0 ? Double.NaN : s.getMean(),
                        s.getN() < 2 ? Double.NaN : s.getStandardDeviation(), s.getN()));
            }
        }
        return out;
    }

    /** Curve points of one method, pooled over every outer fold of every repeat. */
    public record Curve(String method, String kind, List<double[]> points) {}

    /**
     * Pooled ROC and PR curves: all outer-fold predictions of a method together (each row once
     * per repeat, so every row has the same weight).
     */
    public static List<Curve> pooledCurves(List<CrossValidation.Prediction> preds) {
        List<Curve> out = new ArrayList<>();
        for (String method : new java.util.LinkedHashSet<>(preds.stream().map(CrossValidation.Prediction::method).toList())) {
            List<CrossValidation.Prediction> p = preds.stream().filter(x -> x.method().equals(method)).toList();
            double[] s = p.stream().mapToDouble(CrossValidation.Prediction::score).toArray();
            int[] y = p.stream().mapToInt(CrossValidation.Prediction::label).toArray();
            out.add(new Curve(method, "roc", BinaryMetrics.rocCurve(s, y)));
            out.add(new Curve(method, "pr", BinaryMetrics.prCurve(s, y)));
        }
        return out;
    }

    static List<String> methods(List<CrossValidation.FoldResult> folds) {
        return new ArrayList<>(new java.util.LinkedHashSet<>(folds.stream().map(CrossValidation.FoldResult::method).toList()));
    }
}
