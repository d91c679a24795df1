package org.deephem.testutil;

import java.nio.file.Path;
import org.deephem.io.OutputLock;

/**
 * A child process for lock tests: takes the output lock of {@code args[0]} as a training would,
 * prints "locked", and holds it until its standard input closes or it is killed.
 */
public final class HoldLock {
    private HoldLock() {}

    public static void main(String[] args) throws Exception {
        try (OutputLock lock = OutputLock.acquire(Path.of(args[0]), "training", "wait")) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold until the parent closes our input
            }
        }
    }

    /** Starts a holder of {@code output}'s lock and returns once it holds it. */
    public static Process start(Path output) throws java.io.IOException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldLock.class.getName(), output.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        var in = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
        String line = in.readLine();
        if (!"locked".equals(line)) {
            p.destroyForcibly();
            throw new IllegalStateException("the lock holder did not start: " + line);
        }
        return p;
    }
}
