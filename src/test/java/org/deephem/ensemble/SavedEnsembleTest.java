package org.deephem.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.deephem.cli.CliTest;
import org.deephem.data.DatasetReader;
import org.deephem.data.DeepHemDataset;
import org.deephem.io.Delimited;
import org.deephem.io.Table;
import org.deephem.model.ModelConfig;
import org.deephem.testutil.TestData;
import org.deephem.train.NetworkMethod;
import org.deephem.train.TrainingRun;
import org.deephem.zoo.EnsembleZip;
import org.deephem.zoo.ExpectedScores;
import org.deephem.zoo.ModelZip;
import org.deephem.zoo.ScoresCsv;
import org.deephem.zoo.ShippedModelsTest;
import org.deephem.zoo.ZooModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 2-member ensemble of small demo networks: saved, reloaded, scored by the CLI, refused when broken, and recorded for the shipped-model test. */
class SavedEnsembleTest {
    @TempDir
    static Path tmp;
    static DeepHemDataset demo;
    static FittedEnsemble fitted;
    static Path zoo, ens, m1, m2;

    @BeforeAll
    static void fitAndSave() throws IOException {
        demo = DatasetReader.read(TestData.demo());
        ModelConfig sized = TrainingRun.sizedFor(ModelConfig.defaults().withTraining(1, 32, 32, 1e-3, 3), demo);
        ModelConfig small = sized.withSize(sized.maxLength(), 3, 16, 2, 1, 16);
        fitted = EnsembleMethod.ofSeeds("ens", new NetworkMethod(small), 2).fit(demo, IntStream.range(0, demo.labels().length).toArray(), 11);
        zoo = Files.createDirectories(tmp.resolve("zoo"));
        ens = zoo.resolve("ens.zip");
        Ensembles.save(ens, fitted, Map.of("note", "test"));
        m1 = zoo.resolve("m1.zip");
        m2 = zoo.resolve("m2.zip");
        ModelZip.save(m1, fitted.members().get(0).fitReport().model().orElseThrow());
        ModelZip.save(m2, fitted.members().get(1).fitReport().model().orElseThrow());
    }

    private static CliTest.Run run(String... args) {
        return CliTest.run(args);
    }

    @Test
    void reloadedEnsembleScoresBitForBitAsInMemory() {
        ZooModel z = ZooModel.load(ens);
        assertTrue(z.ensemble());
        assertEquals(List.of("deephem-seed1", "deephem-seed2"), z.members().stream().map(EnsembleZip.Member::name).toList());
        double[][] inMemory = fitted.memberScores(demo.target());
        for (int m = 0; m < 2; m++) {
            double[] again = new org.deephem.zoo.Scorer(z.members().get(m).model()).score(demo.target(), null);
            assertArrayEquals(inMemory[m], again, 0.0);
        }
        assertFalse(java.util.Arrays.equals(inMemory[0], inMemory[1]), "two seeds, two different members");
    }

    @Test
    void scoreWritesTheMeanAndTheMemberRangeAndSingleModelsStayAsTheyWere() throws IOException {
        Path out = tmp.resolve("ens_scores.csv");
        CliTest.Run r = run("score", "--model", ens.toString(), "--data", TestData.demo().toString(), "-o", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("ensemble of 2 members"), r.err());
        Table t = Delimited.read(out);
        assertEquals(ScoresCsv.ENSEMBLE_COLUMNS, t.header());
        double[][] p = fitted.memberScores(demo.target());
        for (int i = 0; i < t.rowCount(); i++) {
            double lo = Math.min(p[0][i], p[1][i]), hi = Math.max(p[0][i], p[1][i]);
            assertEquals(demo.target().ids().get(i), t.text(i, 0));
            assertEquals((p[0][i] + p[1][i]) / 2, t.number(i, 1), 1e-15);
            assertEquals(t.number(i, 1), 1 / (1 + Math.exp(-t.number(i, 2))), 1e-12);
            // R type 7 with two members: min + 0.025 (max − min) and min + 0.975 (max − min)
            assertEquals(lo + 0.025 * (hi - lo), t.number(i, 3), 1e-15);
            assertEquals(lo + 0.975 * (hi - lo), t.number(i, 4), 1e-15);
        }
        String prov = Files.readString(tmp.resolve("ens_scores.csv.provenance.json"));
        assertTrue(prov.contains("\"members\" : 2"), prov);

        // a single model: the old three columns, and its own scores
        Path single = tmp.resolve("m1_scores.csv");
        assertEquals(0, run("score", "--model", m1.toString(), "--data", TestData.demo().toString(), "-o", single.toString()).exit());
        Table s = Delimited.read(single);
        assertEquals(ScoresCsv.COLUMNS, s.header());
        for (int i = 0; i < s.rowCount(); i++) assertEquals(p[0][i], s.number(i, 1), 1e-15);
        assertFalse(Files.exists(tmp.resolve("m1_scores.csv.provenance.json")));
    }

