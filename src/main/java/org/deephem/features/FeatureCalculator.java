package org.deephem.features;

import java.util.List;
import java.util.stream.IntStream;
import org.deephem.io.Progress;

/**
 * Folds and computes the 18 inherent features for many precursors, in parallel over the
 * available cores; results are in input order, so the output does not depend on scheduling.
 */
public final class FeatureCalculator {
    private final RnaFolder folder;

    /** With RNAfold's default dangles (2). */
    public FeatureCalculator() {
        this(RnaFolder.DEFAULT_DANGLES);
    }

    public FeatureCalculator(int dangles) {
        this.folder = new RnaFolder(dangles);
    }

    /** Folds of all sequences, in order. */
    public Fold[] foldAll(List<String> seqs, String what) {
        Fold[] out = new Fold[seqs.size()];
        try (Progress.Bar bar = Progress.bar("folding " + what, seqs.size(), false)) {
            IntStream.range(0, seqs.size()).parallel().forEach(i -> {
                out[i] = folder.fold(seqs.get(i));
                bar.step();
            });
        }
        return out;
    }

    /** Inherent feature rows, in order. */
    public double[][] inherent(List<String> seqs, List<List<Mature>> matures, String what) {
        Fold[] folds = foldAll(seqs, what);
        double[][] out = new double[seqs.size()][];
        for (int i = 0; i < out.length; i++) out[i] = InherentFeatures.compute(seqs.get(i), folds[i], matures.get(i));
        return out;
    }
}
