package org.deephem.selection;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * The targets for the default, judged on the candidates table ({@code candidates.csv}) after
 * the protocol has picked: the no-MTI pick must reach Spearman ≥ 0.46 with conservation, ≥ 0.28
 * with DSW and nested CV AUROC ≥ 0.95; the MTI pick must beat "has any MTI target" on both
 * indicators. These verdicts are reported only; the pick never depends on them.
 */
public final class Targets {
    private Targets() {}

    public static final double CONSERVATION = 0.46, DSW = 0.28, AUROC = 0.95;

    /** One sentence per family with a pick, saying REACHED or NOT reached with the measured numbers. */
    public static List<String> verdicts(Map<String, String> picks, Table t) {
        List<String> out = new ArrayList<>();
        if (!t.columnNames().contains("conservation_spearman_mean")) return out;
        String noMti = picks.get(Candidates.NO_MTI), mti = picks.get(Candidates.MTI);
        int i = noMti == null ? -1 : row(t, noMti);
        if (i >= 0) {
            double c = value(t, "conservation_spearman_mean", i), d = value(t, "dsw_spearman_mean", i), a = value(t, "cv_auroc_mean", i);
            boolean ok = c >= CONSERVATION && d >= DSW && a >= AUROC;
            out.add(String.format(Locale.ROOT, "no-MTI target (Spearman >= %.2f conservation, >= %.2f DSW, CV AUROC >= %.2f): %s (%s: %.3f, %.3f, %.3f)",
                    CONSERVATION, DSW, AUROC, ok ? "REACHED" : "NOT reached", noMti, c, d, a));
        }
        int h = row(t, "has_mti_target"), j = mti == null ? -1 : row(t, mti);
        if (j >= 0 && h >= 0) {
            double c = value(t, "conservation_spearman_mean", j), d = value(t, "dsw_spearman_mean", j);
            double hc = value(t, "conservation_spearman_mean", h), hd = value(t, "dsw_spearman_mean", h);
            out.add(String.format(Locale.ROOT, "MTI target (above 'has any MTI target': %.3f conservation, %.3f DSW): %s (%s: %.3f, %.3f)",
                    hc, hd, c > hc && d > hd ? "REACHED" : "NOT reached", mti, c, d));
        }
        return out;
    }

    /** The row of {@code candidate} in the table's "candidate" column, or −1. */
    public static int row(Table t, String candidate) {
        for (int i = 0; i < t.rowCount(); i++) if (t.column("candidate").getString(i).equals(candidate)) return i;
        return -1;
    }

    /** A numeric cell as a double (NaN when missing), whatever numeric type a CSV reader gave the column. */
    public static double value(Table t, String column, int i) {
        if (!t.columnNames().contains(column)) return Double.NaN;
        var c = t.column(column);
        if (c.isMissing(i)) return Double.NaN;
        if (c instanceof NumericColumn<?> n) return n.getDouble(i);
        String s = c.getString(i).strip(); // a CSV column the reader typed as text ("-" or empty: missing)
        try {
            return s.isEmpty() || s.equals("-") ? Double.NaN : Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
