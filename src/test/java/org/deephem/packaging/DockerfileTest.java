package org.deephem.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deephem.testutil.Processes;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfile checked without a Docker engine (none exists where the tests run): its stages,
 * base images, user, entry point and volumes, and, by running its build script with a stand-in
 * {@code mvn}, that the build argument picks the Maven profile and that the build is the README's.
 */
class DockerfileTest {
    /** One Dockerfile instruction: keyword and arguments, continuation lines joined, comments dropped. */
    record Instruction(String keyword, String args) {}

    static List<Instruction> instructions() throws IOException {
        List<Instruction> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String line : Files.readAllLines(Path.of("Dockerfile"))) {
            String t = line.strip();
            if (t.startsWith("#") || (t.isEmpty() && cur.length() == 0)) continue;
            if (t.endsWith("\\")) {
                cur.append(t, 0, t.length() - 1).append(' ');
                continue;
            }
            cur.append(t);
            String s = cur.toString().strip();
            cur.setLength(0);
            if (s.isEmpty()) continue;
            int sp = s.indexOf(' ');
            out.add(new Instruction(s.substring(0, sp).toUpperCase(Locale.ROOT), s.substring(sp + 1).strip()));
        }
        return out;
    }

    /** The instructions of one stage (from its FROM to the next), by the stage's name or "final". */
    static List<Instruction> stage(List<Instruction> all, String name) {
        List<List<Instruction>> stages = new ArrayList<>();
        for (Instruction i : all) {
            if (i.keyword().equals("FROM")) stages.add(new ArrayList<>());
            if (!stages.isEmpty()) stages.get(stages.size() - 1).add(i);
        }
        if (name.equals("final")) return stages.get(stages.size() - 1);
        for (List<Instruction> s : stages) if (s.get(0).args().endsWith(" AS " + name)) return s;
        throw new AssertionError("no stage " + name);
    }

    static List<String> args(List<Instruction> stage, String keyword) {
        return stage.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::args).toList();
    }

    /** The README quick start's Maven build command. */
    static String readmeBuildCommand() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String quick = readme.substring(readme.indexOf("## Quick start"), readme.indexOf("\n## ", readme.indexOf("## Quick start") + 5));
        Matcher m = Pattern.compile("(mvn [^&\\n]*?package)").matcher(quick);
        assertTrue(m.find(), "README quick start has a mvn ... package command");
        return m.group(1).strip();
    }

    @Test
    void baseImagesAreTheCuda116RuntimeAndAJre17ChosenByTheBuildArgument() throws IOException {
        List<Instruction> all = instructions();
        assertEquals(new Instruction("ARG", "BACKEND=gpu"), all.get(0), "BACKEND is declared before the first FROM, GPU by default");
        assertTrue(stage(all, "build").get(0).args().matches("maven:3\\.\\d+[-.\\w]*-(eclipse-temurin-17|jdk-?17)[-\\w]* AS build"),
                stage(all, "build").get(0).args());
        assertEquals("nvidia/cuda:11.6.2-cudnn8-runtime-ubuntu20.04 AS runtime-gpu", stage(all, "runtime-gpu").get(0).args());
        assertTrue(stage(all, "runtime-cpu").get(0).args().matches("eclipse-temurin:17-jre[-\\w]* AS runtime-cpu"),
                stage(all, "runtime-cpu").get(0).args());
        assertEquals("runtime-${BACKEND}", stage(all, "final").get(0).args());

        String gpuRun = String.join(" ", args(stage(all, "runtime-gpu"), "RUN"));
        for (String pkg : List.of("openjdk-17-jre-headless", "fontconfig", "fonts-dejavu")) assertTrue(gpuRun.contains(pkg), pkg);
        String cpuRun = String.join(" ", args(stage(all, "runtime-cpu"), "RUN"));
        for (String pkg : List.of("fontconfig", "fonts-dejavu")) assertTrue(cpuRun.contains(pkg), pkg);
        // one ND4J thread is a CPU setting: only the CPU image sets it
        assertTrue(args(stage(all, "runtime-cpu"), "ENV").contains("OMP_NUM_THREADS=1"));
        assertFalse(all.stream().filter(i -> i.keyword().equals("ENV")).anyMatch(i -> i.args().contains("OMP_NUM_THREADS")
                && !args(stage(all, "runtime-cpu"), "ENV").contains(i.args())), "OMP_NUM_THREADS outside the CPU stage");
    }

    @Test
    void runtimeIsNonRootWithTheJarAsEntryPointAndOutputsOnVolumes() throws IOException {
        List<Instruction> fin = stage(instructions(), "final");
        assertEquals(List.of("--from=build /src/target/deephem.jar /app/deephem.jar"), args(fin, "COPY"));
        List<String> users = args(fin, "USER");
        assertEquals(1, users.size(), "one USER in the final stage");
        assertFalse(users.get(0).matches("(root|0)(:.*)?"), "runs as root: " + users.get(0));
        assertEquals(List.of("[\"java\", \"-jar\", \"/app/deephem.jar\"]"), args(fin, "ENTRYPOINT"));
        assertEquals(List.of("/work"), args(fin, "WORKDIR"));
        String volumes = String.join(" ", args(fin, "VOLUME"));
        for (String v : List.of("/work/data", "/work/model-zoo", "/work/notebooks-equivalent-reports")) {
            assertTrue(volumes.contains("\"" + v + "\""), v);
        }
        // any --user must be able to write HOME (JavaCPP's native library cache) and the output folders
        assertTrue(args(fin, "ENV").contains("HOME=/home/deephem"));
        String run = String.join(" ", args(fin, "RUN"));
        Matcher m = Pattern.compile("chmod 1777 ([^&]+)").matcher(run);
        assertTrue(m.find(), run);
        for (String d : List.of("/home/deephem ", "/home/deephem/.javacpp ", "/work/model-zoo ", "/work/notebooks-equivalent-reports")) {
            assertTrue((m.group(1) + " ").contains(d), d + " is world-writable");
        }
    }

    /** Runs the build stage's RUN script with BACKEND set and {@code mvn} replaced by an echo. */
    static Processes.Result buildScript(String backend) throws Exception {
        String run = args(stage(instructions(), "build"), "RUN").get(0).replaceFirst("^--mount=\\S+\\s+", "");
        String script = "mvn() { echo \"mvn $*\"; echo \"commit=$DEEPHEM_GIT_COMMIT\"; }\n" + run;
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", script);
        pb.environment().put("BACKEND", backend);
        pb.environment().put("GIT_COMMIT", "0123456789abcdef0123456789abcdef01234567");
        return Processes.run(pb, 30);
    }

    @Test
    void buildStageRunsTheReadmeCommandWithTheProfileTheArgumentSelects() throws Exception {
        String readme = readmeBuildCommand();
        assertEquals("mvn -q -DskipTests package", readme, "the README's quick start changed: check the Dockerfile too");
        List<Instruction> build = stage(instructions(), "build");
        assertEquals(List.of("pom.xml ./", "src ./src"), args(build, "COPY"), "the image is built from pom.xml and src/ only");

        Processes.Result gpu = buildScript("gpu");
        assertEquals(0, gpu.exit(), gpu.out());
        assertEquals(readme + " -Pcuda\ncommit=0123456789abcdef0123456789abcdef01234567\n", gpu.out());
        Processes.Result cpu = buildScript("cpu");
        assertEquals(0, cpu.exit(), cpu.out());
        assertEquals(readme + "\ncommit=0123456789abcdef0123456789abcdef01234567\n", cpu.out());
        Processes.Result other = buildScript("tpu");
        assertEquals(2, other.exit(), other.out());
        assertEquals("BACKEND must be gpu or cpu, not 'tpu'\n", other.out());
    }

    @Test
    void pomHasTheCudaProfileAndTheDefaultBuildStaysCpu() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        assertTrue(pom.contains("<nd4j.backend>nd4j-native</nd4j.backend>"), "default backend");
        Matcher m = Pattern.compile("<profile>\\s*<id>cuda</id>(.*?)</profile>", Pattern.DOTALL).matcher(pom);
        assertTrue(m.find(), "a cuda profile");
        assertTrue(m.group(1).contains("<nd4j.backend>nd4j-cuda-11.6</nd4j.backend>"), m.group(1));
    }

    @Test
    void dockerignoreKeepsGitAndBuildOutputsOutButNotTheSources() throws IOException {
        List<String> rules = Files.readAllLines(Path.of(".dockerignore")).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        for (String must : List.of(".git", "target/", "build/", "model-zoo/", "notebooks-equivalent-reports/")) {
            assertTrue(rules.contains(must), ".dockerignore lacks " + must);
        }
        for (String r : rules) {
            assertFalse(r.equals("*") || r.startsWith("src") || r.startsWith("pom") || r.startsWith("!"), "excludes what the build needs: " + r);
        }
    }

    @Test
    void readmeDockerRunsKeepEveryOutputOnTheHostOwnedByTheUser() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int at = readme.indexOf("## GPU hosts and Docker");
        assertTrue(at >= 0, "README has a GPU hosts and Docker section");
        String section = readme.substring(at, readme.indexOf("\n## ", at + 5)).replace("\\\n", " ");
        List<String> runs = section.lines().filter(l -> l.strip().startsWith("docker run")).toList();
        assertTrue(runs.size() >= 3, "docker run examples for all, train and score");
        for (String cmd : List.of(" all --data /work/data", " train ", " score ")) {
            assertTrue(runs.stream().anyMatch(r -> r.contains(cmd)), "no docker run with" + cmd);
        }
        for (String r : runs) {
            assertTrue(r.contains("--user \"$(id -u):$(id -g)\""), r);
            for (String v : List.of("data", "model-zoo", "notebooks-equivalent-reports")) {
                assertTrue(r.contains("-v \"$PWD/" + v + ":/work/" + v + "\""), v + " not mounted: " + r);
            }
        }
        assertTrue(section.contains("mkdir -p model-zoo notebooks-equivalent-reports"),
                "README creates the output folders before docker creates them as root");
        assertTrue(section.contains("docker build -t deephem-j:cpu --build-arg BACKEND=cpu"), "CPU variant documented");
    }
}
