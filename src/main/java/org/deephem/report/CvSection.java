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

/** The nested mouse cross-validation in the report: one wide table of both sets beside the published figures, the pooled ROC and PR curves, the long tables as appendices. */
final class CvSection {
    /** Figures of the summary table, in its column order. */
    static final List<String> FIGURES = List.of("auroc", "auprc", "accuracy", "f1", "mcc");

    private CvSection() {}

    /** Baselines drawn beside the network twins in each ROC/PR panel: the best by mean CV AUROC. */
    static final int CURVE_BASELINES = 3;

    /**
     * The section: the wide table (labelled mouse beside XGEM's comparison set with the published
     * AUROCs), the pooled ROC and PR curves of the network twins and the best baselines, and the
     * long per-set tables as appendices. {@code comparison} may be null.
     */
    static void add(Report r, CrossValidation.Result cv, CrossValidation.Result comparison, DeepHemDataset ds, Set<String> networks) {
        var o = cv.options();
        String how = String.format(Locale.ROOT, "stratified %d-fold × %d repeat%s of the %d labelled mouse miRNAs (seed %d)",
                o.folds(), o.repeats(), o.repeats() == 1 ? "" : "s", ds.labels().length, o.seed());
        Table mouse = summary(cv);
        Table cmp = comparison == null ? null : comparisonTable(comparison);
        int pos = java.util.Arrays.stream(ds.labels()).sum();
        r.table(Report.Section.CV, "cv_wide", "Nested mouse cross-validation",
                "Mean ± sd over the outer folds × repeats (" + how + (comparison == null ? "" : "; the same protocol on XGEM dataset1") + "). Every method is fitted on the "
                        + "training folds only and scored on the outer fold it never saw; the network chooses its epoch on rows held out of the training folds. "
                        + "MCC at threshold 0.5 for probabilities, else the median of the training-fold scores. "
                        + (mouse.columnNames().contains("lm_auroc") ? "lm AUROC: the length-matched AUROC (pairs whose annotated precursor lengths differ by at most " + LengthMatchedAuroc.K + " nt, directions balanced, so length alone scores 0.5) on the pooled outer-fold predictions, with its 95 % bootstrap interval (mean over repeats). " : "")
                        + (cmp == null ? "" : "Published rows: PESM, miES and XGEM as their papers give them, each with its own protocol and features (not rerun here); on dataset1 all 77 essential but "
                        + "only 37 of 77 non-essential miRNAs have MTI targets, so compare every MTI-using row with has_mti_target. ")
                        + "This estimates accuracy on mouse only. Long tables: appendices cv_mean_sd" + (cmp == null ? "" : ", cv_xgem_dataset1") + "; all folds: cv_folds.csv.",
                wide(mouse, cmp), wideHtml(mouse, cmp, networks, String.format(Locale.ROOT, "labelled mouse (%d + %d)", pos, ds.labels().length - pos)));
        List<CurveCharts.Curve> roc = new ArrayList<>(), pr = new ArrayList<>();
        Set<String> drawn = curveMethods(mouse, networks);
        for (CvSummary.Curve c : CvSummary.pooledCurves(cv.predictions())) {
            if (!drawn.contains(c.method())) continue;
            double[] x = c.points().stream().mapToDouble(p -> p[0]).toArray(), y = c.points().stream().mapToDouble(p -> p[1]).toArray();
            (c.kind().equals("roc") ? roc : pr).add(new CurveCharts.Curve(c.method(), x, y));
        }
        double prevalence = (double) pos / ds.labels().length;
        String pooled = "Pooled over every outer fold of every repeat (" + how + "); mouse only. The network twins and the " + CURVE_BASELINES
                + " baselines of highest mean CV AUROC; every method's points: cv_curves.csv.";
        r.figure(Report.Section.CV, "cv_roc", "Cross-validated ROC curves (mouse)", pooled + " Diagonal: chance.",
                org.deephem.figures.Figure.of(CurveCharts.roc("ROC, nested CV (mouse)", roc)), true);
        r.figure(Report.Section.CV, "cv_pr", "Cross-validated precision-recall curves (mouse)", "The same folds and methods as the ROC curves. Horizontal line: share of essential miRNAs (chance).",
                org.deephem.figures.Figure.of(CurveCharts.precisionRecall("Precision-recall, nested CV (mouse)", pr, prevalence)), true);
        r.table(Report.Section.APPENDIX, "cv_mean_sd", "Nested mouse cross-validation, every figure",
                "Mean ± sd over the outer folds × repeats (" + how + ") of AUROC, AUPRC, accuracy, F1 and MCC; predictions: cv_predictions.csv.", mouse);
        if (cmp != null) {
            var oc = comparison.options();
            r.table(Report.Section.APPENDIX, "cv_xgem_dataset1", "Nested cross-validation on XGEM's comparison set (77 + 77), every figure",
                    String.format(Locale.ROOT, "The same nested CV (stratified %d-fold × %d repeat%s, seed %d) on XGEM dataset1, the set on which PESM, miES and XGEM "
                            + "published their AUROCs; the published rows come from their papers and their own protocols (not rerun here). Files: xgem-dataset1/cv_*.csv.",
                            oc.folds(), oc.repeats(), oc.repeats() == 1 ? "" : "s", oc.seed()), cmp);
        }
    }

