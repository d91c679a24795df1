package org.deephem.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.deephem.data.DeepHemDataset;
import org.deephem.figures.CurveCharts;
import org.deephem.validation.CrossValidation;
import org.deephem.validation.CvSummary;
import org.deephem.validation.LengthMatchedAuroc;
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
                        + "This estimates accuracy on mouse only. lm_auroc: the length-matched AUROC (pairs whose annotated precursor lengths differ by at most "
                        + LengthMatchedAuroc.K + " nt, directions balanced, so length alone scores 0.5) on the pooled outer-fold predictions, with its 95 % bootstrap interval "
                        + "(lo, hi; mean over repeats). All folds: cv_folds.csv; predictions: cv_predictions.csv.",
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

    /**
     * Published AUROCs on XGEM's comparison set (77 + 77), as their papers give them; each used its
     * own protocol and features, so they sit beside ours, not against them.
     */
    static final List<String[]> PUBLISHED = List.of(
            new String[] {"PESM (published)", "0.912"},
            new String[] {"miES (published)", "0.90"},
            new String[] {"XGEM (published)", "0.949"});

    /** The same nested CV on XGEM's comparison set, with the published figures beside ours. */
    static void addComparison(Report r, CrossValidation.Result cv) {
        var o = cv.options();
        Table t = summary(cv);
        t.setName("cv_xgem_dataset1");
        StringColumn source = StringColumn.create("source");
        for (int i = 0; i < t.rowCount(); i++) source.append("this run: nested CV");
        t.addColumns(source);
        for (String[] p : PUBLISHED) {
            t.stringColumn("method").append(p[0]);
            t.doubleColumn("auroc_mean").append(Double.parseDouble(p[1]));
            for (var c : t.columns()) {
                if (c.size() < t.stringColumn("method").size()) c.appendMissing();
            }
            source.set(source.size() - 1, "published (other protocol)");
        }
        r.table("cv_xgem_dataset1", "Nested cross-validation on XGEM's comparison set (77 + 77)",
                String.format(Locale.ROOT, "The same nested CV (stratified %d-fold × %d repeat%s, seed %d) on XGEM dataset1, the set on which PESM, miES and XGEM "
                        + "published their AUROCs; the published rows come from their papers and their own protocols (not rerun here). "
                        + "On this set all 77 essential but only 37 of 77 non-essential miRNAs have MTI targets: compare every MTI-using row with the has_mti_target row. "
                        + "Files: xgem-dataset1/cv_*.csv.", o.folds(), o.repeats(), o.repeats() == 1 ? "" : "s", o.seed()), t);
    }

    /** method, then mean and sd of each figure, and the number of folds behind them. */
    static Table summary(CrossValidation.Result cv) {
        StringColumn method = StringColumn.create("method");
        IntColumn n = IntColumn.create("folds");
        Table t = Table.create("cv_summary", method);
        for (String f : FIGURES) t.addColumns(DoubleColumn.create(f + "_mean"), DoubleColumn.create(f + "_sd"));
        t.addColumns(DoubleColumn.create("lm_auroc"), DoubleColumn.create("lm_auroc_lo"), DoubleColumn.create("lm_auroc_hi"));
        t.addColumns(n);
        java.util.Map<String, LengthMatchedAuroc.Result> lm = LengthMatchedAuroc.byMethod(cv.predictions());
        Set<String> figures = Set.copyOf(FIGURES);
        String last = null;
        for (CvSummary.Row row : CvSummary.rows(cv.folds())) {
            if (!figures.contains(row.figure())) continue;
            if (!row.method().equals(last)) {
                method.append(row.method());
                n.append((int) cv.folds().stream().filter(f -> f.method().equals(row.method())).count());
                LengthMatchedAuroc.Result m = lm.getOrDefault(row.method(), LengthMatchedAuroc.Result.NONE);
                t.doubleColumn("lm_auroc").append(m.value());
                t.doubleColumn("lm_auroc_lo").append(m.lo());
                t.doubleColumn("lm_auroc_hi").append(m.hi());
                last = row.method();
            }
            t.doubleColumn(row.figure() + "_mean").append(row.mean());
            t.doubleColumn(row.figure() + "_sd").append(row.sd());
        }
        return t;
    }
}
