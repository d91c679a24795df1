package org.deephem.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deephem.data.DatasetReader;
import org.deephem.data.DeepHemDataset;
import org.deephem.io.Delimited;
import org.deephem.io.Table;
import org.deephem.testutil.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {
    @TempDir
    Path tmp;

    private static DeepHemDataset demo;

    /** −length of the demo human miRNAs, for some of them only. */
    private Path lengthScores(String name, int keepEvery) {
        if (demo == null) demo = DatasetReader.read(TestData.demo());
        DeepHemDataset ds = demo;
        List<String> ids = new ArrayList<>();
        List<Double> s = new ArrayList<>();
        for (int i = 0; i < ds.target().size(); i += keepEvery) {
            ids.add(ds.target().ids().get(i));
            s.add(-(double) ds.target().sequences().get(i).length());
        }
        Path f = tmp.resolve(name);
        StringBuilder csv = new StringBuilder("id,score\n"); // a user's own file: no logit column
        for (int i = 0; i < ids.size(); i++) csv.append(ids.get(i)).append(',').append(s.get(i)).append('\n');
        try {
            Files.writeString(f, csv.toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return f;
    }

    /** Audit issue 23, BAD 7: a perfect correlation on 3 rows was reported with p = 0.0; exactly it is 2/3! = 1/3. */
    @Test
    void aPerfectCorrelationOnThreeRowsHasTheExactPNotZero() throws java.io.IOException {
        if (demo == null) demo = DatasetReader.read(TestData.demo());
        StringBuilder csv = new StringBuilder("id,score\n");
        List<Double> seen = new ArrayList<>();
        for (String id : demo.target().ids()) {
            Double v = demo.conservation().get(id);
            if (v == null || seen.contains(v)) continue;
            seen.add(v);
            csv.append(id).append(',').append(v).append('\n'); // the score is the indicator itself
            if (seen.size() == 3) break;
        }
        seen.sort(null);
        // ranks: 2 of the 3! orderings reach |rho| = 1 (the observed one and its reversal): 1/3. Pearson's
        // reversal reaches r = -1 only for evenly spaced values; otherwise only the observed one: 1/6
        boolean even = Math.abs((seen.get(2) - seen.get(1)) - (seen.get(1) - seen.get(0))) < 1e-12;
        Path three = Files.writeString(tmp.resolve("three.csv"), csv.toString());
        Path out = tmp.resolve("eval");
        CliTest.Run r = CliTest.run("evaluate", "--data", TestData.demo().toString(), "--scores", "three=" + three, "--resamples", "0",
                "-o", out.toString());
        assertEquals(0, r.exit(), r.err());
        Table c = Delimited.read(out.resolve("correlations.csv"));
        int ind = c.column("indicator"), kind = c.column("correlation"), rr = c.column("r"), p = c.column("p"), n = c.column("n");
        int checked = 0;
        for (int i = 0; i < c.rowCount(); i++) {
            if (!c.text(i, ind).equals("conservation")) continue;
            assertEquals(3, c.number(i, n));
            assertEquals(1.0, c.number(i, rr), 1e-12, c.text(i, kind));
            double exact = c.text(i, kind).equals("pearson") && !even ? 1.0 / 6 : 1.0 / 3;
            assertEquals(exact, c.number(i, p), 1e-12, c.text(i, kind));
            checked++;
        }
        assertEquals(3, checked, "pearson, spearman and kendall_tau_b");
        assertTrue(Files.readString(out.resolve("correlations.csv.provenance.json")).contains("exact"), "the method is stated");
    }

    @Test
    void evaluatesScoreFilesAndBaselinesOnTheDemoData() {
        Path all = lengthScores("all.csv", 1), half = lengthScores("half.csv", 2);
        Path out = tmp.resolve("eval");
        CliTest.Run r = CliTest.run("evaluate", "--data", TestData.demo().toString(),
                "--scores", "len@1=" + all + ",len@2=" + half, "--baselines", "--resamples", "20", "-o", out.toString());
        assertEquals(0, r.exit(), r.err());
        for (String t : List.of("correlations", "correlations_summary", "circularity_audit", "circularity_audit_summary")) {
            for (String f : List.of(t + ".csv", t + ".xlsx", t + ".csv.provenance.json", t + ".xlsx.provenance.json")) {
                assertTrue(Files.isRegularFile(out.resolve(f)), f);
            }
        }
        Table c = Delimited.read(out.resolve("correlations.csv"));
        // 2 score files + 9 baselines (learned ones with the default single seed), 2 indicators, 3 coefficients
        assertEquals((2 + 9) * 2 * 3, c.rowCount());
        int method = c.column("method"), seed = c.column("seed"), ind = c.column("indicator"), kind = c.column("correlation"),
                rr = c.column("r"), n = c.column("n"), dropped = c.column("dropped");
        double fromFile = Double.NaN, fromBaseline = Double.NaN;
        for (int i = 0; i < c.rowCount(); i++) {
            if (!c.text(i, ind).equals("conservation") || !c.text(i, kind).equals("spearman")) continue;
            if (c.text(i, method).equals("len") && c.text(i, seed).equals("1")) {
                fromFile = c.number(i, rr);
                assertEquals(200, c.number(i, n));
            }
            if (c.text(i, method).equals("len") && c.text(i, seed).equals("2")) {
                // the half file scores 100 of 200: the rest are dropped and counted, not scored 0
                assertEquals(100, c.number(i, n));
                assertEquals(100, c.number(i, dropped));
            }
            if (c.text(i, method).equals("neg_length")) fromBaseline = c.number(i, rr);
        }
        // the same scores through a file and through the baseline give the same Spearman
        assertEquals(fromBaseline, fromFile, 1e-6);
        Table s = Delimited.read(out.resolve("correlations_summary.csv"));
        assertEquals("len", s.text(0, s.column("method")));
        assertEquals(2, s.number(0, s.column("seeds")));
        assertTrue(r.out().contains("neg_length"), r.out());
    }

    @Test
    void badScoresExitTwoWithOneLineAndWriteNothing() throws Exception {
        Path out = tmp.resolve("eval");
        Path stranger = tmp.resolve("stranger.csv");
        Files.writeString(stranger, "id,score\ndemo-hsa-0001,0.5\nhsa-mir-nowhere,0.2\n");
        Path noScore = tmp.resolve("noscore.csv");
        Files.writeString(noScore, "id,value\nx,1\n");
        Path good = lengthScores("good.csv", 1);
        List<String[]> cases = List.of(
                new String[] {"--scores", stranger.toString()},
                new String[] {"--scores", noScore.toString()},
                new String[] {"--scores", good + "," + good},
                new String[] {"--scores", "logistic=" + good, "--baselines"},
                new String[] {"--scores", good.toString(), "--resamples", "-1"},
                new String[] {});
        for (String[] extra : cases) {
            List<String> args = new ArrayList<>(List.of("evaluate", "--data", TestData.demo().toString(), "-o", out.toString()));
            args.addAll(List.of(extra));
            CliTest.Run r = CliTest.run(args.toArray(String[]::new));
            assertEquals(2, r.exit(), String.join(" ", extra) + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
            assertFalse(Files.exists(out), "no output after " + String.join(" ", extra));
        }
    }

    /** Audit issue 23, WEAK: --resamples had no upper bound (hours of bootstrap, a double per resample). */
    @Test
    void resamplesAreBoundedAndTheBoundIsInTheHelp() throws Exception {
        Path good = lengthScores("bound.csv", 1);
        Path out = tmp.resolve("eval-bound");
        for (String n : List.of("10001", "2000000000", "-1")) {
            long t0 = System.nanoTime();
            CliTest.Run r = CliTest.run("evaluate", "--data", TestData.demo().toString(), "--scores", good.toString(), "--resamples", n,
                    "-o", out.toString());
            assertEquals(2, r.exit(), n + ": " + r.err());
            assertEquals("error: --resamples: must be between 0 and 10000 (got " + n + ")", r.err().strip(), n);
            assertTrue((System.nanoTime() - t0) / 1e9 < 5, "refused before any work");
            assertFalse(Files.exists(out));
        }
        CliTest.Run help = CliTest.run("evaluate", "--help");
        assertTrue(help.out().replaceAll("\\s+", " ").contains("0 = none, at most 10000 (default: 1000)"), help.out());
    }
}
