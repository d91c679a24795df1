package org.deephem.zoo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.deephem.io.Hashing;

/** Where a model came from: data hashes, versions, code commit. */
public final class Provenance {
    public static final String ND4J_VERSION = "1.0.0-M2.1";
    public static final String APP_VERSION = "0.1.0";

    private Provenance() {}

    /** SHA-256 of every regular file of a dataset folder (name → hash), manifest included. */
    public static Map<String, String> datasetHashes(Path dir) {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .forEach(p -> m.put(p.getFileName().toString(), Hashing.sha256(p)));
        } catch (IOException e) {
            m.put("error", e.getMessage());
        }
        return m;
    }

    public static Map<String, Object> environment() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("deephem_j", APP_VERSION);
        m.put("nd4j", ND4J_VERSION);
        m.put("java", System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        m.put("git_commit", gitCommit());
        return m;
    }

    /** The current git commit, or "unknown" outside a checkout. */
    static String gitCommit() {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "unknown";
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.exitValue() == 0 && out.matches("[0-9a-f]{40}") ? out : "unknown";
        } catch (IOException | InterruptedException e) {
            return "unknown";
        }
    }
}
