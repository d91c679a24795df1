package org.deephem.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deephem.features.HairpinWindow;
import org.deephem.io.InputError;
import org.deephem.testutil.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dataset's window, each row's annotated length and windows.tsv: written, read, checked. */
class DatasetWindowsTest {
    @TempDir
    static Path shared;
    @TempDir
    Path tmp;
    static Path canonical;

    @BeforeAll
    static void build() {
        canonical = TestData.canonicalDemo(shared);
    }

    @Test
    void anAnnotatedFolderIsAnnotatedWithItsSequenceLengths() {
        DeepHemDataset d = DatasetReader.read(TestData.demo());
        assertEquals("annotated", d.window());
        int[] n = d.source().annotatedLengths();
        for (int i = 0; i < n.length; i++) assertEquals(d.source().sequences().get(i).length(), n[i]);
        assertNull(d.windowOf(d.source().ids().get(0)));
        assertFalse(Files.exists(TestData.demo().resolve(Layout.WINDOWS)));
    }

    @Test
    void aCanonicalFolderKeepsEachRowsAnnotatedLengthAndWindow() {
        DeepHemDataset demo = DatasetReader.read(TestData.demo());
        DeepHemDataset d = DatasetReader.read(canonical);
        assertEquals("canonical", d.window());
        assertEquals("canonical", DatasetReader.window(canonical).label);
        for (Domain[] pair : new Domain[][] {{demo.source(), d.source()}, {demo.unlabelledMouse(), d.unlabelledMouse()}, {demo.target(), d.target()}}) {
            assertEquals(pair[0].ids(), pair[1].ids());
            assertArrayEquals(pair[0].annotatedLengths(), pair[1].annotatedLengths(), "annotated lengths of " + pair[1].name());
            for (int i = 0; i < pair[1].size(); i++) {
                HairpinWindow w = d.windowOf(pair[1].ids().get(i));
                assertEquals(pair[0].sequences().get(i).substring(w.start(), w.end()), pair[1].sequences().get(i));
                assertEquals(w.length(), pair[1].inherent()[i][0], "feature 'length' is the window's");
            }
        }
        // every placement of the made-up matures occurs
        for (HairpinWindow.Placement p : HairpinWindow.Placement.values()) {
            assertTrue(d.source().ids().stream().anyMatch(id -> d.windowOf(id).placement() == p), p.label);
        }
    }

    @Test
    void windowsTsvMustAgreeWithTheSequencesAndTheManifest() throws IOException {
        Path dir = copy();
        Path f = dir.resolve(Layout.WINDOWS);
        List<String> lines = Files.readAllLines(f);
        String[] cells = lines.get(1).split("\t");
        cells[3] = Integer.toString(Integer.parseInt(cells[3]) + 1); // window one longer than the sequence
        lines.set(1, String.join("\t", cells));
        Files.write(f, lines);
        InputError e = assertThrows(InputError.class, () -> DatasetReader.read(dir));
        assertTrue(e.getMessage().contains(Layout.WINDOWS) && e.getMessage().contains("row 2") && e.getMessage().contains("window_end"), e.getMessage());

        Path gone = copy();
        Files.delete(gone.resolve(Layout.WINDOWS));
        e = assertThrows(InputError.class, () -> DatasetReader.read(gone));
        assertTrue(e.getMessage().contains(Layout.WINDOWS) && e.getMessage().contains("missing"), e.getMessage());

        Path bad = copy();
        Files.writeString(bad.resolve(Layout.MANIFEST), Files.readString(bad.resolve(Layout.MANIFEST)).replace("\"canonical\"", "\"wide\""));
        e = assertThrows(InputError.class, () -> DatasetReader.read(bad));
        assertTrue(e.getMessage().contains(Layout.MANIFEST) && e.getMessage().contains("'window'"), e.getMessage());

        Path extra = TestData.demoCopy(tmp.resolve("x"));
        Files.copy(canonical.resolve(Layout.WINDOWS), extra.resolve(Layout.WINDOWS));
        e = assertThrows(InputError.class, () -> DatasetReader.read(extra));
        assertTrue(e.getMessage().contains(Layout.WINDOWS) && e.getMessage().contains("no canonical window"), e.getMessage());
    }

    @Test
    void quartilesInterpolateLinearly() {
        // positions (n - 1) p of 1, 2, 3, 4: 0.75 -> 1.75, 1.5 -> 2.5, 2.25 -> 3.25
        assertEquals("1 / 1.75 / 2.5 / 3.25 / 4 (2.5)", Inspection.fiveNumbers(List.of(4, 1, 3, 2)));
        assertEquals("7 / 7 / 7 / 7 / 7 (7.0)", Inspection.fiveNumbers(List.of(7)));
    }

    private Path copy() throws IOException {
        Path out = Files.createTempDirectory(tmp, "c");
        try (var s = Files.list(canonical)) {
            for (Path p : (Iterable<Path>) s::iterator) Files.copy(p, out.resolve(p.getFileName()));
        }
        return out;
    }
}
