package org.deephem.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TSV/CSV reading through Commons CSV, with the project's checks on top. */
class DelimitedTest {
    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, text.getBytes(StandardCharsets.UTF_8));
        return f;
    }

    private static String error(Path f) {
        InputError e = assertThrows(InputError.class, () -> Delimited.read(f).numericBlock(1));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        return e.getMessage();
    }

    @Test
    void byteOrderMarkCrlfQuotedIdsAndEmbeddedSeparators() throws IOException {
        Path csv = file("a.csv", "\uFEFFID,score\r\n\"mir, 1\",0.5\r\n\"tab\there\",1\r\n\"two\nlines\",2\r\n");
        Table t = Delimited.read(csv);
        assertEquals(List.of("ID", "score"), t.header(), "the BOM is not part of the first column name");
        assertEquals(List.of("mir, 1", "tab\there", "two\nlines"), t.ids());
        assertEquals(2.0, t.number(2, 1));
        Path tsv = file("a.tsv", "\uFEFFID\tgene\r\n\"a\tb\"\tX\r\nc\tY\r\n");
        Table u = Delimited.read(tsv);
        assertEquals(0, u.column("id"));
        assertEquals(List.of("a\tb", "c"), u.ids());
        assertEquals("Y", u.text(1, 1));
    }

    @Test
    void writtenLinesReadBack() throws IOException {
        List<String> ids = List.of("plain", "with,comma", "with \"quote\"", "new\nline", "two  spaces");
        StringBuilder sb = new StringBuilder(Delimited.csvLine(List.of("id", "score")));
        for (String id : ids) sb.append(Delimited.csvLine(List.of(id, "1")));
        assertEquals("\"with,comma\",1\n", Delimited.csvLine(List.of("with,comma", "1")));
        assertEquals(ids, Delimited.read(file("w.csv", sb.toString())).ids());
        StringBuilder tsv = new StringBuilder(Delimited.tsvLine(List.of("ID", "gene")));
        List<String> tabbed = List.of("a\tb", "plain", "q\"uote");
        for (String id : tabbed) tsv.append(Delimited.tsvLine(List.of(id, "G")));
        assertEquals("plain\tG\n", Delimited.tsvLine(List.of("plain", "G")));
        assertEquals(tabbed, Delimited.read(file("w.tsv", tsv.toString())).ids());
    }

    @Test
    void columnMismatchesNameTheColumnAndTheFile() throws IOException {
        assertEquals(dir.resolve("x.tsv") + ", row 3: value '9' in column 3, which has no header (the header has 2 columns: ID, v)",
                error(file("x.tsv", "ID\tv\na\t1\nb\t2\t9\n")));
        assertEquals(dir.resolve("m.tsv") + ", row 2, column 'v': missing (the row has 1 of the header's 2 columns)",
                error(file("m.tsv", "ID\tv\na\nb\t2\n")));
        InputError e = assertThrows(InputError.class, () -> Delimited.read(file("h.tsv", "ID\tgenes\na\tX\n")).column("gene"));
        assertEquals(dir.resolve("h.tsv") + ", row 1: missing column 'gene' (the header has ID, genes)", e.getMessage());
    }

    @Test
    void strictNumbersBlankLinesAndBadQuoting() throws IOException {
        assertTrue(error(file("n.csv", "ID,v\na,1\nb,5d\n")).endsWith("row 3, column 'v': '5d' is not a number (plain decimals only, such as -1.5 or 2e-3)"));
        assertTrue(error(file("i.csv", "ID,v\na,Infinity\n")).contains("row 2, column 'v': 'Infinity' is not finite"));
        assertTrue(error(file("b.tsv", "ID\tv\na\t1\n\nb\t2\n")).endsWith("row 3: empty line inside the data"));
        assertEquals(2, Delimited.read(file("t.tsv", "ID\tv\na\t1\nb\t2\n\n\n")).rowCount(), "blank lines at the end are fine");
        assertTrue(error(file("q.csv", "ID,v\n\"a,1\nb,2\n")).contains("malformed CSV"));
    }

    @Test
    void latin1FileAndFolderAndRowLimit() throws IOException {
        Path latin = dir.resolve("latin.tsv");
        Files.write(latin, "ID\tv\nm\u00e9\t1\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(latin + ": not a UTF-8 text file", assertThrows(InputError.class, () -> Delimited.read(latin)).getMessage());
        Path folder = Files.createDirectory(dir.resolve("folder.tsv"));
        assertEquals(folder + ": is a folder, not a file", assertThrows(InputError.class, () -> Delimited.read(folder)).getMessage());
        Path big = file("big.tsv", "ID\tv\na\t1\nb\t2\nc\t3\nd\t4\n");
        assertEquals(4, Delimited.read(big, 4).rowCount());
        assertEquals(big + ", row 5: more than 3 data rows (the limit for one table)",
                assertThrows(InputError.class, () -> Delimited.read(big, 3)).getMessage());
    }

    /** Audit issue 23, WEAK: a table is held whole, and the parser held a whole line or quoted field. */
    @Test
    void aLongLineAnUnclosedQuoteAndTooManyCellsAreRefusedWhileReading() throws IOException {
        Path line = org.deephem.testutil.Hostile.gzip(dir.resolve("line.tsv"), "ID\tgene\nx\t", "G".repeat(1000), Limits.MAX_LINE_LENGTH / 1000 + 1, "\n");
        assertEquals(line + ", line 2: line longer than " + Limits.MAX_LINE_LENGTH + " characters (the limit for one line of a text file)", error(line));
        // short lines inside a quote that never closes: one field of every line that follows
        Path quote = org.deephem.testutil.Hostile.gzip(dir.resolve("quote.csv"), "ID,gene\nx,\"", "GENE\n", Limits.MAX_TABLE_CHARS / 5 + 1, "\"\n");
        assertTrue(error(quote).contains(": more than " + Limits.MAX_TABLE_CHARS + " characters (the limit for one table)"), error(quote));
        int width = 10;
        long rows = Limits.MAX_TABLE_CELLS / width + 1;
        Path cells = org.deephem.testutil.Hostile.gzip(dir.resolve("cells.tsv"), "ID" + "\tc".repeat(width - 1) + "\n", "x" + "\t1".repeat(width - 1) + "\n", rows, "");
        InputError e = assertThrows(InputError.class, () -> Delimited.read(cells));
        assertEquals(cells + ", row " + (rows + 1) + ": more than " + Limits.MAX_TABLE_CELLS + " cells (the limit for one table)", e.getMessage());
    }
}
