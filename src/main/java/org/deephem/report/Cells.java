package org.deephem.report;

import java.util.Locale;
import tech.tablesaw.api.Table;

/** How the page shows a table cell; the CSV and xlsx beside it keep full precision (analysis.TableFiles). */
public final class Cells {
    private Cells() {}

    static String text(Table t, int r, int c) {
        var col = t.column(c);
        if (col.isMissing(r)) return "";
        Object v = col.get(r);
        if (v instanceof Double d) return number(d);
        if (v instanceof Float f) return number(f);
        return String.valueOf(v);
    }

    /** Four significant digits, plain for ordinary sizes, scientific for p-values and the like. */
    public static String number(double d) {
        if (Double.isNaN(d)) return "NaN";
        if (d == Math.rint(d) && Math.abs(d) < 1e9) return String.format(Locale.ROOT, "%d", (long) d);
        double a = Math.abs(d);
        if (d > 0 && d < 1e-300) return "< 1e-300"; // a p-value whose tail underflowed (stored as the smallest double)
        if (a != 0 && (a < 1e-3 || a >= 1e6)) return String.format(Locale.ROOT, "%.3e", d);
        return String.format(Locale.ROOT, "%.4g", d);
    }
}
