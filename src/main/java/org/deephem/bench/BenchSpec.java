package org.deephem.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code bench} is asked to measure, as its options say.
 *
 * @param raw          raw sources, built into {@code dataset} when that does not exist yet
 * @param dataset      DeepHEM-layout dataset the rows are measured on
 * @param epochs       epochs per training row (seconds/epoch is the mean of epochs 2..N)
 * @param full         also run the full default training (100 epochs) once
 * @param skipTraining only folding, features, PCA and scoring
 * @param foldingOnly  only the folding rows (incl. RNAfold beside ours)
 * @param rnafold      RNAfold executable to time beside ours, or null for RNAfold on PATH
 * @param pairs        alternating DeepHEM-J / PyTorch runs at the reference size
 * @param threads      ND4J threads of the training rows, or null for 1 and 2 side by side
 * @param builds       native builds to measure: shipped, all, or a comma-separated list
 * @param nativeJars   folder of the native builds' jars, or null for the local Maven repository's
 * @param executors    executors measured side by side (checked when first used)
 * @param topOps       op instances listed per build under the table
 * @param torchData    dataset of the PyTorch reference
 * @param torchRef     the PyTorch reference's folder
 */
public record BenchSpec(Path raw, Path dataset, int epochs, boolean full, boolean skipTraining, boolean foldingOnly, Path rnafold,
                        int pairs, Integer threads, String builds, Path nativeJars, List<String> executors, int topOps,
                        Path torchData, Path torchRef) {
    public BenchSpec {
        executors = List.copyOf(executors);
    }
}
