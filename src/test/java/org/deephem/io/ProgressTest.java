package org.deephem.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressTest {
    /** The environment variable wins; without it the answer is whether stderr is a terminal. */
    @Test
    void barsOnlyWhenStderrIsATerminalUnlessTheVariableSaysOtherwise() {
        assertTrue(Progress.interactive(null, () -> true), "stderr on a terminal: bars");
        assertFalse(Progress.interactive(null, () -> false), "stderr to a file or pipe: lines");
        assertFalse(Progress.interactive("plain", () -> true), "DEEPHEM_PROGRESS=plain on a terminal: lines");
        assertTrue(Progress.interactive("BAR", () -> false), "DEEPHEM_PROGRESS=bar into a log: bars");
        assertFalse(Progress.interactive("something", () -> true), "any other value: lines, as before");
        boolean[] asked = {false};
        Progress.interactive("plain", () -> asked[0] = true);
        assertFalse(asked[0], "the terminal is not asked when the variable decides");
    }

    /** isatty returns 1 for a terminal, 0 otherwise; a call that cannot be made means plain lines. */
    @Test
    void isattyFailureMeansPlainLines() {
        assertTrue(Progress.isatty(() -> 1));
        assertFalse(Progress.isatty(() -> 0));
        assertFalse(Progress.isatty(() -> { throw new UnsatisfiedLinkError("no libc"); }));
        assertFalse(Progress.isatty(() -> { throw new NoClassDefFoundError("com/sun/jna/NativeLibrary"); }));
    }

    /**
     * The real call through JNA: a child JVM whose stderr is a pipe (as this test's is) says
     * "not a terminal"; under util-linux {@code script}, which gives it a terminal, with stdout
     * sent to a file (where {@code System.console()} is null) it says "terminal", since stderr
     * still is one. Where script is missing only the pipe case runs.
     */
    @Test
    void realIsattyTellsAPipeFromATerminal(@TempDir Path tmp) throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> child = List.of(javaBin, "-cp", System.getProperty("java.class.path"), "org.deephem.io.ProgressTest$Probe");
        var pipe = org.deephem.testutil.Processes.run(new ProcessBuilder(child), 60);
        assertEquals("stderr terminal: false", pipe.out().strip(), pipe.out());
        if (!new java.io.File("/usr/bin/script").canExecute()) return;
        Path answer = tmp.resolve("answer.txt");
        String cmd = String.join(" ", child.stream().map(ProgressTest::quoted).toList()) + " > " + quoted(answer.toString());
        var tty = org.deephem.testutil.Processes.run(new ProcessBuilder("/usr/bin/script", "-qec", cmd, "/dev/null")
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))), 60);
        assertEquals(0, tty.exit(), tty.out());
        assertEquals("stderr terminal: true", Files.readString(answer).strip());
    }

    private static String quoted(String a) {
        return "'" + a.replace("'", "'\\''") + "'";
    }

    /** Prints what {@link Progress#stderrIsTerminal()} says in a fresh JVM. */
    public static final class Probe {
        public static void main(String[] args) {
            System.out.println("stderr terminal: " + Progress.stderrIsTerminal());
        }
    }

    /** Not a terminal (as under Maven): plain lines, one per tenth of the work, or one per step when asked. */
    @Test
    void plainLinesWhenNotATerminal() {
        PrintStream before = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            try (Progress.Bar b = Progress.bar("folding", 100, false)) {
                for (int i = 0; i < 100; i++) b.step();
            }
            try (Progress.Bar b = Progress.bar("epochs", 3, true)) {
                for (int i = 0; i < 3; i++) b.step("loss " + i);
            }
        } finally {
            System.setErr(before);
        }
        List<String> lines = buf.toString(StandardCharsets.UTF_8).lines().toList();
        if (Progress.interactive()) return; // a developer's terminal with DEEPHEM_PROGRESS=bar: nothing to check here
        assertEquals(13, lines.size(), String.join("\n", lines));
        assertEquals("  folding: 10/100", lines.get(0));
        assertEquals("  folding: 100/100", lines.get(9));
        assertEquals("  epochs: 3/3  loss 2", lines.get(12));
        assertTrue(lines.stream().noneMatch(l -> l.contains("\r")), "no carriage returns in a log");
    }
}
