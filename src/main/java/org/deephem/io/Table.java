package org.deephem.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small rectangular table of text cells as read from xlsx, TSV or CSV: a header row and
 * data rows, remembering the file so that every error can name file, row and column.
 * Rows are numbered as a spreadsheet shows them (header = row 1, first data row = 2).
 */
public final class Table {
    private final Path source;
    private final List<String> header;
    private final List<String[]> rows;
    private final java.util.Set<Long> dates;

    public Table(Path source, List<String> header, List<String[]> rows) {
        this(source, header, rows, java.util.Set.of());
    }

    /**
     * A table whose cells {@code dates} ({@link #cellKey} of data row and column) were number
     * cells formatted as dates in the xlsx: their text is Excel's serial day count, and
     * {@link #number} refuses them.
     */
    public Table(Path source, List<String> header, List<String[]> rows, java.util.Set<Long> dates) {
        this.source = source;
        this.header = List.copyOf(header);
        this.rows = rows;
        this.dates = dates;
    }

    /** The key of data row {@code r} (0-based), column {@code c} in the set of date cells. */
    static long cellKey(int r, int c) {
        return (long) r << 20 | c;
    }

    public Path source() {
        return source;
    }

    public List<String> header() {
        return header;
    }

    public int rowCount() {
        return rows.size();
    }

    /** The spreadsheet row number of data row {@code r} (0-based). */
    public static long sheetRow(int r) {
        return r + 2L;
    }

    /** Index of a required column (case-insensitive, surrounding blanks ignored). */
    public int column(String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).strip().equalsIgnoreCase(name)) return i;
        }
        throw InputError.at(source, 1, "missing column '" + name + "' (the header has " + String.join(", ", header) + ")"
                + Xlsx.dataElsewhere(source, h -> h.stream().anyMatch(c -> c.equalsIgnoreCase(name))));
    }

    /** Text of a cell, "" when the row is shorter than the header. */
    public String text(int r, int c) {
        String[] row = rows.get(r);
        return c < row.length && row[c] != null ? row[c].strip() : "";
    }

    /** A finite plain decimal, or a one-line error naming file, row and column ({@link Numbers}). */
    public double number(int r, int c) {
        String[] row = rows.get(r);
        String raw = c < row.length && row[c] != null ? row[c] : "";
        if (!dates.isEmpty() && dates.contains(cellKey(r, c))) {
            throw InputError.at(source, sheetRow(r), header.get(c), "a date or time where a number is expected"
                    + asDate(raw) + " (the cell is formatted as a date in the workbook)");
        }
        return Numbers.parse(raw, source, sheetRow(r), header.get(c));
    }

    /**
     * A data row may not have cells beyond the header (a shifted or extra column), and a text
     * table's row may not stop short of it (a missing column); both name the column. xlsx rows
     * may be short: a sheet does not store empty cells at the end of a row.
     */
    static void checkWidth(Path file, long row, List<String> header, String[] cells, boolean mayBeShort) {
        for (int c = header.size(); c < cells.length; c++) {
            if (!cells[c].isBlank()) {
                throw InputError.at(file, row, "value '" + cells[c].strip() + "' in column " + (c + 1)
                        + ", which has no header (the header has " + header.size() + " columns: " + String.join(", ", header) + ")");
            }
        }
        if (!mayBeShort && cells.length < header.size()) {
            throw InputError.at(file, row, header.get(cells.length), "missing (the row has " + cells.length
                    + " of the header's " + header.size() + " columns)");
        }
    }

    /** " (2023-01-02, Excel's day 44928)": how a date cell's serial number reads, or "" if it does not. */
    private static String asDate(String serial) {
        try {
            double d = Double.parseDouble(serial.strip());
            if (!org.apache.poi.ss.usermodel.DateUtil.isValidExcelDate(d)) return "";
            java.time.LocalDateTime t = org.apache.poi.ss.usermodel.DateUtil.getLocalDateTime(d);
            String shown = d == Math.rint(d) ? t.toLocalDate().toString() : t.toString().replace('T', ' ');
            return " (" + shown + ", Excel's day " + serial.strip() + ")";
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** The IDs of the first column, checked to be non-empty and unique. */
    public List<String> ids() {
        List<String> ids = new ArrayList<>(rows.size());
        Map<String, Integer> seen = new HashMap<>();
        String col = header.isEmpty() ? "ID" : header.get(0);
        for (int r = 0; r < rows.size(); r++) {
            String id = text(r, 0);
            if (id.isEmpty()) throw InputError.at(source, sheetRow(r), col, "empty ID");
            Integer prev = seen.put(id, r);
            if (prev != null) {
                throw InputError.at(source, sheetRow(r), col, "duplicate ID '" + id + "' (first at row " + sheetRow(prev) + ")");
            }
            ids.add(id);
        }
        return ids;
    }

    /** All columns after the ID column as a numeric matrix [rows][cols]. */
    public double[][] numericBlock(int firstColumn) {
        int cols = header.size() - firstColumn;
        double[][] out = new double[rows.size()][cols];
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < cols; c++) out[r][c] = number(r, firstColumn + c);
        }
        return out;
    }
}
