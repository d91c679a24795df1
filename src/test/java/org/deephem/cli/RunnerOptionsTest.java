package org.deephem.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deephem.experiment.CellRunners;
import org.deephem.testutil.TestData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --runner and --master on every grid and on all: help, and one-line refusals (exit 2) before any work. */
class RunnerOptionsTest {
    @TempDir
    Path tmp;

    private static void refused(CliTest.Run r, String expected) {
        assertEquals(2, r.exit(), r.err());
        List<String> lines = r.err().strip().lines().toList();
        assertEquals(1, lines.size(), "one line: " + r.err());
        assertTrue(lines.get(0).startsWith("error: ") && lines.get(0).contains(expected), "'" + expected + "' in: " + r.err());
    }

    @Test
    void everyGridAndAllHaveTheRunnerOptions() {
        for (String cmd : List.of("ablate", "compare", "select-default", "training-length", "all")) {
            CliTest.Run r = CliTest.run(cmd, "--help");
            assertEquals(0, r.exit(), cmd + ": " + r.err());
            assertTrue(r.out().contains("--runner=local|spark") && r.out().contains("--master=URL"), cmd + " --help: " + r.out());
        }
    }

    @Test
    void aDefaultBuildRefusesSparkInOneLineSayingHowToBuildIt() {
        boolean sparkBuild;
        try {
            Class.forName(CellRunners.SPARK_RUNNER);
            sparkBuild = true;
        } catch (ClassNotFoundException e) {
            sparkBuild = false;
        }
        Assumptions.assumeFalse(sparkBuild, "this build has the Spark runner (-Pspark)");
        String data = TestData.demo().toString();
        for (String cmd : List.of("ablate", "compare", "select-default", "training-length")) {
            Path out = tmp.resolve(cmd);
            refused(CliTest.run(cmd, "--quick", "--data", data, "-o", out.toString(), "--runner", "spark", "--master", "local[2]"), "mvn -Pspark -DskipTests package");
            assertFalse(Files.exists(out), cmd + ": nothing written");
        }
        refused(CliTest.run("all", "--data", data, "--reports", tmp.resolve("reports").toString(), "--zoo", tmp.resolve("zoo").toString(),
                "--runner", "spark"), "mvn -Pspark -DskipTests package");
        assertFalse(Files.exists(tmp.resolve("reports")), "all: nothing written");
    }

    @Test
    void anUnknownRunnerAndAMasterWithoutSparkAreRefused() {
        String data = TestData.demo().toString();
        refused(CliTest.run("ablate", "--quick", "--data", data, "-o", tmp.resolve("a").toString(), "--runner", "mapreduce"), "--runner: give local or spark");
        refused(CliTest.run("compare", "--quick", "--data", data, "-o", tmp.resolve("c").toString(), "--master", "local[2]"), "--master: only --runner spark");
    }
}
