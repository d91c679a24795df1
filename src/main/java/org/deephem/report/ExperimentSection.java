package org.deephem.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deephem.experiment.Grid;
import org.deephem.experiment.Harness;
import org.deephem.experiment.Merge;
import org.deephem.figures.RhoDotPlot;
import org.deephem.io.InputError;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * A finished (or partly finished) experiment grid folder as a report section: its cells merged by
 * {@link Harness#collect} (nothing is run), shown wide — one row per variant, a column per human
 * correlation and the CV AUROC, each cell mean ± sd over seeds with the paired Wilcoxon p against
 * the grid's reference — with a dot-and-whisker figure of the variants' Spearman ρ and a sentence
 * on what p can reach with so few seeds. The long summary (variant × measure) is saved as before
 * and shown as an appendix. A page can also redraw the section from its own saved summary
 * ({@link #addSaved}) when the grid folder is not at hand: the same numbers, read back.
 */
public final class ExperimentSection {
    private ExperimentSection() {}

    /** Measures in column order; any other measure a grid has follows them. */
    static final List<String> MEASURES = List.of("conservation_spearman", "conservation_pearson", "conservation_kendall_tau_b",
            "dsw_spearman", "dsw_pearson", "dsw_kendall_tau_b", Merge.CV_AUROC);
    static final Map<String, String> HEADS = Map.of("conservation_spearman", "Spearman ρ", "conservation_pearson", "Pearson r",
            "conservation_kendall_tau_b", "Kendall τ", "dsw_spearman", "Spearman ρ", "dsw_pearson", "Pearson r", "dsw_kendall_tau_b", "Kendall τ",
            Merge.CV_AUROC, "CV AUROC");

    /** Adds the section of the grid saved in {@code dir}, its cells checked against {@code data}. */
    public static void add(Report r, Path dir, Path data) {
        Grid grid = Harness.savedGrid(dir);
        Merge.Merged m = Harness.collect(grid, data, dir);
        int n = grid.seeds().size();
        String caption = String.format(Locale.ROOT, "Mean ± sd over %d seed%s (finished cells: %d of %d); p = two-sided paired Wilcoxon"
                        + " signed-rank over seeds against '%s'. The human correlations are reported only: nothing in the grid was chosen by them. %s",
                n, n == 1 ? "" : "s", m.cells().rowCount(), grid.cells("").size(), grid.reference(), smallestP(n)) + firstSeedCv(grid);
        section(r, grid.name(), String.valueOf(dir.getFileName()), table(m.summary()), caption, n);
    }

    /** The file a page saves the long summary of grid {@code name} in. */
    public static String stem(String name) {
        return org.deephem.run.RunFolder.experimentStem(name); // the run folder's reader finds it there
    }

    /**
     * Adds the section from a summary a report saved before ({@code <run>/experiment_<name>_summary.csv}):
     * the numbers as they were written, the caption from its provenance when recorded, else said from the table.
     */
    public static void addSaved(Report r, Path csv, String name) {
        Table t = readSaved(csv);
        int seeds = 0;
        for (int i = 0; i < t.rowCount(); i++) if (!t.stringColumn("measure").get(i).equals(Merge.CV_AUROC)) seeds = Math.max(seeds, t.intColumn("n").getInt(i));
        String caption = savedCaption(csv);
        if (caption == null) {
            String ref = "";
            for (int i = 0; i < t.rowCount() && ref.isEmpty(); i++) if (t.doubleColumn("mean_difference").isMissing(i)) ref = t.stringColumn("variant").get(i);
            caption = String.format(Locale.ROOT, "Mean ± sd over %d seed%s; p = two-sided paired Wilcoxon signed-rank over seeds against '%s'. "
                    + "The human correlations are reported only: nothing in the grid was chosen by them. %s", seeds, seeds == 1 ? "" : "s", ref, smallestP(seeds))
                    + (t.stringColumn("measure").contains(Merge.CV_AUROC) ? " The cv_auroc cells: mean ± sd over the n outer folds of the CV, p paired by fold (the folds share training rows, so that p is optimistic)." : "");
        }
        String back = " Read back from " + csv.getFileName() + " (the grid folder was not at hand).";
        caption = caption.replace(back, "") + back; // said once, however often the page was redrawn
        section(r, name, name, t, caption, seeds);
    }

    /** The long table a page saved, typed as {@link #table} makes it; refuses another file. */
    static Table readSaved(Path csv) {
        if (!Files.isRegularFile(csv)) throw InputError.at(csv, "no saved experiment summary here");
        Table t;
        try {
            t = Table.read().csv(CsvReadOptions.builder(csv.toFile()).tableName(csv.getFileName().toString().replace(".csv", ""))
                    .columnTypes(new ColumnType[] {ColumnType.STRING, ColumnType.STRING, ColumnType.STRING, ColumnType.INTEGER, ColumnType.STRING,
                            ColumnType.DOUBLE, ColumnType.DOUBLE}).build());
        } catch (RuntimeException e) {
            throw InputError.at(csv, "not an experiment summary (" + e.getMessage() + ")");
        }
        if (!t.columnNames().equals(List.of("group", "variant", "measure", "n", "mean ± sd", "mean_difference", "wilcoxon_p"))) {
            throw InputError.at(csv, "columns " + t.columnNames() + ": not an experiment summary");
        }
        return t;
    }

    @SuppressWarnings("unchecked")
    private static String savedCaption(Path csv) {
        Path p = csv.resolveSibling(csv.getFileName() + ".provenance.json");
        if (!Files.isRegularFile(p)) return null;
        Object c = org.deephem.io.Json.readFile(p, Map.class).get("caption");
        return c == null ? null : String.valueOf(c);
    }

    private static void section(Report r, String name, String folder, Table longTable, String caption, int seeds) {
        boolean training = name.equals("training-length");
        Report.Section s = training ? Report.Section.TRAINING : Report.Section.EXPERIMENTS;
        String stem = stem(name);
        String wideStem = stem.replaceFirst("_summary$", "_wide");
        Wide w = wide(longTable);
        r.table(s, wideStem, "Experiment " + name + (folder.equals(name) ? "" : " (" + folder + ")") + ": every variant", caption, w.table(), w.html());
        if (w.rows().size() > 1 && w.hasSpearman()) {
            r.figure(s, stem.replaceFirst("_summary$", "_spearman"), "Experiment " + name + ": Spearman ρ of each variant",
                    "Mean ± sd over seeds of the human Spearman ρ with conservation and with DSW; the reference in blue. The table above gives each variant's Wilcoxon p.",
                    w.figure("Experiment " + name + ": human Spearman ρ", 620), true);
        }
        r.table(Report.Section.APPENDIX, stem, "Experiment " + name + ", long table (variant × measure)", caption, longTable);
        r.limit("Experiment " + name + ": " + smallestP(seeds));
    }

    /** One row of the wide table: its group, its label, the key of its values, whether it is a reference. */
    record WideRow(String group, String label, String key, boolean reference) {}

    /** The wide table, its HTML and the figure's rows. */
    record Wide(Table table, String html, List<WideRow> rows, Map<String, double[]> mean, Map<String, double[]> sd) {
        boolean hasSpearman() {
            return table.columnNames().contains("conservation_spearman_mean") || table.columnNames().contains("dsw_spearman_mean");
        }

        RhoDotPlot figure(String title, int width) {
            List<String> panels = new ArrayList<>();
            List<String> measures = new ArrayList<>();
            if (table.columnNames().contains("conservation_spearman_mean")) { panels.add("conservation"); measures.add("conservation_spearman"); }
            if (table.columnNames().contains("dsw_spearman_mean")) { panels.add("DSW"); measures.add("dsw_spearman"); }
            List<RhoDotPlot.Row> out = new ArrayList<>();
            for (WideRow w : rows) {
                double[] m = new double[measures.size()], s = new double[measures.size()];
                for (int k = 0; k < measures.size(); k++) {
                    double[] mm = mean.get(w.key() + SEP + measures.get(k)), ss = sd.get(w.key() + SEP + measures.get(k));
                    m[k] = mm == null ? Double.NaN : mm[0];
                    s[k] = ss == null ? Double.NaN : ss[0];
                }
                String label = w.group().isEmpty() ? (w.label().startsWith("reference: ") ? "reference" : w.label()) : w.group() + ": " + w.label();
                out.add(RhoDotPlot.Row.summary(label, m, s, w.reference()));
            }
            return new RhoDotPlot(title, panels, out, List.of(), "Spearman ρ", width);
        }
    }

    private static final String SEP = "\u0000";

    /** Parses "0.3163 ± 0.0799" (or a lone mean) into {mean, sd}. */
    static double[] meanSd(String s) {
        if (s == null || s.isBlank()) return new double[] {Double.NaN, Double.NaN};
        String[] parts = s.split("±");
        double mean = Double.parseDouble(parts[0].strip());
        return new double[] {mean, parts.length > 1 ? Double.parseDouble(parts[1].strip()) : Double.NaN};
    }

    /**
     * The long table (group, variant, measure, n, mean ± sd, mean_difference, wilcoxon_p) made wide.
     * A grid whose groups share one reference (every group's reference row has the same values:
     * the same cells) shows it once, first.
     */
    static Wide wide(Table t) {
        List<String[]> keys = new ArrayList<>();
        List<String> measures = new ArrayList<>();
        Map<String, double[]> mean = new LinkedHashMap<>(), sd = new LinkedHashMap<>(), p = new LinkedHashMap<>();
        Map<String, Integer> n = new LinkedHashMap<>();
        Map<String, String> text = new LinkedHashMap<>();
        List<String> refs = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) {
            String g = t.stringColumn("group").get(i), v = t.stringColumn("variant").get(i), ms = t.stringColumn("measure").get(i);
            String key = g + SEP + v;
            if (keys.stream().noneMatch(x -> x[0].equals(g) && x[1].equals(v))) keys.add(new String[] {g, v});
            if (!measures.contains(ms)) measures.add(ms);
            double[] x = meanSd(t.stringColumn("mean ± sd").get(i));
            mean.put(key + SEP + ms, new double[] {x[0]});
            sd.put(key + SEP + ms, new double[] {x[1]});
            p.put(key + SEP + ms, new double[] {t.doubleColumn("wilcoxon_p").getDouble(i)});
            n.put(key + SEP + ms, t.intColumn("n").getInt(i));
            text.merge(key, ms + "=" + t.stringColumn("mean ± sd").get(i) + ";", String::concat);
            if (t.doubleColumn("mean_difference").isMissing(i) && !refs.contains(key)) refs.add(key);
        }
        boolean groups = keys.stream().map(x -> x[0]).distinct().count() > 1;
        boolean shared = groups && refs.size() > 1 && refs.stream().map(text::get).distinct().count() == 1;
        List<WideRow> rows = new ArrayList<>();
        if (shared) {
            rows.add(new WideRow("", "reference: " + String.join(" = ", refs.stream().map(k -> k.substring(k.indexOf(SEP) + 1)).toList()), refs.get(0), true));
        }
        for (String[] gv : keys) {
            String key = gv[0] + SEP + gv[1];
            if (shared && refs.contains(key)) continue;
            rows.add(new WideRow(groups ? gv[0] : "", gv[1], key, refs.contains(key)));
        }
        List<String> cols = new ArrayList<>(MEASURES.stream().filter(measures::contains).toList());
        for (String m : measures) if (!cols.contains(m)) cols.add(m);
        Table w = Table.create(t.name().replaceFirst("_summary$", "_wide"), StringColumn.create("group"), StringColumn.create("variant"), IntColumn.create("seeds"));
        for (String c : cols) w.addColumns(DoubleColumn.create(c + "_mean"), DoubleColumn.create(c + "_sd"), DoubleColumn.create(c + "_wilcoxon_p"));
        StringBuilder h = new StringBuilder("<table class=\"wide\">\n<thead><tr>");
        if (groups) h.append("<th rowspan=\"2\" class=\"row\">group</th>");
        h.append("<th rowspan=\"2\" class=\"row\">variant</th><th rowspan=\"2\">seeds</th>");
        List<String> firstHeads = new ArrayList<>();
        for (String c : cols) firstHeads.add(c.startsWith("conservation_") ? "conservation" : c.startsWith("dsw_") ? "DSW" : "mouse");
        for (int i = 0; i < cols.size(); ) {
            int j = i;
            while (j < cols.size() && firstHeads.get(j).equals(firstHeads.get(i))) j++;
            h.append("<th colspan=\"").append(j - i).append("\">").append(Html.escape(firstHeads.get(i))).append("</th>");
            i = j;
        }
        h.append("</tr>\n<tr>");
        for (String c : cols) h.append("<th>").append(Html.escape(HEADS.getOrDefault(c, c))).append("</th>");
        h.append("</tr></thead>\n<tbody>\n");
        for (int r = 0; r < rows.size(); r++) {
            WideRow row = rows.get(r);
            int seeds = 0;
            for (String c : cols) if (!c.equals(Merge.CV_AUROC) && n.containsKey(row.key() + SEP + c)) seeds = Math.max(seeds, n.get(row.key() + SEP + c));
            w.stringColumn("group").append(row.group());
            w.stringColumn("variant").append(row.label());
            w.intColumn("seeds").append(seeds);
            h.append("<tr").append(row.reference() ? " class=\"network\"" : "").append(">");
            if (groups && row.group().isEmpty()) {
                // the shared reference: its label spans the group and variant columns
                h.append("<td colspan=\"2\">").append(Html.escape(row.label())).append("</td><td class=\"num\">").append(seeds).append("</td>");
            } else if (groups) {
                boolean first = r == 0 || !rows.get(r - 1).group().equals(row.group());
                if (first) {
                    int span = 1;
                    while (r + span < rows.size() && rows.get(r + span).group().equals(row.group())) span++;
                    h.append("<td rowspan=\"").append(span).append("\">").append(Html.escape(row.group())).append("</td>");
                }
            }
            if (!(groups && row.group().isEmpty())) {
                h.append("<td>").append(Html.escape(row.label())).append(row.reference() && !shared ? " <small>(reference)</small>" : "")
                        .append("</td><td class=\"num\">").append(seeds).append("</td>");
            }
            for (String c : cols) {
                double[] m = mean.get(row.key() + SEP + c), s = sd.get(row.key() + SEP + c), pv = p.get(row.key() + SEP + c);
                w.doubleColumn(c + "_mean").append(m == null ? Double.NaN : m[0]);
                w.doubleColumn(c + "_sd").append(s == null ? Double.NaN : s[0]);
                w.doubleColumn(c + "_wilcoxon_p").append(pv == null ? Double.NaN : pv[0]);
                if (m == null || Double.isNaN(m[0])) {
                    h.append("<td class=\"num\">–</td>");
                    continue;
                }
                h.append("<td class=\"num\"><span class=\"v\">").append(Html.escape(Cells.coef(m[0]) + (Double.isNaN(s[0]) ? "" : " ± " + Cells.coef(s[0])))).append("</span>");
                if (!row.reference() && !Double.isNaN(pv[0])) h.append("<span class=\"p\">p ").append(Html.escape(Cells.p(pv[0]))).append("</span>");
                h.append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table>\n");
        return new Wide(w, h.toString(), rows, mean, sd);
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
