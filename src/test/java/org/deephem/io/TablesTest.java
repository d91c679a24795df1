package org.deephem.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TablesTest {
    @TempDir
    Path dir;

    @Test
    void xlsxRoundTripKeepsFullDoublePrecision() {
        Path f = dir.resolve("t.xlsx");
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {"a", 0.1 + 0.2, -1e-300, 42});
        rows.add(new Object[] {"b", Math.PI, 1.0 / 3.0, 7});
        Xlsx.write(f, List.of("ID", "x", "y", "n"), rows);
        Table t = Xlsx.read(f);
        assertEquals(List.of("ID", "x", "y", "n"), t.header());
        assertEquals(List.of("a", "b"), t.ids());
        assertEquals(0.1 + 0.2, t.number(0, 1));
        assertEquals(-1e-300, t.number(0, 2));
        assertEquals(Math.PI, t.number(1, 1));
        assertEquals(1.0 / 3.0, t.number(1, 2));
        assertEquals("42", t.text(0, 3));
    }

    @Test
    void malformedAndTruncatedXlsxGiveOneLineErrors() throws IOException {
        Path junk = dir.resolve("junk.xlsx");
        Files.writeString(junk, "this is not a workbook");
        InputError e = assertThrows(InputError.class, () -> Xlsx.read(junk));
        assertTrue(e.getMessage().startsWith(junk.toString()), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());

        Path good = dir.resolve("good.xlsx");
        Xlsx.write(good, List.of("ID", "v"), List.<Object[]>of(new Object[] {"a", 1.0}));
        byte[] b = Files.readAllBytes(good);
        Path cut = dir.resolve("cut.xlsx");
        Files.write(cut, java.util.Arrays.copyOf(b, b.length / 2));
        InputError t = assertThrows(InputError.class, () -> Xlsx.read(cut));
        assertTrue(t.getMessage().contains("cut.xlsx"), t.getMessage());
    }

    @Test
    void numberErrorsNameFileRowAndColumn() {
        Path f = dir.resolve("f.xlsx");
        Xlsx.write(f, List.of("ID", "gc"), List.of(new Object[] {"a", 0.5}, new Object[] {"b", "high"}, new Object[] {"c", "NaN"}));
        Table t = Xlsx.read(f);
        InputError e = assertThrows(InputError.class, () -> t.number(1, 1));
        assertEquals(f + ", row 3, column 'gc': 'high' is not a number (plain decimals only, such as -1.5 or 2e-3)", e.getMessage());
        InputError nan = assertThrows(InputError.class, () -> t.number(2, 1));
        assertTrue(nan.getMessage().contains("row 4") && nan.getMessage().contains("not finite"), nan.getMessage());
    }

    @Test
    void csvQuotingAndTsvAndDuplicateIds() throws IOException {
        Path csv = dir.resolve("a.csv");
        Files.writeString(csv, "ID,name\nx,\"a, \"\"quoted\"\" b\"\ny,plain\n");
        Table t = Delimited.read(csv);
        assertEquals("a, \"quoted\" b", t.text(0, 1));
        assertEquals(Delimited.csvLine(List.of("x", "a, \"quoted\" b")), "x,\"a, \"\"quoted\"\" b\"\n");
        Path tsv = dir.resolve("a.tsv");
        Files.writeString(tsv, "ID\tv\nx\t1\nx\t2\n");
        InputError e = assertThrows(InputError.class, () -> Delimited.read(tsv).ids());
        assertTrue(e.getMessage().contains("row 3") && e.getMessage().contains("duplicate ID 'x' (first at row 2)"), e.getMessage());
    }

    @Test
    void atomicWriteLeavesNothingBehindOnFailure() throws IOException {
        Path target = dir.resolve("out.txt");
        assertThrows(IllegalStateException.class, () -> AtomicFiles.write(target, out -> {
            out.write("half".getBytes());
            throw new IllegalStateException("boom");
        }));
        assertFalse(Files.exists(target));
        try (var s = Files.list(dir)) {
            assertEquals(0, s.count(), "temp files left behind");
        }
        Path folder = dir.resolve("folder");
        AtomicFiles.Owned owned = new AtomicFiles.Owned("a.txt", java.util.Set.of("a.txt"));
        AtomicFiles.writeFolder(folder, owned, d -> Files.writeString(d.resolve("a.txt"), "old"));
        assertThrows(IllegalStateException.class, () -> AtomicFiles.writeFolder(folder, owned, d -> {
            Files.writeString(d.resolve("a.txt"), "new");
            throw new IllegalStateException("crash");
        }));
        assertEquals("old", Files.readString(folder.resolve("a.txt")));
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "only the finished folder should remain");
        }
    }

    @Test
    void xlsxRowLimitFailsWhileStreamingAndExtraCellsAreNamed() throws IOException {
        Path f = dir.resolve("long.xlsx");
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 50; i++) rows.add(new Object[] {"m" + i, i});
        Xlsx.write(f, List.of("ID", "v"), rows);
        int[] seen = {0};
        InputError e = assertThrows(InputError.class, () -> Xlsx.stream(f, (r, c) -> seen[0]++, 10));
        assertEquals(f + ", row 12: more than 10 data rows (the limit for one sheet)", e.getMessage());
        assertEquals(11, seen[0], "stops at the first row past the limit, not at the end of the sheet");

        // Excel (and POI's non-streaming writer) keep text in a shared-strings table, read before any row
        Path manyIds = dir.resolve("ids.xlsx");
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var os = Files.newOutputStream(manyIds)) {
            var sheet = wb.createSheet();
            for (int i = 0; i <= 200; i++) sheet.createRow(i).createCell(0).setCellValue(i == 0 ? "ID" : "m" + i);
            wb.write(os);
        }
        assertEquals(200, Xlsx.read(manyIds).rowCount());
        InputError s = assertThrows(InputError.class, () -> Xlsx.stream(manyIds, (r, c) -> seen[0]++, 1000, 150));
        assertEquals(manyIds + ": more than 150 distinct text cells (the limit for one workbook)", s.getMessage());

        Path x = dir.resolve("extra.xlsx");
        Xlsx.write(x, List.of("ID", "v"), List.of(new Object[] {"a", 1.0}, new Object[] {"b", 2.0, "stray"}));
        InputError extra = assertThrows(InputError.class, () -> Xlsx.read(x));
        assertEquals(x + ", row 3: value 'stray' in column 3, which has no header (the header has 2 columns: ID, v)", extra.getMessage());
    }

    /** A workbook whose first sheet is 'Notes' (empty, or one note cell) and whose data is on sheet 'Data'. */
    private Path dataOnSecondSheet(String name, String note) throws IOException {
        Path f = dir.resolve(name);
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var os = Files.newOutputStream(f)) {
            var notes = wb.createSheet("Notes");
            if (note != null) notes.createRow(0).createCell(0).setCellValue(note);
            var data = wb.createSheet("Data");
            String[][] cells = {{"ID", "sequence"}, {"mmu-a", "ACGUACGU"}, {"mmu-b", "GGCCAAUU"}};
            for (int r = 0; r < cells.length; r++) {
                var row = data.createRow(r);
                row.createCell(0).setCellValue(cells[r][0]);
                row.createCell(1).setCellValue(cells[r][1]);
            }
            wb.write(os);
        }
        return f;
    }

    /** Audit issue 23, WEAK: data on sheet 2 gave "sheet is empty" or "missing column" without saying where the data is. */
    @Test
    void dataOnAnotherSheetThanTheFirstIsPointedTo() throws IOException {
        Path empty = dataOnSecondSheet("empty-first.xlsx", null);
        InputError e = assertThrows(InputError.class, () -> Xlsx.read(empty));
        assertEquals(empty + ": the first sheet is empty (no header row); the data is on sheet 'Data' (DeepHEM-J reads the first sheet,"
                + " 'Notes': move 'Data' to the front)", e.getMessage());

        Path noted = dataOnSecondSheet("noted-first.xlsx", "Read me: the sequences are on the next sheet");
        Table t = Xlsx.read(noted);
        InputError c = assertThrows(InputError.class, () -> t.column("sequence"));
        assertEquals(noted + ", row 1: missing column 'sequence' (the header has Read me: the sequences are on the next sheet);"
                + " the data is on sheet 'Data' (DeepHEM-J reads the first sheet, 'Notes': move 'Data' to the front)", c.getMessage());
        // a column no sheet has: no hint
        InputError none = assertThrows(InputError.class, () -> t.column("label"));
        assertFalse(none.getMessage().contains("sheet 'Data'"), none.getMessage());

        assertEquals(List.of(new Xlsx.SheetHead("Notes", List.of("Read me: the sequences are on the next sheet")),
                new Xlsx.SheetHead("Data", List.of("ID", "sequence"))), Xlsx.sheetHeads(noted));
    }

    @Test
    void xlsxTextCellsGetTheStrictNumberRule() {
        Path f = dir.resolve("t.xlsx");
        Xlsx.write(f, List.of("ID", "v"), List.of(new Object[] {"a", "5d"}, new Object[] {"b", "0x1p3"}, new Object[] {"c", " 7 "}));
        Table t = Xlsx.read(f);
        assertEquals(f + ", row 2, column 'v': '5d' is not a number (plain decimals only, such as -1.5 or 2e-3)",
                assertThrows(InputError.class, () -> t.number(0, 1)).getMessage());
        assertThrows(InputError.class, () -> t.number(1, 1));
        assertEquals(7.0, t.number(2, 1));
    }

    /** Audit issue 23, WEAK: rows padded to the last column made a 1.1 MB xlsx fill gigabytes. */
    @Test
    void xlsxRowsPaddedToAFarColumnStopAtTheCellLimit() throws IOException {
        Path template = dir.resolve("template.xlsx");
        Xlsx.write(template, List.of("ID", "v"), List.<Object[]>of(new Object[] {"a", 1.0}));
        // the header row has 2 cells, each data row 16,384: data row k passes the limit
        long k = (Limits.MAX_XLSX_CELLS - 2) / Limits.MAX_XLSX_COLUMNS + 1, rows = k + 1;
        // each row: an ID and a blank cell in column XFD, the last an xlsx sheet has
        Path padded = org.deephem.testutil.Hostile.xlsx(dir.resolve("padded.xlsx"), template, null, w -> {
            w.write("<row r=\"1\">" + org.deephem.testutil.Hostile.text("A1", "ID") + org.deephem.testutil.Hostile.text("B1", "v") + "</row>");
            for (long r = 2; r <= rows + 1; r++) {
                w.write("<row r=\"" + r + "\">" + org.deephem.testutil.Hostile.text("A" + r, "m" + r) + org.deephem.testutil.Hostile.text("XFD" + r, " ") + "</row>");
            }
        });
        assertTrue(Files.size(padded) < 500_000, "small on disk: " + Files.size(padded));
        InputError e = assertThrows(InputError.class, () -> Xlsx.read(padded));
        assertEquals(padded + ", row " + (k + 1) + ": more than " + Limits.MAX_XLSX_CELLS
                + " cells, counting the empty cells each row is padded with up to its last (the limit for one sheet)", e.getMessage());
        int[] seen = {0};
        assertThrows(InputError.class, () -> Xlsx.stream(padded, (r, c) -> seen[0]++));
        assertEquals(k, seen[0], "streaming stops at the same row: the header and k - 1 data rows were passed on");

        Path past = org.deephem.testutil.Hostile.xlsx(dir.resolve("past.xlsx"), template, null, w -> w.write("<row r=\"1\">"
                + org.deephem.testutil.Hostile.text("A1", "ID") + "</row><row r=\"2\">" + org.deephem.testutil.Hostile.text("A2", "a")
                + org.deephem.testutil.Hostile.text("XFE2", " ") + "</row>"));
        assertEquals(past + ", row 2: cell XFE2 is past column XFD, the last an xlsx sheet has",
                assertThrows(InputError.class, () -> Xlsx.read(past)).getMessage());

        // a table is held: rows x header columns are capped as for TSV/CSV, and blank cells past the header are not kept
        Path wide = dir.resolve("wide.xlsx");
        List<Object[]> eleven = new ArrayList<>();
        for (int r = 0; r < 11; r++) eleven.add(new Object[] {"m" + r, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        Xlsx.write(wide, List.of("ID", "a", "b", "c", "d", "e", "f", "g", "h", "i"), eleven);
        assertEquals(11, Xlsx.read(wide, 110).rowCount());
        assertEquals(wide + ", row 12: more than 100 cells (the limit for one table)",
                assertThrows(InputError.class, () -> Xlsx.read(wide, 100)).getMessage());
    }

    /** Audit issue 23, WEAK: a date typed into a feature cell was read as Excel's day number (44928). */
    @Test
    void aDateFormattedCellIsRefusedWhereANumberIsExpected() throws IOException {
        Path f = dir.resolve("dates.xlsx");
        Xlsx.write(f, List.of("ID", "mfe", "when"), List.of(new Object[] {"a", -30.5, "x"}, new Object[] {"b", -25.0, "y"}));
        org.deephem.testutil.Hostile.editCell(f, "B3", "<c r=\"B3\" s=\"1\" t=\"n\"><v>44928</v></c>", org.deephem.testutil.Hostile.DATE_STYLES);
        org.deephem.testutil.Hostile.editCell(f, "C2", "<c r=\"C2\" s=\"1\" t=\"n\"><v>44928.75</v></c>", null);
        Table t = Xlsx.read(f);
        assertEquals(-30.5, t.number(0, 1));
        assertEquals(f + ", row 3, column 'mfe': a date or time where a number is expected (2023-01-02, Excel's day 44928)"
                + " (the cell is formatted as a date in the workbook)", assertThrows(InputError.class, () -> t.number(1, 1)).getMessage());
        assertTrue(assertThrows(InputError.class, () -> t.numericBlock(1)).getMessage().contains("row 2, column 'when': a date or time"
                + " where a number is expected (2023-01-02 18:00, Excel's day 44928.75)"));
        // its text is still the cell's value, for a column read as text
        assertEquals("44928", t.text(1, 1));
    }
}
