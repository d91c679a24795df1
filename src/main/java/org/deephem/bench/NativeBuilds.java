package org.deephem.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.deephem.model.NativeBuild;

/**
 * The native builds of ND4J that {@code bench --builds} measures side by side: those this jar
 * carries, and others from their Maven jars ({@code nd4j-native-VERSION-linux-x86_64-EXT.jar},
 * fetched with {@code mvn dependency:get}) added to a child JVM's class path.
 */
public final class NativeBuilds {
    private NativeBuilds() {}

    /** Every linux-x86_64 CPU build ND4J 1.0.0-M2.1 serves, by the name used on the command line. */
    public static final List<String> ALL = List.of("generic", "avx2", "avx512", "onednn", "onednn-avx2", "onednn-avx512");

    /**
     * One build to run: its name ("onednn"), JavaCPP extension ("-onednn", "" for generic) and the
     * jar to add to the class path (null when this jar carries it); {@code skip} says why it cannot
     * run here (null when it can).
     */
    public record Build(String name, String extension, Path jar, String skip) {
        /** "linux-x86_64-onednn", as the start line and provenance name it. */
        public String folder() {
            return NativeBuild.PLATFORM + extension;
        }
    }

    static String extension(String name) {
        return name.equals("generic") ? "" : "-" + name;
    }

    static String name(String extension) {
        return extension.isEmpty() ? "generic" : extension.substring(1);
    }

    /** The Maven jar of one build. */
    static String jarName(String nd4jVersion, String name) {
        return "nd4j-native-" + nd4jVersion + "-" + NativeBuild.PLATFORM + extension(name) + ".jar";
    }

    /** Where Maven keeps the builds' jars: ~/.m2/repository/org/nd4j/nd4j-native/VERSION. */
    public static Path mavenFolder(String nd4jVersion) {
        return Path.of(System.getProperty("user.home"), ".m2", "repository", "org", "nd4j", "nd4j-native", nd4jVersion);
    }

    /**
     * The builds named in {@code spec}: "all", "shipped" (the one this jar starts with), or names
     * separated by commas (generic, avx2, avx512, onednn, onednn-avx2, onednn-avx512).
     */
    public static List<Build> resolve(String spec, String shippedExtension, Set<String> inJar, Path jars, String nd4jVersion, Set<String> cpuFlags) {
        Set<String> names = new LinkedHashSet<>();
        for (String part : spec.toLowerCase(Locale.ROOT).split(",")) {
            String p = part.strip();
            if (p.isEmpty()) continue;
            if (p.equals("all")) names.addAll(ALL);
            else if (p.equals("shipped")) names.add(name(shippedExtension));
            else if (ALL.contains(p)) names.add(p);
            else throw new org.deephem.io.InputError("--builds: all, shipped or some of " + String.join(", ", ALL) + " (got '" + p + "')");
        }
        if (names.isEmpty()) throw new org.deephem.io.InputError("--builds: name at least one build");
        List<Build> out = new ArrayList<>();
        for (String n : names) {
            String ext = extension(n);
            if (!cpuFlags.containsAll(NativeBuild.needs(ext))) {
                out.add(new Build(n, ext, null, "this CPU lacks " + String.join(" ", NativeBuild.needs(ext))));
            } else if (inJar.contains(ext)) {
                out.add(new Build(n, ext, null, null));
            } else {
                Path jar = jars.resolve(jarName(nd4jVersion, n));
                out.add(Files.isRegularFile(jar) ? new Build(n, ext, jar, null)
                        : new Build(n, ext, null, jar.getFileName() + " not in " + jars + " (mvn dependency:get -Dartifact=org.nd4j:nd4j-native:"
                                + nd4jVersion + ":jar:" + NativeBuild.PLATFORM + ext + ")"));
            }
        }
        return out;
    }
}
