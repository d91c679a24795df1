package org.deephem.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputsTest {
    @TempDir
    Path tmp;

    static final List<String> OWN = List.of("log.csv", "scores.csv");

    /** A new folder, an empty one and one of an earlier run (with a killed write's temp file) are the command's own. */
    @Test
    void ownFolderAcceptsNewEmptyAndEarlierRuns() throws IOException {
        Outputs.requireOwnFolder("--out", tmp.resolve("new"), "train", OWN);
        Path dir = Files.createDirectory(tmp.resolve("earlier"));
        Outputs.requireOwnFolder("--out", dir, "train", OWN);
        Files.writeString(dir.resolve("log.csv"), "x");
        Files.writeString(dir.resolve(AtomicFiles.TEMP_PREFIX + "scores.csv.123.tmp"), "half");
        Outputs.requireOwnFolder("--out", dir, "train", OWN);
    }

    /** Anything else in the folder, a file or a folder, and it is refused in one line that names a few. */
    @Test
    void ownFolderRefusesAnotherRunsFiles() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("report"));
        Files.writeString(dir.resolve("scores.csv"), "x");
        for (String f : List.of("index.html", "cv_folds.csv", "a.png", "b.svg")) Files.writeString(dir.resolve(f), "x");
        Files.createDirectory(dir.resolve("seeds"));
        Files.writeString(dir.resolve(".deephem-tmp-index.html.1.tmp"), "not ours");
        InputError e = assertThrows(InputError.class, () -> Outputs.requireOwnFolder("--out", dir, "train", OWN));
        assertEquals("--out " + dir + ": holds files train did not write (.deephem-tmp-index.html.1.tmp, a.png, b.svg, … 3 more);"
                + " train writes only into a new or empty folder or one of its own earlier runs: choose another output", e.getMessage());
    }
}