    /** The network twins and the {@link #CURVE_BASELINES} baselines of highest mean AUROC. */
    static Set<String> curveMethods(Table summary, Set<String> networks) {
        Set<String> out = new java.util.LinkedHashSet<>();
        List<Integer> base = new ArrayList<>();
        for (int i = 0; i < summary.rowCount(); i++) {
            String m = summary.stringColumn("method").get(i);
            if (networks.contains(m)) out.add(m);
            else base.add(i);
        }
        base.sort(java.util.Comparator.comparingDouble(i -> -summary.doubleColumn("auroc_mean").getDouble(i)));
        for (int k = 0; k < Math.min(CURVE_BASELINES, base.size()); k++) out.add(summary.stringColumn("method").get(base.get(k)));
        return out;
    }

    /** The figures of the wide table: AUROC, AUPRC, MCC, and the length-matched AUROC when the CV files have it. */
    static List<String> wideFigures(Table t) {
        List<String> f = new ArrayList<>(List.of("auroc", "auprc", "mcc"));
        if (t != null && t.columnNames().contains("lm_auroc")) f.add("lm_auroc");
        return f;
    }

    /** One row per method: each set's mean and sd of each figure (and lm_auroc with its interval when present). */
    static Table wide(Table mouse, Table cmp) {
        Table t = Table.create("cv_wide", StringColumn.create("method"), StringColumn.create("source"));
        List<Table> sets = cmp == null ? List.of(mouse) : List.of(mouse, cmp);
        List<String> prefixes = List.of("mouse_", "dataset1_");
        for (int s = 0; s < sets.size(); s++) {
            for (String f : wideFigures(sets.get(s))) {
                if (f.equals("lm_auroc")) t.addColumns(DoubleColumn.create(prefixes.get(s) + "lm_auroc"), DoubleColumn.create(prefixes.get(s) + "lm_auroc_lo"), DoubleColumn.create(prefixes.get(s) + "lm_auroc_hi"));
                else t.addColumns(DoubleColumn.create(prefixes.get(s) + f + "_mean"), DoubleColumn.create(prefixes.get(s) + f + "_sd"));
            }
        }
        for (String m : methods(mouse, cmp)) {
            t.stringColumn("method").append(m);
            String source = "this run: nested CV";
            for (int s = 0; s < sets.size(); s++) {
                Table x = sets.get(s);
                int i = x.stringColumn("method").indexOf(m);
                if (i >= 0 && x.columnNames().contains("source")) source = x.stringColumn("source").get(i);
                for (String f : wideFigures(x)) {
                    List<String> cols = f.equals("lm_auroc") ? List.of("lm_auroc", "lm_auroc_lo", "lm_auroc_hi") : List.of(f + "_mean", f + "_sd");
                    for (String c : cols) t.doubleColumn(prefixes.get(s) + c).append(i < 0 ? Double.NaN : num(x, c, i));
                }
            }
            t.stringColumn("source").append(source);
        }
        return t;
    }

