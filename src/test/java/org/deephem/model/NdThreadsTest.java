package org.deephem.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deephem.io.InputError;
import org.deephem.testutil.Processes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

class NdThreadsTest {
    @Test
    void aRequestedCountIsAppliedAndOutOfRangeRefused() {
        int before = NdThreads.configure();
        try {
            // libnd4j never goes above OMP_NUM_THREADS when it is set (surefire sets 1) or the core count
            String env = System.getenv("OMP_NUM_THREADS");
            int cap = env != null && !env.isBlank() ? Integer.parseInt(env.strip()) : Runtime.getRuntime().availableProcessors();
            NdThreads.request(2);
            assertEquals(Math.min(2, cap), NdThreads.configure());
            assertEquals(Math.min(2, cap), Nd4j.getEnvironment().maxMasterThreads());
            NdThreads.request(1);
            assertEquals(1, NdThreads.configure());
        } finally {
            NdThreads.request(before);
            NdThreads.configure();
        }
        assertThrows(IllegalArgumentException.class, () -> NdThreads.request(0));
        assertThrows(IllegalArgumentException.class, () -> NdThreads.request(NdThreads.MAX + 1));
    }
    @Test
    void theEnvironmentVariableIsAWholeNumberFromOneToMaxOrUnset() {
        assertNull(NdThreads.parseEnvironment(null));
        assertEquals(1, NdThreads.parseEnvironment("1"));
        assertEquals(2, NdThreads.parseEnvironment("+2"));
        assertEquals(NdThreads.MAX, NdThreads.parseEnvironment(Integer.toString(NdThreads.MAX)));
        for (String bad : List.of("abc", "0", "-3", "", " ", "2 ", "2,1", "1.5", "99999", "99999999999")) {
            InputError e = assertThrows(InputError.class, () -> NdThreads.parseEnvironment(bad), "'" + bad + "'");
            assertTrue(e.getMessage().startsWith("environment variable OMP_NUM_THREADS "), e.getMessage());
            assertTrue(e.getMessage().contains("must be a whole number of threads from 1 to " + NdThreads.MAX), e.getMessage());
        }
    }

    @TempDir
    Path tmp;

    /**
     * Audit issue 23, WEAK: OMP_NUM_THREADS=abc said "the ND4J backend could not start ... check that
     * the jar was built for this platform" (exit 1), 0 failed inside libnd4j's reshape, 99999
     * crashed the JVM. Each is now one line naming the variable, exit 2, in a fresh JVM (the
     * variable is read when ND4J loads).
     */
    @Test
    void aBadValueInTheEnvironmentIsRefusedInOneLineBeforeNd4jLoads() throws Exception {
        Path fa = Files.writeString(tmp.resolve("x.fa"), ">a\nGGCUGAGGUAGUAGGUUGUAUAGUUAGAAAAUACUAUACAACCUACUACCUCAGCC\n");
        for (String bad : List.of("abc", "0", "99999")) {
            Path out = tmp.resolve("s-" + bad + ".csv");
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "org.deephem.cli.Main",
                    "score", "--model", "model-zoo/deephem-human-nomti.zip", "--fasta", fa.toString(), "-o", out.toString());
            pb.environment().put("OMP_NUM_THREADS", bad);
            Processes.Result r = Processes.run(pb, 300);
            assertEquals(2, r.exit(), bad + ": " + r.out());
            List<String> lines = r.out().lines().filter(l -> !l.isBlank()).toList();
            assertEquals(List.of("error: environment variable OMP_NUM_THREADS is '" + bad + "': it must be a whole number of threads from 1 to "
                    + NdThreads.MAX + " (or unset it and use --threads)"), lines, r.out());
            assertFalse(Files.exists(out));
        }
    }
}
