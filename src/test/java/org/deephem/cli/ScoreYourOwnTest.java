package org.deephem.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.deephem.cli.CliTest.Run;
import org.deephem.testutil.TestData;
import org.deephem.zoo.ReferenceScores;
import org.deephem.zoo.ZooModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user meets scoring their own precursors: percentiles, standard input, species, the demo warning, what was left out. */
class ScoreYourOwnTest {
    @TempDir
    static Path shared;
    static Path zip;
    static final String OK = InputHardeningTest.OK;

    @BeforeAll
    static void trainOneSmallModel() {
        zip = InputHardeningTest.smallModel(shared);
    }

    private static List<String[]> rows(Path csv) throws IOException {
        return Files.readAllLines(csv).stream().skip(1).map(l -> l.split(",")).toList();
    }

    /**
     * A trained model stores its human scores; scoring those same rows gives each its mid-rank
     * among them: 100 × (rank − ½) / n when no two logits tie.
     */
    @Test
    void aTrainedModelCarriesItsHumanScoresAndEachRowGetsItsMidRank() throws IOException {
        ReferenceScores ref = ZooModel.load(zip).reference();
        assertEquals(200, ref.size(), "the demo has 200 human rows");
        Path out = shared.resolve("human.csv");
        Run r = CliTest.run("score", "--model", zip.toString(), "--data", TestData.demo().toString(), "-o", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("id,score,logit,percentile", Files.readAllLines(out).get(0));
        assertFalse(r.err().contains("synthetic demo data"), "a demo model scoring the demo says nothing: " + r.err());
        List<String[]> rows = rows(out);
        double[] logits = rows.stream().mapToDouble(c -> Double.parseDouble(c[2])).toArray();
        double[] sorted = logits.clone();
        Arrays.sort(sorted);
        assertEquals(sorted.length, Arrays.stream(sorted).distinct().count(), "no ties in this check");
        for (String[] c : rows) {
            int rank = Arrays.binarySearch(sorted, Double.parseDouble(c[2])) + 1;
            assertEquals(100.0 * (rank - 0.5) / sorted.length, Double.parseDouble(c[3]), 0.05 + 1e-9, c[0]);
        }
    }

    @Test
    void standardInputIsReadLikeAFileAndADemoModelSaysItsScoresMeanNothing() throws IOException {
        String fasta = ">a\n" + OK + "\n>b\n" + OK.substring(4) + "\n";
        Path fa = shared.resolve("in.fa");
        Files.writeString(fa, fasta);
        Path fromFile = shared.resolve("file.csv"), fromStdin = shared.resolve("stdin.csv");
        Run f = CliTest.run("score", "--model", zip.toString(), "--fasta", fa.toString(), "-o", fromFile.toString());
        assertEquals(0, f.exit(), f.err());
        Run s = CliTest.runWithStdin(fasta.getBytes(StandardCharsets.UTF_8), "score", "--model", zip.toString(), "--fasta", "-", "-o", fromStdin.toString());
        assertEquals(0, s.exit(), s.err());
        assertEquals(Files.readAllLines(fromFile), Files.readAllLines(fromStdin));
        assertTrue(s.err().contains("warning: this model was trained on the synthetic demo data; its scores of - mean nothing")
                || s.err().contains("trained on the synthetic demo data"), s.err());
        assertTrue(s.err().lines().anyMatch(l -> l.equals("scored 2; skipped none")), s.err());
        Run bad = CliTest.runWithStdin(">x\nACGUZ\n".getBytes(StandardCharsets.UTF_8), "score", "--model", zip.toString(), "--fasta", "-", "-o", shared.resolve("bad.csv").toString());
        assertEquals(2, bad.exit());
        assertTrue(bad.err().startsWith("error: standard input, line 1") || bad.err().contains("standard input, line 1"), bad.err());
    }

    /** A miRBase-style file of two species: only the asked one is scored; the too-long one is listed with its reason, not cut. */
    @Test
    void aSpeciesIsSelectedAndWhatTheModelCannotReadIsCountedAndListed() throws IOException {
        int max = ZooModel.load(zip).models().get(0).config().maxLength();
        String tooLong = "GGCU" + "A".repeat(max) + "AGCC";
        Path hp = shared.resolve("hairpin.fa"), mat = shared.resolve("mature.fa");
        Files.writeString(hp, ">hsa-mir-1 MI1\n" + OK + "\n>hsa-mir-2 MI2\n" + tooLong + "\n>mmu-mir-1 MI3\n" + OK + "\n>hsa-mir-3 MI4\nACGUNACGU\n");
        Files.writeString(mat, ">hsa-miR-1-5p MIMAT1\nUGAGGUAGUAGGUUGUAUAGUU\n>mmu-miR-1-5p MIMAT2\nUGAGGUAGUAGGUUGUAUAGUU\n");
        Path out = shared.resolve("species.csv");
        Run r = CliTest.run("score", "--model", zip.toString(), "--fasta", hp.toString(), "--matures", mat.toString(), "--species", "hsa", "-o", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of("hsa-mir-1"), rows(out).stream().map(c -> c[0]).toList());
        assertTrue(r.err().contains("scored 1; skipped 2 (1 letters other than A/C/G/U/T or empty, 1 outside the lengths the model reads)"), r.err());
        List<String> skipped = Files.readAllLines(shared.resolve("species.skipped.csv"));
        assertEquals("id,line,reason", skipped.get(0));
        assertEquals(3, skipped.size(), skipped.toString());
        assertTrue(skipped.stream().anyMatch(l -> l.startsWith("hsa-mir-2,3,") && l.contains(tooLong.length() + " nt")), skipped.toString());
        Run none = CliTest.run("score", "--model", zip.toString(), "--fasta", hp.toString(), "--species", "dre", "-o", shared.resolve("x.csv").toString());
        assertEquals(2, none.exit());
        assertTrue(none.err().contains("no precursor of species 'dre'"), none.err());
    }

    /** --explain writes one row per nucleotide and per feature; --report draws the top N and the named IDs; their options are checked before any work. */
    @Test
    void explanationsAndThePageCoverWhatWasAskedFor() throws IOException {
        String[] seqs = {OK, OK.substring(3), "GGAUCCUAGCUUAGCAAGCUAAUGCUAGGAUCC", "CCGUAAGGCUAGCUUCGGCUAGCCUUACGG"};
        StringBuilder fa = new StringBuilder();
        for (int i = 0; i < seqs.length; i++) fa.append(">r").append(i).append('\n').append(seqs[i]).append('\n');
        Path in = shared.resolve("ex.fa");
        Files.writeString(in, fa.toString());
        Path out = shared.resolve("ex.csv"), page = shared.resolve("page");
        Run r = CliTest.run("score", "--model", zip.toString(), "--fasta", in.toString(), "-o", out.toString(), "--explain",
                "--report", page.toString(), "--top", "1", "--show", "r3");
        assertEquals(0, r.exit(), r.err());
        List<String> nuc = Files.readAllLines(shared.resolve("ex.nucleotides.csv"));
        assertEquals("id,position,nucleotide,attribution,attribution_low,attribution_high", nuc.get(0));
        assertEquals(Arrays.stream(seqs).mapToInt(String::length).sum(), nuc.size() - 1);
        List<String> feat = Files.readAllLines(shared.resolve("ex.features.csv"));
        var cfg = ZooModel.load(zip).models().get(0).config();
        assertEquals((18 + (cfg.useMti() ? cfg.mtiDim() : 0)) * seqs.length, feat.size() - 1, "18 inherent features and the MTI components per precursor");
        String html = Files.readString(page.resolve("index.html"));
        assertEquals(2, html.split("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"hairpin\"", -1).length - 1, "the top 1 and r3 are drawn");
        for (int i = 0; i < seqs.length; i++) assertTrue(html.contains(">r" + i + "<"), "r" + i + " in the table");
        assertTrue(html.contains("synthetic demo"), "a demo model's page says so");

        Run unknown = CliTest.run("score", "--model", zip.toString(), "--fasta", in.toString(), "-o", shared.resolve("u.csv").toString(),
                "--report", shared.resolve("p2").toString(), "--show", "nope");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("--show: 'nope' is not among the scored records"), unknown.err());
        assertFalse(Files.exists(shared.resolve("p2").resolve("index.html")));
        Run lonely = CliTest.run("score", "--model", zip.toString(), "--fasta", in.toString(), "-o", shared.resolve("l.csv").toString(), "--top", "3");
        assertEquals(2, lonely.exit());
        assertTrue(lonely.err().contains("--top and --show go with --report"), lonely.err());
        Run toStdout = CliTest.run("score", "--model", zip.toString(), "--fasta", in.toString(), "-o", "-", "--explain");
        assertEquals(2, toStdout.exit());
    }
}
