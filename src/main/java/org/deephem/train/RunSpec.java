package org.deephem.train;

import java.util.Map;
import org.deephem.data.DeepHemDataset;
import org.deephem.model.ModelConfig;

/**
 * Everything that defines one training run.
 *
 * @param name      model name (file names, provenance)
 * @param data      the dataset, as read from its folder (the folder is hashed into the provenance)
 * @param config    graph and training settings; its seed is replaced by {@code seeds.init()}
 * @param seeds     split, initialisation and batch-order seeds
 * @param trainRows labelled mouse rows the run may use (indices into {@code data.source()});
 *                  null = all. The epoch is chosen on a stratified held-out part of these rows.
 * @param tags      free labels recorded in the provenance (ablation name, seed index, fold, ...)
 */
public record RunSpec(String name, DeepHemDataset data, ModelConfig config, Seeds seeds, int[] trainRows,
                      Map<String, String> tags) {
    public RunSpec {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a run needs a name");
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        trainRows = trainRows == null ? null : trainRows.clone();
    }

    /** All labelled rows, one seed for everything, no tags. */
    public static RunSpec of(String name, DeepHemDataset data, ModelConfig config, long seed) {
        return new RunSpec(name, data, config, Seeds.of(seed), null, Map.of());
    }
}
