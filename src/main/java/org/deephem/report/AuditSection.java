package org.deephem.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The circularity audit, wide: one row per method, for each indicator the plain Spearman ρ and the
 * partial ρ given each covariate (has any MTI target; precursor length), seeds as mean ± sd. The
 * long table (every run × indicator × covariate) stays beside the page and in an appendix.
 */
final class AuditSection {
    static final Map<String, String> COVARIATES = Map.of("has_mti_target", "given has-target", "precursor_length", "given length");

    private AuditSection() {}

    static void add(Report r, Table audit, Set<String> networks, List<String> order) {
        if (audit.rowCount() == 0) return;
        List<String> inds = audit.stringColumn("indicator").unique().asList();
        inds = Headline.INDICATORS.keySet().stream().filter(inds::contains).toList();
        List<String> covs = new ArrayList<>();
        for (String c : List.of("has_mti_target", "precursor_length")) if (audit.stringColumn("covariate").contains(c)) covs.add(c);
        // method -> key -> rows
        Map<String, Map<String, List<Integer>>> rows = new LinkedHashMap<>();
        for (int i = 0; i < audit.rowCount(); i++) {
            rows.computeIfAbsent(audit.stringColumn("method").get(i), k -> new LinkedHashMap<>())
                    .computeIfAbsent(audit.stringColumn("indicator").get(i) + "/" + audit.stringColumn("covariate").get(i), k -> new ArrayList<>()).add(i);
        }
        List<String> methods = new ArrayList<>(order.stream().filter(rows::containsKey).toList());
        for (String m : rows.keySet()) if (!methods.contains(m)) methods.add(m);
        Table t = Table.create("circularity_audit_wide", StringColumn.create("method"), IntColumn.create("runs"));
        for (String ind : inds) {
            t.addColumns(DoubleColumn.create(ind + "_spearman"), DoubleColumn.create(ind + "_spearman_sd"));
            for (String c : covs) t.addColumns(DoubleColumn.create(ind + "_partial_" + c), DoubleColumn.create(ind + "_partial_" + c + "_sd"), DoubleColumn.create(ind + "_partial_" + c + "_p"));
        }
        StringBuilder h = new StringBuilder("<table class=\"wide\">\n<thead><tr><th rowspan=\"2\" class=\"row\">method</th><th rowspan=\"2\">runs</th>");
        for (String ind : inds) h.append("<th colspan=\"").append(1 + covs.size()).append("\">").append(Html.escape(Headline.INDICATORS.get(ind))).append("</th>");
        h.append("</tr>\n<tr>");
        for (String ind : inds) {
            h.append("<th>Spearman ρ</th>");
            for (String c : covs) h.append("<th>partial ρ ").append(Html.escape(COVARIATES.get(c))).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        for (String m : methods) {
            Map<String, List<Integer>> byKey = rows.get(m);
            int runs = byKey.values().iterator().next().size();
            t.stringColumn("method").append(m);
            t.intColumn("runs").append(runs);
            h.append("<tr").append(networks.contains(m) ? " class=\"network\"" : "").append("><td>").append(Html.escape(m)).append("</td><td class=\"num\">").append(runs).append("</td>");
            for (String ind : inds) {
                // the plain ρ is the same on every covariate's row of a run: take it from the first covariate
                List<Integer> first = byKey.getOrDefault(ind + "/" + covs.get(0), List.of());
                Headline.Cell plain = cell(audit, first, "spearman");
                t.doubleColumn(ind + "_spearman").append(plain.mean());
                t.doubleColumn(ind + "_spearman_sd").append(plain.sd());
                h.append("<td class=\"num\">").append(Html.escape(Headline.value(plain))).append("</td>");
                for (String c : covs) {
                    Headline.Cell x = cell(audit, byKey.getOrDefault(ind + "/" + c, List.of()), "partial_r");
                    t.doubleColumn(ind + "_partial_" + c).append(x.mean());
                    t.doubleColumn(ind + "_partial_" + c + "_sd").append(x.sd());
                    t.doubleColumn(ind + "_partial_" + c + "_p").append(x.maxP());
                    h.append("<td class=\"num\">").append(Double.isNaN(x.mean()) ? "–" : "<span class=\"v\">" + Html.escape(Headline.value(x)) + "</span><span class=\"p\">p " + Html.escape(Headline.pText(x)) + "</span>").append("</td>");
                }
            }
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table>\n");
        r.table(Report.Section.AUDIT, "circularity_audit_wide", "Does a score only re-encode \"has targets\" or length?",
                "Partial Spearman ρ of each score with each indicator, controlling for one covariate at a time, beside the plain ρ. A score that only "
                        + "re-encodes \"has any MTI target\" or precursor length loses its correlation here; a feature controlled for itself is left empty (–). "
                        + "Networks: mean ± sd over seeds, p = the largest of any seed. Every run's row with its bootstrap interval: appendix table circularity_audit.",
                t, h.toString());
    }

    private static Headline.Cell cell(Table audit, List<Integer> rows, String column) {
        double[] r = rows.stream().mapToDouble(i -> audit.doubleColumn(column).getDouble(i)).filter(Double::isFinite).toArray();
        double[] p = column.equals("partial_r") ? rows.stream().mapToDouble(i -> audit.doubleColumn("p").getDouble(i)).filter(Double::isFinite).toArray() : new double[0];
        return new Headline.Cell(r, p, Double.NaN, Double.NaN, 0);
    }
}
