package org.deephem.report;

import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/** HTML text: the shared style and page head, escaping of every string that comes from data, and tablesaw tables as HTML. */
public final class Html {
    private Html() {}

    /** The style of every page this project writes, inlined so that a page reads offline. */
    public static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}
            h1{font-size:1.7em;margin-bottom:.2em}h2{border-bottom:2px solid #ddd;padding-bottom:.2em;margin-top:2em}
            nav ol{columns:2}pre{background:#f6f6f6;padding:.8em;overflow-x:auto;font-size:.85em}
            table{border-collapse:collapse;font-size:.88em;margin:.4em 0}th,td{border:1px solid #ccc;padding:.25em .6em}
            th{background:#eef2f6;text-align:left}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            tr:nth-child(even) td{background:#fafafa}.scroll{overflow-x:auto}
            figure{margin:1.5em 0}figure img{max-width:100%;height:auto;border:1px solid #eee}
            figcaption,.caption{font-size:.9em;color:#444}.files{color:#777;font-size:.9em}
            .reading li,.limits li{margin:.35em 0}.meta{color:#666}
            """;

    /**
     * The report page's own rules on top of {@link #STYLE}: a wider column, banners, the lead
     * paragraph, wide tables that wrap inside their cells instead of scrolling (800–1600 px),
     * figures side by side, collapsed appendices, and A4 print rules (tables never wider than the
     * page, figures kept whole, appendices printed open is not needed: they stay collapsed).
     */
    public static final String REPORT_STYLE = """
            body{max-width:1240px;font-size:15px;margin-top:.6em}h1{margin-top:.3em}
            h2{margin-top:1.4em;font-size:1.3em}h3{font-size:1.02em;margin:.9em 0 .3em}
            .banner{background:#fff3cd;border:2px solid #d39e00;padding:.5em .8em;font-weight:600;margin:.5em 0}
            .banner.warn{background:#fde2e1;border-color:#c0392b}
            .lead{font-size:1em;margin:0}
            .lead-grid{display:grid;grid-template-columns:minmax(260px,2fr) 3fr;gap:1em;align-items:start;margin:.4em 0}
            .lead-grid figure{margin:0}.lead-grid figcaption{font-size:.8em}
            @media (max-width:900px){.lead-grid{display:block}}
            .meta{font-size:.85em;margin:.3em 0 .6em}
            table{font-size:.84em;max-width:100%}th,td{padding:.18em .45em;vertical-align:top}
            td.num{white-space:normal}
            table.wide{width:100%}table.wide th{text-align:center}table.wide th.row,table.wide td:first-child{text-align:left}
            tr.network td{font-weight:600}tr.group td{background:#eef2f6;font-weight:600;font-size:.95em}span.ci{color:#555;white-space:nowrap}tr.published td{color:#555;font-style:italic}tr.reference td{background:#eef6fb}
            .caption{margin:.25em 0 .8em;font-size:.84em}
            figure{margin:.6em 0}figure img{display:block;max-width:100%;height:auto}
            .pair{display:flex;flex-wrap:wrap;gap:1em}.pair figure.half{flex:1 1 380px;min-width:0;margin:.4em 0}
            td .p{display:inline;color:#555;font-size:.86em;margin-left:.35em;white-space:nowrap}td .v{white-space:nowrap}
            table.wide{font-size:.8em}
            @media (max-width:1000px){table.selection{font-size:.72em}table.selection span.v{white-space:normal}table.selection td:first-child{overflow-wrap:anywhere}}
            details{margin:.2em 0;border:1px solid #ddd;padding:.1em .6em}summary{cursor:pointer;font-weight:600}details details{border:none;padding:0 0 0 1em}
            table.kv td:first-child{white-space:nowrap;color:#333}table.kv td{overflow-wrap:anywhere}
            .files-list td{overflow-wrap:anywhere}
            pre{white-space:pre-wrap;overflow-wrap:anywhere}
            @page{size:A4;margin:12mm}
            @media print{body{max-width:none;margin:0;padding:0;font-size:10pt}table{font-size:8pt;page-break-inside:auto}tr{page-break-inside:avoid}
            figure{page-break-inside:avoid}.pair{display:block}.lead-grid{display:block}a{color:inherit;text-decoration:none}
            .scroll{overflow:visible}}
            """;

    /**
     * A page up to and including {@code <body>}: UTF-8, viewport, the escaped title, and
     * {@link #STYLE} followed by {@code extraStyle} (a page's own rules) inline.
     */
    public static String pageStart(String title, String extraStyle) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + escape(title) + "</title>\n"
                + "<style>\n" + STYLE + extraStyle + "</style>\n</head>\n<body>\n";
    }

    /** Escapes text for element content and quoted attribute values. */
    public static String escape(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A table with a header row; numeric columns right-aligned. Every cell is escaped. */
    public static String table(Table t) {
        StringBuilder b = new StringBuilder("<table>\n<thead><tr>");
        for (String name : t.columnNames()) b.append("<th>").append(escape(name)).append("</th>");
        b.append("</tr></thead>\n<tbody>\n");
        for (int r = 0; r < t.rowCount(); r++) {
            b.append("<tr>");
            for (int c = 0; c < t.columnCount(); c++) {
                boolean num = isNumeric(t.column(c).type());
                String v = isP(t.column(c).name()) && !t.column(c).isMissing(r) && t.column(c).get(r) instanceof Number p
                        ? Cells.p(p.doubleValue()) : Cells.text(t, r, c);
                // "0.978 ± 0.022" stays on one line: a row wraps between cells, not inside a value
                String shown = v.contains(" ± ") ? "<span class=\"v\">" + escape(v) + "</span>" : escape(v);
                b.append(num ? "<td class=\"num\">" : "<td>").append(shown).append("</td>");
            }
            b.append("</tr>\n");
        }
        return b.append("</tbody>\n</table>\n").toString();
    }

    /** A column of p-values, shown in the one p format ({@link Cells#p}). */
    static boolean isP(String column) {
        String c = column.toLowerCase(java.util.Locale.ROOT);
        return c.equals("p") || c.endsWith("_p") || c.startsWith("p_") || c.equals("p-value");
    }

    /**
     * A map (nested maps flattened to dotted keys, lists joined by commas) as a two-column
     * key/value table; long values wrap rather than run off the page.
     */
    public static String keyValues(java.util.Map<String, ?> m) {
        java.util.Map<String, String> flat = new java.util.LinkedHashMap<>();
        flatten("", m, flat);
        StringBuilder b = new StringBuilder("<table class=\"kv\">\n<tbody>\n");
        for (var e : flat.entrySet()) {
            b.append("<tr><td>").append(escape(e.getKey())).append("</td><td>").append(escape(e.getValue())).append("</td></tr>\n");
        }
        return b.append("</tbody>\n</table>\n").toString();
    }

    private static void flatten(String prefix, Object v, java.util.Map<String, String> out) {
        if (v instanceof java.util.Map<?, ?> m) {
            if (m.isEmpty()) out.put(prefix, "(none)");
            for (var e : m.entrySet()) flatten(prefix.isEmpty() ? String.valueOf(e.getKey()) : prefix + "." + e.getKey(), e.getValue(), out);
        } else if (v instanceof java.util.Collection<?> c) {
            out.put(prefix, c.isEmpty() ? "(none)" : String.join(", ", c.stream().map(String::valueOf).toList()));
        } else if (v instanceof Double d) {
            out.put(prefix, Double.isFinite(d) ? java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString() : String.valueOf(d)); // as recorded: 0.0001, not 1.000e-04
        } else {
            out.put(prefix, String.valueOf(v));
        }
    }

    static boolean isNumeric(ColumnType type) {
        return type == ColumnType.DOUBLE || type == ColumnType.INTEGER || type == ColumnType.LONG
                || type == ColumnType.FLOAT || type == ColumnType.SHORT;
    }
}
