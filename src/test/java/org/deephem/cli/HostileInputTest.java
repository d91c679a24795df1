package org.deephem.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.deephem.io.Limits;
import org.deephem.testutil.Hostile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Audit issue 23, WEAK: small files that inflate or pad to gigabytes. Each is run in a child JVM
 * held to 1 GiB of heap, as a user's machine might be: it must be refused with one line (exit 2)
 * within 20 s, where before it ran out of memory or took a minute.
 */
class HostileInputTest {
    @TempDir
    static Path tmp;

    static final long SECONDS = 20;
    static final String OK = "GGCUGAGGUAGUAGGUUGUAUAGUUAGAAAAUACUAUACAACCUACUACCUCAGCC";

    record Child(int exit, String err, double seconds) {
        String error() {
            List<String> errors = err.lines().filter(l -> l.startsWith("error: ")).toList();
            assertEquals(1, errors.size(), err);
            assertFalse(errors.get(0).matches(".*(Exception|java\\.|org\\.deephem).*"), "a class name in: " + errors.get(0));
            return errors.get(0);
        }
    }

    /** The CLI in a child JVM with at most 1 GiB of heap; killed after {@link #SECONDS}. */
    static Child child(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        Path err = Files.createTempFile(tmp, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("OMP_NUM_THREADS", "1");
        long t0 = System.nanoTime();
        Process p = pb.start();
        boolean done = p.waitFor(SECONDS, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly().waitFor();
        }
        double s = (System.nanoTime() - t0) / 1e9;
        String text = Files.readString(err, StandardCharsets.UTF_8);
        assertTrue(done, "still running after " + SECONDS + " s: " + String.join(" ", args) + "\n" + text);
        return new Child(p.exitValue(), text, s);
    }

    private static void refusedFast(Child c, String... fragments) {
        assertEquals(2, c.exit(), c.err());
        String line = c.error();
        for (String f : fragments) assertTrue(line.contains(f), "'" + f + "' missing in: " + line);
    }

    private static Path fasta(Path dir) throws IOException {
        Path p = dir.resolve("ok.fa");
        Files.writeString(p, ">ok\n" + OK + "\n");
        return p;
    }

    /** Writes {@code bytes} zero bytes into the open entry, in 1 MiB pieces. */
    private static void zeros(OutputStream os, long bytes) throws IOException {
        byte[] mib = new byte[1 << 20];
        for (long n = 0; n < bytes; n += mib.length) os.write(mib, 0, (int) Math.min(mib.length, bytes - n));
    }

    @Test
    void anEnsembleZipThatInflatesToGigabytesIsRefusedAtItsTotalCap() throws Exception {
        // 12 member entries of 120 MiB of zeros (1.4 GiB), each within a member's own cap
        Path bomb = tmp.resolve("bomb.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(bomb))) {
            z.putNextEntry(new ZipEntry("format.json"));
            z.write("{\"format\":\"deephem-j-ensemble\",\"version\":1}".getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("ensemble.json"));
            List<String> names = new ArrayList<>();
            for (int m = 0; m < 12; m++) names.add("\"m" + m + "\"");
            z.write(("{\"members\":[" + String.join(",", names) + "]}").getBytes(StandardCharsets.UTF_8));
            for (int m = 0; m < 12; m++) {
                z.putNextEntry(new ZipEntry("members/m" + m + ".zip"));
                zeros(z, 120L << 20);
            }
        }
        assertTrue(Files.size(bomb) < 3_000_000, "a few MB on disk: " + Files.size(bomb));
        Path out = tmp.resolve("bomb-scores.csv");
        Child c = child("score", "--model", bomb.toString(), "--fasta", fasta(tmp).toString(), "-o", out.toString());
        refusedFast(c, "bomb.zip: inflates to more than 256 MiB (the limit for an ensemble zip with its members)");
        assertFalse(Files.exists(out));
    }

    @Test
    void aGzipFastaOfOneLongLineAndDevZeroAreRefusedAtTheLineCap() throws Exception {
        // 1.5 MB of gzip: one line of 1.5 G letters
        Path gz = Hostile.gzip(tmp.resolve("one-line.fa.gz"), ">x\n", "A".repeat(1 << 20), 1500, "\n");
        assertTrue(Files.size(gz) < 3_000_000, "small on disk: " + Files.size(gz));
        Path out = tmp.resolve("line-scores.csv");
        refusedFast(child("score", "--fasta", gz.toString(), "-o", out.toString()),
                gz + ", line 2: line longer than " + Limits.MAX_LINE_LENGTH + " characters (the limit for one line of a text file)");
        refusedFast(child("score", "--fasta", "/dev/zero", "-o", out.toString()),
                "/dev/zero, line 1: line longer than " + Limits.MAX_LINE_LENGTH + " characters");
        assertFalse(Files.exists(out));
    }

    @Test
    void anXlsxWhoseRowsArePaddedToTheLastColumnIsRefusedAtTheCellCap() throws Exception {
        // 100,000 rows of an ID and a blank cell in column XFD: ~1 MB, 1.6 G cells once padded
        Path data = org.deephem.testutil.TestData.demoCopy(Files.createTempDirectory(tmp, "padded"));
        Path sheet = data.resolve(org.deephem.data.Layout.HSA_FEATURE);
        Path template = tmp.resolve("template.xlsx");
        Files.copy(sheet, template, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Hostile.xlsx(sheet, template, null, w -> {
            w.write("<row r=\"1\">" + Hostile.text("A1", "ID") + Hostile.text("B1", "length") + "</row>");
            for (int r = 2; r <= 100_001; r++) w.write("<row r=\"" + r + "\">" + Hostile.text("A" + r, "id" + r) + Hostile.text("XFD" + r, " ") + "</row>");
        });
        assertTrue(Files.size(sheet) < 2_000_000, "small on disk: " + Files.size(sheet));
        Path out = tmp.resolve("padded-scores.csv");
        refusedFast(child("score", "--data", data.toString(), "-o", out.toString()), sheet + ", row ",
                ": more than " + Limits.MAX_XLSX_CELLS + " cells, counting the empty cells each row is padded with");
        assertFalse(Files.exists(out));
    }

    @Test
    void aGzipTargetsTableOfOneLongLineIsRefusedAtTheLineCap() throws Exception {
        Path gz = Hostile.gzip(tmp.resolve("targets.tsv"), "ID\tgene\nok\t", "G".repeat(1 << 20), 1500, "\n");
        Path out = tmp.resolve("targets-scores.csv");
        refusedFast(child("score", "--fasta", fasta(tmp).toString(), "--targets", gz.toString(), "-o", out.toString()),
                gz + ", line 2: line longer than " + Limits.MAX_LINE_LENGTH + " characters");
        assertFalse(Files.exists(out));
    }
}
