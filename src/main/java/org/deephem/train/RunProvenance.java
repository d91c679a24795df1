package org.deephem.train;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deephem.features.Dangles;
import org.deephem.model.ModelConfig;
import org.deephem.zoo.ConfigCodec;

/**
 * Where a trained model came from, typed. {@link #toMap()} is what goes into the model zip's
 * {@code provenance.json}; zips are read back as plain maps, so older zips keep loading.
 *
 * @param dataset       dataset folder (null for an in-memory dataset); recorded relative to the
 *                      working directory, or by its name alone (RecordedPath)
 * @param datasetSha256 file name → SHA-256 of every file of that folder
 * @param foldingDangles dangles the dataset's features were folded with (its dataset.json), so
 *                      that new sequences are scored with the same folding
 * @param environment   build and machine facts from {@code zoo.Provenance.environment()}
 */
public record RunProvenance(String name, Instant created, Path dataset, Map<String, String> datasetSha256, int foldingDangles,
                            ModelConfig config, Seeds seeds, Map<String, String> tags, Map<String, Object> environment,
                            Selected selected, Timings timings) {

    /** Rule that chose the epoch, and its figures on the held-out selection rows. */
    public record Selected(int epoch, int epochsRun, boolean stoppedEarly, boolean collapsed, String rule,
                           double selectionAuc, double selectionLogLoss, List<String> selectionIds,
                           int labelledRowsUsed) {}

    public record Timings(double trainSeconds, double meanEpochSeconds) {}

    /** Shown wherever the selection figures are: they chose the epoch, so they are optimistic. */
    public static final String SELECTION_NOTE =
            "selection AUC/log-loss: held-out labelled mouse rows that chose the epoch; not an accuracy estimate (use cv)";

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("created", created.toString());
        m.put("config", ConfigCodec.toMap(config));
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("split", seeds.split());
        s.put("init", seeds.init());
        s.put("order", seeds.order());
        m.put("seeds", s);
        m.put("tags", new java.util.TreeMap<>(tags));
        // relative to the working directory, or the folder name: a model zip travels, a machine's folders do not
        m.put("dataset", dataset == null ? null : org.deephem.io.RecordedPath.of(dataset, null));
        m.put("dataset_sha256", datasetSha256);
        // so that scoring can say when a model trained on the synthetic demo scores real data
        m.put(org.deephem.zoo.ZooModel.DATASET_KIND, dataset == null ? null : org.deephem.data.DatasetReader.kind(dataset));
        m.put(Dangles.KEY, Dangles.record(foldingDangles));
        // so that score cuts new sequences the way the training data was cut (models without it: annotated)
        m.put(org.deephem.features.WindowRule.KEY, (dataset == null ? org.deephem.features.WindowRule.ANNOTATED
                : org.deephem.data.DatasetReader.window(dataset)).record());
        m.put("environment", environment);
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("selected_epoch", selected.epoch());
        x.put("epochs_run", selected.epochsRun());
        x.put("stopped_early", selected.stoppedEarly());
        x.put("collapsed", selected.collapsed());
        x.put("selection", selected.rule());
        x.put("selection_auc", selected.selectionAuc());
        x.put("selection_logloss", selected.selectionLogLoss());
        x.put("selection_ids", selected.selectionIds());
        x.put("selection_note", SELECTION_NOTE);
        x.put("labelled_rows_used", selected.labelledRowsUsed());
        x.put("train_seconds", timings.trainSeconds());
        x.put("mean_epoch_seconds", timings.meanEpochSeconds());
        m.put("metrics", x);
        return m;
    }
}
