package org.deephem.testutil;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** Debian's headless Chromium for the page tests; a test without it is skipped, visibly. */
public final class Chromium {
    public static final Path PATH = Path.of("/usr/bin/chromium");

    private Chromium() {}

    /** Skips the calling test, with a message on stderr and in the report, when there is no browser. */
    public static void requireOrSkip() {
        String why = "SKIPPED: no browser at " + PATH + " (apt-get install chromium; .ci/run tries to)";
        if (!Files.isExecutable(PATH)) System.err.println(why);
        Assumptions.assumeTrue(Files.isExecutable(PATH), why);
    }

    /** Runs headless Chromium with a fresh profile under {@code tmp} and no network chatter; returns its output. */
    public static String run(Path tmp, String... args) throws Exception {
        Path profile = Files.createTempDirectory(tmp, "profile");
        List<String> cmd = new ArrayList<>(List.of(PATH.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile));
        cmd.addAll(List.of(args));
        Processes.Result r = Processes.run(new ProcessBuilder(cmd), 120);
        assertEquals(0, r.exit(), "chromium failed: " + r.out());
        return r.out();
    }
}
