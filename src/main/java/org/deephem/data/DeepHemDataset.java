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
        Map<String, Double> dsw) {

    public boolean hasFeatures() {
        return source.inherent() != null && target.inherent() != null
                && source.mtiPca() != null && target.mtiPca() != null;
    }
}
