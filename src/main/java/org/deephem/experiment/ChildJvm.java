package org.deephem.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line that runs {@code org.deephem.cli.Main args} in a fresh JVM with this JVM's
 * class path (the shaded jar, or Maven's test class path), so that process-wide state (ND4J's
 * random generator, the stdout filter, thread pools) starts clean in every child.
 */
public final class ChildJvm {
    private ChildJvm() {}

    public static List<String> command(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("org.deephem.cli.Main");
        cmd.addAll(List.of(args));
        return cmd;
    }
}
