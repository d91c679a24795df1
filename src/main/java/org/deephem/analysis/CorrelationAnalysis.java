package org.deephem.analysis;

import static tech.tablesaw.aggregate.AggregateFunctions.count;
import static tech.tablesaw.aggregate.AggregateFunctions.max;
import static tech.tablesaw.aggregate.AggregateFunctions.mean;
import static tech.tablesaw.aggregate.AggregateFunctions.min;
import static tech.tablesaw.aggregate.AggregateFunctions.stdDev;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deephem.data.DeepHemDataset;
import org.deephem.eval.Correlation;
import org.deephem.eval.Correlations;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.joining.JoinType;

/**
 * The correlation analysis of human scores against the biological indicators, as tablesaw
 * Tables: one row per method × seed × indicator × coefficient, a summary over seeds, and the
 * circularity audit (partial Spearman controlling for one covariate at a time).
 */
public final class CorrelationAnalysis {
    public static final String CONSERVATION = "conservation";
    public static final String DSW = "dsw";
    public static final String HAS_MTI_TARGET = "has_mti_target";
    public static final String PRECURSOR_LENGTH = "precursor_length";

    private CorrelationAnalysis() {}

    /** The human indicators a dataset carries (conservation, DSW), by id; empty if none. */
    public static Map<String, Map<String, Double>> indicators(DeepHemDataset ds) {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        if (ds.conservation() != null) out.put(CONSERVATION, ds.conservation());
        if (ds.dsw() != null) out.put(DSW, ds.dsw());
        return out;
    }

