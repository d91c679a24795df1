package org.deephem.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class BuildInfoTest {
    private static String pomValue(String regex) throws IOException {
        Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(m.find(), regex);
        return m.group(1);
    }

    @Test
    void versionsComeFromThePom() throws IOException {
        BuildInfo b = BuildInfo.current();
        assertEquals(pomValue("<artifactId>deephem-j</artifactId>\\s*<version>([^<]+)</version>"), b.version());
        assertEquals(pomValue("<nd4j.version>([^<]+)</nd4j.version>"), b.nd4jVersion());
        // the jar's backend artifact agrees with the backend ND4J actually started
        assertEquals(Nd4j.getEnvironment().isCPU() ? "nd4j-native" : "nd4j-cuda-11.6", b.backend());
        assertTrue(b.describe().startsWith("DeepHEM-J " + b.version() + ", "), b.describe());
    }

    @Test
    void commitIsTheOneCheckedOutWhenThisWasBuilt() throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
        } catch (IOException e) {
            p = null;
        }
        Assumptions.assumeTrue(p != null && p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0,
                "SKIPPED: not a git checkout or no git here, so the build-time commit cannot be compared");
        String head = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(head, BuildInfo.current().gitCommit());
    }

    private static Properties props(String... kv) {
        Properties p = new Properties();
        for (int i = 0; i < kv.length; i += 2) p.setProperty(kv[i], kv[i + 1]);
        return p;
    }

    @Test
    void unfilledPlaceholdersAndMissingKeysReadAsUnknown() {
        // what a build outside a git checkout (a source tarball, the Docker context) leaves behind
        BuildInfo b = BuildInfo.from(props("version", "0.1.0", "nd4j.version", "1.0.0-M2.1", "nd4j.backend", "nd4j-native",
                "git.commit", "${git.commit}", "git.commit.env", "${env.DEEPHEM_GIT_COMMIT}"));
        assertEquals(new BuildInfo("0.1.0", "1.0.0-M2.1", "nd4j-native", "unknown"), b);
        assertEquals("DeepHEM-J 0.1.0, commit unknown, ND4J 1.0.0-M2.1 nd4j-native", b.describe());
        assertEquals(new BuildInfo("unknown", "unknown", "unknown", "unknown"), BuildInfo.from(new Properties()));
    }

    @Test
    void dockerBuildArgumentFillsTheCommitWhenGitHasNot() {
        String sha = "0123456789abcdef0123456789abcdef01234567";
        assertEquals(sha, BuildInfo.from(props("git.commit", "unknown", "git.commit.env", sha.toUpperCase(java.util.Locale.ROOT))).gitCommit());
        assertEquals("unknown", BuildInfo.from(props("git.commit.env", "not a commit")).gitCommit());
        // git's own answer wins over the environment
        String other = "fedcba9876543210fedcba9876543210fedcba98";
        BuildInfo b = BuildInfo.from(props("git.commit", other, "git.commit.env", sha, "nd4j.backend", "nd4j-cuda-11.6"));
        assertEquals(other, b.gitCommit());
        assertTrue(b.cuda());
        assertTrue(b.describe().contains("commit fedcba987654, ND4J unknown nd4j-cuda-11.6"), b.describe());
    }

    @Test
    void provenanceRecordsBuildAndBackendWithoutRunningGit() {
        Map<String, Object> env = Provenance.environment();
        BuildInfo b = BuildInfo.current();
        assertEquals(b.version(), env.get("deephem_j"));
        assertEquals(b.nd4jVersion(), env.get("nd4j"));
        assertEquals(b.gitCommit(), env.get("git_commit"));
        assertEquals(Nd4j.getEnvironment().isCPU() ? "nd4j-native" : b.backend(), env.get("nd4j_backend"));
        assertEquals(Nd4j.getEnvironment().isCPU(), "CPU".equals(env.get("device")));
    }
}
