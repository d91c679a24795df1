package org.deephem.zoo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Properties;

/**
 * What this jar was built from, captured by Maven at build time (resource filtering of
 * {@code build-info.properties}): the app version (the pom is the only place it is written), the
 * ND4J version and backend artifact, and the git commit. Read at run time instead of asking
 * {@code git} in whatever folder the user happens to be in.
 *
 * @param backend the ND4J backend artifact compiled in: {@code nd4j-native} or {@code nd4j-cuda-11.6}
 * @param gitCommit the commit checked out when the jar was built (40 hex digits), or "unknown" when
 *     built outside a git checkout; uncommitted changes are not recorded
 */
public record BuildInfo(String version, String nd4jVersion, String backend, String gitCommit) {
    public static final String UNKNOWN = "unknown";
    static final String RESOURCE = "build-info.properties";
    /** Written by the build with the output of {@code git rev-parse HEAD} (see pom.xml). */
    static final String COMMIT_RESOURCE = "git-commit.txt";

    private static final BuildInfo CURRENT = load();

    /** The build information of the running jar (or class path). */
    public static BuildInfo current() {
        return CURRENT;
    }

    private static BuildInfo load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the build information in the jar", e);
        }
        try (InputStream in = BuildInfo.class.getResourceAsStream(COMMIT_RESOURCE)) {
            if (in != null) p.setProperty("git.commit", new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the build's git commit in the jar", e);
        }
        return from(p);
    }

    /** Reads the filtered properties; a missing value or an unfilled ${placeholder} is "unknown". */
    static BuildInfo from(Properties p) {
        String commit = value(p, "git.commit");
        if (!commit.matches("[0-9a-f]{40}")) {
            String env = value(p, "git.commit.env").toLowerCase(Locale.ROOT);
            commit = env.matches("[0-9a-f]{7,40}") ? env : UNKNOWN;
        }
        return new BuildInfo(value(p, "version"), value(p, "nd4j.version"), value(p, "nd4j.backend"), commit);
    }

    private static String value(Properties p, String key) {
        String v = p.getProperty(key, "").strip();
        return v.isEmpty() || v.contains("${") ? UNKNOWN : v;
    }

    /** True for a jar built with the CUDA profile. */
    public boolean cuda() {
        return backend.startsWith("nd4j-cuda");
    }

    /** One line for {@code --version}. */
    public String describe() {
        String commit = gitCommit.equals(UNKNOWN) ? "commit unknown" : "commit " + gitCommit.substring(0, Math.min(12, gitCommit.length()));
        return "DeepHEM-J " + version + ", " + commit + ", ND4J " + nd4jVersion + " " + backend;
    }
}
