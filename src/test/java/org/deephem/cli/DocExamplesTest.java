package org.deephem.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.deephem.io.InputError;
import org.deephem.io.Outputs;
import org.junit.jupiter.api.Test;

/** The commands the documentation shows, checked against the repository they would run in. */
class DocExamplesTest {
    /** Every markdown file a user reads commands from: README, docs/, model-zoo/, the reports' HOW-MADE notes. */
    static List<Path> docs() throws IOException {
        List<Path> out = new ArrayList<>(List.of(Path.of("README.md"), Path.of("model-zoo", "README.md")));
        for (String dir : List.of("docs", "notebooks-equivalent-reports")) {
            try (Stream<Path> s = Files.walk(Path.of(dir))) {
                s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(out::add);
            }
        }
        return out;
    }

    /** Commands as one line each: backslash continuations joined. */
    static List<String> commands(Path doc) throws IOException {
        return List.of(Files.readString(doc).replaceAll("\\\\\\n\\s*", " ").split("\\n"));
    }

    private static String option(String cmd, String name, String otherwise) {
        Matcher m = Pattern.compile("\\s" + Pattern.quote(name) + "[ =](\\S+)").matcher(cmd);
        return m.find() ? m.group(1) : otherwise;
    }

    /** The pom's native platform, as the jar is built by default. */
    static String pomPlatform() throws IOException {
        Matcher m = Pattern.compile("<javacpp\\.platform>([^<]+)</javacpp\\.platform>").matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(m.find(), "pom.xml sets javacpp.platform");
        return m.group(1);
    }

    /** The README says which platform the jar runs on (the pom's) and how to build for another one. */
    @Test
    void readmeNamesThePlatformOfTheJarAndHowToBuildForAnother() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String platform = pomPlatform();
        assertTrue(readme.contains("`javacpp.platform` property, `" + platform + "` by\ndefault")
                || readme.contains("`javacpp.platform` property, `" + platform + "` by default"), "README names " + platform);
        assertTrue(readme.matches("(?s).*`mvn [^`]*-Djavacpp\\.platform=[a-z0-9_-]+ package`.*"), "README shows the build for another platform");
    }

    /**
     * A train example run as written must not add its logs to a committed report folder (the
     * default --out is notebooks-equivalent-reports/<name>, where the real-data reports live):
     * its --out is one train accepts in this checkout.
     */
    @Test
    void trainExamplesWriteIntoFoldersTrainAccepts() throws IOException {
        int seen = 0;
        for (Path doc : docs()) {
            for (String cmd : commands(doc)) {
                Matcher m = Pattern.compile("deephem\\.jar train (.*)").matcher(cmd);
                if (!m.find()) continue;
                String args = " " + m.group(1).replaceAll("`.*", "");
                String name = option(args, "--name", "deephem");
                Path out = Path.of(option(args, "--out", "notebooks-equivalent-reports/" + name));
                seen++;
                try {
                    Outputs.requireOwnFolder("--out", out, "train", org.deephem.pipeline.TrainingJob.OUT_FILES);
                } catch (InputError e) {
                    throw new AssertionError(doc + ": `train" + args + "` would be refused: " + e.getMessage(), e);
                }
            }
        }
        assertTrue(seen >= 2, "found the README's real-data train example and model-zoo's: " + seen);
    }
}
