package org.deephem.zoo;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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

    /** The zips that the model zoo's README lists in its table as shipped (demo.zip is made by the quick start, not shipped). */
    public static List<String> listedInReadme(Path zoo) throws IOException {
        List<String> out = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^\\| `([A-Za-z0-9._-]+\\.zip)`").matcher(Files.readString(zoo.resolve("README.md")));
        while (m.find()) if (!m.group(1).equals("demo.zip")) out.add(m.group(1));
        return out;
    }

    /** An expected-scores file without its zip: the guard would silently check nothing. */
    public static List<String> orphans(Path zoo) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(zoo)) {
            for (Path p : s.sorted().toList()) {
                String n = p.getFileName().toString();
                if (!n.endsWith(ExpectedScores.SUFFIX)) continue;
                Path zip = p.resolveSibling(n.substring(0, n.length() - ExpectedScores.SUFFIX.length()) + ".zip");
                if (!Files.isRegularFile(zip)) out.add(n + " has no " + zip.getFileName() + " beside it");
            }
        }
        return out;
    }

    @Test
    void everyExpectedScoresFileHasItsModelAndTheReadmeListsOnlyThoseModels() throws IOException {
        Path zoo = Path.of("model-zoo");
        List<String> problems = new ArrayList<>(orphans(zoo));
        List<String> listed = listedInReadme(zoo);
        assertFalse(listed.isEmpty(), "model-zoo/README.md lists no shipped model in its table");
        for (String z : listed) {
            if (!Files.isRegularFile(zoo.resolve(z))) problems.add("model-zoo/README.md lists " + z + " but model-zoo/" + z + " does not exist");
            if (!Files.isRegularFile(ExpectedScores.fileFor(zoo.resolve(z)))) problems.add(z + " is shipped without its " + ExpectedScores.fileFor(zoo.resolve(z)).getFileName());
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** What a fresh clone has is what git holds: every listed model must be a tracked file, not a file left on this machine. */
    @Test
    void everyListedModelIsTrackedByGit() throws Exception {
        Path zoo = Path.of("model-zoo");
        java.util.Optional<List<String>> tracked = gitTracked(zoo);
        Assumptions.assumeTrue(tracked.isPresent(), "not a git checkout, or git is not installed: cannot tell which of "
                + listedInReadme(zoo) + " a fresh clone would have");
        List<String> missing = new ArrayList<>();
        for (String z : listedInReadme(zoo)) {
            if (!tracked.get().contains("model-zoo/" + z)) missing.add("model-zoo/" + z + " is listed as shipped but git does not track it (a fresh clone lacks it; check .gitignore)");
        }
        assertTrue(missing.isEmpty(), String.join("\n", missing));
    }

    private static java.util.Optional<List<String>> gitTracked(Path zoo) throws InterruptedException {
        try {
            Process p = new ProcessBuilder("git", "ls-files", "--", zoo.toString()).redirectErrorStream(false).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            p.getErrorStream().readAllBytes();
            if (p.waitFor() != 0) return java.util.Optional.empty();
            return java.util.Optional.of(out.lines().toList());
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    @Test
    void everyShippedModelGivesItsRecordedScores() throws IOException {
        Path zoo = Path.of("model-zoo");
        List<Path> zips = checked(zoo);
        // the test above fails when a listed model or its expected file is missing; here there must be something to check
        assertFalse(zips.isEmpty(), "no model in " + zoo + " has a <name>.expected.csv beside it");
        List<String> problems = problems(zoo);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** The default that `score` uses without --model rides in the jar: it must be the committed file, byte for byte. */
    @Test
    void theDefaultInTheJarIsTheCommittedFile() throws IOException {
        byte[] inJar;
        try (java.io.InputStream in = ShippedModels.class.getResourceAsStream(ShippedModels.RESOURCE)) {
            assertNotNull(in, "the build did not copy model-zoo/" + ShippedModels.DEFAULT + ".zip into the classes");
            inJar = in.readAllBytes();
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(Files.readAllBytes(Path.of("model-zoo", ShippedModels.DEFAULT + ".zip")), inJar);
    }
}
