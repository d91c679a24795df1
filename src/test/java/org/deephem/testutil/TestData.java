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

    /** The shared raw sources, or a skipped test with a clear message. */
    public static Path rawOrSkip() {
        String env = System.getenv("DEEPHEM_RAW");
        Path p = env != null ? Path.of(env) : Path.of("..", "shared", "data", "raw");
        String why = "SKIPPED: real raw data not found at " + p.toAbsolutePath().normalize()
                + " (set DEEPHEM_RAW or place shared/data/raw beside the repo)";
        // surefire does not print assumption messages from @BeforeAll, so say it here too
        if (!Files.isDirectory(p.resolve("xgem"))) System.err.println(why);
        Assumptions.assumeTrue(Files.isDirectory(p.resolve("xgem")), why);
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
}
