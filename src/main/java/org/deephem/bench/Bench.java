package org.deephem.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Helpers for the benchmark command: timing, memory, child JVMs, a printed table. */
public final class Bench {
    private Bench() {}

    /** Rows of a two-or-more-column table printed in Markdown. */
    public static final class TableOut {
        private final List<String[]> rows = new ArrayList<>();
        private final String[] header;

        public TableOut(String... header) {
            this.header = header;
        }

        public void row(String... cells) {
            rows.add(cells);
            System.err.println("  " + String.join(" | ", cells));
        }

        public String render() {
            StringBuilder sb = new StringBuilder("| " + String.join(" | ", header) + " |\n|");
            for (int i = 0; i < header.length; i++) sb.append("---|");
            sb.append('\n');
            for (String[] r : rows) sb.append("| ").append(String.join(" | ", r)).append(" |\n");
            return sb.toString();
        }
    }

    public static String fmt(String f, Object... a) {
        return String.format(Locale.ROOT, f, a);
    }

    public static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    public static String randomRna(Random r, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) sb.append("ACGU".charAt(r.nextInt(4)));
        return sb.toString();
    }

    /** Peak used heap over all heap pools since JVM start (MiB). */
    public static double peakHeapMiB() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) sum += p.getPeakUsage().getUsed();
        }
        return sum / 1048576.0;
    }

    /** Peak resident set size of this process (VmHWM), MiB; NaN where /proc is absent. */
    public static double peakRssMiB() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8)) {
                if (l.startsWith("VmHWM:")) return Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0;
            }
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    /** The children of bench are the CLI's own commands (bench-worker, train). */
    private static final String CLI_MAIN = "org.deephem.cli.Main";

    /** Result of a child JVM run. */
    public record Child(int exit, String stdout, double wallSeconds) {}

    /** Runs {@code Main args} in a fresh JVM with the same class path and OMP_NUM_THREADS=threads. */
    public static Child runChild(int threads, String... args) {
        return runAtOnce(threads, List.<String[]>of(args)).get(0);
    }

    /**
     * Runs {@code Main args} in a fresh JVM on one native build of ND4J: its jar (null for a build
     * this jar carries) added to the class path and JavaCPP's platform extension set to it.
     */
    public static Child runChild(int threads, NativeBuilds.Build build, String... args) {
        List<String> cmd = new ArrayList<>(org.deephem.experiment.ChildJvm.command(CLI_MAIN, List.of(args)));
        int cp = cmd.indexOf("-cp") + 1;
        if (build.jar() != null) cmd.set(cp, cmd.get(cp) + java.io.File.pathSeparator + build.jar());
        cmd.add(cmd.indexOf(CLI_MAIN), "-D" + org.deephem.model.NativeBuild.EXTENSION + "=" + build.extension());
        return run(threads, List.of(cmd)).get(0);
    }

    /**
     * Starts one fresh JVM per argument list at the same time (OMP_NUM_THREADS=threads each) and
     * waits for all; each child's wall time runs from the common start to its own end.
     */
    public static List<Child> runAtOnce(int threads, List<String[]> argsEach) {
        List<List<String>> cmds = new ArrayList<>();
        for (String[] args : argsEach) cmds.add(org.deephem.experiment.ChildJvm.command(CLI_MAIN, List.of(args)));
        return run(threads, cmds);
    }

    private static List<Child> run(int threads, List<List<String>> cmds) {
        long t0 = System.nanoTime();
        List<Process> ps = new ArrayList<>();
        try {
            for (List<String> cmd : cmds) {
                ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
                pb.environment().put("OMP_NUM_THREADS", Integer.toString(threads));
                ps.add(pb.start());
            }
            List<Child> out = new ArrayList<>();
            // stdout is a few key=value lines (progress goes to stderr), so reading them in turn cannot block a child
            for (Process p : ps) {
                String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                int exit = p.waitFor();
                out.add(new Child(exit, text, (System.nanoTime() - t0) / 1e9));
            }
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            for (Process p : ps) if (p.isAlive()) p.destroyForcibly();
        }
    }

    /** The {@code op NAME calls=… cpu_ms=…} lines of a profiled child, as printed (largest first). */
    public static List<String> opLines(Child c) {
        List<String> out = new ArrayList<>();
        for (String l : c.stdout().split("\n")) if (l.startsWith("op ")) out.add(l.substring(3).strip());
        return out;
    }

    /** The native build a bench-worker child reported ("linux-x86_64-onednn"), or "?" . */
    public static String nativeBuild(Child c) {
        for (String l : c.stdout().split("\n")) if (l.startsWith("native_build=")) return l.substring("native_build=".length()).strip();
        return "?";
    }

    /** Reads {@code key=value} from a child's output. */
    public static double value(Child c, String key) {
        for (String l : c.stdout().split("\n")) if (l.startsWith(key + "=")) return Double.parseDouble(l.substring(key.length() + 1).strip());
        throw new IllegalStateException("child did not report " + key + " (exit " + c.exit() + "):\n" + c.stdout());
    }
}
