package org.deephem.data;

import java.util.List;

/**
 * The miRNAs of one domain (labelled mouse, unlabelled mouse, or human) with whatever feature
 * views the dataset folder carries; a view that is absent is {@code null}.
 *
 * @param inherent rows aligned with {@code ids}, the 18 inherent features (or null)
 * @param mtiPca   rows aligned with {@code ids}, the MTI principal components (or null)
 */
public record Domain(String name, List<String> ids, List<String> sequences, double[][] inherent, double[][] mtiPca) {
    public int size() {
        return ids.size();
    }

    public static Domain empty(String name) {
        return new Domain(name, List.of(), List.of(), new double[0][], new double[0][]);
    }
}
