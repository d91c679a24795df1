package org.deephem.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.ooxml.util.SAXHelper;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Excel (.xlsx) reading and writing with Apache POI. Reading streams the first sheet through
 * SAX (a large sheet is never held as a POI object model); numbers are passed on at full
 * double precision, so a sheet this project wrote reads back bit for bit. Only the first sheet
 * is read; when it is not what was expected, {@link #dataElsewhere} names the sheet that is.
 */
public final class Xlsx {
    private Xlsx() {}

    /** Receives the rows of a sheet in order; cells missing from the file arrive as "". */
    @FunctionalInterface
    public interface RowSink {
        void row(int sheetRow, String[] cells);

        /**
         * A number cell formatted as a date or time (Excel's serial day count, 44928 for
         * 2023-01-02), told before its row; its text in the row is the serial number.
         */
        default void dateCell(int sheetRow, int column) {}
    }

    /**
     * Streams the first sheet row by row (sheetRow is 1-based). A sheet longer than
     * {@link Limits#MAX_TABLE_ROWS} data rows is refused as soon as the row after the limit
     * arrives, a cell past column XFD ({@link Limits#MAX_XLSX_COLUMNS}) as soon as it arrives,
     * and a sheet of more than {@link Limits#MAX_XLSX_CELLS} cells, the empty cells each row is
     * padded with up to its last one included, before the padding is made.
     */
    public static void stream(Path file, RowSink sink) {
        stream(file, sink, Limits.MAX_TABLE_ROWS);
    }

    static void stream(Path file, RowSink sink, long maxRows) {
        stream(file, sink, maxRows, Limits.MAX_XLSX_TEXTS);
    }

    static void stream(Path file, RowSink sink, long maxRows, long maxTexts) {
        TextFiles.requireFile(file);
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = CappedStrings.read(pkg, maxTexts);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) throw InputError.at(file, "workbook has no sheet");
            try (InputStream sheet = sheets.next()) {
                XMLReader xml = SAXHelper.newXMLReader();
                FullPrecisionFormatter formatter = new FullPrecisionFormatter();
                xml.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings,
                        new Collector(file, sink, maxRows, formatter), formatter, false));
                xml.parse(new InputSource(sheet));
            }
        } catch (InputError e) {
            throw e;
        } catch (CappedStrings.TooMany e) {
            throw InputError.at(file, e.getMessage());
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException
                 | IllegalArgumentException
                 | IllegalStateException | org.apache.poi.ooxml.POIXMLException e) {
            throw InputError.at(file, "not a readable .xlsx workbook (" + oneLine(e) + ")");
        }
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /**
     * Reads the whole first sheet: row 1 is the header. The rows are held, so at most
     * {@link Limits#MAX_TABLE_CELLS} cells (rows × header columns).
     */
    public static Table read(Path file) {
        return read(file, Limits.MAX_TABLE_CELLS);
    }

    static Table read(Path file, long maxCells) {
        List<String> header = new ArrayList<>();
        List<String[]> rows = new ArrayList<>();
        java.util.Set<Long> dates = new java.util.HashSet<>();
        int[] expect = {1};
        long[] held = {0};
        stream(file, new RowSink() {
            @Override
            public void dateCell(int sheetRow, int column) {
                // the data row it will be, if its row is kept (a header date is the header's text)
                if (sheetRow > 1) dates.add(Table.cellKey(rows.size(), column));
            }

            @Override
            public void row(int sheetRow, String[] cells) {
                if (header.isEmpty()) {
                    if (sheetRow != 1) throw InputError.at(file, 1, "header row is empty");
                    for (String c : cells) header.add(c.strip());
                } else {
                    // Blank rows inside the data would shift every later row number; refuse them.
                    if (sheetRow != expect[0]) throw InputError.at(file, expect[0], "empty row inside the data");
                    Table.checkWidth(file, sheetRow, header, cells, true);
                    if ((held[0] += header.size()) > maxCells) {
                        throw InputError.at(file, sheetRow, "more than " + maxCells + " cells (the limit for one table)");
                    }
                    // blank cells past the header are allowed, not kept
                    rows.add(cells.length > header.size() ? java.util.Arrays.copyOf(cells, header.size()) : cells);
                }
                expect[0] = sheetRow + 1;
            }
        });
        if (header.isEmpty()) throw InputError.at(file, "the first sheet is empty (no header row)" + dataElsewhere(file, h -> !h.isEmpty()));
        return new Table(file, header, rows, dates);
    }

    /** A sheet's name and its first non-empty row (empty when the sheet has none). */
    public record SheetHead(String name, List<String> header) {}

    /** Stops parsing a sheet once its first row has arrived. */
    private static final class FirstRowRead extends RuntimeException {
        FirstRowRead() {
            super(null, null, false, false);
        }
    }

    /**
     * Every sheet's name and first non-empty row, in workbook order; only the start of each sheet
     * is parsed. Empty when the workbook cannot be read (callers use it for a hint only).
     */
    public static List<SheetHead> sheetHeads(Path file) {
        List<SheetHead> out = new ArrayList<>();
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = CappedStrings.read(pkg, Limits.MAX_XLSX_TEXTS);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (sheets.hasNext()) {
                List<String> head = new ArrayList<>();
                try (InputStream sheet = sheets.next()) {
                    XMLReader xml = SAXHelper.newXMLReader();
                    FullPrecisionFormatter formatter = new FullPrecisionFormatter();
                    xml.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings, new Collector(file, (row, cells) -> {
                        for (String c : cells) head.add(c.strip());
                        throw new FirstRowRead();
                    }, Long.MAX_VALUE, formatter), formatter, false));
                    xml.parse(new InputSource(sheet));
                } catch (FirstRowRead stop) {
                    // the header is all we need
                }
                out.add(new SheetHead(sheets.getSheetName(), head));
            }
        } catch (Exception e) {
            return List.of();
        }
        return out;
    }

    /**
     * DeepHEM-J reads the first sheet of a workbook only. When that sheet is not what was expected
     * and the first row of another sheet {@code fits}, says so: "; the data is on sheet 'Data'
     * (DeepHEM-J reads the first sheet, 'Notes': move 'Data' to the front)". Empty otherwise (and
     * for files that are not xlsx).
     */
    public static String dataElsewhere(Path file, java.util.function.Predicate<List<String>> fits) {
        if (file == null || !file.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")) return "";
        List<SheetHead> heads = sheetHeads(file);
        for (SheetHead h : heads.subList(Math.min(1, heads.size()), heads.size())) {
            if (fits.test(h.header())) {
                return "; the data is on sheet '" + h.name() + "' (DeepHEM-J reads the first sheet, '" + heads.get(0).name()
                        + "': move '" + h.name() + "' to the front)";
            }
        }
        return "";
    }

    /** Writes one sheet: a header row, then rows whose cells are String or Number. */
    public static void write(Path file, List<String> header, List<Object[]> rows) {
        AtomicFiles.write(file, out -> {
            SXSSFWorkbook wb = new SXSSFWorkbook(200);
            try {
                var sheet = wb.createSheet("Sheet1");
                Row h = sheet.createRow(0);
                for (int c = 0; c < header.size(); c++) h.createCell(c).setCellValue(header.get(c));
                for (int r = 0; r < rows.size(); r++) {
                    Row row = sheet.createRow(r + 1);
                    Object[] cells = rows.get(r);
                    for (int c = 0; c < cells.length; c++) {
                        Object v = cells[c];
                        if (v instanceof Number n) row.createCell(c).setCellValue(n.doubleValue());
                        else if (v != null) row.createCell(c).setCellValue(v.toString());
                    }
                }
                wb.write(out);
            } finally {
                wb.dispose(); // deletes the sheet buffers, also when writing failed (close() does not)
                wb.close();
            }
        });
    }

    /**
     * POI reads a workbook's whole shared-strings table (its distinct text cells) before the first
     * row, so a huge sheet would fill the memory before the row limit is reached: count them too.
     */
    private static final class CappedStrings extends ReadOnlySharedStringsTable {
        private static final ThreadLocal<Long> LIMIT = new ThreadLocal<>();
        private long seen;

        static final class TooMany extends RuntimeException {
            TooMany(String m) {
                super(m);
            }
        }

        static ReadOnlySharedStringsTable read(OPCPackage pkg, long limit) throws IOException, SAXException {
            LIMIT.set(limit); // the parent constructor parses, before this class's fields could hold it
            try {
                return new CappedStrings(pkg);
            } finally {
                LIMIT.remove();
            }
        }

        private CappedStrings(OPCPackage pkg) throws IOException, SAXException {
            super(pkg);
        }

        @Override
        public void startElement(String uri, String localName, String qName, org.xml.sax.Attributes a) throws SAXException {
            if ("si".equals(localName) && ++seen > LIMIT.get()) {
                throw new TooMany("more than " + LIMIT.get() + " distinct text cells (the limit for one workbook)");
            }
            super.startElement(uri, localName, qName, a);
        }
    }

    /** Gathers cells into a row array, filling gaps left by empty cells. */
    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final Path file;
        private final RowSink sink;
        private final long maxRows;
        private final List<String> cells = new ArrayList<>();
        private final FullPrecisionFormatter formatter;
        private final List<Integer> dates = new ArrayList<>();
        private long streamed;
        private int row;

        Collector(Path file, RowSink sink, long maxRows, FullPrecisionFormatter formatter) {
            this.file = file;
            this.sink = sink;
            this.maxRows = maxRows;
            this.formatter = formatter;
        }

        @Override
        public void startRow(int rowNum) {
            // rowNum is 0-based and includes the header row; checked before the row is parsed
            if (rowNum > maxRows) throw InputError.at(file, rowNum + 1L, "more than " + maxRows + " data rows (the limit for one sheet)");
            row = rowNum;
            cells.clear();
            dates.clear();
            formatter.wasDate = false;
        }

        @Override
        public void endRow(int rowNum) {
            boolean any = false;
            for (int i = 0; i < cells.size() && !any; i++) any = cells.get(i) != null && !cells.get(i).isBlank();
            if (any) {
                for (int c : dates) sink.dateCell(rowNum + 1, c);
                String[] row = cells.toArray(new String[0]);
                for (int i = 0; i < row.length; i++) if (row[i] == null) row[i] = "";
                sink.row(rowNum + 1, row);
            }
        }

        @Override
        public void cell(String ref, String value, XSSFComment comment) {
            int col = ref == null ? cells.size() : new CellReference(ref).getCol();
            if (formatter.wasDate) {
                formatter.wasDate = false;
                dates.add(col);
            }
            if (col >= Limits.MAX_XLSX_COLUMNS || col < 0) {
                throw InputError.at(file, row + 1L, "cell " + ref + " is past column XFD, the last an xlsx sheet has");
            }
            if (col >= cells.size() && (streamed += col + 1 - cells.size()) > Limits.MAX_XLSX_CELLS) {
                throw InputError.at(file, row + 1L, "more than " + Limits.MAX_XLSX_CELLS
                        + " cells, counting the empty cells each row is padded with up to its last (the limit for one sheet)");
            }
            if (cells.size() < col) cells.addAll(java.util.Collections.nCopies(col - cells.size(), ""));
            if (cells.size() == col) cells.add(value);
            else cells.set(col, value);
        }
    }

    /**
     * Gives numeric cells as Java's shortest round-trip decimal instead of Excel's display, and
     * notes whether the cell it formatted was formatted as a date or time (the sheet handler
     * passes the cell on right after formatting it).
     */
    private static final class FullPrecisionFormatter extends DataFormatter {
        boolean wasDate;

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            wasDate = org.apache.poi.ss.usermodel.DateUtil.isADateFormat(formatIndex, formatString);
            if (value == Math.rint(value) && Math.abs(value) < 1e15) return Long.toString((long) value);
            return Double.toString(value);
        }
    }

    static {
        // Stream instead of unpacking whole sheets, and keep POI's zip-bomb guard.
        org.apache.poi.openxml4j.util.ZipSecureFile.setMinInflateRatio(0.001);
        org.apache.poi.util.TempFile.setTempFileCreationStrategy(new SiblingTempFiles());
    }
}
