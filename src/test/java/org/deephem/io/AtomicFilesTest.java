package org.deephem.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.deephem.testutil.Fifos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private static List<String> names(Path d) throws IOException {
        return org.deephem.testutil.TestData.names(d);
    }

    @Test
    void leftoversOfAKilledRunAreSweptAtTheNextWriteButFreshOnesAreNot() throws IOException {
        // what a killed save leaves: a temp file and a temp folder with our prefix, an hour old
        Path oldFile = Files.writeString(dir.resolve(AtomicFiles.TEMP_PREFIX + "model.zip.123.tmp"), "half");
        Path oldDir = Files.createDirectories(dir.resolve(AtomicFiles.TEMP_PREFIX + "data.456").resolve("inner"));
        Files.writeString(oldDir.resolve("x.xlsx"), "half");
        FileTime hourAgo = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
        Files.setLastModifiedTime(oldFile, hourAgo);
        Files.setLastModifiedTime(oldDir.getParent(), hourAgo);
        // a write in progress elsewhere (recent) and a user's own hidden file (old) stay
        Path busy = Files.writeString(dir.resolve(AtomicFiles.TEMP_PREFIX + "other.csv.789.tmp"), "in progress");
        Path mine = Files.writeString(dir.resolve(".notes"), "keep");
        Files.setLastModifiedTime(mine, hourAgo);

        AtomicFiles.writeString(dir.resolve("scores.csv"), "id,score\n");
        assertEquals(List.of(AtomicFiles.TEMP_PREFIX + "other.csv.789.tmp", ".notes", "scores.csv"), names(dir));
        assertTrue(Files.exists(busy));
    }

    @Test
    void failedWritesLeaveNothingAndSayWhy() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("out.csv"));
        InputError e = assertThrows(InputError.class, () -> AtomicFiles.writeString(folder, "x"));
        assertEquals(folder + ": is a folder; give the name of a file to write", e.getMessage());
        Path file = Files.writeString(dir.resolve("plain"), "x");
        WriteError w = assertThrows(WriteError.class, () -> AtomicFiles.writeString(file.resolve("sub/out.csv"), "x"));
        assertTrue(w.getMessage().startsWith("could not write " + file.resolve("sub/out.csv") + ": "), w.getMessage());
        assertTrue(w.userCaused());
        assertThrows(IllegalStateException.class, () -> AtomicFiles.write(dir.resolve("t.csv"), out -> {
            out.write(1);
            throw new IllegalStateException("boom");
        }));
        assertEquals(List.of("out.csv", "plain"), names(dir));
    }

    @Test
    void reasonsAreWordsWithoutClassNames() {
        // the exceptions the JDK raises for these conditions (messages as on Linux)
        assertEquals("permission denied", WriteError.reason(new AccessDeniedException("/x/y")));
        assertEquals("no space left on device", WriteError.reason(new IOException("No space left on device")));
        assertEquals("file too large", WriteError.reason(new IOException("File too large")));
        assertEquals("is a directory", WriteError.reason(new FileSystemException("/x/y", null, "Is a directory")));
        assertEquals("read-only file system", WriteError.reason(new FileSystemException("/x/y", null, "Read-only file system")));
        assertFalse(WriteError.of(Path.of("f"), new IOException("No space left on device")).userCaused(), "a full disk is not bad input");
        assertTrue(WriteError.of(Path.of("f"), new AccessDeniedException("f")).userCaused());
    }

    @Test
    void xlsxWriteKeepsItsBuffersNextToTheOutputAndRemovesThemOnFailure() throws IOException {
        Path sysTmp = Path.of(System.getProperty("java.io.tmpdir"), "poifiles");
        long before = Files.isDirectory(sysTmp) ? names(sysTmp).size() : 0;
        Object bad = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("cell fails");
            }
        };
        assertThrows(IllegalStateException.class, () -> Xlsx.write(dir.resolve("t.xlsx"), List.of("ID"), List.<Object[]>of(new Object[] {"a"}, new Object[] {bad})));
        assertEquals(List.of(), names(dir), "no half-written xlsx and no sheet buffer left");
        Xlsx.write(dir.resolve("ok.xlsx"), List.of("ID"), List.<Object[]>of(new Object[] {"a"}));
        assertEquals(List.of("ok.xlsx"), names(dir));
        assertEquals(before, Files.isDirectory(sysTmp) ? names(sysTmp).size() : 0, "nothing new in the system temp folder");
    }

    // ---- audit issue 23, BAD 2: -o onto a device, FIFO or /dev/stdout replaced it with a regular file

    @Test
    void theDecisionRenamesOnlyOverRegularFilesAndNewPaths() throws Exception {
        Path file = Files.writeString(dir.resolve("old.csv"), "x");
        Path fileLink = Files.createSymbolicLink(dir.resolve("file-link.csv"), file);
        Path nullLink = Files.createSymbolicLink(dir.resolve("null-link.csv"), Path.of("/dev/null"));
        Path stdoutLink = Files.createSymbolicLink(dir.resolve("stdout-link.csv"), Path.of("/proc/self/fd/1"));
        Path fifo = Fifos.make(dir.resolve("pipe.csv"));
        Path fifoLink = Files.createSymbolicLink(dir.resolve("pipe-link.csv"), fifo);
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.csv"), dir.resolve("nowhere.csv"));
        assertEquals(AtomicFiles.Target.NEW, AtomicFiles.classify(dir.resolve("new.csv")));
        assertEquals(AtomicFiles.Target.FILE, AtomicFiles.classify(file));
        assertEquals(AtomicFiles.Target.FILE, AtomicFiles.classify(fileLink));
        assertEquals(AtomicFiles.Target.FOLDER, AtomicFiles.classify(dir));
        assertEquals(AtomicFiles.Target.DANGLING_LINK, AtomicFiles.classify(dangling));
        for (Path p : List.of(Path.of("/dev/null"), nullLink, Path.of("/dev/stdout"), Path.of("/proc/self/fd/1"), stdoutLink, fifo, fifoLink)) {
            assertEquals(AtomicFiles.Target.STREAM, AtomicFiles.classify(p), p.toString());
        }
    }

    @Test
    void aFifoAndALinkToOneAreWrittenThroughAndStayWhatTheyWere() throws Exception {
        Path fifo = Fifos.make(dir.resolve("pipe.csv"));
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), fifo);
        for (Path target : List.of(fifo, link)) {
            var got = Fifos.reader(fifo);
            AtomicFiles.writeString(target, "id,score\n");
            assertEquals("id,score\n", got.get(20, java.util.concurrent.TimeUnit.SECONDS), target.toString());
        }
        assertTrue(Fifos.isSpecial(fifo), "still a FIFO");
        assertTrue(Files.isSymbolicLink(link) && Files.readSymbolicLink(link).equals(fifo), "still the link");
        assertEquals(List.of("link.csv", "pipe.csv"), names(dir), "no temp file beside them");
        // a writer that fails sends nothing: the FIFO is not even opened
        assertThrows(IllegalStateException.class, () -> AtomicFiles.write(fifo, out -> {
            out.write(1);
            throw new IllegalStateException("boom");
        }));
        assertTrue(Fifos.isSpecial(fifo));
    }

    @Test
    void aLinkToAFileStaysALinkAndTheFileItNamesIsReplaced() throws IOException {
        Path real = Files.writeString(Files.createDirectory(dir.resolve("elsewhere")).resolve("scores.csv"), "old\n");
        Path link = Files.createSymbolicLink(dir.resolve("scores.csv"), real);
        AtomicFiles.writeString(link, "new\n");
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new\n", Files.readString(real));
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.csv"), dir.resolve("nowhere.csv"));
        InputError e = assertThrows(InputError.class, () -> AtomicFiles.writeString(dangling, "x"));
        assertTrue(e.getMessage().startsWith(dangling + ": is a symbolic link to '"), e.getMessage());
        assertTrue(Files.isSymbolicLink(dangling) && !Files.exists(dir.resolve("nowhere.csv")));
    }

    /** `-o /dev/stdout >> log`: the stream behind /proc/self/fd/N is appended to, not renamed over. */
    @Test
    void aFileOpenedForAppendingBehindProcSelfFdKeepsWhatItHad() throws IOException {
        Path log = Files.writeString(dir.resolve("log.txt"), "before\n");
        Object key = Files.readAttributes(log, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        try (var held = Files.newOutputStream(log, java.nio.file.StandardOpenOption.APPEND)) {
            Path fd = null;
            try (var s = Files.list(Path.of("/proc/self/fd"))) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    try {
                        if (Files.readSymbolicLink(p).equals(log.toRealPath())) fd = p;
                    } catch (IOException ignored) {
                        // a descriptor closed while listing
                    }
                }
            }
            org.junit.jupiter.api.Assumptions.assumeTrue(fd != null, "no /proc/self/fd here");
            AtomicFiles.writeString(fd, "after\n");
        }
        assertEquals("before\nafter\n", Files.readString(log));
        assertEquals(key, Files.readAttributes(log, java.nio.file.attribute.BasicFileAttributes.class).fileKey(), "the same file, not a new one");
    }

    // ---- audit issue 23, BAD 3 and 4: a folder output deleted whatever the folder held

    @Test
    void aFolderIsReplacedOnlyWhenEmptyOrWrittenByThisProgramAndHoldingNothingElse() throws IOException {
        AtomicFiles.Owned owned = new AtomicFiles.Owned("manifest.json", java.util.Set.of("manifest.json", "a.csv", "b.csv"));
        Path target = dir.resolve("out");
        assertEquals(null, AtomicFiles.replaceProblem(target, owned), "a new folder");
        Files.createDirectory(target);
        Files.writeString(target.resolve(AtomicFiles.TEMP_PREFIX + "x.tmp"), "leftover");
        assertEquals(null, AtomicFiles.replaceProblem(target, owned), "empty but for a leftover temp file");
        AtomicFiles.writeFolder(target, owned, d -> {
            Files.writeString(d.resolve("manifest.json"), "{}");
            Files.writeString(d.resolve("a.csv"), "1");
        });
        assertEquals(null, AtomicFiles.replaceProblem(target, owned), "its own folder");

        // a user's file beside ours, a sub-folder, a folder without the manifest, a file: refused, and left as they were
        Files.writeString(target.resolve("thesis.txt"), "mine");
        Files.createDirectory(target.resolve("b.csv"));
        String why = AtomicFiles.replaceProblem(target, owned);
        assertTrue(why.startsWith("holds 'b.csv', 'thesis.txt', which this program does not write there"), why);
        InputError e = assertThrows(InputError.class, () -> AtomicFiles.writeFolder(target, owned, d -> Files.writeString(d.resolve("manifest.json"), "{}")));
        assertEquals(target + ": " + why, e.getMessage());
        assertEquals(List.of("a.csv", "b.csv", "manifest.json", "thesis.txt"), names(target));
        assertEquals(List.of("out"), names(dir), "no temp folder left");

        Path foreign = Files.createDirectory(dir.resolve("foreign"));
        Files.writeString(foreign.resolve("a.csv"), "theirs");
        assertEquals("holds 'a.csv' and no manifest.json (not a folder this program wrote), so it is not replaced; move it out or give a new or empty folder",
                AtomicFiles.replaceProblem(foreign, owned));
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertTrue(AtomicFiles.replaceProblem(file, owned).startsWith("is not a folder"));
        InputError named = assertThrows(InputError.class, () -> AtomicFiles.requireReplaceable("--out", foreign, owned));
        assertTrue(named.getMessage().startsWith("--out " + foreign + ": holds 'a.csv'"), named.getMessage());

        // the rule is checked again just before the swap: a file that arrived while the writer ran stays
        Path busy = dir.resolve("busy");
        assertThrows(InputError.class, () -> AtomicFiles.writeFolder(busy, owned, d -> {
            Files.createDirectory(busy);
            Files.writeString(busy.resolve("arrived.txt"), "meanwhile");
            Files.writeString(d.resolve("manifest.json"), "{}");
        }));
        assertEquals(List.of("arrived.txt"), names(busy));
    }

    // ---- audit issue 23, WEAK: the umask was ignored (a file of mode 600 became 644 once rewritten)

    private static String mode(Path p) throws IOException {
        return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void aReplacedFileOrFolderKeepsItsPermissionBitsAndANewOneGetsWhatTheUmaskGives() throws IOException {
        for (String bits : List.of("rw-------", "r--r-----", "rw-rw-r--")) {
            Path f = Files.writeString(dir.resolve("kept-" + bits + ".csv"), "old");
            Files.setPosixFilePermissions(f, java.nio.file.attribute.PosixFilePermissions.fromString(bits));
            AtomicFiles.writeString(f, "new");
            assertEquals("new", Files.readString(f));
            assertEquals(bits, mode(f), "rewritten " + f.getFileName());
        }
        // a new file or folder: as a plain write here would make it
        Path reference = dir.resolve("reference");
        Files.newOutputStream(reference).close();
        Path fresh = dir.resolve("fresh.csv");
        AtomicFiles.writeString(fresh, "x");
        assertEquals(mode(reference), mode(fresh));
        AtomicFiles.Owned owned = new AtomicFiles.Owned("manifest.json", java.util.Set.of("manifest.json"));
        Path folder = dir.resolve("folder");
        AtomicFiles.writeFolder(folder, owned, d -> Files.writeString(d.resolve("manifest.json"), "{}"));
        assertEquals(mode(Files.createDirectory(dir.resolve("reference-folder"))), mode(folder));
        Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        AtomicFiles.writeFolder(folder, owned, d -> Files.writeString(d.resolve("manifest.json"), "{}"));
        assertEquals("rwx------", mode(folder), "a replaced folder keeps its bits");
    }

    /** A run under umask 077 writes a new output as 600, as any program writing it in place would. */
    @Test
    void aNewOutputFollowsTheUmaskOfTheRun() throws Exception {
        Path fasta = Files.writeString(dir.resolve("in.fa"), ">x\nGGCUGAGGUAGUAGGUUGUAUAGUUAGAAAAUACUAUACAACCUACUACCUCAGCC\n");
        Path out = dir.resolve("features.csv");
        String cmd = String.join(" ", org.deephem.experiment.ChildJvm.command(org.deephem.cli.Main.class.getName(), java.util.List.of("features", fasta.toString(), "-o", out.toString())).stream()
                .map(a -> "'" + a.replace("'", "'\\''") + "'").toList());
        var r = org.deephem.testutil.Processes.run(new ProcessBuilder("sh", "-c", "umask 077 && exec " + cmd), 120);
        assertEquals(0, r.exit(), r.out());
        assertEquals("rw-------", mode(out));
    }

    // ---- audit issue 23, WEAK: a valid 244-character file name failed (its temporary name passed NAME_MAX, 255 bytes)

    private static int bytes(String name) {
        return name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    private static final List<String> LONG_NAMES = List.of("s".repeat(240) + ".csv", "x".repeat(255), "\u00e9".repeat(126) + ".c");

    @Test
    void outputNamesUpTo255BytesAreWritten() throws Exception {
        for (String name : LONG_NAMES) {
            assertTrue(bytes(name) <= 255);
            Path f = dir.resolve(name);
            AtomicFiles.writeString(f, "first");
            AtomicFiles.writeString(f, "second"); // replacing it too
            assertEquals("second", Files.readString(f));
        }
        AtomicFiles.Owned owned = new AtomicFiles.Owned("manifest.json", java.util.Set.of("manifest.json"));
        Path folder = dir.resolve("d".repeat(250));
        AtomicFiles.writeFolder(folder, owned, d -> Files.writeString(d.resolve("manifest.json"), "{}"));
        AtomicFiles.writeFolder(folder, owned, d -> Files.writeString(d.resolve("manifest.json"), "{}"));
        Path zip = dir.resolve("z".repeat(244) + ".zip");
        try (OutputLock lock = OutputLock.acquire(zip, "training", "wait")) {
            assertTrue(bytes(OutputLock.fileFor(zip).getFileName().toString()) <= 255);
        }
        assertEquals(LONG_NAMES.stream().sorted().toList(), names(dir).stream().filter(n -> !n.startsWith("d") && !n.startsWith(".z")).toList(),
                "no temp file left");
    }

    @Test
    void temporaryNamesOfLongOutputsFitAndAreRecognisedAsTheirs() throws Exception {
        for (String name : LONG_NAMES) {
            String prefix = AtomicFiles.tempPrefixOf(name);
            assertTrue(prefix.startsWith(AtomicFiles.TEMP_PREFIX), prefix);
            assertTrue(bytes(prefix) + "old.".length() + 13 + ".tmp".length() <= 255, bytes(prefix) + " bytes: " + prefix);
            assertEquals(prefix, AtomicFiles.tempPrefixOf(name), "the same every time");
        }
        assertEquals(AtomicFiles.TEMP_PREFIX + "scores.csv.", AtomicFiles.tempPrefixOf("scores.csv"), "a short name is kept as it is");

        // what a killed write of a long name leaves is taken as the output's own leftover, and swept once stale
        Path out = Files.createDirectory(dir.resolve("out"));
        String own = "h".repeat(244) + ".csv";
        Path leftover = Files.writeString(out.resolve(AtomicFiles.tempPrefixOf(own) + "123.tmp"), "half");
        Outputs.requireOwnFolder("--out", out, "train", List.of(own));
        Files.setLastModifiedTime(leftover, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        AtomicFiles.writeString(out.resolve(own), "whole");
        assertEquals(List.of(own), names(out));
    }
}
