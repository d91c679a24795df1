package org.deephem.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Merges the cell files of a grid into tablesaw tables and a short text: one row per cell, and
 * per grid row and measure the mean ± sd over seeds with the paired Wilcoxon p against the
 * reference. Measures: the six human correlations (conservation, DSW × Pearson, Spearman, Kendall
 * tau-b; reported, never used to choose anything) and, when the grid ran CV, the mean nested
 * mouse CV AUROC of each seed (or, when only the first seed ran it, the AUROC of each of its
 * outer folds, paired by fold), and the length-matched AUROC of each cell's CV with its interval
 * (one value per cell that ran the CV).
 */
public final class Merge {
    private Merge() {}

    public static final String CV_AUROC = "cv_auroc";
    /** The length-matched AUROC of a cell's nested CV and its 95 % interval (one value per cell that ran the CV). */
    public static final String LM_AUROC = "lm_auroc", LM_AUROC_LO = "lm_auroc_lo", LM_AUROC_HI = "lm_auroc_hi";

    /** The merged tables and the text for the report. */
    public record Merged(Table cells, Table summary, String text) {}

    public static Merged merge(Grid grid, Map<String, CellResult> results) {
        List<String> measures = measures(results);
        Table cells = Table.create(grid.name() + "_cells", StringColumn.create("cell"), StringColumn.create("method"),
                IntColumn.create("seed"), DoubleColumn.create("wall_seconds"), IntColumn.create("selected_epoch"),
                IntColumn.create("epochs_run"));
        for (String m : measures) cells.addColumns(DoubleColumn.create(m));
        for (Grid.Row r : grid.methods()) {
            for (long s : grid.seeds()) {
                CellResult c = results.get(Grid.cellId(r.key(), s));
                if (c == null) continue;
                cells.stringColumn("cell").append(c.spec().id());
                cells.stringColumn("method").append(r.key());
                cells.intColumn("seed").append((int) s);
                cells.doubleColumn("wall_seconds").append(c.wallSeconds());
                appendInt(cells.intColumn("selected_epoch"), c.selectedEpoch());
                appendInt(cells.intColumn("epochs_run"), c.epochsRun());
                Map<String, Double> v = values(c);
                for (String m : measures) cells.doubleColumn(m).append(v.getOrDefault(m, Double.NaN));
            }
        }
        Table summary = Table.create(grid.name() + "_summary", StringColumn.create("group"), StringColumn.create("variant"),
                StringColumn.create("method"), StringColumn.create("measure"), IntColumn.create("n"),
                DoubleColumn.create("mean"), DoubleColumn.create("sd"), StringColumn.create("reference"),
                DoubleColumn.create("mean_difference"), DoubleColumn.create("wilcoxon_p"));
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%s: %d rows x %d seeds; mean ± sd over seeds; p = paired Wilcoxon signed-rank against '%s' (exact up to %d seeds)%n",
                grid.name(), grid.rows().size(), grid.seeds().size(), grid.reference(), PairedTest.EXACT_UP_TO));
        if (grid.cvFirstSeedOnly() && grid.cvFolds() > 0) {
            text.append(String.format(Locale.ROOT, "  cv_auroc: seed %d's nested CV only, mean ± sd over its %d outer folds, p paired by fold (every method meets the same folds)%n",
                    grid.seeds().get(0), grid.cvFolds() * grid.cvRepeats()));
        }
        if (measures.contains(LM_AUROC)) {
            text.append(String.format(Locale.ROOT, "  lm_auroc: length-matched AUROC of each CV's pooled outer-fold predictions (pairs within %d nt of annotated length; length alone scores 0.5); lm_auroc_lo/hi: its 95 %% bootstrap interval%n",
                    org.deephem.validation.LengthMatchedAuroc.K));
        }
        for (Grid.Row r : grid.rows()) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-10s %-16s", r.group(), r.variant()));
            for (String m : measures) {
                double[] x = sample(grid, results, r.key(), m), ref = sample(grid, results, grid.reference(), m);
                DescriptiveStatistics st = new DescriptiveStatistics();
                for (double d : x) if (!Double.isNaN(d)) st.addValue(d);
                boolean isRef = r.key().equals(grid.reference());
                double p = isRef ? Double.NaN : PairedTest.wilcoxon(x, ref);
                double diff = isRef ? Double.NaN : meanDifference(x, ref);
                summary.stringColumn("group").append(r.group());
                summary.stringColumn("variant").append(r.variant());
                summary.stringColumn("method").append(r.key());
                summary.stringColumn("measure").append(m);
                summary.intColumn("n").append((int) st.getN());
                summary.doubleColumn("mean").append(st.getN() == 0 ? Double.NaN : st.getMean());
                summary.doubleColumn("sd").append(st.getN() < 2 ? Double.NaN : st.getStandardDeviation());
                summary.stringColumn("reference").append(isRef ? "(reference)" : grid.reference());
                summary.doubleColumn("mean_difference").append(diff);
                summary.doubleColumn("wilcoxon_p").append(p);
                if (m.endsWith("_spearman") || m.equals(CV_AUROC) || m.equals(LM_AUROC)) {
                    line.append(String.format(Locale.ROOT, "  %s %.3f ± %.3f%s", m, st.getMean(), st.getN() < 2 ? Double.NaN : st.getStandardDeviation(),
                            isRef ? "" : String.format(Locale.ROOT, " (p %.3g)", p)));
                }
            }
            text.append(line).append(System.lineSeparator());
        }
        return new Merged(cells, summary, text.toString());
    }

    private static void appendInt(IntColumn c, Integer v) {
        if (v == null) c.appendMissing();
        else c.append(v);
    }

    /** Measures present in any cell, in a fixed order: correlations as computed, then CV AUROC. */
    private static List<String> measures(Map<String, CellResult> results) {
        List<String> out = new ArrayList<>();
        boolean cv = false, lm = false;
        for (CellResult c : results.values()) {
            for (CellResult.Corr k : c.correlations()) if (!out.contains(k.measure())) out.add(k.measure());
            cv |= c.cv() != null;
            lm |= c.cv() != null && c.cv().lmAuroc() != null;
        }
        if (cv) out.add(CV_AUROC);
        if (lm) out.addAll(List.of(LM_AUROC, LM_AUROC_LO, LM_AUROC_HI));
        return out;
    }

    private static Map<String, Double> values(CellResult c) {
        Map<String, Double> v = new LinkedHashMap<>();
        for (CellResult.Corr k : c.correlations()) v.put(k.measure(), k.r());
        if (c.cv() != null) v.put(CV_AUROC, c.cv().aurocMean());
        if (c.cv() != null && c.cv().lmAuroc() != null) {
            v.put(LM_AUROC, c.cv().lmAuroc());
            v.put(LM_AUROC_LO, c.cv().lmAurocLo());
            v.put(LM_AUROC_HI, c.cv().lmAurocHi());
        }
        return v;
    }

    /**
     * The values a row's mean ± sd and paired test are taken over: one per seed, except the CV
     * AUROC of a grid that runs the CV on the first seed only, which is one per outer fold of
     * that seed's cell (the folds are the same for every method, so they pair by fold).
     */
    private static double[] sample(Grid grid, Map<String, CellResult> results, String key, String measure) {
        if (!(measure.equals(CV_AUROC) && grid.cvFirstSeedOnly())) return bySeed(grid, results, key, measure);
        double[] out = new double[grid.cvFolds() * grid.cvRepeats()];
        java.util.Arrays.fill(out, Double.NaN);
        CellResult c = results.get(Grid.cellId(key, grid.seeds().get(0)));
        if (c != null && c.cv() != null) System.arraycopy(c.cv().auroc(), 0, out, 0, Math.min(out.length, c.cv().auroc().length));
        return out;
    }

    /** One value per grid seed (NaN where the cell is missing), so two rows pair by seed. */
    private static double[] bySeed(Grid grid, Map<String, CellResult> results, String key, String measure) {
        double[] out = new double[grid.seeds().size()];
        for (int i = 0; i < out.length; i++) {
            CellResult c = results.get(Grid.cellId(key, grid.seeds().get(i)));
            out[i] = c == null ? Double.NaN : values(c).getOrDefault(measure, Double.NaN);
        }
        return out;
    }

    private static double meanDifference(double[] x, double[] y) {
        double s = 0;
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i]) || Double.isNaN(y[i])) continue;
            s += x[i] - y[i];
            n++;
        }
        return n == 0 ? Double.NaN : s / n;
    }
}
