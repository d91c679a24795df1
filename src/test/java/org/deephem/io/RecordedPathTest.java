package org.deephem.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordedPathTest {
    @TempDir
    Path tmp; // outside the working directory (the project folder) wherever the tests run

    @Test
    void insideTheBaseRelativeToIt() throws IOException {
        Path run = Files.createDirectories(tmp.resolve("reports").resolve("run"));
        Path f = Files.createDirectories(run.resolve("seeds")).resolve("a.csv");
        Files.writeString(f, "x");
        assertEquals("seeds/a.csv", RecordedPath.of(f, run));
        assertEquals("seeds/a.csv", RecordedPath.of(Path.of(run + "/../run/seeds/a.csv"), run), "normalised");
        assertEquals(".", RecordedPath.of(run, run));
        assertEquals(Map.of("path", "seeds/a.csv", "sha256", Hashing.sha256(f)), RecordedPath.file(f, run));
    }

    @Test
    void insideTheWorkingDirectoryRelativeToIt() {
        assertEquals("build/dataset", RecordedPath.of(Path.of("build", "dataset"), null));
        assertEquals("build/dataset", RecordedPath.of(Path.of("build", "dataset").toAbsolutePath(), tmp), "not under the base: from the working directory");
    }

    @Test
    void elsewhereTheNameOnly() throws IOException {
        Path data = Files.createDirectories(tmp.resolve("somewhere").resolve("dataset"));
        assertEquals("dataset", RecordedPath.of(data, null));
        assertEquals("dataset", RecordedPath.of(data, Files.createDirectories(tmp.resolve("out"))));
    }

    /** A path an older zip recorded: an absolute one is named as new code would name it, anything else kept. */
    @Test
    void recordedPathsOfOlderProvenance() {
        assertEquals("dataset", RecordedPath.recorded(tmp.resolve("elsewhere/build/dataset").toString(), null));
        assertEquals("build/dataset", RecordedPath.recorded(Path.of("build/dataset").toAbsolutePath().toString(), null));
        assertEquals("build/dataset", RecordedPath.recorded("build/dataset", tmp));
        assertEquals("in memory", RecordedPath.recorded("in memory", tmp));
        assertEquals(null, RecordedPath.recorded(null, tmp));
    }
}
