package org.deephem.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deephem.features.FeatureCalculator;
import org.deephem.features.Mature;
import org.deephem.features.MtiPca;

/**
 * Computes the feature views of a dataset being built: the 18 inherent features for every
 * mouse and human precursor, and the MTI PCA fitted on all mouse + human rows together
 * (unsupervised; allowed by DATASET.md and stated in the manifest).
 */
public final class FeatureAssembly {
    private FeatureAssembly() {}

    public record Result(Map<String, double[]> inherent, MtiPca pca, Map<String, double[]> scores, double explained) {}

    public static Result compute(List<String> ids, List<String> seqs, Map<String, List<Mature>> matures,
                                 Map<String, Set<String>> targets, int k, long seed, int dangles) {
        List<List<Mature>> ms = new ArrayList<>();
        for (String id : ids) ms.add(matures.getOrDefault(id, List.of()));
        double[][] rows = new FeatureCalculator(dangles).inherent(seqs, ms, "precursors");
        Map<String, double[]> inherent = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) inherent.put(ids.get(i), rows[i]);
        List<Set<String>> geneRows = new ArrayList<>();
        for (String id : ids) geneRows.add(targets.getOrDefault(id, Set.of()));
        MtiPca pca = MtiPca.fit(geneRows, k, seed);
        Map<String, double[]> scores = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) scores.put(ids.get(i), pca.project(geneRows.get(i)));
        double total = MtiPca.totalVariance(geneRows);
        double kept = 0;
        for (double v : pca.variance()) kept += v;
        return new Result(inherent, pca, scores, total > 0 ? kept / total : 0.0);
    }
}
