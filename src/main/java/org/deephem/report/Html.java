package org.deephem.report;

import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/** HTML text: escaping of every string that comes from data, and tablesaw tables as HTML. */
public final class Html {
    private Html() {}

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
