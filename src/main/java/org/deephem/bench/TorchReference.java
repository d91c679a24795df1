package org.deephem.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The PyTorch reference of ../shared/bench/torch-ref, run as a child process for side-by-side
 * timings ({@code bench.py --json}). Python with torch is optional: where it is missing the
 * caller prints why and goes on.
 */
public final class TorchReference {
    private TorchReference() {}

    /** What bench.py reported. */
    public record Run(double secondsPerEpoch, double seqPerSecond, double peakRssMiB) {}

    /** The Python to use: Debian's /usr/bin/python3 (where apt's python3-torch goes), else python3 on PATH. */
    static String python() {
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }

    /** Null when the reference can run, else the reason it cannot (one short phrase). */
    public static String unavailable(Path refFolder, Path data) {
        if (!Files.isRegularFile(refFolder.resolve("bench.py"))) return refFolder.resolve("bench.py") + " not found";
        try {
            Process p = new ProcessBuilder(python(), "-c", "import torch").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) return "Python with torch is not installed (python3 -c \"import torch\" failed)";
        } catch (IOException e) {
            return "no python3 found";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        if (!Files.isDirectory(data)) return "its dataset " + data + " is missing (build it with its build_dataset.py --out " + data + ")";
        return null;
    }

    /** Runs bench.py with per-batch padding at one thread count. */
    public static Run run(Path refFolder, Path data, int threads, int epochs) {
        try {
            Path json = Files.createTempFile("deephem-torch-ref", ".json");
            try {
                List<String> cmd = List.of(python(), refFolder.resolve("bench.py").toString(), "--data", data.toString(), "--pad", "batch",
                        "--threads", Integer.toString(threads), "--epochs", Integer.toString(Math.max(2, epochs)), "--reps", "3",
                        "--json", json.toString());
                Process p = new ProcessBuilder(cmd).directory(refFolder.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
                p.getInputStream().transferTo(System.err);
                if (p.waitFor() != 0) throw new IllegalStateException("the PyTorch reference failed (exit " + p.exitValue() + ")");
                return parse(Files.readString(json, StandardCharsets.UTF_8), threads);
            } finally {
                Files.deleteIfExists(json);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Reads bench.py's JSON: training median of epochs 2..N, inference seq/s, peak RSS (MB = MiB there). */
    static Run parse(String json, int threads) throws IOException {
        JsonNode root = org.deephem.io.Json.mapper().readTree(json);
        String th = Integer.toString(threads);
        return new Run(root.path("train").path(th).path("median_epochs_2_to_N").asDouble(Double.NaN),
                root.path("infer").path(th).path("seq_per_s").asDouble(Double.NaN), root.path("peak_rss_mb").asDouble(Double.NaN));
    }
}
