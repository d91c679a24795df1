package org.deephem.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deephem.testutil.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class CliTest {
    @TempDir
    Path tmp;

    public record Run(int exit, String out, String err) {}

    /** As {@link #run}, with {@code stdin} as standard input. */
    public static synchronized Run runWithStdin(byte[] stdin, String... args) {
        java.io.InputStream i = System.in;
        System.setIn(new java.io.ByteArrayInputStream(stdin));
        try {
            return run(args);
        } finally {
            System.setIn(i);
        }
    }

    public static synchronized Run run(String... args) {
        PrintStream o = System.out, e = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = Main.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(o);
            System.setErr(e);
        }
    }

    @Test
    void helpListsCommandsAndEveryCommandHasHelp() {
        Run r = run("--help");
        assertEquals(0, r.exit());
        for (String c : List.of("build-dataset", "inspect", "features", "make-demo", "train", "score", "ensemble", "case-study", "evaluate", "cv", "report", "all", "bench")) {
            assertTrue(r.out().contains(c), "--help should list " + c);
            Run h = run(c, "--help");
            assertEquals(0, h.exit(), c);
            assertTrue(h.out().contains("Usage:"), c + " --help");
        }
        // every command's help renders cleanly (a bare '%' in a description makes picocli warn and print it raw)
        for (var sub : Main.commandLine().getSubcommands().entrySet()) {
            if (sub.getValue().getCommandSpec().usageMessage().hidden()) continue; // internal workers (bench-worker)
            String c = sub.getKey();
            Run h = run(c, "--help");
            assertEquals(0, h.exit(), c);
            assertFalse((h.out() + h.err()).contains("picocli WARN"), c + " --help: " + h.err());
        }
    }

    @Test
    void inspectSummarisesTheDemoData() {
        Run r = run("inspect", TestData.demo().toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("120 rows: 60 essential, 60 non-essential"), r.out());
        assertTrue(r.out().contains("18 columns, no missing"), r.out());
    }

    @Test
    void badInputExitsTwoWithOneLineAndWritesNothing() throws IOException {
        Run missing = run("inspect", tmp.resolve("nowhere").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().startsWith("error: ") && missing.err().strip().lines().count() == 1, missing.err());

        Path fa = tmp.resolve("bad.fa");
        Files.writeString(fa, ">good\nACGUACGUACGU\n>bad\nACGUXACGU\n");
        Path out = tmp.resolve("features.csv");
        Run f = run("features", fa.toString(), "-o", out.toString());
        assertEquals(2, f.exit());
        assertTrue(f.err().contains("bad.fa, line 3") && f.err().contains("'X'"), f.err());
        assertFalse(Files.exists(out), "no half-written output");
        try (var s = Files.list(tmp)) {
            assertEquals(1, s.count(), "no temp files left");
        }

        Path zip = tmp.resolve("fake.zip");
        Files.writeString(zip, "not a zip");
        Path scores = tmp.resolve("scores.csv");
        Run sc = run("score", "--model", zip.toString(), "--data", TestData.demo().toString(), "-o", scores.toString());
        assertEquals(2, sc.exit());
        assertTrue(sc.err().contains("fake.zip"), sc.err());
        assertFalse(Files.exists(scores));
    }

    @Test
    void overLongSequenceIsRefusedByName() throws IOException {
        Path fa = tmp.resolve("long.fa");
        Files.writeString(fa, ">short\nACGUACGUACGUACGU\n>giant\n" + "ACGU".repeat(101) + "\n");
        Path out = tmp.resolve("long.csv");
        Run r = run("features", fa.toString(), "-o", out.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("long.fa, line 3") && r.err().contains("'giant'") && r.err().contains("404 nt"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void featuresCommandWritesAllColumnsForAFasta() throws IOException {
        Path fa = tmp.resolve("new.fa");
        Files.writeString(fa, ">hsa-let-7a-1\nUGGGAUGAGGUAGUAGGUUGUAUAGUUUUAGGGUCACACCCACCACUGGGAGAUAACUAUACAAUCUACUGUCUUUCCUA\n"
                + ">dna-letters\nggcugaggtagtaggttgtatagttagaaaatactatacaacctactacctcagcc\n");
        Path mat = tmp.resolve("mature.fa");
        Files.writeString(mat, ">hsa-let-7a-5p\nUGAGGUAGUAGGUUGUAUAGUU\n");
        Path out = tmp.resolve("f.csv");
        Run r = run("features", fa.toString(), "--matures", mat.toString(), "-o", out.toString());
        assertEquals(0, r.exit(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals(3, lines.size());
        String[] header = lines.get(0).split(",");
        assertEquals(1 + 18 + 1 + 64, header.length);
        String[] row = lines.get(1).split(",");
        assertEquals("hsa-let-7a-1", row[0]);
        assertEquals("80.0000", row[1]);
        assertEquals("22.0000", row[15], "5p mature length from --matures");
        assertEquals("-34.2000", row[7], "MFE of hsa-let-7a-1, as RNAfold 2.7.1 (with and without dangles)");
    }

    /** features streams its FASTA but shows folding progress over all records, as score does, on stderr only. */
    @Test
    void featuresShowsFoldingProgressOverAllRecords() throws IOException {
        StringBuilder fa = new StringBuilder();
        java.util.Random rnd = new java.util.Random(7);
        for (int i = 0; i < 20; i++) {
            fa.append(">r").append(i).append('\n');
            for (int j = 0; j < 40; j++) fa.append("ACGU".charAt(rnd.nextInt(4)));
            fa.append('\n');
        }
        fa.append(">iupac\nACGUNACGU\n");
        Path in = tmp.resolve("p.fa");
        Files.writeString(in, fa);
        Run r = run("features", in.toString(), "--skip-invalid", "-o", "-");
        assertEquals(0, r.exit(), r.err());
        assertEquals(21, r.out().lines().count(), "header and 20 rows");
        assertFalse(r.out().contains("folding"), "progress stays off standard output");
        if ("bar".equalsIgnoreCase(System.getenv("DEEPHEM_PROGRESS"))) return; // bars asked for by hand: no lines to check
        List<String> progress = r.err().lines().filter(l -> l.startsWith("  folding p.fa: ")).toList();
        // 21 records (the skipped one counts, so the bar ends at its total), a line at every tenth
        assertEquals("  folding p.fa: 2/21", progress.get(0), r.err());
        assertEquals("  folding p.fa: 21/21", progress.get(progress.size() - 1), r.err());
        assertEquals(11, progress.size(), r.err());
    }

    @Test
    void featuresFoldWithDanglesTwoByDefaultOrZeroOnRequestAndRefuseOtherValues() throws IOException {
        Path fa = tmp.resolve("d.fa");
        Files.writeString(fa, ">hp\nAGGGAAAACCCA\n");
        Path d2 = tmp.resolve("d2.csv"), d0 = tmp.resolve("d0.csv"), d1 = tmp.resolve("d1.csv");
        assertEquals(0, run("features", fa.toString(), "-o", d2.toString()).exit());
        assertEquals(0, run("features", fa.toString(), "--dangles", "0", "-o", d0.toString()).exit());
        // .(((....))). : -2.1 without dangles; the exterior mismatch A/A of the G-C end adds -1.5 (RNAfold -d2)
        assertEquals("-3.60000", Files.readAllLines(d2).get(1).split(",")[7]);
        assertEquals("-2.10000", Files.readAllLines(d0).get(1).split(",")[7]);
        Run bad = run("features", fa.toString(), "--dangles", "1", "-o", d1.toString());
        assertEquals(2, bad.exit());
        assertEquals("error: --dangles must be 0 or 2, not 1", bad.err().strip());
        assertFalse(Files.exists(d1));
        assertTrue(run("features", "--help").out().contains("--dangles"), "help describes --dangles");
        Run badBuild = run("build-dataset", "--raw", tmp.toString(), "--out", tmp.resolve("ds").toString(), "--dangles", "3");
        assertEquals(2, badBuild.exit());
        assertTrue(badBuild.err().contains("--dangles must be 0 or 2, not 3"), badBuild.err());
    }

    @Test
    void cvRunsTheNetworkOnOuterFoldsAndWritesItsTables() throws IOException {
        Path out = tmp.resolve("cv");
        Run r = run("cv", "--data", TestData.demo().toString(), "--folds", "2", "--repeats", "1", "--epochs", "1",
                "--methods", "deephem,neg_length", "-o", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("[1/4] deephem repeat 1 fold 1: AUROC"), r.err());
        assertTrue(r.out().contains("deephem        auroc") && r.out().contains("cv took"), r.out());
        List<String> folds = Files.readAllLines(out.resolve("cv_folds.csv"));
        assertEquals(5, folds.size());
        assertTrue(folds.get(3).startsWith("neg_length,1,1,60,60,30,") && folds.get(3).contains("median of training-fold scores"), folds.get(3));
        assertTrue(folds.get(1).startsWith("deephem,1,1,60,60,30,"), folds.get(1));
        assertTrue(folds.get(1).contains("0.5 (probability),epoch 1 of 1,"), folds.get(1));
        assertEquals(1 + 2 * 120, Files.readAllLines(out.resolve("cv_predictions.csv")).size());
        assertTrue(Files.readString(out.resolve("cv_provenance.json")).contains("\"folds\" : 2"));
    }

    @Test
    void cvRefusesBadOptionsWithOneLine() {
        Path out = tmp.resolve("cv-bad");
        for (String[] args : new String[][] {
                {"--methods", "deephem,nope"}, {"--folds", "1"}, {"--folds", "61"}, {"--epochs", "0"}}) {
            List<String> a = new java.util.ArrayList<>(List.of("cv", "--data", TestData.demo().toString(), "-o", out.toString()));
            a.addAll(List.of(args));
            Run r = run(a.toArray(String[]::new));
            assertEquals(2, r.exit(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().startsWith("error: ") && r.err().strip().lines().count() == 1, r.err());
            assertFalse(Files.exists(out));
        }
        assertTrue(run("cv", "--data", TestData.demo().toString(), "-o", out.toString(), "--methods", "nope").err()
                .contains("unknown method 'nope' (known: deephem, deephem-nomti, "));
    }

    @Test
    void reportRefusesMissingInputsInOneLine() throws IOException {
        Run noModel = run("report", "--run", "nothing", "--zoo", tmp.toString(), "--reports", tmp.resolve("r").toString());
        assertEquals(2, noModel.exit(), noModel.err());
        assertTrue(noModel.err().startsWith("error: ") && noModel.err().strip().lines().count() == 1, noModel.err());
        assertTrue(noModel.err().contains("nothing.zip"), noModel.err());
        assertFalse(Files.exists(tmp.resolve("r")), "nothing written");

        Path csv = tmp.resolve("scores.csv");
        Files.writeString(csv, "id,score\ndemo-hsa-0001,0.5\n");
        org.deephem.io.InputError e = org.junit.jupiter.api.Assertions.assertThrows(org.deephem.io.InputError.class,
                () -> org.deephem.run.RunFolder.humanScores(csv, List.of("demo-hsa-0001", "demo-hsa-0002")));
        assertTrue(e.getMessage().contains("scores.csv") && e.getMessage().contains("'demo-hsa-0002'"), e.getMessage());
    }

    /**
     * Audit issue 23, BAD 2: {@code -o} onto a FIFO or a link to a character device replaced it with
     * a regular file (exit 0). The output goes through to them and they stay what they were.
     */
    @Test
    void outputOntoAFifoOrALinkToADeviceGoesThroughAndLeavesThemInPlace() throws Exception {
        Path fa = tmp.resolve("x.fa");
        Files.writeString(fa, ">a\nGGCUGAGGUAGUAGGUUGUAUAGUUAGAAAAUACUAUACAACCUACUACCUCAGCC\n");
        Path fifo = org.deephem.testutil.Fifos.make(tmp.resolve("pipe.csv"));
        var got = org.deephem.testutil.Fifos.reader(fifo);
        Run r = run("features", fa.toString(), "-o", fifo.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(got.get(60, java.util.concurrent.TimeUnit.SECONDS).startsWith("id,"), "the CSV came through the FIFO");
        assertTrue(org.deephem.testutil.Fifos.isSpecial(fifo), "still a FIFO");

        Path devNull = Files.createSymbolicLink(tmp.resolve("null.csv"), Path.of("/dev/null"));
        Run n = run("features", fa.toString(), "-o", devNull.toString());
        assertEquals(0, n.exit(), n.err());
        assertTrue(Files.isSymbolicLink(devNull) && Files.readSymbolicLink(devNull).equals(Path.of("/dev/null")), "still the link to /dev/null");
        assertEquals(List.of("null.csv", "pipe.csv", "x.fa"), TestData.names(tmp), "no temp file left");
    }
}
