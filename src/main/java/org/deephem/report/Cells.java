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

    /**
     * A p-value in the one format of every page: "< 1e-300" where the tail underflowed, two
     * significant digits in scientific notation below 0.001 ("3.1e-66"), else two significant
     * digits written out ("0.0036", "0.063", "0.5"); "NaN" when there is none.
     */
    public static String p(double p) {
        if (Double.isNaN(p)) return "NaN";
        if (p <= 1e-300) return "< 1e-300"; // stored as 0 or the smallest double when the tail underflowed
        if (p < 1e-3) {
            String s = String.format(Locale.ROOT, "%.1e", p); // 3.1e-66; Java writes e-66 / e-05
            return s.replaceFirst("e-0*(\\d)", "e-$1");
        }
        return new java.math.BigDecimal(p).round(new java.math.MathContext(2, java.math.RoundingMode.HALF_UP)).stripTrailingZeros().toPlainString();
    }

    /** A coefficient to three decimals ("0.316", "−" never: ASCII minus); "NaN" when absent. */
    public static String coef(double v) {
        return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%.3f", v);
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