    /**
     * The covariates of the circularity audit for the human miRNAs: "has any MTI target" (0/1,
     * only when the dataset has MTI gene sets) and precursor length (nt).
     */
    public static Map<String, Map<String, Double>> covariates(DeepHemDataset ds) {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        List<String> ids = ds.target().ids();
        if (ds.humanTargets() != null) {
            Map<String, Double> has = new LinkedHashMap<>();
            for (String id : ids) {
                Set<String> g = ds.humanTargets().get(id);
                has.put(id, g != null && !g.isEmpty() ? 1.0 : 0.0);
            }
            out.put(HAS_MTI_TARGET, has);
        }
        Map<String, Double> len = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) len.put(ids.get(i), (double) ds.target().sequences().get(i).length());
        out.put(PRECURSOR_LENGTH, len);
        return out;
    }

    /**
     * Long table: method, seed, indicator, correlation, r, p, ci_low, ci_high, n, dropped. Every
     * coefficient's interval uses the same bootstrap seed, so methods are compared on the same
     * resamples whenever they have the same rows.
     */
    public static Table correlations(List<NamedScores> scores, Map<String, Map<String, Double>> indicators,
                                     int resamples, long seed) {
        Rows rows = new Rows("correlations", "indicator", "correlation");
        for (NamedScores s : scores) {
            for (var ind : indicators.entrySet()) {
                double[] y = Correlations.align(s.ids(), ind.getValue());
                for (Correlation c : Correlations.all(s.scores(), y, resamples, seed)) {
                    rows.add(s, ind.getKey(), c.kind().label(), c);
                }
            }
        }
        return rows.table;
    }

    /**
     * Circularity audit: partial Spearman of each score vector with each indicator, controlling
     * for each covariate in turn, beside the plain Spearman (joined from {@code correlations}).
     * Columns: method, seed, indicator, covariate, spearman, partial_r, p, ci_low, ci_high, n, dropped.
     */
    public static Table circularityAudit(List<NamedScores> scores, Map<String, Map<String, Double>> indicators,
                                         Map<String, Map<String, Double>> covariates, Table correlations,
                                         int resamples, long seed) {
        Rows rows = new Rows("circularity_audit", "indicator", "covariate");
        for (NamedScores s : scores) {
            for (var ind : indicators.entrySet()) {
                double[] y = Correlations.align(s.ids(), ind.getValue());
                for (var cov : covariates.entrySet()) {
                    double[] z = Correlations.align(s.ids(), cov.getValue());
                    rows.add(s, ind.getKey(), cov.getKey(), Correlations.partialSpearman(s.scores(), y, z, resamples, seed));
                }
            }
        }
        Table audit = numbered(rows.table);
        audit.column("r").setName("partial_r");
        Table plain = correlations.where(correlations.stringColumn("correlation").isEqualTo(Correlation.Kind.SPEARMAN.label()))
                .selectColumns("method", "seed", "indicator", "r");
        plain.column("r").setName("spearman");
        Table joined = audit.joinOn("method", "seed", "indicator").type(JoinType.LEFT_OUTER).with(plain).join();
        joined = joined.sortAscendingOn("order");
        joined.removeColumns("order");
        return joined.reorderColumns("method", "seed", "indicator", "covariate", "spearman",
                "partial_r", "p", "ci_low", "ci_high", "n", "dropped").setName("circularity_audit");
    }

    /** A copy with an "order" column (row index) that keeps input order through grouping and joins. */
    private static Table numbered(Table t) {
        Table c = t.copy();
        IntColumn order = IntColumn.create("order");
        for (int i = 0; i < c.rowCount(); i++) order.append(i);
        return c.addColumns(order);
    }

    /**
     * Mean ± sd over seeds of the coefficient {@code value} ("r" or "partial_r") per method and
     * the given keys: method, keys…, seeds (runs with a defined coefficient), &lt;value&gt;_mean,
     * &lt;value&gt;_sd (sample sd, empty for one run), n_min, dropped_max. Rows keep the order of
     * first appearance.
     */
    public static Table summary(Table table, String value, String... keys) {
        List<String> by = new ArrayList<>(List.of("method"));
        by.addAll(List.of(keys));
        Table t = numbered(table).summarize(List.of(value, "n", "dropped", "order"), mean, stdDev, count, min, max)
                .by(by.toArray(String[]::new));
        Table out = t.selectColumns(by.toArray(String[]::new));
        out.addColumns(
                whole(t, "Count [" + value + "]", "seeds"),
                rename(t.numberColumn("Mean [" + value + "]"), value + "_mean"),
                rename(t.numberColumn("Std. Deviation [" + value + "]"), value + "_sd"),
                whole(t, "Min [n]", "n_min"),
                whole(t, "Max [dropped]", "dropped_max"),
                whole(t, "Min [order]", "order"));
        // tablesaw's sd of a single run is 0; one run says nothing about spread, so leave it empty
        DoubleColumn sd = out.doubleColumn(value + "_sd");
        for (int i = 0; i < out.rowCount(); i++) if (out.intColumn("seeds").getInt(i) < 2) sd.setMissing(i);
        out = out.sortAscendingOn("order");
        out.removeColumns("order");
        return out.setName(table.name() + "_summary");
    }

    private static DoubleColumn rename(tech.tablesaw.api.NumericColumn<?> c, String name) {
        return c.asDoubleColumn().setName(name);
    }

    /** A summary column of counts or whole numbers (tablesaw returns them as doubles) as integers. */
    private static IntColumn whole(Table t, String column, String name) {
        tech.tablesaw.api.NumericColumn<?> c = t.numberColumn(column);
        IntColumn out = IntColumn.create(name);
        for (int i = 0; i < c.size(); i++) out.append((int) Math.round(c.getDouble(i)));
        return out;
    }

    /** Builds a long table row by row. */
    private static final class Rows {
        final Table table;
        private final StringColumn method = StringColumn.create("method"), seed = StringColumn.create("seed");
        private final StringColumn key1, key2;
        private final DoubleColumn r = DoubleColumn.create("r"), p = DoubleColumn.create("p"),
                lo = DoubleColumn.create("ci_low"), hi = DoubleColumn.create("ci_high");
        private final IntColumn n = IntColumn.create("n"), dropped = IntColumn.create("dropped");

        Rows(String name, String key1, String key2) {
            this.key1 = StringColumn.create(key1);
            this.key2 = StringColumn.create(key2);
            table = Table.create(name, method, seed, this.key1, this.key2, r, p, lo, hi, n, dropped);
        }

        void add(NamedScores s, String k1, String k2, Correlation c) {
            method.append(s.method());
            seed.append(s.seed());
            key1.append(k1);
            key2.append(k2);
            r.append(c.r());
            p.append(c.p());
            lo.append(c.ciLow());
            hi.append(c.ciHigh());
            n.append(c.n());
            dropped.append(c.dropped());
        }
    }
}
