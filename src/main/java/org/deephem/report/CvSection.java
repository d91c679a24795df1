package org.deephem.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.deephem.data.DeepHemDataset;
import org.deephem.figures.CurveCharts;
import org.deephem.validation.CrossValidation;
import org.deephem.validation.CvSummary;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The nested mouse cross-validation in the report: the summary table and the pooled ROC and PR curves. */
final class CvSection {
    /** Figures of the summary table, in its column order. */
    static final List<String> FIGURES = List.of("auroc", "auprc", "accuracy", "f1", "mcc");

    private CvSection() {}

    static void add(Report r, CrossValidation.Result cv, DeepHemDataset ds) {
        var o = cv.options();
        String how = String.format(Locale.ROOT, "stratified %d-fold × %d repeat%s of the %d labelled mouse miRNAs (seed %d)",
                o.folds(), o.repeats(), o.repeats() == 1 ? "" : "s", ds.labels().length, o.seed());
        r.table("cv_mean_sd", "Nested mouse cross-validation",
                "Mean ± sd over the outer folds × repeats (" + how + "); every method is fitted on the training folds only and scored on the outer fold it never saw; "
                        + "the network chooses its epoch on rows held out of the training folds. Thresholds: 0.5 for probabilities, else the median of the training-fold scores. "
                        + "This estimates accuracy on mouse only. All folds: cv_folds.csv; predictions: cv_predictions.csv.",
                summary(cv));
        List<CurveCharts.Curve> roc = new ArrayList<>(), pr = new ArrayList<>();
        for (CvSummary.Curve c : CvSummary.pooledCurves(cv.predictions())) {
            double[] x = c.points().stream().mapToDouble(p -> p[0]).toArray(), y = c.points().stream().mapToDouble(p -> p[1]).toArray();
            (c.kind().equals("roc") ? roc : pr).add(new CurveCharts.Curve(c.method(), x, y));
        }
        double prevalence = (double) java.util.Arrays.stream(ds.labels()).filter(v -> v == 1).count() / ds.labels().length;
        String pooled = "Pooled over every outer fold of every repeat (" + how + "); mouse only.";
        r.figure("cv_roc", "Cross-validated ROC curves (mouse)", pooled + " Diagonal: chance.",
                CurveCharts.roc("Nested CV, pooled outer folds", roc));
        r.figure("cv_pr", "Cross-validated precision-recall curves (mouse)", pooled + " Horizontal line: share of essential miRNAs (chance).",
                CurveCharts.precisionRecall("Nested CV, pooled outer folds", pr, prevalence));
    }

    /** method, then mean and sd of each figure, and the number of folds behind them. */
    static Table summary(CrossValidation.Result cv) {
        StringColumn method = StringColumn.create("method");
        IntColumn n = IntColumn.create("folds");
        Table t = Table.create("cv_summary", method);
        for (String f : FIGURES) t.addColumns(DoubleColumn.create(f + "_mean"), DoubleColumn.create(f + "_sd"));
        t.addColumns(n);
        Set<String> figures = Set.copyOf(FIGURES);
        String last = null;
        for (CvSummary.Row row : CvSummary.rows(cv.folds())) {
            if (!figures.contains(row.figure())) continue;
            if (!row.method().equals(last)) {
                method.append(row.method());
                n.append((int) cv.folds().stream().filter(f -> f.method().equals(row.method())).count());
                last = row.method();
            }
            t.doubleColumn(row.figure() + "_mean").append(row.mean());
            t.doubleColumn(row.figure() + "_sd").append(row.sd());
        }
        return t;
    }
}
