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

    /** The sorted names in a folder, to check that nothing (no temp file, no half output) was left. */
    public static java.util.List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
