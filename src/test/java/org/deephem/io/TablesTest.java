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
}
