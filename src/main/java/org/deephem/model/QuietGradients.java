package org.deephem.model;

import java.io.OutputStream;
import java.io.PrintStream;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Builds a graph's gradient function while swallowing the "Added differentiated op …" lines
 * that SameDiff 1.0.0-M2.1 prints straight to standard output (not through a logger), which
 * would otherwise bury the training progress and pollute piped output.
 */
public final class QuietGradients {
    private QuietGradients() {}

    public static synchronized void create(SameDiff sd) {
        PrintStream original = System.out;
        System.setOut(new PrintStream(new FilterOut(original), true));
        try {
            sd.createGradFunction();
        } finally {
            System.setOut(original);
        }
    }

    /** Passes every line through except SameDiff's gradient-construction chatter. */
    private static final class FilterOut extends OutputStream {
        private final PrintStream target;
        private final StringBuilder line = new StringBuilder();

        FilterOut(PrintStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) {
            if (b == '\n') {
                if (!line.toString().startsWith("Added differentiated op")) target.println(line);
                line.setLength(0);
            } else {
                line.append((char) b);
            }
        }
    }
}
