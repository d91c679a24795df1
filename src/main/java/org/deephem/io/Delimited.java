package org.deephem.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;

/**
 * Tab- and comma-separated text tables (header line first), parsed by Apache Commons CSV:
 * quoted fields (with embedded separators, quotes and line breaks), CRLF or LF line ends, a
 * leading byte-order mark. On top of the parser: every row must have the header's columns,
 * a blank line may not split the data, and at most {@link Limits#MAX_TABLE_ROWS} rows,
 * {@link Limits#MAX_TABLE_CELLS} cells and {@link Limits#MAX_TABLE_CHARS} characters (the table
 * is held whole), none of its lines longer than {@link Limits#MAX_LINE_LENGTH}.
 */
public final class Delimited {
    private Delimited() {}

    /** RFC 4180 with LF line ends, as this project writes its CSVs. */
    private static final CSVFormat CSV_OUT = CSVFormat.RFC4180.builder()
            .setRecordSeparator('\n').setQuoteMode(QuoteMode.MINIMAL).get();
    private static final CSVFormat CSV_IN = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
    private static final CSVFormat TSV_OUT = CSV_OUT.builder().setDelimiter('\t').get();
    private static final CSVFormat TSV_IN = CSV_IN.builder().setDelimiter('\t').get();

    /** Reads a TSV (.tsv/.txt) or CSV (.csv) file into a {@link Table}. */
    public static Table read(Path file) {
        return read(file, Limits.MAX_TABLE_ROWS);
    }

    static Table read(Path file, long maxRows) {
        boolean csv = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
        List<String> header = null;
        List<String[]> rows = new ArrayList<>();
        long blank = -1, cells = 0;
        try (BufferedReader in = TextFiles.open(file, Limits.MAX_TABLE_CHARS, "one table"); CSVParser p = CSVParser.builder().setReader(in).setFormat(csv ? CSV_IN : TSV_IN).get()) {
            for (CSVRecord rec : p) {
                long row = rec.getRecordNumber();
                String[] values = rec.values();
                if (isBlank(values)) {
                    if (header != null && blank < 0) blank = row;
                    continue;
                }
                if (header == null) {
                    header = List.of(values);
                    continue;
                }
                if (blank >= 0) throw InputError.at(file, blank, "empty line inside the data");
                if (rows.size() >= maxRows) throw InputError.at(file, row, "more than " + maxRows + " data rows (the limit for one table)");
                Table.checkWidth(file, row, header, values, false);
                if ((cells += header.size()) > Limits.MAX_TABLE_CELLS) {
                    throw InputError.at(file, row, "more than " + Limits.MAX_TABLE_CELLS + " cells (the limit for one table)");
                }
                // blank cells past the header are allowed, not kept
                rows.add(values.length > header.size() ? Arrays.copyOf(values, header.size()) : values);
            }
        } catch (IOException e) {
            throw TextFiles.readFailure(file, e);
        } catch (UncheckedIOException e) {
            // Commons CSV reports bad quoting while iterating, wrapped in an UncheckedIOException
            IOException cause = e.getCause();
            if (cause instanceof java.nio.charset.CharacterCodingException) throw TextFiles.readFailure(file, cause);
            throw InputError.at(file, "malformed " + (csv ? "CSV" : "TSV") + " (" + firstLine(cause.getMessage()) + ")");
        }
        if (header == null) throw InputError.at(file, "file is empty (no header line)");
        return new Table(file, header, rows);
    }

    private static boolean isBlank(String[] cells) {
        return Arrays.stream(cells).allMatch(String::isBlank);
    }

    private static String firstLine(String m) {
        if (m == null) return "unreadable";
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** Formats one CSV line (ending in '\n'), quoting cells that need it. */
    public static String csvLine(List<?> cells) {
        return CSV_OUT.format(cells.toArray()) + "\n";
    }

    /** Formats one TSV line (ending in '\n'), quoting cells that hold a tab, quote or line break. */
    public static String tsvLine(List<?> cells) {
        return TSV_OUT.format(cells.toArray()) + "\n";
    }

    /** One CSV cell, quoted if it needs to be. */
    public static String csvCell(Object cell) {
        return CSV_OUT.format(cell);
    }

    /** Reads any table by extension: .xlsx, .csv, otherwise tab-separated. */
    public static Table readAny(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".xlsx") ? Xlsx.read(file) : read(file);
    }
}
