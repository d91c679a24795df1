package org.deephem.testutil;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Runs a child process for a test: standard output and error together, and its exit code. */
public final class Processes {
    private Processes() {}

    public record Result(int exit, String out) {}

    public static Result run(ProcessBuilder pb, int timeoutSeconds) throws IOException, InterruptedException {
        Process p = pb.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(timeoutSeconds, TimeUnit.SECONDS), "still running after " + timeoutSeconds + " s: " + pb.command());
        return new Result(p.exitValue(), out);
    }
}
