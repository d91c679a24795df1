package org.deephem.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class BackendTest {
    private static Map<String, Object> trainedWith(String nd4j, String backend) {
        return Map.of("environment", Map.of("nd4j", nd4j, "nd4j_backend", backend));
    }

    @Test
    void aModelFromTheSameVersionAndBackendGivesNoNote() {
        assertNull(Backend.mismatchNote("m.zip", trainedWith("1.0.0-M2.1", "nd4j-native"), "1.0.0-M2.1", "nd4j-native"));
        assertNull(Backend.mismatchNote("m.zip", Map.of("note", "no environment recorded"), "1.0.0-M2.1", "nd4j-native"));
    }

    @Test
    void aGpuModelOnACpuHostAndTheReverseGetOneLine() {
        String n = Backend.mismatchNote("zoo/m.zip", trainedWith("1.0.0-M2.1", "nd4j-cuda-11.6"), "1.0.0-M2.1", "nd4j-native");
        assertEquals("note: zoo/m.zip was trained with ND4J 1.0.0-M2.1 nd4j-cuda-11.6; this run uses ND4J 1.0.0-M2.1 nd4j-native"
                + " (same graph; scores can differ in the last digits)", n);
        String r = Backend.mismatchNote("m.zip", trainedWith("1.0.0-M2.1", "nd4j-native"), "1.0.0-M2.1", "nd4j-cuda-11.6");
        assertTrue(r.contains("nd4j-native; this run uses ND4J 1.0.0-M2.1 nd4j-cuda-11.6"), r);
        String v = Backend.mismatchNote("m.zip", trainedWith("1.0.0-M1", "nd4j-native"), "1.0.0-M2.1", "nd4j-native");
        assertTrue(v.contains("ND4J 1.0.0-M1 nd4j-native; this run uses ND4J 1.0.0-M2.1") && v.contains("not guaranteed"), v);
        for (String s : new String[] {n, r, v}) assertFalse(s.contains("\n"), s);
    }

    @Test
    void aBackendThatCannotStartIsExplainedWithoutJavaClassNames() {
        Throwable t = new ExceptionInInitializerError(new RuntimeException(
                new UnsatisfiedLinkError("no jnind4jcuda in java.library.path: /usr/lib\nmore")));
        String m = Backend.unavailableMessage("nd4j-cuda-11.6", t);
        assertEquals("the ND4J backend nd4j-cuda-11.6 could not start (no jnind4jcuda in java.library.path: /usr/lib); this is the CUDA"
                + " build: it needs an NVIDIA GPU with its driver (in Docker: docker run --gpus all); elsewhere use the CPU build", m);
        String c = Backend.unavailableMessage("nd4j-native", new NoClassDefFoundError("Could not initialize class org.nd4j.linalg.factory.Nd4j"));
        assertTrue(c.contains("(its native library did not load)") && !c.contains("org.nd4j"), c);
    }

    @Test
    void startSaysInOneLineWhatTheRunComputesOn() {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        String line;
        try {
            line = Backend.start();
        } finally {
            System.setErr(old);
        }
        assertEquals(line + "\n", err.toString(StandardCharsets.UTF_8).replace("\r\n", "\n"));
        if (Nd4j.getEnvironment().isCPU()) {
            int t = Nd4j.getEnvironment().maxMasterThreads();
            String build = org.deephem.model.NativeBuild.loaded();
            assertTrue(build.startsWith(org.deephem.model.NativeBuild.PLATFORM), build);
            assertEquals("ND4J " + BuildInfo.current().nd4jVersion() + " backend: nd4j-native " + build + " (CPU, " + t + " ND4J thread" + (t == 1 ? "" : "s") + ")", line);
            assertEquals(build, Provenance.environment().get("nd4j_build"), "provenance records the native build");
        } else {
            assertTrue(line.contains("nd4j-cuda-11.6 (GPU"), line);
        }
    }
}
