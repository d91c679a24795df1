package org.deephem.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A DeepHEM-layout dataset held in memory: labelled mouse (source), optional unlabelled mouse,
 * human (target), their feature views, the MTI gene sets if present, and the two human
 * biological indicators if present (used only for evaluation, never for training or selection).
 */
public record DeepHemDataset(
        Path folder,
        Domain source,
        int[] labels,
        Domain unlabelledMouse,
        Domain target,
        List<String> inherentNames,
        List<String> pcaNames,
        Map<String, Set<String>> mouseTargets,
        Map<String, Set<String>> humanTargets,
        Map<String, Double> conservation,
        Map<String, Double> dsw,
        String window,
        Map<String, org.deephem.features.HairpinWindow> windows) {

    /** A dataset on annotated precursors. */
    public DeepHemDataset(Path folder, Domain source, int[] labels, Domain unlabelledMouse, Domain target,
                          List<String> inherentNames, List<String> pcaNames,
                          Map<String, Set<String>> mouseTargets, Map<String, Set<String>> humanTargets,
                          Map<String, Double> conservation, Map<String, Double> dsw) {
        this(folder, source, labels, unlabelledMouse, target, inherentNames, pcaNames, mouseTargets, humanTargets,
                conservation, dsw, org.deephem.features.WindowRule.ANNOTATED.label, Map.of());
    }

    /**
     * The window the sequences and features are on: {@code "annotated"} (the precursors as
     * given; also every folder written before windows existed) or {@code "canonical"}
     * ({@code build-dataset --window canonical}). Never null.
     */
    @Override
    public String window() {
        return window == null ? org.deephem.features.WindowRule.ANNOTATED.label : window;
    }

    /** Where ID's canonical window lies on its annotated precursor and how it was placed; null in an annotated folder. */
    public org.deephem.features.HairpinWindow windowOf(String id) {
        return windows == null ? null : windows.get(id);
    }

    public boolean hasFeatures() {
        return source.inherent() != null && target.inherent() != null
                && source.mtiPca() != null && target.mtiPca() != null;
    }
}
