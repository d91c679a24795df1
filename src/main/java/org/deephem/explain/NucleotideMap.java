package org.deephem.explain;

import org.deephem.features.Kmers;

/**
 * Attributions of pooled 3-mer histogram cells turned into attributions of nucleotides. Cell
 * (p, v) holds the share of every token of id v in pooling window p (tokens p·pool … p·pool +
 * pool − 1), so its attribution is split equally among those tokens; token i is the 3-mer
 * seq[i..i+3) ({@link Kmers#tokens}), so each token's share is split in thirds among nucleotides
 * i, i+1 and i+2. Both splits preserve the sum: Σ nucleotides = Σ cells that hold a token.
 */
public final class NucleotideMap {
    private NucleotideMap() {}

    /**
     * Per-nucleotide attributions of a sequence of {@code length} nt with tokens {@code tokens},
     * from cell attributions {@code cells} ([pooled × V], row-major) at pooling {@code pool}.
     * Cells that hold no token of the sequence (padding, absent 3-mers) must be 0: the baseline
     * equals the input there. A token beyond the pooled windows (never, for a precursor the
     * model accepts) gets nothing.
     */
    public static double[] of(int length, int[] tokens, int pool, int pooled, double[] cells) {
        int v = Kmers.VOCABULARY;
        if (cells.length != pooled * v) throw new IllegalArgumentException("cells are not " + pooled + " x " + v);
        int read = Math.min(tokens.length, pooled * pool);
        int[] count = new int[cells.length];
        for (int i = 0; i < read; i++) count[(i / pool) * v + tokens[i]]++;
        double[] out = new double[length];
        for (int i = 0; i < read; i++) {
            int cell = (i / pool) * v + tokens[i];
            double third = cells[cell] / count[cell] / Kmers.K;
            for (int k = 0; k < Kmers.K; k++) out[i + k] += third;
        }
        return out;
    }

    /** Σ of the cells that hold no token of the sequence (0 when the baseline keeps them, as it does). */
    public static double unassigned(int[] tokens, int pool, int pooled, double[] cells) {
        int v = Kmers.VOCABULARY;
        boolean[] held = new boolean[cells.length];
        for (int i = 0; i < Math.min(tokens.length, pooled * pool); i++) held[(i / pool) * v + tokens[i]] = true;
        double s = 0;
        for (int c = 0; c < cells.length; c++) if (!held[c]) s += cells[c];
        return s;
    }
}
