package org.deephem.data;

import java.util.List;

/**
 * The miRNAs of one domain (labelled mouse, unlabelled mouse, or human) with whatever feature
 * views the dataset folder carries; a view that is absent is {@code null}.
 *
 * @param sequences        the sequences the features were computed on: the annotated precursors,
 *                         or their canonical windows in a folder built with {@code --window canonical}
 * @param inherent         rows aligned with {@code ids}, the 18 inherent features (or null)
 * @param mtiPca           rows aligned with {@code ids}, the MTI principal components (or null)
 * @param annotatedLengths rows aligned with {@code ids}, the length of each annotated precursor
 *                         (or null: then {@link #annotatedLengths()} gives the sequence lengths)
 */
public record Domain(String name, List<String> ids, List<String> sequences, double[][] inherent, double[][] mtiPca,
                     int[] annotatedLengths) {

    /** A domain whose sequences are the annotated precursors themselves. */
    public Domain(String name, List<String> ids, List<String> sequences, double[][] inherent, double[][] mtiPca) {
        this(name, ids, sequences, inherent, mtiPca, null);
    }

    public int size() {
        return ids.size();
    }

    /**
     * The length (nt) of each row's <b>annotated</b> precursor (miRBase's hairpin as the raw data
     * gives it), aligned with {@link #ids()}, whatever window the sequences are: read from
     * {@code windows.tsv} in a canonical-window folder, else the sequence lengths (an annotated
     * folder, including every folder written before windows existed). A fresh array.
     */
    @Override
    public int[] annotatedLengths() {
        if (annotatedLengths != null) return annotatedLengths.clone();
        int[] out = new int[sequences.size()];
        for (int i = 0; i < out.length; i++) out[i] = sequences.get(i).length();
        return out;
    }

    public static Domain empty(String name) {
        return new Domain(name, List.of(), List.of(), new double[0][], new double[0][]);
    }
}