    @Test
    void caseStudyOfAnEnsembleShowsTheMembersRange() throws IOException {
        Path scores = tmp.resolve("cs_scores.csv"), out = tmp.resolve("cs");
        assertEquals(0, run("score", "--model", ens.toString(), "--data", TestData.demo().toString(), "-o", scores.toString()).exit());
        CliTest.Run r = run("case-study", "--model", ens.toString(), "--data", TestData.demo().toString(), "--top", "5", "-o", out.toString());
        assertEquals(0, r.exit(), r.err());
        Table t = Delimited.read(out.resolve("case_study.csv"));
        Table s = Delimited.read(scores);
        assertEquals(5, t.rowCount());
        for (int i = 0; i < 5; i++) {
            int row = s.ids().indexOf(t.text(i, t.column("id")));
            assertEquals(s.number(row, 1), t.number(i, t.column("score")), 1e-15);
            assertEquals(s.number(row, 3), t.number(i, t.column("score_low")), 1e-15);
            assertEquals(s.number(row, 4), t.number(i, t.column("score_high")), 1e-15);
            if (i > 0) assertTrue(s.number(row, 2) <= s.number(s.ids().indexOf(t.text(i - 1, t.column("id"))), 2), "ranked by the ensemble logit");
        }
    }

    @Test
    void bundlingZipsGivesTheSameEnsemble() throws IOException {
        Path bz = tmp.resolve("bzoo");
        CliTest.Run r = run("ensemble", "--members", m1 + "," + m2, "--name", "bundle", "--zoo", bz.toString());
        assertEquals(0, r.exit(), r.err());
        Path a = tmp.resolve("a.csv"), b = tmp.resolve("b.csv");
        assertEquals(0, run("score", "--model", ens.toString(), "--data", TestData.demo().toString(), "-o", a.toString()).exit());
        assertEquals(0, run("score", "--model", bz.resolve("bundle.zip").toString(), "--data", TestData.demo().toString(), "-o", b.toString()).exit());
        assertEquals(Files.readString(a), Files.readString(b));
        // the same zip twice: members are named by file name, so it is refused naming it
        CliTest.Run twice = run("ensemble", "--members", m1 + "," + m1, "--name", "x", "--zoo", bz.toString());
        assertEquals(2, twice.exit());
        assertTrue(twice.err().contains("m1.zip") && twice.err().contains("already listed"), twice.err());
        CliTest.Run nested = run("ensemble", "--members", ens + "," + m1, "--name", "x", "--zoo", bz.toString());
        assertEquals(2, nested.exit());
        assertTrue(nested.err().contains("is itself an ensemble"), nested.err());
        assertFalse(Files.exists(bz.resolve("x.zip")));
    }

    /** Audit issue 23, WEAK: MTI and no-MTI members were bundled into one ensemble silently. */
    @Test
    void membersThatDoNotAllReadMtiAreRefusedNamingEachSide() throws IOException {
        ModelConfig sized = TrainingRun.sizedFor(ModelConfig.defaults().withTraining(1, 32, 32, 1e-3, 3), demo);
        ModelConfig noMti = sized.withSize(sized.maxLength(), 3, 16, 2, 1, 16).withBranches(true, true, false);
        Path m3 = tmp.resolve("nomti.zip");
        ModelZip.save(m3, new NetworkMethod(noMti).fit(demo, IntStream.range(0, demo.labels().length).toArray(), 5, null).outcome().model());
        assertTrue(ModelZip.load(m1).config().useMti());
        assertFalse(ModelZip.load(m3).config().useMti());
        Path bz = tmp.resolve("mixed-zoo");
        CliTest.Run r = run("ensemble", "--members", m1 + "," + m2 + "," + m3, "--name", "mixed", "--zoo", bz.toString());
        assertEquals(2, r.exit(), r.err());
        List<String> errors = r.err().lines().filter(l -> l.startsWith("error: ")).toList();
        assertEquals(List.of("error: --members: " + m1 + ", " + m2 + " read MTI (predicted targets) but " + m3 + " does not; the members of"
                + " an ensemble must all read MTI or all not (bundle the MTI and the no-MTI models separately)"), errors, r.err());
        assertFalse(Files.exists(bz.resolve("mixed.zip")));
        // the same rule where the zip is written
        org.deephem.io.InputError e = org.junit.jupiter.api.Assertions.assertThrows(org.deephem.io.InputError.class,
                () -> EnsembleZip.save(bz.resolve("direct.zip"), List.of(new EnsembleZip.Member("a", ModelZip.load(m1)),
                        new EnsembleZip.Member("b", ModelZip.load(m3))), Map.of()));
        assertTrue(e.getMessage().startsWith("ensemble: a reads MTI (predicted targets) but b does not;"), e.getMessage());
        assertFalse(Files.exists(bz.resolve("direct.zip")));
    }

