package org.deephem.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ViennaRNA's RNAfold as an external yardstick for the benchmark: found on PATH or given, run once
 * over many sequences in one process (its default model, dangles 2, no PostScript), timed.
 */
public final class Rnafold {
    /** The energy at the end of an RNAfold result line: "((...)) ( -3.40)". */
    private static final Pattern ENERGY = Pattern.compile("\\s\\(\\s*(-?\\d+\\.\\d+)\\)\\s*$");

    private Rnafold() {}

    /** The executable: {@code given} if set, else "RNAfold" from PATH, else null. */
    public static Path find(Path given) {
        if (given != null) return Files.isExecutable(given) ? given : null;
        String path = System.getenv("PATH");
        if (path == null) return null;
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, "RNAfold");
            if (Files.isExecutable(p)) return p;
        }
        return null;
    }

    /** MFEs (kcal/mol) and wall seconds of one RNAfold run over {@code seqs}. */
    public record Run(double[] mfe, double seconds) {}

    public static Run fold(Path exe, List<String> seqs) {
        ProcessBuilder pb = new ProcessBuilder(exe.toString(), "--noPS").redirectError(ProcessBuilder.Redirect.DISCARD);
        long t0 = System.nanoTime();
        try {
            Process p = pb.start();
            // feed stdin while reading stdout, so neither pipe can fill up and block
            CompletableFuture<Void> feed = CompletableFuture.runAsync(() -> {
                try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(p.getOutputStream(), StandardCharsets.US_ASCII))) {
                    for (String s : seqs) w.write(s + "\n");
                } catch (IOException e) {
                    // RNAfold stopped reading: its exit code and missing results are reported below
                }
            });
            List<Double> mfe = new ArrayList<>();
            for (String line : new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                Matcher m = ENERGY.matcher(line);
                if (m.find()) mfe.add(Double.parseDouble(m.group(1)));
            }
            feed.join();
            int exit = p.waitFor();
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (exit != 0 || mfe.size() != seqs.size()) {
                throw new IllegalStateException(exe + " exited with " + exit + " after " + mfe.size() + " of " + seqs.size() + " folds");
            }
            return new Run(mfe.stream().mapToDouble(Double::doubleValue).toArray(), seconds);
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + exe + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