    private static List<String> methods(Table mouse, Table cmp) {
        List<String> out = new ArrayList<>(mouse.stringColumn("method").asList());
        if (cmp != null) for (String m : cmp.stringColumn("method")) if (!out.contains(m)) out.add(m);
        return out;
    }

    private static double num(Table t, String column, int row) {
        var c = t.column(column);
        if (c.isMissing(row)) return Double.NaN;
        return ((Number) c.get(row)).doubleValue();
    }

    static String wideHtml(Table mouse, Table cmp, Set<String> networks, String mouseName) {
        List<Table> sets = cmp == null ? List.of(mouse) : List.of(mouse, cmp);
        List<String> names = List.of(mouseName, "XGEM dataset1 (77 + 77)");
        StringBuilder b = new StringBuilder("<table class=\"wide\">\n<thead><tr><th rowspan=\"2\" class=\"row\">method</th>");
        for (int s = 0; s < sets.size(); s++) b.append("<th colspan=\"").append(wideFigures(sets.get(s)).size()).append("\">").append(Html.escape(names.get(s))).append("</th>");
        b.append("</tr>\n<tr>");
        for (Table x : sets) for (String f : wideFigures(x)) b.append("<th>").append(LABELS.get(f)).append("</th>");
        b.append("</tr></thead>\n<tbody>\n");
        for (String m : methods(mouse, cmp)) {
            boolean published = m.endsWith("(published)");
            b.append("<tr").append(networks.contains(m) ? " class=\"network\"" : published ? " class=\"published\"" : "").append("><td>").append(Html.escape(m)).append("</td>");
            for (Table x : sets) {
                int i = x.stringColumn("method").indexOf(m);
                for (String f : wideFigures(x)) {
                    String v = "–";
                    if (i >= 0 && f.equals("lm_auroc")) {
                        double lm = num(x, "lm_auroc", i), lo = num(x, "lm_auroc_lo", i), hi = num(x, "lm_auroc_hi", i);
                        if (!Double.isNaN(lm)) v = Cells.coef(lm) + (Double.isNaN(lo) ? "" : " [" + Cells.coef(lo) + ", " + Cells.coef(hi) + "]");
                    } else if (i >= 0) {
                        double mean = num(x, f + "_mean", i), sd = num(x, f + "_sd", i);
                        if (!Double.isNaN(mean)) v = Cells.coef(mean) + (Double.isNaN(sd) ? "" : " ± " + Cells.coef(sd));
                    }
                    b.append("<td class=\"num\">").append(Html.escape(v)).append("</td>");
                }
            }
            b.append("</tr>\n");
        }
        return b.append("</tbody>\n</table>\n").toString();
    }

    static final java.util.Map<String, String> LABELS = java.util.Map.of("auroc", "AUROC", "auprc", "AUPRC", "mcc", "MCC", "lm_auroc", "lm AUROC [interval]");

    /**
     * Published AUROCs on XGEM's comparison set (77 + 77), as their papers give them; each used its
     * own protocol and features, so they sit beside ours, not against them.
     */
    static final List<String[]> PUBLISHED = List.of(
            new String[] {"PESM (published)", "0.912"},
            new String[] {"miES (published)", "0.90"},
            new String[] {"XGEM (published)", "0.949"});

    /** The summary of the CV on XGEM's comparison set with the published figures beside ours (rows marked by source). */
    static Table comparisonTable(CrossValidation.Result cv) {
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
        return t;
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
