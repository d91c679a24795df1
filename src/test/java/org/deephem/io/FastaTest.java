package org.deephem.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FastaTest {
    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path f = dir.resolve("in.fa");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void readsOneLineAndWrappedRecordsAndNormalisesLetters() throws IOException {
        Path f = write(">a MI1 first\nACGU\n>b\nacgt\nTTAA\n\n>c desc\nGG\nCC\n");
        List<FastaRecord> r = Fasta.readAll(f);
        assertEquals(3, r.size());
        assertEquals("a", r.get(0).id());
        assertEquals("MI1 first", r.get(0).description());
        assertEquals("ACGU", r.get(0).sequence());
        assertEquals("ACGUUUAA", r.get(1).sequence());
        assertEquals("GGCC", r.get(2).sequence());
        assertEquals(7, r.get(2).line());
    }

    @Test
    void unknownLetterNamesFileLineRecordAndPosition() throws IOException {
        Path f = write(">ok\nACGU\n>bad one\nACNGU\n");
        InputError e = assertThrows(InputError.class, () -> Fasta.readAll(f));
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
        assertTrue(e.getMessage().contains("'bad'"), e.getMessage());
        assertTrue(e.getMessage().contains("'N' at position 3"), e.getMessage());
    }

    @Test
    void emptyRecordIsRefused() throws IOException {
        Path f = write(">a\nACGU\n>empty\n>c\nGG\n");
        InputError e = assertThrows(InputError.class, () -> Fasta.readAll(f));
        assertTrue(e.getMessage().contains("'empty'") && e.getMessage().contains("empty sequence"), e.getMessage());
    }

    @Test
    void duplicateNamesAndTextBeforeHeaderAndMissingFileAreRefused() throws IOException {
        InputError dup = assertThrows(InputError.class, () -> Fasta.readAll(write(">a\nAC\n>a\nGU\n")));
        assertTrue(dup.getMessage().contains("duplicate record name 'a'"), dup.getMessage());
        InputError pre = assertThrows(InputError.class, () -> Fasta.readAll(write("ACGU\n>a\nAC\n")));
        assertTrue(pre.getMessage().contains("line 1"), pre.getMessage());
        InputError none = assertThrows(InputError.class, () -> Fasta.readAll(dir.resolve("nope.fa")));
        assertTrue(none.getMessage().contains("nope.fa") && none.getMessage().contains("not found"), none.getMessage());
        InputError empty = assertThrows(InputError.class, () -> Fasta.readAll(write("")));
        assertTrue(empty.getMessage().contains("no FASTA records"), empty.getMessage());
    }

    @Test
    void byteOrderMarkIsSkippedAndLimitsApplyWhileStreaming() throws IOException {
        Path f = dir.resolve("bom.fa");
        Files.write(f, "\uFEFF>a\nACGU\n>b\nGGCC\n>c\nUUUU\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(List.of("a", "b", "c"), Fasta.readAll(f).stream().map(FastaRecord::id).toList());
        List<String> got = new java.util.ArrayList<>();
        InputError e = assertThrows(InputError.class, () -> Fasta.read(f, r -> got.add(r.id()), 2));
        assertEquals(f + ", line 5: more than 2 records (the limit for one FASTA file)", e.getMessage());
        assertEquals(List.of("a", "b"), got);
        Path folder = Files.createDirectory(dir.resolve("folder.fa"));
        assertEquals(folder + ": is a folder, not a file", assertThrows(InputError.class, () -> Fasta.readAll(folder)).getMessage());
    }

    /** Audit issue 23, WEAK: a line was held whole by readLine before the record limit looked at it. */
    @Test
    void aLineLongerThanTheLineCapIsRefusedBeforeItIsHeld() throws IOException {
        Path f = org.deephem.testutil.Hostile.gzip(dir.resolve("long.fa.gz"), ">ok\nACGU\n>x\n", "A".repeat(1000), Limits.MAX_LINE_LENGTH / 1000 + 1, "\n");
        InputError e = assertThrows(InputError.class, () -> Fasta.readAll(f));
        assertEquals(f + ", line 4: line longer than " + Limits.MAX_LINE_LENGTH + " characters (the limit for one line of a text file)", e.getMessage());
        // the count is per line: CR, LF and CR LF each end one
        Path cr = write(">a\r\n" + "ACGU".repeat(150_000) + "\r>b\r" + "ACGU".repeat(150_000) + "\n");
        assertEquals(List.of(600_000, 600_000), Fasta.readAll(cr).stream().map(r -> r.sequence().length()).toList());
        // a record of wrapped lines is held to the record limit, as before
        Path wrapped = org.deephem.testutil.Hostile.gzip(dir.resolve("wrapped.fa.gz"), ">w\n", "ACGU".repeat(25) + "\n", Limits.MAX_SEQUENCE_LENGTH / 100 + 1, "");
        assertTrue(assertThrows(InputError.class, () -> Fasta.readAll(wrapped)).getMessage().contains("line 1: record longer than 1000000 letters"));
        // and the line limit holds for counting records too, and for every other reader of text files
        assertTrue(assertThrows(InputError.class, () -> Fasta.countRecords(f)).getMessage().contains("line 4: line longer than"));
    }

    @Test
    void moreLettersInAllThanTheFileLimitAreRefused() throws IOException {
        long records = Limits.MAX_FASTA_LETTERS / Limits.MAX_SEQUENCE_LENGTH + 1;
        Path f = dir.resolve("many.fa.gz");
        try (java.io.OutputStream os = new java.util.zip.GZIPOutputStream(Files.newOutputStream(f), 1 << 16)) {
            byte[] seq = ("ACGU".repeat(Limits.MAX_SEQUENCE_LENGTH / 4) + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            for (long r = 0; r < records; r++) {
                os.write((">r" + r + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                os.write(seq);
            }
        }
        InputError e = assertThrows(InputError.class, () -> Fasta.read(f, r -> { }));
        assertEquals(f + ", line " + (2 * records) + ": more than " + Limits.MAX_FASTA_LETTERS + " letters in all (the limit for one FASTA file)", e.getMessage());
    }
}
