package org.deephem.data;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deephem.features.MtiPca;

/**
 * Everything a DeepHEM-layout folder holds, before it is written. Produced by the real
 * builder and by the demo generator; written by {@link DatasetWriter}.
 */
public record BuiltDataset(
        List<String> sourceIds, List<String> sourceSeqs, int[] labels,
        List<String> mouseIds, List<String> mouseSeqs,
        List<String> humanIds, List<String> humanSeqs,
        Map<String, Set<String>> mouseTargets, Map<String, Set<String>> humanTargets,
        Map<String, double[]> inherent,
        MtiPca pca, Map<String, double[]> pcaScores,
        Map<String, double[]> conservation, List<String> conservationColumns,
        Map<String, double[]> dsw, List<String> dswColumns,
        Map<String, Object> manifest,
        Map<String, Integer> annotatedLengths, Map<String, org.deephem.features.HairpinWindow> windows) {

    /**
     * A dataset on annotated precursors (no {@code windows.tsv}).
     *
     * @see #annotatedLengths canonical-window datasets: each ID's annotated precursor length
     * @see #windows          canonical-window datasets: each ID's window on its annotated precursor
     */
    public BuiltDataset(List<String> sourceIds, List<String> sourceSeqs, int[] labels,
                        List<String> mouseIds, List<String> mouseSeqs,
                        List<String> humanIds, List<String> humanSeqs,
                        Map<String, Set<String>> mouseTargets, Map<String, Set<String>> humanTargets,
                        Map<String, double[]> inherent,
                        MtiPca pca, Map<String, double[]> pcaScores,
                        Map<String, double[]> conservation, List<String> conservationColumns,
                        Map<String, double[]> dsw, List<String> dswColumns,
                        Map<String, Object> manifest) {
        this(sourceIds, sourceSeqs, labels, mouseIds, mouseSeqs, humanIds, humanSeqs, mouseTargets, humanTargets, inherent, pca,
                pcaScores, conservation, conservationColumns, dsw, dswColumns, manifest, null, null);
    }
}
