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
                b.append(num ? "<td class=\"num\">" : "<td>").append(escape(Cells.text(t, r, c))).append("</td>");
            }
            b.append("</tr>\n");
        }
        return b.append("</tbody>\n</table>\n").toString();
    }

    static boolean isNumeric(ColumnType type) {
        return type == ColumnType.DOUBLE || type == ColumnType.INTEGER || type == ColumnType.LONG
                || type == ColumnType.FLOAT || type == ColumnType.SHORT;
    }
}