    @Test
    void aBrokenMemberIsRefusedNamingIt() throws IOException {
        byte[] good = Files.readAllBytes(m1);
        Path broken = handMade("broken.zip", List.of("good", "bad"), Map.of("good", good, "bad", java.util.Arrays.copyOf(good, 200)));
        Path out = tmp.resolve("never.csv");
        CliTest.Run r = run("score", "--model", broken.toString(), "--data", TestData.demo().toString(), "-o", out.toString());
        assertEquals(2, r.exit(), r.err());
        assertEquals(1, r.err().strip().lines().filter(l -> l.startsWith("error")).count(), r.err());
        assertTrue(r.err().contains("members/bad.zip"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(out));

        Path missing = handMade("missing.zip", List.of("good", "gone"), Map.of("good", good));
        CliTest.Run m = run("score", "--model", missing.toString(), "--data", TestData.demo().toString(), "-o", out.toString());
        assertEquals(2, m.exit());
        assertTrue(m.err().contains("member 'gone'"), m.err());
        Path unlisted = handMade("unlisted.zip", List.of("good", "good2"), Map.of("good", good, "good2", good, "extra", good));
        CliTest.Run u = run("score", "--model", unlisted.toString(), "--data", TestData.demo().toString(), "-o", out.toString());
        assertEquals(2, u.exit());
        assertTrue(u.err().contains("does not list"), u.err());
        assertFalse(Files.exists(out));
    }

    private static Path handMade(String name, List<String> listed, Map<String, byte[]> members) throws IOException {
        Path p = tmp.resolve(name);
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(p))) {
            z.putNextEntry(new ZipEntry("format.json"));
            z.write("{\"format\":\"deephem-j-ensemble\",\"version\":1}".getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("ensemble.json"));
            z.write(("{\"members\":[\"" + String.join("\",\"", listed) + "\"]}").getBytes(StandardCharsets.UTF_8));
            for (var e : members.entrySet()) {
                z.putNextEntry(new ZipEntry("members/" + e.getKey() + ".zip"));
                z.write(e.getValue());
            }
        }
        return p;
    }

    @Test
    void recordedScoresAreReproducedAndAChangeIsCaught() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("shipped"));
        Files.copy(m1, dir.resolve("one.zip"));
        Files.copy(ens, dir.resolve("two.zip"));
        // five demo human precursors, three of them with predicted targets
        Path fa = tmp.resolve("few.fa"), tg = tmp.resolve("few_targets.tsv");
        StringBuilder fasta = new StringBuilder(), targets = new StringBuilder("ID\tgene\n");
        List<String> withTargets = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = demo.target().ids().get(i);
            fasta.append('>').append(id).append('\n').append(demo.target().sequences().get(i)).append('\n');
            Set<String> genes = demo.humanTargets().get(id);
            if (genes != null && withTargets.size() < 3) {
                withTargets.add(id);
                for (String g : genes) targets.append(id).append('\t').append(g).append('\n');
            }
        }
        Files.writeString(fa, fasta);
        Files.writeString(tg, targets);
        assertFalse(withTargets.isEmpty());
        for (String zip : List.of("one.zip", "two.zip")) {
            CliTest.Run r = run("score", "--model", dir.resolve(zip).toString(), "--fasta", fa.toString(), "--targets", tg.toString(), "--record-expected");
            assertEquals(0, r.exit(), r.err());
        }
        assertEquals(List.of(dir.resolve("one.zip"), dir.resolve("two.zip")), ShippedModelsTest.checked(dir));
        List<ExpectedScores.Row> rows = ExpectedScores.read(dir.resolve("one.expected.csv"));
        assertEquals(5, rows.size());
        assertEquals(Set.copyOf(demo.humanTargets().get(withTargets.get(0))), rows.stream().filter(x -> x.id().equals(withTargets.get(0))).findFirst().orElseThrow().targets());
        assertEquals(List.of(), ShippedModelsTest.problems(dir));

        // the recorded file is what score -o writes for the same records
        Path out = tmp.resolve("few_scores.csv");
        assertEquals(0, run("score", "--model", dir.resolve("two.zip").toString(), "--fasta", fa.toString(), "--targets", tg.toString(), "-o", out.toString()).exit());
        Table scored = Delimited.read(out);
        for (int i = 0; i < 5; i++) assertEquals(ExpectedScores.read(dir.resolve("two.expected.csv")).get(i).score(), scored.number(i, 1), 0.0);

        // a score moved by 2e-6 (as a changed feature or graph loader would) is caught, naming the miRNA
        Path exp = dir.resolve("two.expected.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(exp));
        String[] cells = lines.get(2).split(",");
        cells[cells.length - 1] = Double.toString(Double.parseDouble(cells[cells.length - 1]) + 2e-6);
        lines.set(2, String.join(",", cells));
        Files.write(exp, lines);
        List<String> problems = ShippedModelsTest.problems(dir);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("two.zip: " + demo.target().ids().get(1)), problems.get(0));
    }

    @Test
    void membersSharingOneMtiBasisStoreItOnceAndGetItBack() throws IOException {
        // a small basis from made-up gene sets: the real one is 11 MB of text per member
        List<Set<String>> rows = new ArrayList<>();
        for (int i = 0; i < 60; i++) rows.add(Set.of("G" + (i % 23), "G" + (i % 17 + 30), "G" + (i % 11 + 60)));
        int k = fitted.members().get(0).fitReport().model().orElseThrow().config().mtiDim();
        org.deephem.features.MtiPca basis = org.deephem.features.MtiPca.fit(rows, k, 1);
        List<EnsembleZip.Member> members = new ArrayList<>();
        for (int m = 0; m < 2; m++) {
            org.deephem.zoo.TrainedModel t = fitted.members().get(m).fitReport().model().orElseThrow();
            members.add(new EnsembleZip.Member("m" + m, t.withPca(basis)));
        }
        Path shared = tmp.resolve("shared.zip");
        EnsembleZip.save(shared, members, Map.of());
        List<String> entries = new ArrayList<>();
        int basesInMembers = 0;
        try (var z = new java.util.zip.ZipFile(shared.toFile())) {
            for (var e : java.util.Collections.list(z.entries())) {
                entries.add(e.getName());
                if (e.getName().startsWith("members/")) {
                    try (var inner = new java.util.zip.ZipInputStream(z.getInputStream(e))) {
                        for (ZipEntry ie; (ie = inner.getNextEntry()) != null; ) if (ie.getName().equals("mti_pca_model.tsv")) basesInMembers++;
                    }
                }
            }
            assertEquals(EnsembleZip.SHARED_BASIS_VERSION, org.deephem.io.Json.mapper().readTree(z.getInputStream(z.getEntry("format.json"))).get("version").asInt());
        }
        assertTrue(entries.contains("shared/mti_pca_model.tsv"), entries.toString());
        assertEquals(0, basesInMembers, "the basis is stored once, not in each member");
        EnsembleZip.Loaded back = EnsembleZip.load(shared);
        for (EnsembleZip.Member m : back.members()) assertEquals(basis.toTsv(), m.model().pca().toTsv(), m.name());

        // members with different bases keep their own (version 1, as before)
        org.deephem.features.MtiPca other = org.deephem.features.MtiPca.fit(rows.subList(0, 45), k, 1);
        org.deephem.zoo.TrainedModel t1 = members.get(1).model();
        Path own = tmp.resolve("own.zip");
        EnsembleZip.save(own, List.of(members.get(0), new EnsembleZip.Member("m1", t1.withPca(other))), Map.of());
        EnsembleZip.Loaded back2 = EnsembleZip.load(own);
        assertEquals(basis.toTsv(), back2.members().get(0).model().pca().toTsv());
        assertEquals(other.toTsv(), back2.members().get(1).model().pca().toTsv());
    }

    @Test
    void theReportOfAnEnsembleNamesItsMembers() throws IOException {
        Path reports = tmp.resolve("reports");
        Path runDir = Files.createDirectories(reports.resolve("ens"));
        CliTest.Run sc = run("score", "--model", ens.toString(), "--data", TestData.demo().toString(), "-o", runDir.resolve("scores.csv").toString());
        assertEquals(0, sc.exit(), sc.err());
        CliTest.Run r = run("report", "--run", "ens", "--data", TestData.demo().toString(), "--zoo", zoo.toString(), "--reports", reports.toString());
        assertEquals(0, r.exit(), r.err());
        String page = Files.readString(runDir.resolve("index.html"));
        assertTrue(page.contains("mean of 2 members, seeds "), "the ensemble's seeds are in the provenance");
    }
}
