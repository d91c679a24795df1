package org.deephem.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deephem.cli.CliTest.Run;
import org.deephem.data.Layout;
import org.deephem.testutil.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Audit issue 23, BAD 3-5: folder outputs (make-demo, build-dataset and its xgem-dataset1 folder)
 * replace only a folder this program wrote or an empty one, and outputs that collide are refused
 * before any work; each refusal is one line, exit 2, and leaves every folder as it was.
 */
class FolderOutputsTest {
    @TempDir
    Path tmp;

    private static void refused(Run r, String... fragments) {
        assertEquals(2, r.exit(), r.err());
        List<String> errors = r.err().lines().filter(l -> l.startsWith("error: ")).toList();
        assertEquals(1, errors.size(), r.err());
        for (String f : fragments) assertTrue(errors.get(0).contains(f), "'" + f + "' missing in: " + errors.get(0));
        assertFalse(errors.get(0).matches(".*(Exception|java\\.|org\\.deephem).*"), "a class name in: " + errors.get(0));
    }

    /** A user's folder: a file and a sub-folder with a file. */
    private static Path usersFolder(Path p) throws IOException {
        Files.createDirectories(p.resolve("sub"));
        Files.writeString(p.resolve("thesis.txt"), "three years of work");
        Files.writeString(p.resolve("sub").resolve("notes.txt"), "notes");
        return p;
    }

    private static void untouched(Path users) throws IOException {
        assertEquals(List.of("sub", "thesis.txt"), TestData.names(users));
        assertEquals("three years of work", Files.readString(users.resolve("thesis.txt")));
        assertEquals("notes", Files.readString(users.resolve("sub").resolve("notes.txt")));
    }

    /** BAD 3: make-demo --out DIR deleted everything in DIR. */
    @Test
    void makeDemoReplacesOnlyAFolderItWroteOrAnEmptyOne() throws IOException {
        Path users = usersFolder(tmp.resolve("thesis"));
        refused(CliTest.run("make-demo", "--out", users.toString()), "--out " + users, "'sub', 'thesis.txt'", "not replaced");
        untouched(users);
        assertEquals(List.of("thesis"), TestData.names(tmp), "no temp folder left");

        Path empty = Files.createDirectory(tmp.resolve("empty"));
        assertEquals(0, CliTest.run("make-demo", "--out", empty.toString()).exit());
        assertTrue(Files.isRegularFile(empty.resolve(Layout.MANIFEST)));
        // its own folder again: replaced; with a file of the user's added: refused
        Files.writeString(empty.resolve("my-notes.txt"), "keep");
        refused(CliTest.run("make-demo", "--out", empty.toString()), "'my-notes.txt'");
        assertEquals("keep", Files.readString(empty.resolve("my-notes.txt")));
        Files.delete(empty.resolve("my-notes.txt"));
        Run again = CliTest.run("make-demo", "--out", empty.toString());
        assertEquals(0, again.exit(), again.err());
        // a non-empty folder of someone else's without this program's manifest
        Path other = Files.createDirectory(tmp.resolve("other"));
        Files.writeString(other.resolve(Layout.SOURCE), "another program's sheet");
        refused(CliTest.run("make-demo", "--out", other.toString()), "no " + Layout.MANIFEST);
        assertEquals("another program's sheet", Files.readString(other.resolve(Layout.SOURCE)));
    }

    /** BAD 4: build-dataset --out D replaced the xgem-dataset1 folder beside D, which the user never named. */
    @Test
    void buildDatasetLeavesAFolderBesideItThatItDidNotWrite() throws IOException {
        Path raw = TestData.rawOrSkip();
        Path users = usersFolder(tmp.resolve("xgem-dataset1"));
        Path out = tmp.resolve("dataset");
        refused(CliTest.run("build-dataset", "--raw", raw.toString(), "--out", out.toString()),
                "xgem-dataset1 beside --out", "--no-xgem-dataset1", "'sub', 'thesis.txt'");
        untouched(users);
        assertEquals(List.of("xgem-dataset1"), TestData.names(tmp), "nothing built");
    }

    /** BAD 5: --out D --xgem-dataset1 D left the 154-row comparison set where the dataset should be, exit 0. */
    @Test
    void collidingOutputFoldersAreRefusedBeforeAnyWork() throws IOException {
        Path raw = TestData.rawOrSkip();
        Path d = tmp.resolve("D");
        refused(CliTest.run("build-dataset", "--raw", raw.toString(), "--out", d.toString(), "--xgem-dataset1", d.toString()),
                "--out " + d + " and --xgem-dataset1 " + d, "the same place");
        refused(CliTest.run("build-dataset", "--raw", raw.toString(), "--out", d.toString(), "--xgem-dataset1", d.resolve("inner").toString()),
                "inside");
        refused(CliTest.run("build-dataset", "--raw", raw.toString(), "--out", d.resolve("sub").toString(), "--xgem-dataset1", d.toString()),
                "inside");
        // --out named like the default comparison folder beside it is that folder
        Path x = tmp.resolve("xgem-dataset1");
        refused(CliTest.run("build-dataset", "--raw", raw.toString(), "--out", x.toString()), "--out " + x, "the same place");
        assertEquals(List.of(), TestData.names(tmp), "nothing built");
    }

    /** The same checks come before the raw sources are read, and `all --raw` keeps its run outputs out of the dataset folder. */
    @Test
    void collisionsAreRefusedEvenBeforeTheRawSourcesAreRead() throws IOException {
        Path nowhere = tmp.resolve("nowhere"), d = tmp.resolve("D");
        refused(CliTest.run("build-dataset", "--raw", nowhere.toString(), "--out", d.toString(), "--xgem-dataset1", d.toString()), "the same place");
        refused(CliTest.run("all", "--raw", nowhere.toString(), "--out", d.toString(), "--reports", d.toString(), "--name", "r",
                "--zoo", tmp.resolve("zoo").toString()), "--out " + d + " and --reports " + d.resolve("r"), "inside");
        refused(CliTest.run("all", "--raw", nowhere.toString(), "--out", d.toString(), "--zoo", d.toString(), "--name", "r",
                "--reports", tmp.resolve("r").toString()), "--zoo " + d.resolve("r.zip"), "inside");
        assertEquals(List.of(), TestData.names(tmp));
    }
}
