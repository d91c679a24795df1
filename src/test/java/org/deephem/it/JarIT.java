package org.deephem.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the shaded jar as a user would ({@code java -jar target/deephem.jar …}): writing and
 * reading xlsx, folding, training, saving and scoring through the shaded class path, where a
 * dependency clash would show up as NoSuchMethodError at run time.
 */
class JarIT {
    @TempDir
    Path tmp;

    record Out(int exit, String text) {}

    static Out jar(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of("target", "deephem.jar").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("OMP_NUM_THREADS", "1");
        Process p = pb.start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Out(p.waitFor(), text);
    }

    /** The pom's nd4j.extension: the native build of libnd4j the jar carries ("-onednn"; "" for the generic build). */
    private static String nd4jExtension() throws IOException {
        var m = java.util.regex.Pattern.compile("<nd4j\\.extension>([^<]*)</nd4j\\.extension>").matcher(Files.readString(Path.of("pom.xml")));
        return m.find() ? m.group(1) : "";
    }

    /**
     * JavaCPP finds the versions of javacpp and openblas from their pom.properties: the shade filter
     * keeps those two (and only org.bytedeco's), so starting ND4J prints no "Version of
     * org.bytedeco:openblas could not be found" warning.
     */
    @Test
    void jarKeepsJavaCppVersionFilesAndStartsWithoutVersionWarning() throws Exception {
        List<String> kept = new ArrayList<>();
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(Path.of("target", "deephem.jar").toFile())) {
            z.stream().map(java.util.zip.ZipEntry::getName).filter(n -> n.startsWith("META-INF/maven/") && !n.endsWith("/")).forEach(kept::add);
        }
        assertEquals(List.of("META-INF/maven/org.bytedeco/javacpp/pom.properties", "META-INF/maven/org.bytedeco/openblas/pom.properties"),
                kept.stream().sorted().toList());
        // the natives of ND4J, OpenBLAS and JavaCPP are those of the pom's one platform (README, "Platforms"),
        // ND4J's in the one native build the pom names (issue 25: linux-x86_64-onednn)
        String platform = Files.readString(Path.of("pom.xml")).replaceFirst("(?s).*<javacpp\\.platform>([^<]+)</javacpp\\.platform>.*", "$1");
        String nd4jBuild = platform + nd4jExtension();
        java.util.Set<String> platforms = new java.util.TreeSet<>();
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(Path.of("target", "deephem.jar").toFile())) {
            var native_ = java.util.regex.Pattern.compile("(org/bytedeco/[^/]+|org/nd4j/linalg/cpu/nativecpu/bindings)/([^/]+)/.*");
            z.stream().map(e -> native_.matcher(e.getName())).filter(java.util.regex.Matcher::matches)
                    .map(m -> m.group(2)).filter(d -> d.matches("(linux|macosx|windows|android|ios)-.*")).forEach(platforms::add);
        }
        assertEquals(new java.util.TreeSet<>(java.util.Set.of(platform, nd4jBuild)), platforms);
        // a missing model is reported after ND4J has started, which is when JavaCPP checks versions
        Out start = jar("score", "--model", tmp.resolve("missing.zip").toString(), "--fasta", tmp.resolve("x.fa").toString(),
                "-o", tmp.resolve("s.csv").toString());
        assertEquals(2, start.exit(), start.text());
        assertTrue(start.text().contains("ND4J 1.0.0-M2.1 backend: nd4j-native"), "ND4J started: " + start.text());
        assertTrue(!start.text().contains("could not be found") && !start.text().contains("Warning"), start.text());
    }

    /**
     * A grid killed mid-way and started again finishes without recomputing a finished cell: the
     * harness is killed as soon as its first cell file appears (its children go with it), then
     * the same command reuses that file untouched and runs only the rest.
     */
    @Test
    void compareKilledMidwayResumesWithoutRecomputing() throws Exception {
        Path out = tmp.resolve("grid");
        String[] args = {"compare", "--data", "data", "-o", out.toString(), "--methods", "neg_length,gc_content,mature_count",
                "--seeds", "1,2", "--cv", "0"};
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of("target", "deephem.jar").toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("first.log").toFile()).start();
        Path cells = out.resolve("cells");
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (System.nanoTime() < deadline && p.isAlive() && !anyCellFile(cells)) Thread.sleep(100);
        p.destroy();
        p.waitFor();
        List<Path> kept;
        try (var s = Files.list(cells)) {
            kept = s.filter(f -> f.toString().endsWith(".json")).toList();
        }
        assertTrue(!kept.isEmpty() && kept.size() < 6, "killed after some, before all cells: " + kept);
        var times = new java.util.HashMap<Path, java.nio.file.attribute.FileTime>();
        for (Path f : kept) times.put(f, Files.getLastModifiedTime(f));
        Out again = jar(args);
        assertEquals(0, again.exit(), again.text());
        assertTrue(again.text().contains(kept.size() + " done earlier, " + (6 - kept.size()) + " to run"), again.text());
        for (Path f : kept) assertEquals(times.get(f), Files.getLastModifiedTime(f), "not recomputed: " + f);
        assertTrue(again.text().contains("compare: 6 cells (" + (6 - kept.size()) + " run now, " + kept.size() + " reused)"), again.text());
        assertTrue(Files.exists(out.resolve("compare_summary.csv")));
    }

    private static boolean anyCellFile(Path cells) throws IOException {
        if (!Files.isDirectory(cells)) return false;
        try (var s = Files.list(cells)) {
            return s.anyMatch(f -> f.toString().endsWith(".json"));
        }
    }

    @Test
    void demoEndToEndThroughTheShadedJar() throws Exception {
        Path demo = tmp.resolve("demo");
        Out make = jar("make-demo", "--out", demo.toString());
        assertEquals(0, make.exit(), make.text());
        assertTrue(make.text().contains("60 essential, 60 non-essential"), make.text());

        Out train = jar("train", "--data", demo.toString(), "--epochs", "2", "--name", "it", "--zoo", tmp.resolve("zoo").toString(),
                "--out", tmp.resolve("report").toString(), "--seed", "5", "--split-seed", "3");
        assertEquals(0, train.exit(), train.text());
        assertTrue(train.text().contains("selected epoch"), train.text());
        assertTrue(train.text().contains("seeds: split 3, init 5, order 5"), train.text());
        assertTrue(train.text().contains("not an accuracy estimate"), train.text());
        assertTrue(Files.readAllLines(tmp.resolve("report").resolve("training_log.csv")).get(0).contains(",selection_auc,selection_logloss,"));
        assertTrue(!train.text().contains("Added differentiated op"), "SameDiff chatter must be filtered");
        assertTrue(!train.text().contains("Warning: Version of"), "JavaCPP finds its version files: " + train.text());
        assertTrue(Files.exists(tmp.resolve("report").resolve("training_curves.png")));
        String build = Files.readString(Path.of("pom.xml")).replaceFirst("(?s).*<javacpp\\.platform>([^<]+)</javacpp\\.platform>.*", "$1") + nd4jExtension();
        assertTrue(train.text().contains("ND4J 1.0.0-M2.1 backend: nd4j-native " + build + " (CPU, 1 ND4J thread)"), train.text());
        String provenance;
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(tmp.resolve("zoo").resolve("it.zip").toFile())) {
            provenance = new String(z.getInputStream(z.getEntry("provenance.json")).readAllBytes(), StandardCharsets.UTF_8);
        }
        // recorded from the build information inside the jar, not from the folder the jar runs in
        assertTrue(provenance.contains("\"nd4j_backend\" : \"nd4j-native\"") && provenance.contains("\"device\" : \"CPU\""), provenance);
        assertTrue(provenance.contains("\"nd4j_build\" : \"" + build + "\""), provenance);
        assertTrue(provenance.matches("(?s).*\"git_commit\" : \"([0-9a-f]{40}|unknown)\".*"), provenance);

        Path scores = tmp.resolve("scores.csv");
        Out score = jar("score", "--model", tmp.resolve("zoo").resolve("it.zip").toString(), "--data", demo.toString(), "-o", scores.toString());
        assertEquals(0, score.exit(), score.text());
        List<String> lines = Files.readAllLines(scores);
        assertEquals("id,score,logit,percentile", lines.get(0)); // a trained zip carries its human scores as the reference
        assertEquals(201, lines.size());
        assertEquals(Files.readAllLines(tmp.resolve("report").resolve("human_scores.csv")), lines,
                "scores from the reloaded zip equal those written at training time");

        Path fa = tmp.resolve("novel.fa");
        Files.writeString(fa, ">novel-1\nGGCUGAGGUAGUAGGUUGUAUAGUUAGAAAAUACUAUACAACCUACUACCUCAGCC\n>novel-2\nACGUACGUAGCUAGCUAGCUAGCAUCGAUCGAUCGAUGCAUGCUAGCUAGCUAGC\n");
        Path fscores = tmp.resolve("novel.csv");
        Out novel = jar("score", "--model", tmp.resolve("zoo").resolve("it.zip").toString(), "--fasta", fa.toString(), "-o", fscores.toString());
        assertEquals(0, novel.exit(), novel.text());
        List<String> nl = Files.readAllLines(fscores);
        assertEquals(3, nl.size());
        for (String l : nl.subList(1, 3)) {
            double v = Double.parseDouble(l.split(",")[1]);
            assertTrue(v >= 0 && v <= 1, l);
        }

        Out version = jar("--version");
        assertEquals(0, version.exit(), version.text());
        String pomVersion = Files.readString(Path.of("pom.xml")).replaceFirst("(?s).*?<artifactId>deephem-j</artifactId>\\s*<version>([^<]+)</version>.*", "$1");
        assertTrue(version.text().startsWith("DeepHEM-J " + pomVersion + ", commit "), version.text());
        assertTrue(version.text().strip().endsWith("ND4J 1.0.0-M2.1 nd4j-native"), version.text());

        Out bad = jar("inspect", tmp.resolve("missing").toString());
        assertEquals(2, bad.exit(), bad.text());
    }

    /** The one-command pipeline on the committed demo data, as the README's quick start runs it (with 1 epoch). */
    @Test
    void allOnTheDemoDataWritesACompleteReport() throws Exception {
        Path zoo = tmp.resolve("zoo"), reports = tmp.resolve("reports");
        Out all = jar("all", "--data", "data", "--epochs", "1", "--seeds", "1,2", "--folds", "2", "--repeats", "1", "--cv-epochs", "1",
                "--comparison-set", "data", "--zoo", zoo.toString(), "--reports", reports.toString());
        assertEquals(0, all.exit(), all.text());
        Path index = reports.resolve("demo").resolve("index.html");
        assertTrue(all.text().contains("report: " + index.toAbsolutePath().normalize()), all.text());
        assertTrue(Files.exists(zoo.resolve("demo.zip")));
        assertEquals(Files.readAllLines(reports.resolve("demo").resolve("human_scores.csv")),
                Files.readAllLines(reports.resolve("demo").resolve("scores.csv")), "the score step reloads the saved model");
        String html = Files.readString(index);
        for (String section : org.deephem.testutil.ReportPages.SECTIONS) assertTrue(html.contains(section), section);
        var images = org.deephem.testutil.ReportPages.embeddedImages(html);
        assertEquals(6, images.size(), "headline, heat map, trend plots, training curves, CV ROC and PR");
        for (var img : images) assertTrue(org.deephem.testutil.ReportPages.greyVariance(img) > 100, "image decodes and is not blank");
        Path dir = reports.resolve("demo");
        for (String f : List.of("correlation_heatmap.svg", "training_curves.svg", "human_correlations.xlsx", "index.provenance.json",
                "human_correlations_summary.csv", "circularity_audit.csv", "cv_mean_sd.csv", "cv_roc.svg", "cv_pr.png",
                "cv_folds.csv", "cv_summary.csv", "cv_curves.csv", "cv_predictions.csv", "cv_provenance.json",
                "seeds/deephem_seed2_human_scores.csv", "seeds/deephem-nomti_seed1_human_scores.csv",
                "cv_xgem_dataset1.csv", "xgem-dataset1/cv_folds.csv")) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        }
        // both twins over both seeds, all three coefficients, every baseline; CV of both twins and the baselines
        tech.tablesaw.api.Table corr = tech.tablesaw.api.Table.read().csv(dir.resolve("human_correlations.csv").toString());
        for (String m : List.of("deephem", "deephem-nomti")) {
            var rows = corr.where(corr.stringColumn("method").isEqualTo(m));
            assertEquals(2 * 2 * 3, rows.rowCount(), m + ": 2 seeds x 2 indicators x 3 coefficients");
        }
        tech.tablesaw.api.Table sum = tech.tablesaw.api.Table.read().csv(dir.resolve("human_correlations_summary.csv").toString());
        var twin = sum.where(sum.stringColumn("method").isEqualTo("deephem-nomti"));
        assertEquals(2, twin.intColumn("seeds").get(0));
        tech.tablesaw.api.Table cv = tech.tablesaw.api.Table.read().csv(dir.resolve("cv_mean_sd.csv").toString());
        assertTrue(cv.stringColumn("method").asList().containsAll(List.of("deephem", "deephem-nomti", "logistic", "neg_mfe")), cv.print());
        assertTrue(html.contains("accuracy on mouse only"), "the CV is said to be mouse only");
        assertTrue(html.contains("The human scores of deephem-nomti") && html.contains("over 2 seeds"), "the twin is compared with the baselines");
        for (String baseline : List.of("neg_mfe", "mature_count", "has_mti_target")) assertTrue(html.contains(baseline), baseline);

        // `report` alone re-reads the seed runs and the cross-validation that `all` left, and redraws the same tables
        List<String> corrBefore = Files.readAllLines(dir.resolve("human_correlations.csv"));
        List<String> cvBefore = Files.readAllLines(dir.resolve("cv_mean_sd.csv"));
        List<String> cmpBefore = Files.readAllLines(dir.resolve("cv_xgem_dataset1.csv"));
        Out again = jar("report", "--run", "demo", "--data", "data", "--zoo", zoo.toString(), "--reports", reports.toString());
        assertEquals(0, again.exit(), again.text());
        assertEquals(corrBefore, Files.readAllLines(dir.resolve("human_correlations.csv")), "same correlation table from report alone");
        assertEquals(cvBefore, Files.readAllLines(dir.resolve("cv_mean_sd.csv")), "same CV table from report alone");
        assertEquals(cmpBefore, Files.readAllLines(dir.resolve("cv_xgem_dataset1.csv")), "same comparison-set table from report alone");
        assertEquals(6, org.deephem.testutil.ReportPages.embeddedImages(Files.readString(index)).size(), "CV curves redrawn too");
    }
}
