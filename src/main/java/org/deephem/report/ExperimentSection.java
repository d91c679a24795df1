package org.deephem.report;

import java.nio.file.Path;
import java.util.Locale;
import org.deephem.experiment.Grid;
import org.deephem.experiment.Harness;
import org.deephem.experiment.Merge;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A finished (or partly finished) experiment grid folder as a report section: its cells merged by
 * {@link Harness#collect} (nothing is run), shown as mean ± sd over seeds with the paired
 * Wilcoxon p against the grid's reference, and a sentence on what p can reach with so few seeds.
 */
public final class ExperimentSection {
    private ExperimentSection() {}

    /** Adds the section of the grid saved in {@code dir}, its cells checked against {@code data}. */
    public static void add(Report r, Path dir, Path data) {
        Grid grid = Harness.savedGrid(dir);
        Merge.Merged m = Harness.collect(grid, data, dir);
        int n = grid.seeds().size();
        String stem = "experiment_" + grid.name().replaceAll("[^A-Za-z0-9_-]", "_") + "_summary";
        r.table(stem, "Experiment " + grid.name() + " (" + dir.getFileName() + ")",
                String.format(Locale.ROOT, "Mean ± sd over %d seed%s (finished cells: %d of %d) of every measure; p = two-sided paired Wilcoxon"
                                + " signed-rank over seeds against '%s'. The human correlations are reported only: nothing in the grid was chosen by them. %s",
                        n, n == 1 ? "" : "s", m.cells().rowCount(), grid.cells("").size(), grid.reference(), smallestP(n)) + firstSeedCv(grid),
                table(m.summary()));
        r.limit("Experiment " + grid.name() + ": " + smallestP(n));
    }

    /** How the CV AUROC rows read when only the first seed ran the CV; empty otherwise. */
    static String firstSeedCv(Grid grid) {
        if (!grid.cvFirstSeedOnly() || grid.cvFolds() == 0) return "";
        int k = grid.cvFolds() * grid.cvRepeats();
        return String.format(Locale.ROOT, " The cv_auroc rows are seed %d's nested CV only: mean ± sd over its %d outer folds and p paired by fold"
                + " (every method meets the same folds); the folds share training rows, so that p is optimistic.", grid.seeds().get(0), k);
    }

    /**
     * The smallest two-sided p the exact signed-rank test can give with n pairs, 2 / 2^n (every
     * difference of one sign), in a plain sentence.
     */
    public static String smallestP(int seeds) {
        double p = Math.min(1.0, 2.0 / Math.pow(2, seeds));
        String exact = java.math.BigDecimal.valueOf(p).stripTrailingZeros().toPlainString(); // 2/2^n is exact in binary
        return String.format(Locale.ROOT, "With %d seeds the smallest possible two-sided p is %s%s,"
                + " so p < 0.05 %s; read the mean differences and their spread.", seeds, exact,
                seeds == 5 ? "" : " (with 5 seeds it is 0.0625)", p < 0.05 ? "is reachable" : "cannot occur");
    }

    /** The summary with mean and sd joined as one "mean ± sd" column. */
    static Table table(Table summary) {
        Table t = Table.create(summary.name(), StringColumn.create("group"), StringColumn.create("variant"), StringColumn.create("measure"),
                IntColumn.create("n"), StringColumn.create("mean ± sd"), DoubleColumn.create("mean_difference"), DoubleColumn.create("wilcoxon_p"));
        for (int i = 0; i < summary.rowCount(); i++) {
            t.stringColumn("group").append(summary.stringColumn("group").get(i));
            t.stringColumn("variant").append(summary.stringColumn("variant").get(i));
            t.stringColumn("measure").append(summary.stringColumn("measure").get(i));
            t.intColumn("n").append(summary.intColumn("n").get(i));
            double mean = summary.doubleColumn("mean").getDouble(i), sd = summary.doubleColumn("sd").getDouble(i);
            t.stringColumn("mean ± sd").append(Double.isNaN(sd) ? String.format(Locale.ROOT, "%.4f", mean)
                    : String.format(Locale.ROOT, "%.4f ± %.4f", mean, sd));
            t.doubleColumn("mean_difference").append(summary.doubleColumn("mean_difference").getDouble(i));
            t.doubleColumn("wilcoxon_p").append(summary.doubleColumn("wilcoxon_p").getDouble(i));
        }
        return t;
    }
}
