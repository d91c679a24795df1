package org.deephem.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.deephem.analysis.CorrelationAnalysis;
import org.deephem.figures.Palette;
import org.deephem.figures.RhoDotPlot;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The answer first: from the long correlation table (method × seed × indicator × coefficient)
 * one row per method with its seeds summarised — the headline table (Spearman ρ with its 95 %
 * interval, Pearson r, Kendall τ, for conservation and DSW), the headline figure (every method's
 * Spearman ρ, the networks' seeds as points with mean ± sd, the "has any MTI target" and "number
 * of matures" baselines as lines) and the paragraph, which says first whether the networks beat
 * their baselines. Nothing is recomputed: every number is a row of the long table or a mean/sd of rows.
 */
final class Headline {
    /** Indicators in column order, with the names the page uses. */
    static final Map<String, String> INDICATORS = new LinkedHashMap<>(Map.of(CorrelationAnalysis.CONSERVATION, "conservation"));

    static {
        INDICATORS.put(CorrelationAnalysis.DSW, "DSW");
    }

    static final List<String> COEFFICIENTS = List.of("spearman", "pearson", "kendall_tau_b");
    /** The two baselines drawn as lines through the headline figure, and their names on the page. */
    static final Map<String, String> LINES = Map.of("has_mti_target", "has any MTI target", "mature_count", "number of matures");

    private Headline() {}

    /** One method's runs of one indicator and coefficient. */
    record Cell(double[] r, double[] p, double ciLow, double ciHigh, int n) {
        double mean() {
            return java.util.Arrays.stream(r).average().orElse(Double.NaN);
        }

        double sd() {
            if (r.length < 2) return Double.NaN;
            double m = mean(), ss = 0;
            for (double v : r) ss += (v - m) * (v - m);
            return Math.sqrt(ss / (r.length - 1));
        }

        double maxP() {
            return java.util.Arrays.stream(p).max().orElse(Double.NaN);
        }
    }

    /** method → "indicator/coefficient" → cell, methods in the order of the long table. */
    static Map<String, Map<String, Cell>> cells(Table corr) {
        Map<String, Map<String, List<Integer>>> rows = new LinkedHashMap<>();
        for (int i = 0; i < corr.rowCount(); i++) {
            rows.computeIfAbsent(corr.stringColumn("method").get(i), k -> new LinkedHashMap<>())
                    .computeIfAbsent(corr.stringColumn("indicator").get(i) + "/" + corr.stringColumn("correlation").get(i), k -> new ArrayList<>()).add(i);
        }
        Map<String, Map<String, Cell>> out = new LinkedHashMap<>();
        for (var m : rows.entrySet()) {
            Map<String, Cell> byKey = new LinkedHashMap<>();
            for (var e : m.getValue().entrySet()) {
                List<Integer> ix = e.getValue();
                double[] r = ix.stream().mapToDouble(i -> corr.doubleColumn("r").getDouble(i)).toArray();
                double[] p = ix.stream().mapToDouble(i -> corr.doubleColumn("p").getDouble(i)).toArray();
                int first = ix.get(0);
                byKey.put(e.getKey(), new Cell(r, p, ix.size() == 1 ? corr.doubleColumn("ci_low").getDouble(first) : Double.NaN,
                        ix.size() == 1 ? corr.doubleColumn("ci_high").getDouble(first) : Double.NaN, corr.intColumn("n").getInt(first)));
            }
            out.put(m.getKey(), byKey);
        }
        return out;
    }

    /**
     * Adds the headline paragraph, figure and table. {@code networks}: the network methods (twins),
     * the first being the run's own; {@code cv}: the CV summary table (method, auroc_mean, auroc_sd; may be null).
     */
    static void add(Report r, Table corr, Set<String> networks, Table cv) {
        Map<String, Map<String, Cell>> cells = cells(corr);
        List<String> inds = INDICATORS.keySet().stream().filter(i -> cells.values().stream().anyMatch(m -> m.containsKey(i + "/spearman"))).toList();
        if (inds.isEmpty()) return;
        List<String> order = order(cells, networks, inds.get(0));
        r.table(Report.Section.HEADLINE, "headline_correlations", "Human scores against conservation and DSW, one row per method",
                "Network rows: mean ± sd over seeds (runs), p = the largest p of any seed; baseline rows: one fit, Spearman's ρ with its seeded bootstrap 95 % interval. "
                        + "Two-sided p of each coefficient; n = human miRNAs with the indicator. Baselines never see the human indicators. "
                        + "Every run's row: appendix table human_correlations.",
                table(cells, order, networks, inds), html(cells, order, networks, inds));
        r.figure(Report.Section.HEADLINE, "headline_spearman", "Spearman ρ of every method with conservation and DSW",
                "Networks: a circle per seed, dot and whisker = mean ± sd; baselines: a diamond (one fit); dashed: the two simple baselines a useful score should beat.",
                figure(cells, order, networks, inds), false);
        sentences(r, cells, order, networks, inds, cv);
    }

    /** Networks first (as given), then the baselines by their Spearman ρ with the first indicator, highest first. */
    static List<String> order(Map<String, Map<String, Cell>> cells, Set<String> networks, String ind) {
        List<String> out = new ArrayList<>();
        for (String m : cells.keySet()) if (networks.contains(m)) out.add(m);
        List<String> base = new ArrayList<>(cells.keySet().stream().filter(m -> !networks.contains(m)).toList());
        base.sort(java.util.Comparator.comparingDouble((String m) -> {
            Cell c = cells.get(m).get(ind + "/spearman");
            return c == null || Double.isNaN(c.mean()) ? Double.POSITIVE_INFINITY : -c.mean();
        }));
        out.addAll(base);
        return out;
    }

    private static Table table(Map<String, Map<String, Cell>> cells, List<String> order, Set<String> networks, List<String> inds) {
        Table t = Table.create("headline_correlations", StringColumn.create("method"), StringColumn.create("kind"), IntColumn.create("runs"));
        for (String ind : inds) {
            t.addColumns(IntColumn.create(ind + "_n"));
            for (String c : COEFFICIENTS) {
                t.addColumns(DoubleColumn.create(ind + "_" + c), DoubleColumn.create(ind + "_" + c + "_sd"), DoubleColumn.create(ind + "_" + c + "_p"));
                if (c.equals("spearman")) t.addColumns(DoubleColumn.create(ind + "_spearman_ci_low"), DoubleColumn.create(ind + "_spearman_ci_high"));
            }
        }
        for (String m : order) {
            Map<String, Cell> byKey = cells.get(m);
            t.stringColumn("method").append(m);
            t.stringColumn("kind").append(networks.contains(m) ? "network" : "baseline");
            t.intColumn("runs").append(byKey.values().iterator().next().r().length);
            for (String ind : inds) {
                Cell any = byKey.get(ind + "/spearman");
                if (any == null) t.intColumn(ind + "_n").appendMissing();
                else t.intColumn(ind + "_n").append(any.n());
                for (String c : COEFFICIENTS) {
                    Cell x = byKey.get(ind + "/" + c);
                    t.doubleColumn(ind + "_" + c).append(x == null ? Double.NaN : x.mean());
                    t.doubleColumn(ind + "_" + c + "_sd").append(x == null ? Double.NaN : x.sd());
                    t.doubleColumn(ind + "_" + c + "_p").append(x == null ? Double.NaN : x.maxP());
                    if (c.equals("spearman")) {
                        t.doubleColumn(ind + "_spearman_ci_low").append(x == null ? Double.NaN : x.ciLow());
                        t.doubleColumn(ind + "_spearman_ci_high").append(x == null ? Double.NaN : x.ciHigh());
                    }
                }
            }
        }
        return t;
    }

    /** "0.312 ± 0.071" for several runs, "0.662" for one. */
    static String value(Cell c) {
        if (c == null) return "–";
        return c.r().length > 1 ? Cells.coef(c.mean()) + " ± " + Cells.coef(c.sd()) : Cells.coef(c.mean());
    }

    static String pText(Cell c) {
        if (c == null) return "–";
        return (c.p().length > 1 ? "≤ " : "") + Cells.p(c.maxP());
    }

    private static String html(Map<String, Map<String, Cell>> cells, List<String> order, Set<String> networks, List<String> inds) {
        StringBuilder b = new StringBuilder("<table class=\"wide\">\n<thead><tr><th rowspan=\"2\" class=\"row\">method</th><th rowspan=\"2\">runs</th>");
        for (String ind : inds) {
            Cell any = cells.values().stream().map(m -> m.get(ind + "/spearman")).filter(java.util.Objects::nonNull).findFirst().orElseThrow();
            b.append("<th colspan=\"4\">").append(Html.escape(INDICATORS.get(ind))).append(String.format(Locale.ROOT, " (n = %,d)", any.n())).append("</th>");
        }
        b.append("</tr>\n<tr>");
        for (int k = 0; k < inds.size(); k++) b.append("<th>Spearman ρ [95 % CI]</th><th>p</th><th>Pearson r</th><th>Kendall τ</th>");
        b.append("</tr></thead>\n<tbody>\n");
        for (String m : order) {
            Map<String, Cell> byKey = cells.get(m);
            String cls = networks.contains(m) ? "network" : LINES.containsKey(m) ? "reference" : "";
            b.append("<tr").append(cls.isEmpty() ? "" : " class=\"" + cls + "\"").append("><td>").append(Html.escape(m))
                    .append(LINES.containsKey(m) ? " <small>(" + Html.escape(LINES.get(m)) + ")</small>" : "").append("</td><td class=\"num\">")
                    .append(byKey.values().iterator().next().r().length).append("</td>");
            for (String ind : inds) {
                Cell s = byKey.get(ind + "/spearman");
                String ci = s != null && s.r().length == 1 && Double.isFinite(s.ciLow())
                        ? " <span class=\"ci\">[" + Cells.coef(s.ciLow()) + ", " + Cells.coef(s.ciHigh()) + "]</span>" : "";
                b.append("<td class=\"num\">").append(Html.escape(value(s))).append(ci).append("</td>")
                        .append("<td class=\"num\">").append(Html.escape(pText(s))).append("</td>")
                        .append("<td class=\"num\">").append(Html.escape(value(byKey.get(ind + "/pearson")))).append("</td>")
                        .append("<td class=\"num\">").append(Html.escape(value(byKey.get(ind + "/kendall_tau_b")))).append("</td>");
            }
            b.append("</tr>\n");
        }
        return b.append("</tbody>\n</table>\n").toString();
    }

    private static RhoDotPlot figure(Map<String, Map<String, Cell>> cells, List<String> order, Set<String> networks, List<String> inds) {
        List<RhoDotPlot.Row> rows = new ArrayList<>();
        for (String m : order) {
            List<double[]> runs = new ArrayList<>();
            for (String ind : inds) {
                Cell c = cells.get(m).get(ind + "/spearman");
                runs.add(c == null ? new double[0] : c.r());
            }
            rows.add(new RhoDotPlot.Row(LINES.containsKey(m) ? m + " (" + LINES.get(m) + ")" : m, runs, networks.contains(m)));
        }
        List<RhoDotPlot.Line> lines = new ArrayList<>();
        java.awt.Color[] colours = {Palette.VERMILLION, Palette.GREEN};
        int k = 0;
        for (String m : List.of("has_mti_target", "mature_count")) {
            if (!cells.containsKey(m)) continue;
            double[] v = inds.stream().mapToDouble(ind -> {
                Cell c = cells.get(m).get(ind + "/spearman");
                return c == null ? Double.NaN : c.mean();
            }).toArray();
            lines.add(new RhoDotPlot.Line(LINES.get(m) + " (" + m + ")", v, colours[k++]));
        }
        return new RhoDotPlot("Human Spearman ρ of every method",
                inds.stream().map(INDICATORS::get).toList(), rows, lines, "Spearman ρ", 760);
    }

    /**
     * The paragraph: whether the run's network beats its baselines (said first, as a warning, when
     * it does not), what each network reaches, the lines it has to beat, the mouse CV.
     */
    private static void sentences(Report r, Map<String, Map<String, Cell>> cells, List<String> order, Set<String> networks, List<String> inds, Table cv) {
        List<String> nets = order.stream().filter(networks::contains).toList();
        List<String> base = order.stream().filter(m -> !networks.contains(m)).toList();
        if (nets.isEmpty()) return;
        String own = nets.get(0);
        List<String> lost = new ArrayList<>();
        for (String ind : inds) {
            double rho = cells.get(own).get(ind + "/spearman").mean();
            String best = null;
            int better = 0;
            for (String b : base) {
                Cell c = cells.get(b).get(ind + "/spearman");
                if (c == null || !(c.mean() >= rho)) continue;
                better++;
                if (best == null || c.mean() > cells.get(best).get(ind + "/spearman").mean()) best = b;
            }
            if (better > 0) {
                lost.add(String.format(Locale.ROOT, "on %s %d of the %d baselines do at least as well (best: %s, ρ = %s against %s)", INDICATORS.get(ind), better, base.size(),
                        best, Cells.coef(cells.get(best).get(ind + "/spearman").mean()), Cells.coef(rho)));
            }
        }
        if (!lost.isEmpty()) r.warning("This model does not beat its baselines: " + String.join("; ", lost) + ".");
        else if (!base.isEmpty()) r.headline(String.format(Locale.ROOT, "%s beats every one of the %d baselines on %s.", own, base.size(),
                String.join(" and ", inds.stream().map(INDICATORS::get).toList())));
        for (String net : nets) {
            List<String> parts = new ArrayList<>();
            for (String ind : inds) parts.add(value(cells.get(net).get(ind + "/spearman")) + " with " + INDICATORS.get(ind));
            Cell first = cells.get(net).get(inds.get(0) + "/spearman");
            int runs = first.r().length;
            int n = first.n();
            String cvText = "";
            if (cv != null && cv.stringColumn("method").contains(net)) {
                int i = cv.stringColumn("method").indexOf(net);
                cvText = String.format(Locale.ROOT, "; nested mouse CV AUROC %s ± %s", Cells.coef(cv.doubleColumn("auroc_mean").getDouble(i)),
                        Cells.coef(cv.doubleColumn("auroc_sd").getDouble(i)));
            }
            double maxP = inds.stream().mapToDouble(ind -> cells.get(net).get(ind + "/spearman").maxP()).max().orElse(Double.NaN);
            r.headline(String.format(Locale.ROOT, "%s ranks the %,d human miRNAs with Spearman ρ = %s (%sp ≤ %s)%s.", net, n, String.join(" and ", parts),
                    runs > 1 ? "mean ± sd over " + runs + " seeds, every seed " : "", Cells.p(maxP), cvText));
        }
        List<String> refs = new ArrayList<>();
        for (String m : List.of("has_mti_target", "mature_count")) {
            if (!cells.containsKey(m)) continue;
            refs.add(String.format(Locale.ROOT, "\"%s\" alone reaches %s", LINES.get(m),
                    String.join(" and ", inds.stream().map(ind -> value(cells.get(m).get(ind + "/spearman"))).toList())));
        }
        if (!refs.isEmpty()) r.headline("For comparison, " + String.join("; ", refs) + " (dashed lines in the figure).");
    }
}
