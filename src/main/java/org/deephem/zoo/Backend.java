package org.deephem.zoo;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.deephem.io.Progress;
import org.bytedeco.javacpp.IntPointer;
import org.deephem.model.NativeBuild;
import org.deephem.runtime.ProcessRuntime;
import org.deephem.model.NdThreads;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The ND4J backend this run computes on (CPU or CUDA GPU): started and announced once at the
 * start of training and scoring, recorded in every model's provenance, and compared with the
 * backend a loaded model was trained on.
 */
public final class Backend {
    private Backend() {}

    /** ND4J could not start its backend (typically: the CUDA build on a machine without a usable GPU). */
    public static final class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message);
        }
    }

    /**
     * Starts ND4J, applies the CPU thread settings (only on a CPU) and prints one line on
     * standard error saying what the run computes on; returns that line.
     */
    public static String start() {
        String what;
        ProcessRuntime.start(ProcessRuntime.Settings.standard()); // in case no main ran (tests, embedding); too late for JavaCPP's check if ND4J is loaded
        NdThreads.fromEnvironment(); // a bad OMP_NUM_THREADS is the user's to fix, not a backend that cannot start
        try {
            if (BuildInfo.current().cuda()) probeCuda();
            int threads = ProcessRuntime.applyThreads();
            String build = build();
            what = inUse() + (build != null ? " " + build : "") + " (" + (cpu() ? "CPU, " + threads + " ND4J thread" + (threads == 1 ? "" : "s") : device()) + ")";
        } catch (Throwable t) { // a missing driver surfaces as an Error from static initialisers
            throw new Unavailable(unavailableMessage(BuildInfo.current().backend(), t));
        }
        String line = "ND4J " + BuildInfo.current().nd4jVersion() + " backend: " + what;
        Progress.say("%s", line);
        return line;
    }

    /**
     * Asks the CUDA runtime for devices before ND4J does: ND4J prints a stack trace and falls back
     * to "no backend on the class path" when the driver is missing, which hides the reason.
     * Reflection because the CUDA bindings are only on the class path of the CUDA build.
     */
    private static void probeCuda() throws ReflectiveOperationException {
        Class<?> cudart = Class.forName("org.bytedeco.cuda.global.cudart"); // loads libcudart and the driver's libcuda
        try (IntPointer count = new IntPointer(1)) {
            Object rc = cudart.getMethod("cudaGetDeviceCount", IntPointer.class).invoke(null, count);
            if (!Integer.valueOf(0).equals(rc) || count.get() < 1) {
                throw new IllegalStateException("the CUDA driver sees no GPU (cudaGetDeviceCount returned " + rc + ")");
            }
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new IllegalStateException(e.getCause() != null ? e.getCause().getMessage() : "the CUDA runtime failed", e.getCause());
        }
    }

    static String unavailableMessage(String artifact, Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String why = root.getMessage() == null ? "" : root.getMessage().lines().findFirst().orElse("").strip();
        // ND4J's own messages often name Java classes, which mean nothing to a user
        if (why.isEmpty() || why.matches(".*\\b([a-z_][a-z0-9_]*\\.){2,}[A-Z]\\w*.*")) why = "its native library did not load";
        String hint = artifact.startsWith("nd4j-cuda")
                ? "this is the CUDA build: it needs an NVIDIA GPU with its driver (in Docker: docker run --gpus all); elsewhere use the CPU build"
                : "check that the jar was built for this platform (linux-x86_64)";
        return "the ND4J backend " + artifact + " could not start (" + why + "); " + hint;
    }

    private static boolean cpu() {
        return Nd4j.getEnvironment().isCPU();
    }

    /** The backend artifact in use: nd4j-native on a CPU, the CUDA artifact on a GPU. */
    public static String inUse() {
        String built = BuildInfo.current().backend();
        if (cpu()) return "nd4j-native";
        return built.startsWith("nd4j-cuda") ? built : "nd4j-cuda";
    }

    /**
     * The native CPU build of libnd4j in use, e.g. "linux-x86_64-onednn" ({@link NativeBuild}); null
     * on a GPU. Starts ND4J if it has not started.
     */
    public static String build() {
        return cpu() ? NativeBuild.loaded() : null;
    }

    /** "CPU", or "GPU" with the device name(s) ND4J reports. */
    public static String device() {
        if (cpu()) return "CPU";
        Properties info = Nd4j.getExecutioner().getEnvironmentInformation();
        StringBuilder names = new StringBuilder();
        if (info.get("cuda.devicesInformation") instanceof List<?> devices) {
            for (Object d : devices) {
                if (d instanceof Map<?, ?> m && m.get("cuda.deviceName") != null) {
                    names.append(names.length() == 0 ? "" : ", ").append(m.get("cuda.deviceName"));
                }
            }
        }
        return names.length() == 0 ? "GPU" : "GPU " + names;
    }

    /**
     * A one-line note when a model was trained with another ND4J version or backend than this
     * run's, or null when they agree (or the model does not say). Not an error: the saved graph
     * is backend-independent FlatBuffers, but float arithmetic differs in the last digits.
     */
    static String mismatchNote(String model, Map<String, Object> provenance, String nd4jNow, String backendNow) {
        if (!(provenance.get("environment") instanceof Map<?, ?> env)) return null;
        Object nd4jThen = env.get("nd4j"), backendThen = env.get("nd4j_backend");
        boolean versionDiffers = nd4jThen != null && !nd4jThen.equals(nd4jNow);
        boolean backendDiffers = backendThen != null && !backendThen.equals(backendNow);
        if (!versionDiffers && !backendDiffers) return null;
        return "note: " + model + " was trained with ND4J " + (nd4jThen != null ? nd4jThen : "(version not recorded)")
                + (backendThen != null ? " " + backendThen : "") + "; this run uses ND4J " + nd4jNow + " " + backendNow
                + (versionDiffers ? " (loading a graph saved by another ND4J version is not guaranteed)"
                        : " (same graph; scores can differ in the last digits)");
    }
}
