package org.deephem.testutil;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** Locations of the demo data (always present) and the shared raw data (may be absent). */
public final class TestData {
    private TestData() {}

    public static Path demo() {
        return Path.of("data");
    }

    /** Where the shared raw sources are expected ({@code DEEPHEM_RAW} or ../shared/data/raw). */
    public static Path rawLocation() {
        String env = System.getenv("DEEPHEM_RAW");
        return env != null ? Path.of(env) : Path.of("..", "shared", "data", "raw");
    }

    /** True when the shared raw sources are there. */
    public static boolean rawPresent() {
        return Files.isDirectory(rawLocation().resolve("xgem"));
    }

    /**
     * The shared raw sources, or the calling test is skipped with a message naming the missing
     * folder. Call it from each test or from {@code @BeforeEach}, not {@code @BeforeAll}: a
     * skipped class setup leaves no trace in surefire's report, a skipped test shows with its reason.
     */
    public static Path rawOrSkip() {
        Path p = rawLocation();
        String why = "real raw data not found: " + p.toAbsolutePath().normalize().resolve("xgem")
                + " is missing (set DEEPHEM_RAW or place shared/data/raw beside the repository)";
        // the console's surefire summary counts skips without reasons: say it there once as well
        if (!rawPresent() && !told) {
            told = true;
            System.err.println("SKIPPED: " + why);
        }
        Assumptions.assumeTrue(rawPresent(), why);
        return p;
    }

    private static volatile boolean told;

    /** RNAfold 2.7.1 reference folds of the shared precursors, or a skipped test with a clear message. */
    public static Path rnafoldReferenceOrSkip() {
        Path p = rawOrSkip().resolveSibling("reference").resolve("rnafold-2.7.1");
        String why = "SKIPPED: RNAfold reference folds not found at " + p.toAbsolutePath().normalize();
        if (!Files.isRegularFile(p.resolve("hsa_mmu_d2.tsv"))) System.err.println(why);
        Assumptions.assumeTrue(Files.isRegularFile(p.resolve("hsa_mmu_d2.tsv")), why);
        return p;
    }

    /** A copy of the demo dataset in {@code dir}, to corrupt in tests. */
    public static Path demoCopy(Path dir) throws IOException {
        Path out = dir.resolve("demo");
        Files.createDirectories(out);
        try (Stream<Path> s = Files.list(demo())) {
            for (Path f : (Iterable<Path>) s::iterator) Files.copy(f, out.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        return out;
    }

    /**
     * The demo dataset re-cut to canonical windows, written to {@code dir/demo-canonical}: each
     * row gets made-up matures from its own sequence (none, a 5' one, a 3' one or both, in turn)
     * so that every placement occurs; folding, features and MTI PCA are recomputed on the windows
     * as {@code build-dataset --window canonical} does. Built once per folder.
     */
    public static Path canonicalDemo(Path dir) {
        Path out = dir.resolve("demo-canonical");
        if (Files.isDirectory(out)) return out;
        org.deephem.data.DeepHemDataset d = org.deephem.data.DatasetReader.read(demo());
        java.util.List<String> ids = new java.util.ArrayList<>(), seqs = new java.util.ArrayList<>();
        for (org.deephem.data.Domain dom : java.util.List.of(d.source(), d.unlabelledMouse(), d.target())) {
            ids.addAll(dom.ids());
            seqs.addAll(dom.sequences());
        }
        java.util.List<java.util.List<org.deephem.features.Mature>> ms = new java.util.ArrayList<>();
        for (int i = 0; i < seqs.size(); i++) {
            String s = seqs.get(i);
            java.util.List<org.deephem.features.Mature> m = new java.util.ArrayList<>();
            if (i % 4 == 1 || i % 4 == 3) m.add(new org.deephem.features.Mature("m5-5p", s.substring(3, 24)));
            if (i % 4 == 2 || i % 4 == 3) m.add(new org.deephem.features.Mature("m3-3p", s.substring(s.length() - 25, s.length() - 4)));
            ms.add(m);
        }
        org.deephem.features.HairpinWindow[] w = org.deephem.features.WindowRule.CANONICAL.windows(seqs, ms,
                new org.deephem.features.FeatureCalculator(), "demo");
        java.util.Map<String, Integer> lengths = new java.util.HashMap<>();
        java.util.Map<String, org.deephem.features.HairpinWindow> windows = new java.util.HashMap<>();
        java.util.Map<String, java.util.List<org.deephem.features.Mature>> matures = new java.util.HashMap<>();
        java.util.List<String> cut = new java.util.ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            lengths.put(ids.get(i), seqs.get(i).length());
            windows.put(ids.get(i), w[i]);
            matures.put(ids.get(i), ms.get(i));
            cut.add(w[i].cut(seqs.get(i)));
        }
        java.util.Map<String, java.util.Set<String>> targets = new java.util.HashMap<>(d.mouseTargets());
        targets.putAll(d.humanTargets());
        org.deephem.data.FeatureAssembly.Result f = org.deephem.data.FeatureAssembly.compute(ids, cut, matures, targets, 8, 42, 2);
        int a = d.source().size(), b = a + d.unlabelledMouse().size();
        java.util.Map<String, double[]> cons = new java.util.HashMap<>(), dsw = new java.util.HashMap<>();
        for (String id : d.target().ids()) {
            cons.put(id, new double[] {d.conservation().get(id)});
            dsw.put(id, new double[] {d.dsw().get(id)});
        }
        java.util.Map<String, Object> manifest = new java.util.LinkedHashMap<>();
        manifest.put("kind", "synthetic demo (not biology), canonical windows of made-up matures (test)");
        manifest.put(org.deephem.features.Dangles.KEY, org.deephem.features.Dangles.record(2));
        manifest.put(org.deephem.features.WindowRule.KEY, org.deephem.features.WindowRule.CANONICAL.record());
        java.util.Map<String, java.util.Set<String>> mouseTargets = new java.util.HashMap<>(d.mouseTargets());
        org.deephem.data.DatasetWriter.write(out, new org.deephem.data.BuiltDataset(ids.subList(0, a), cut.subList(0, a), d.labels(),
                ids.subList(a, b), cut.subList(a, b), ids.subList(b, ids.size()), cut.subList(b, ids.size()), mouseTargets, d.humanTargets(),
                f.inherent(), f.pca(), f.scores(), cons, java.util.List.of("score"), dsw, java.util.List.of("score"), manifest, lengths, windows));
        return out;
    }

    /** The sorted names in a folder, to check that nothing (no temp file, no half output) was left. */
    public static java.util.List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
