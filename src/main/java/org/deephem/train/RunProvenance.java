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

    /** What a provenance without selection metrics reads as (an old zip, a page's partial record): no kept epoch, figures unknown. */
    public static final Selected NO_SELECTION = new Selected(-1, 0, false, false, null, Double.NaN, Double.NaN, List.of(), 0);

    /**
     * The typed record read back from {@link #toMap()}'s map (a zip's {@code provenance.json}, a
     * page's record). Fields written by later versions get defaults when absent, so older zips keep
     * loading: no config → null, no seeds → null, no folding → {@link Dangles#UNRECORDED}, no
     * metrics → {@link #NO_SELECTION}, no timings → NaN; {@code validation_auc}/{@code validation_logloss}
     * are the selection figures' names before they were renamed. A field that is present but of
     * the wrong type is an error naming it. The derived entries ({@code dataset_kind}, {@code window},
     * {@code selection_note}) are not fields: they are recomputed by {@code toMap}.
     */
    public static RunProvenance fromMap(Map<String, ?> m) {
        Map<String, ?> cfg = mapOf(m, "config");
        Map<String, ?> s = mapOf(m, "seeds");
        Map<String, ?> x = mapOf(m, "metrics");
        Selected selected = NO_SELECTION;
        Timings timings = new Timings(Double.NaN, Double.NaN);
        if (x != null) {
            selected = new Selected(whole(x, "selected_epoch", -1), whole(x, "epochs_run", 0), flag(x, "stopped_early"), flag(x, "collapsed"),
                    x.get("selection") == null ? null : String.valueOf(x.get("selection")),
                    real(x, x.containsKey("selection_auc") ? "selection_auc" : "validation_auc"),
                    real(x, x.containsKey("selection_logloss") ? "selection_logloss" : "validation_logloss"),
                    x.get("selection_ids") instanceof List<?> ids ? ids.stream().map(String::valueOf).toList() : List.of(),
                    whole(x, "labelled_rows_used", 0));
            timings = new Timings(real(x, "train_seconds"), real(x, "mean_epoch_seconds"));
        }
        try {
            return new RunProvenance(m.get("name") == null ? null : String.valueOf(m.get("name")),
                    m.get("created") == null ? null : Instant.parse(String.valueOf(m.get("created"))),
                    m.get("dataset") == null ? null : Path.of(String.valueOf(m.get("dataset"))),
                    strings(mapOf(m, "dataset_sha256")), Dangles.recorded(m, "provenance"),
                    cfg == null ? null : ConfigCodec.fromMap(cfg),
                    s == null ? null : new Seeds(seed(s, "split"), seed(s, "init"), seed(s, "order")),
                    strings(mapOf(m, "tags")), objects(mapOf(m, "environment")), selected, timings);
        } catch (java.time.format.DateTimeParseException | java.nio.file.InvalidPathException e) {
            throw new IllegalArgumentException("provenance: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("provenance: " + e.getMessage(), e);
        }
    }

    private static Map<String, ?> mapOf(Map<String, ?> m, String key) {
        Object v = m.get(key);
        if (v == null) return null;
        if (!(v instanceof Map<?, ?> map)) throw new IllegalArgumentException("provenance: '" + key + "' is not a map");
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, val) -> out.put(String.valueOf(k), val));
        return out;
    }

    private static int whole(Map<String, ?> m, String key, int absent) {
        Object v = m.get(key);
        if (v == null) return absent;
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) throw new IllegalArgumentException("provenance: '" + key + "' is not a whole number");
        return n.intValue();
    }

    private static long seed(Map<String, ?> m, String key) {
        if (!(m.get(key) instanceof Number n) || n instanceof Double || n instanceof Float) throw new IllegalArgumentException("provenance: seeds '" + key + "' is not a whole number");
        return n.longValue();
    }

    private static boolean flag(Map<String, ?> m, String key) {
        Object v = m.get(key);
        if (v == null) return false;
        if (!(v instanceof Boolean b)) throw new IllegalArgumentException("provenance: '" + key + "' is not true/false");
        return b;
    }

    /** A number; NaN when absent or written as JSON's "NaN" string (Jackson writes non-finite doubles so). */
    private static double real(Map<String, ?> m, String key) {
        Object v = m.get(key);
        if (v == null || "NaN".equals(v)) return Double.NaN;
        if (!(v instanceof Number n)) throw new IllegalArgumentException("provenance: '" + key + "' is not a number");
        return n.doubleValue();
    }

    private static Map<String, String> strings(Map<String, ?> m) {
        Map<String, String> out = new LinkedHashMap<>();
        if (m != null) m.forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }

    private static Map<String, Object> objects(Map<String, ?> m) {
        return m == null ? new LinkedHashMap<>() : new LinkedHashMap<>(m);
    }

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
