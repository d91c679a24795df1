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
}
