package org.deephem.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which of ND4J's native CPU builds this process loads. ND4J 1.0.0-M2.1 serves libnd4j for
 * linux-x86_64 in six builds, told apart by a JavaCPP "platform extension": the generic build
 * (no extension), {@code -avx2}, {@code -avx512} (libnd4j's own kernels compiled for that
 * instruction set) and the same three with {@code -onednn} (libnd4j with Intel's oneDNN linked in
 * as "platform helpers" for matmul, softmax, concat, …; oneDNN picks its kernels by CPU at run
 * time). JavaCPP loads the build named by the system property {@value #EXTENSION} and falls back
 * to the generic one when that build is not on the class path.
 *
 * <p>{@link #choose()} sets that property before ND4J loads: to the best build that is both in
 * the jar and runnable on this CPU (by the flags in /proc/cpuinfo), in the order of
 * {@link #PREFERENCE}, which docs/PERFORMANCE.md (issue 25) measured. A value the user set with
 * {@code -D} wins. {@link #loaded()} says which build JavaCPP actually loaded, for the start line
 * and the models' provenance.
 */
public final class NativeBuild {
    /** JavaCPP's system property: the suffix of the platform folder it loads native libraries from. */
    public static final String EXTENSION = "org.bytedeco.javacpp.platform.extension";
    /** The only CPU platform this project ships. */
    public static final String PLATFORM = "linux-x86_64";
    static final String BINDINGS = "org/nd4j/linalg/cpu/nativecpu/bindings/";

    /**
     * Extensions from most to least preferred (measured, docs/PERFORMANCE.md, issue 25). A build is
     * used only when it is in the jar and the CPU has the instruction sets it was compiled for; the
     * jar normally carries one (the pom's {@code nd4j.extension}), which is then the one used.
     * {@code -onednn} first: the least op time per reference-size step at the generic build's
     * memory. The -avx2/-avx512 builds allocate with {@code aligned_alloc}, which glibc's malloc
     * serves so wastefully that they held 1.4–4.6× the memory of the others in the same runs
     * (reference size 4.0–7.1 GiB; 1.4 GiB under jemalloc), and were no faster: they come last.
     */
    public static final List<String> PREFERENCE = List.of("-onednn", "", "-onednn-avx512", "-onednn-avx2", "-avx512", "-avx2");

    private static volatile String chosen;

    private NativeBuild() {}

    /** The CPU flags each extension's libnd4j needs (besides x86-64 itself). */
    public static Set<String> needs(String extension) {
        if (extension.endsWith("-avx512")) return Set.of("avx512f", "avx512bw", "avx512dq", "avx512vl", "avx2", "fma");
        if (extension.endsWith("-avx2")) return Set.of("avx2", "fma");
        return Set.of();
    }

    /**
     * Sets {@value #EXTENSION} for JavaCPP unless the user did; returns the extension in force
     * ("" for the generic build). Must run before ND4J loads (JavaCPP reads it once, on its first
     * load). Only on linux-x86_64; elsewhere nothing is set.
     */
    public static synchronized String choose() {
        String set = System.getProperty(EXTENSION);
        if (set != null) return chosen = set;
        if (!isLinuxX86()) return chosen = "";
        String best = pick(PREFERENCE, inClassPath(PREFERENCE), cpuFlags());
        if (!best.isEmpty()) System.setProperty(EXTENSION, best);
        return chosen = best;
    }

    /** The first of {@code preference} that is available and whose instruction sets the CPU has. */
    static String pick(List<String> preference, Set<String> available, Set<String> flags) {
        for (String ext : preference) {
            if (available.contains(ext) && flags.containsAll(needs(ext))) return ext;
        }
        return "";
    }

    /** The builds of {@code candidates} whose libnd4j is on the class path. */
    static Set<String> inClassPath(List<String> candidates) {
        Set<String> out = new TreeSet<>();
        ClassLoader cl = NativeBuild.class.getClassLoader();
        for (String ext : candidates) {
            if (cl.getResource(BINDINGS + PLATFORM + ext + "/libnd4jcpu.so") != null) out.add(ext);
        }
        return out;
    }

    /** The "flags" of the first processor in /proc/cpuinfo; empty when it cannot be read. */
    public static Set<String> cpuFlags() {
        try {
            return parseFlags(Files.readString(Path.of("/proc/cpuinfo"), StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            return Set.of();
        }
    }

    static Set<String> parseFlags(String cpuinfo) {
        for (String line : cpuinfo.split("\n")) {
            if (line.startsWith("flags")) {
                int colon = line.indexOf(':');
                if (colon < 0) continue;
                Set<String> out = new TreeSet<>();
                for (String f : line.substring(colon + 1).trim().split("\\s+")) if (!f.isEmpty()) out.add(f);
                return out;
            }
        }
        return Set.of();
    }

    private static boolean isLinuxX86() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        return os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64"));
    }

    /**
     * The native build JavaCPP loaded libnd4j from, e.g. "linux-x86_64-onednn": the folder of the
     * loaded {@code nd4jcpu} library. Null before ND4J has loaded, or on the CUDA backend.
     */
    public static String loaded() {
        return folderOf(org.bytedeco.javacpp.Loader.getLoadedLibraries(), "nd4jcpu");
    }

    static String folderOf(Map<String, String> loadedLibraries, String library) {
        String path = loadedLibraries.get(library);
        if (path == null) return null;
        Path parent = Path.of(path).getParent();
        return parent == null ? null : parent.getFileName().toString();
    }

    /** What {@link #choose()} decided, for diagnostics; null when it has not run. */
    public static String chosen() {
        return chosen;
    }

    /** The extensions of every build in the class path (for a message). */
    public static List<String> available() {
        return new ArrayList<>(inClassPath(List.of("", "-avx2", "-avx512", "-onednn", "-onednn-avx2", "-onednn-avx512")));
    }
}
