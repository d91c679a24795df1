package org.deephem.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.deephem.io.Hashing;
import org.deephem.io.Json;
import org.junit.jupiter.api.Test;

/** The reports committed under notebooks-equivalent-reports/ and the notes of model-zoo/. */
class CommittedReportsTest {
    static List<Path> textFiles() throws IOException {
        List<Path> out = new ArrayList<>();
        for (String dir : List.of("notebooks-equivalent-reports", "model-zoo")) {
            try (Stream<Path> s = Files.walk(Path.of(dir))) {
                s.filter(p -> p.toString().matches(".*\\.(html|json|md|csv)")).sorted().forEach(out::add);
            }
        }
        return out;
    }

    /** Paths in them are relative (to the run folder or the working directory) or bare names: no machine's folders. */
    @Test
    void noAbsoluteFoldersOfTheMachineThatMadeThem() throws IOException {
        Pattern machine = Pattern.compile("(?<![\\w.$])/(work|tmp|home|root|Users|mnt|var)/[A-Za-z]");
        List<Path> files = textFiles();
        assertTrue(files.size() > 50, "the committed reports are there: " + files.size());
        for (Path f : files) {
            Matcher m = machine.matcher(Files.readString(f));
            if (m.find()) {
                String text = Files.readString(f);
                throw new AssertionError(f + ": " + text.substring(Math.max(0, m.start() - 40), Math.min(text.length(), m.end() + 60)));
            }
        }
    }

    /** Every SHA-256 a provenance file records for a file beside it is that file's (after any rewrite of the file). */
    @Test
    void recordedHashesMatchTheFiles() throws IOException {
        int checked = 0;
        for (Path f : textFiles()) {
            if (!f.toString().endsWith(".json")) continue;
            Map<?, ?> p = Json.mapper().readValue(f.toFile(), Map.class);
            if (!(p.get("files_sha256") instanceof Map<?, ?> files)) continue;
            for (var e : files.entrySet()) {
                assertEquals(Hashing.sha256(f.resolveSibling((String) e.getKey())), e.getValue(), f + ": " + e.getKey());
                checked++;
            }
        }
        assertTrue(checked > 10, "hashes checked: " + checked);
    }
}
