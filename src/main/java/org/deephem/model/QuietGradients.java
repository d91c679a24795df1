package org.deephem.model;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.nd4j.autodiff.samediff.SameDiff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a graph's gradient function with the "Added differentiated op …" lines that SameDiff
 * 1.0.0-M2.1 prints straight to standard output (System.out.println, not a logger) sent to the
 * logger {@code org.deephem.samediff} at debug level instead, which is off unless switched on
 * in {@code simplelogger.properties}. Other lines printed meanwhile pass through unchanged.
 * Call it before the first {@code calculateGradients}/{@code fit} of a graph.
 */
public final class QuietGradients {
    private static final Logger LOG = LoggerFactory.getLogger("org.deephem.samediff");

    private QuietGradients() {}

    public static synchronized void create(SameDiff sd) {
        PrintStream original = System.out;
        System.setOut(new PrintStream(new LineRouter(original), true, StandardCharsets.UTF_8));
        try {
            sd.createGradFunction();
        } finally {
            System.out.flush();
            System.setOut(original);
        }
    }

    /** Sends SameDiff's gradient chatter to the logger, every other line to the real stdout. */
    private static final class LineRouter extends OutputStream {
        private final PrintStream target;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineRouter(PrintStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) {
            if (b != '\n') {
                line.write(b);
                return;
            }
            String s = line.toString(StandardCharsets.UTF_8);
            line.reset();
            if (s.startsWith("Added differentiated op")) LOG.debug(s);
            else target.println(s);
        }
    }
}
