package org.deephem.zoo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every model shipped in {@code model-zoo/} with a {@code <name>.expected.csv} beside it (written
 * by {@code score --fasta … --record-expected} when it was trained) must still give the recorded
 * scores, to 1e-6: a change in folding, features, scaling, graph loading or ensemble averaging
 * that alters what an old model says fails here. The mechanism itself is tested on a demo-trained
 * model in {@code org.deephem.ensemble.SavedEnsembleTest}.
 */
public class ShippedModelsTest {
    public static final double TOLERANCE = 1e-6;

    /** The zips of {@code dir} that have an expected-scores file. */
    public static List<Path> checked(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) return out;
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                if (p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip") && Files.isRegularFile(ExpectedScores.fileFor(p))) out.add(p);
            }
        }
        return out;
    }

    /** One line per miRNA whose score moved by more than the tolerance, over every checked zip. */
    public static List<String> problems(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        for (Path zip : checked(dir)) {
            for (ExpectedScores.Mismatch m : ExpectedScores.check(zip, ExpectedScores.fileFor(zip), TOLERANCE)) {
                out.add(String.format(Locale.ROOT, "%s: %s recorded %.9f, now %.9f", zip.getFileName(), m.id(), m.expected(), m.now()));
            }
        }
        return out;
    }

    @Test
    void everyShippedModelGivesItsRecordedScores() throws IOException {
        Path zoo = Path.of("model-zoo");
        List<Path> zips = checked(zoo);
        Assumptions.assumeFalse(zips.isEmpty(), "no model in " + zoo.toAbsolutePath().normalize()
                + " has a <name>.expected.csv beside it (none shipped yet): nothing to check");
        List<String> problems = problems(zoo);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
