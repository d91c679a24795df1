package org.deephem.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.deephem.data.RawSources;
import org.deephem.testutil.Processes;
import org.deephem.testutil.TestData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/fetch-raw-data.sh without the network: the checksum step against ../shared/data/raw
 * and against small copies with one byte changed, the download step against a stand-in curl that
 * serves the shared files under their GitHub URLs, and the script's tables (40-hex commits, a
 * checksum line for every file build-dataset reads, the R command in the README).
 */
class FetchRawDataScriptTest {
    static final Path SCRIPT = Path.of("scripts", "fetch-raw-data.sh");
    static final Path CHECKSUMS = Path.of("scripts", "raw-data.sha256");
    static final Pattern RAW_URL = Pattern.compile("https://raw\\.githubusercontent\\.com/([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+)/([0-9a-f]{40})/(\\S+)");

    @TempDir
    Path tmp;

    Processes.Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        return Processes.run(pb, 300);
    }

    Processes.Result run(String... args) throws IOException, InterruptedException {
        return run(Map.of(), args);
    }

    /** path → SHA-256, in the shipped list's order. */
    static Map<String, String> checksums() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String l : Files.readAllLines(CHECKSUMS, StandardCharsets.UTF_8)) {
            assertTrue(l.matches("[0-9a-f]{64}  \\S.*"), "not a sha256sum line: " + l);
            out.put(l.substring(66), l.substring(0, 64));
        }
        return out;
    }

    /** The script's --list: local path → URL or "derived from …". */
    Map<String, String> listing() throws Exception {
        Processes.Result r = run("--list");
        assertEquals(0, r.exit(), r.out());
        Map<String, String> out = new LinkedHashMap<>();
        for (String l : r.out().split("\n")) {
            String[] c = l.split("\t");
            assertEquals(2, c.length, "not 'path<TAB>source': " + l);
            assertEquals(null, out.put(c[0], c[1]), "listed twice: " + c[0]);
        }
        return out;
    }

    static String sha256(Path f) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static void flipOneByte(Path f) throws IOException {
        byte[] b = Files.readAllBytes(f);
        b[b.length / 2] ^= 1;
        Files.write(f, b);
    }

    /** Every file under dir whose name starts with '.' (temporary downloads or decodings left behind). */
    static List<Path> leftovers(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> !p.equals(dir) && p.getFileName().toString().startsWith(".")).toList();
        }
    }

    // --- the checksum step ---------------------------------------------------------------------

    @Test
    void verifyOnlyAcceptsTheSharedRawFolder() throws Exception {
        Path raw = TestData.rawOrSkip();
        Processes.Result r = run("--verify-only", raw.toString());
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("OK: all " + checksums().size() + " files in"), r.out());
        assertTrue(r.out().contains("extra file (allowed, not checked): PROVENANCE.md"), r.out());
    }

    @Test
    void aCopyOfTwoSharedFilesWithOneByteChangedIsRefusedNamingThatFile() throws Exception {
        Path raw = TestData.rawOrSkip();
        List<String> two = List.of("minimda_hmdd/HMDD v3.2/disease number.txt", "xgem/dataset/dataset2/sample/P.fasta");
        Path copy = tmp.resolve("raw");
        Path list = tmp.resolve("two.sha256");
        StringBuilder lines = new StringBuilder();
        for (String f : two) {
            Files.createDirectories(copy.resolve(f).getParent());
            Files.copy(raw.resolve(f), copy.resolve(f));
            lines.append(checksums().get(f)).append("  ").append(f).append('\n');
        }
        Files.writeString(list, lines);
        Processes.Result same = run("--checksums", list.toString(), "--verify-only", copy.toString());
        assertEquals(0, same.exit(), same.out());

        flipOneByte(copy.resolve(two.get(0)));
        Processes.Result r = run("--checksums", list.toString(), "--verify-only", copy.toString());
        assertNotEquals(0, r.exit(), r.out());
        List<String> named = r.out().lines().filter(l -> l.contains("MISMATCH") || l.contains("MISSING")).toList();
        assertEquals(List.of("fetch-raw-data: MISMATCH: " + two.get(0)), named.stream().map(l -> l.replaceFirst(" \\(SHA-256 .*", "")).toList(), r.out());
        assertFalse(r.out().contains(two.get(1)), "the intact file is not named: " + r.out());
    }

    @Test
    void verifyOnlyNamesMissingAndChangedFilesAndListsExtraOnes() throws Exception {
        // runs without the shared data: two made-up files and their checksums
        Path dir = Files.createDirectories(tmp.resolve("d/sub dir"));
        Files.writeString(dir.resolve("a.txt"), "alpha\n");
        Files.writeString(dir.resolve("b.txt"), "beta\n");
        Path list = tmp.resolve("list.sha256");
        Files.writeString(list, sha256(dir.resolve("a.txt")) + "  sub dir/a.txt\n" + sha256(dir.resolve("b.txt")) + "  sub dir/b.txt\n");
        Files.writeString(tmp.resolve("d/notes.md"), "mine\n");

        Processes.Result ok = run("--checksums", list.toString(), "--verify-only", tmp.resolve("d").toString());
        assertEquals(0, ok.exit(), ok.out());
        assertTrue(ok.out().contains("extra file (allowed, not checked): notes.md"), ok.out());

        Files.writeString(dir.resolve("b.txt"), "betA\n");
        Files.delete(dir.resolve("a.txt"));
        Processes.Result bad = run("--checksums", list.toString(), "--verify-only", tmp.resolve("d").toString());
        assertEquals(1, bad.exit(), bad.out());
        assertTrue(bad.out().contains("fetch-raw-data: MISSING: sub dir/a.txt\n"), bad.out());
        assertTrue(bad.out().contains("fetch-raw-data: MISMATCH: sub dir/b.txt (SHA-256 " + sha256(dir.resolve("b.txt"))), bad.out());
        assertTrue(bad.out().contains("FAILED: 2 of 2 files"), bad.out());
    }

    // --- the download step, against a stand-in curl -------------------------------------------

    /**
     * A stand-in curl, first on the PATH, serving {@code https://raw.githubusercontent.com/X} from
     * {@code server/X} (URL-decoded); the tree holds the shared files under the URLs the script
     * lists, so a wrong URL is a failed download.
     */
    Map<String, String> fakeGitHub(Path raw, String corrupt) throws Exception {
        Path server = tmp.resolve("server");
        for (var e : listing().entrySet()) {
            if (e.getValue().startsWith("derived from ")) continue;
            Matcher m = RAW_URL.matcher(e.getValue());
            assertTrue(m.matches(), e.getValue());
            String rel = e.getValue().substring("https://raw.githubusercontent.com/".length())
                    .replace("%20", " ");
            Path to = server.resolve(rel);
            Files.createDirectories(to.getParent());
            Files.copy(raw.resolve(e.getKey()), to, StandardCopyOption.REPLACE_EXISTING);
            if (e.getKey().equals(corrupt)) flipOneByte(to);
        }
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path curl = bin.resolve("curl");
        Files.writeString(curl, """
                #!/usr/bin/env bash
                out=""; url=""
                while [[ $# -gt 0 ]]; do
                  case "$1" in -o) out="$2"; shift 2 ;; --retry|--connect-timeout) shift 2 ;; -*) shift ;; *) url="$1"; shift ;; esac
                done
                echo "$url" >> "%s/requests.log"
                rel="${url#https://raw.githubusercontent.com/}"
                f="%s/$(printf '%%b' "${rel//%%/\\\\x}")"
                [[ -f "$f" ]] || { echo "curl: (22) The requested URL returned error: 404" >&2; exit 22; }
                cat "$f" > "$out"
                """.formatted(tmp, server));
        Files.setPosixFilePermissions(curl, PosixFilePermissions.fromString("rwxr-xr-x"));
        return Map.of("PATH", bin + ":" + System.getenv("PATH"));
    }

    @Test
    void downloadsEveryFileFromItsPinnedUrlAndStopsForRWhenRscriptIsMissing() throws Exception {
        Path raw = TestData.rawOrSkip();
        Map<String, String> env = new LinkedHashMap<>(fakeGitHub(raw, null));
        env.put("RSCRIPT", "no-such-Rscript");
        Path dest = tmp.resolve("dest");
        Processes.Result r = run(env, dest.toString());
        assertEquals(3, r.exit(), r.out());
        assertTrue(r.out().contains("22 files downloaded, 0 already there; all verified"), r.out());
        assertTrue(r.out().contains("Rscript not found: 9 tables decoded from .rda files are not made"), r.out());
        String oneLine = run("--r-command", dest.toString()).out();
        assertTrue(r.out().endsWith(oneLine), "ends with the R command: " + r.out());
        assertEquals(List.of(), leftovers(dest));
        for (var e : listing().entrySet()) {
            boolean derived = e.getValue().startsWith("derived from ");
            assertEquals(!derived, Files.isRegularFile(dest.resolve(e.getKey())), e.getKey());
            if (!derived) assertEquals(checksums().get(e.getKey()), sha256(dest.resolve(e.getKey())), e.getKey());
        }
        assertEquals(22, Files.readAllLines(tmp.resolve("requests.log")).size());

        // a second run downloads nothing
        Processes.Result again = run(env, dest.toString());
        assertEquals(3, again.exit(), again.out());
        assertTrue(again.out().contains("0 files downloaded, 22 already there"), again.out());
        assertEquals(22, Files.readAllLines(tmp.resolve("requests.log")).size());
    }

    @Test
    void withRscriptTheDecodedTablesAreByteIdenticalToTheSharedOnes() throws Exception {
        Path raw = TestData.rawOrSkip();
        boolean haveR = Stream.of(System.getenv("PATH").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, "Rscript")));
        if (!haveR) System.err.println("SKIPPED: Rscript is not on the PATH; the R decoding of the .rda files is not checked");
        Assumptions.assumeTrue(haveR, "Rscript is not on the PATH; the R decoding of the .rda files is not checked");
        Path dest = tmp.resolve("dest");
        Processes.Result r = run(fakeGitHub(raw, null), dest.toString());
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("decoding 9 tables from the .rda files"), r.out());
        Processes.Result v = run("--verify-only", dest.toString());
        assertEquals(0, v.exit(), v.out());
        assertTrue(v.out().contains("(0 extra files)"), v.out());
        assertEquals(List.of(), leftovers(dest));
    }

    @Test
    void aDownloadWithOneByteChangedIsRefusedAndLeavesNoFile() throws Exception {
        Path raw = TestData.rawOrSkip();
        String bad = "minimda_hmdd/HMDD v3.2/miRNA number.txt";
        Map<String, String> env = new LinkedHashMap<>(fakeGitHub(raw, bad));
        env.put("RSCRIPT", "no-such-Rscript");
        Path dest = tmp.resolve("dest");
        Processes.Result r = run(env, dest.toString());
        assertEquals(1, r.exit(), r.out());
        List<String> failed = r.out().lines().filter(l -> l.contains("FAILED")).toList();
        assertEquals(1, failed.size(), r.out());
        assertTrue(failed.get(0).startsWith("fetch-raw-data: FAILED: " + bad + ": SHA-256 "), r.out());
        assertTrue(failed.get(0).endsWith("/data/HMDD%20v3.2/miRNA%20number.txt); nothing written"), r.out());
        assertFalse(Files.exists(dest.resolve(bad)), "no file under the final name");
        assertEquals(List.of(), leftovers(dest));
    }

    @Test
    void aFailedDownloadNamesTheFileAndTheUrl() throws Exception {
        Path raw = TestData.rawOrSkip();
        Map<String, String> env = fakeGitHub(raw, null);
        Path gone = tmp.resolve("server/minhui803/XGEM/3379bdd3a40c847ee5d9d04247aa9ede6b31644e/dataset/dataset2/sample/N.fasta");
        Files.delete(gone);
        Path dest = tmp.resolve("dest");
        Processes.Result r = run(env, dest.toString());
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.out().contains("fetch-raw-data: FAILED: xgem/dataset/dataset2/sample/N.fasta: download failed from "
                + "https://raw.githubusercontent.com/minhui803/XGEM/3379bdd3a40c847ee5d9d04247aa9ede6b31644e/dataset/dataset2/sample/N.fasta\n"), r.out());
        assertEquals(List.of(), leftovers(dest));
    }

    // --- the script's tables ------------------------------------------------------------------

    @Test
    void everyUrlNamesAFullCommit() throws Exception {
        int urls = 0;
        for (var e : listing().entrySet()) {
            if (e.getValue().startsWith("derived from ")) continue;
            Matcher m = RAW_URL.matcher(e.getValue());
            assertTrue(m.matches(), "not a raw GitHub URL at a 40-hex commit: " + e.getValue());
            assertFalse(m.group(4).contains(" "), e.getValue());
            urls++;
        }
        assertEquals(22, urls);
        // and in the script's own table, every commit is written out in full
        Pattern row = Pattern.compile("^([^|'\\n]+)\\|([A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+)\\|([^|]*)\\|(.+)$", Pattern.MULTILINE);
        Matcher m = row.matcher(Files.readString(SCRIPT).replace("SOURCES='", ""));
        int rows = 0;
        while (m.find()) {
            assertTrue(m.group(3).matches("[0-9a-f]{40}"), "commit not 40 hex digits: " + m.group());
            rows++;
        }
        assertEquals(22, rows);
    }

    @Test
    void everyFileBuildDatasetAndTheCaseStudyReadHasAChecksumLine() throws Exception {
        Map<String, String> sums = checksums();
        List<String> read = new ArrayList<>(RawSources.FILES);
        read.addAll(RawSources.COMPARISON_FILES);
        read.add(RawSources.XGEM_PREDICTIONS);
        read.add(RawSources.MIRBASE_FAMILIES);
        for (String f : read) assertTrue(sums.containsKey(f), "no checksum line for " + f);
        // and the script makes exactly the files of the list: each downloaded or decoded
        Map<String, String> listed = listing();
        assertEquals(new TreeSet<>(sums.keySet()), new TreeSet<>(listed.keySet()));
        Set<String> downloaded = new TreeSet<>();
        listed.forEach((k, v) -> { if (!v.startsWith("derived from ")) downloaded.add(k); });
        listed.forEach((k, v) -> {
            if (v.startsWith("derived from ")) assertTrue(downloaded.contains(v.substring(13)), k + " " + v);
        });
    }

    @Test
    void theReadmeGivesTheCommandsAndTheROneLiner() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        assertTrue(readme.contains("scripts/fetch-raw-data.sh raw && java -jar target/deephem.jar build-dataset --raw raw --out build/dataset"));
        Processes.Result r = run("--r-command", "raw");
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().startsWith("Rscript -e '") && r.out().strip().endsWith("' raw") && r.out().lines().count() == 1, r.out());
        assertTrue(readme.contains(r.out().strip()), "the README's R command is the script's");
    }

    @Test
    void badArgumentsAreOneLineAndHelpExplains() throws Exception {
        Processes.Result r = run("--bogus");
        assertEquals(1, r.exit(), r.out());
        assertEquals("fetch-raw-data: FAILED: unknown argument '--bogus' (use DEST, --verify-only DIR, --list, --r-command [DIR] or --help)\n", r.out());
        Processes.Result nodir = run("--verify-only", tmp.resolve("nope").toString());
        assertEquals(1, nodir.exit(), nodir.out());
        assertEquals(1, nodir.out().lines().count(), nodir.out());
        Processes.Result h = run("--help");
        assertEquals(0, h.exit(), h.out());
        assertTrue(h.out().contains("--verify-only DIR") && h.out().contains("Needs: bash, curl or wget"), h.out());
    }

    @Test
    void shellcheckFindsNothing() throws Exception {
        boolean have = Stream.of(System.getenv("PATH").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, "shellcheck")));
        if (!have) System.err.println("SKIPPED: shellcheck is not installed; fetch-raw-data.sh not linted");
        Assumptions.assumeTrue(have, "shellcheck is not installed; fetch-raw-data.sh not linted");
        Processes.Result r = Processes.run(new ProcessBuilder("shellcheck", SCRIPT.toString()), 60);
        assertEquals(0, r.exit(), r.out());
    }
}
