package org.deephem.validation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deephem.data.DatasetReader;
import org.deephem.data.DeepHemDataset;
import org.deephem.io.InputError;
import org.deephem.io.Progress;
import org.deephem.method.Method;
import org.deephem.model.ModelConfig;
import org.deephem.train.DataLevers;
import org.deephem.train.TrainingRun;
import org.deephem.zoo.ConfigCodec;

/**
 * The {@code cv} stage: the nested mouse cross-validation of named methods on a dataset folder,
 * written as cv_folds.csv, cv_summary.csv, cv_curves.csv, cv_predictions.csv and
 * cv_provenance.json. Started by the {@code cv} command and, in a child JVM, by {@code all}.
 */
public final class CvJob {
    private CvJob() {}

    /**
     * One cross-validation, every option resolved.
     *
     * @param data    dataset folder
     * @param options folds, repeats and the seed of the folds and of every fit
     * @param methods {@link MethodCatalog} names, as given
     * @param network the networks' config before it is sized for the data
     * @param out     folder of the cv_* files
     */
    public record Spec(Path data, CrossValidation.Options options, List<String> methods, ModelConfig network, Path out) {
        public Spec {
            methods = List.copyOf(methods);
        }
    }

    /** Reads the data, checks it serves the spec, cross-validates, writes the files and returns the summary lines to print. */
    public static String run(Spec s) {
        Path data = s.data();
        DeepHemDataset ds = DatasetReader.read(data);
        if (!ds.hasFeatures()) throw new InputError(data + ": the dataset has no feature files (run build-dataset)");
        DataLevers.check(s.network(), ds, data);
        ModelConfig net = TrainingRun.sizedFor(s.network(), ds);
        List<Method> ms = new ArrayList<>();
        Map<String, Object> settings = new LinkedHashMap<>();
        for (String name : s.methods()) {
            Method m;
            try {
                m = MethodCatalog.create(name.strip(), net);
            } catch (IllegalArgumentException e) {
                throw new InputError("--methods: " + e.getMessage());
            }
            ms.add(m);
            settings.put(m.name(), m.networkConfig().map(ConfigCodec::toMap).orElse(Map.of()));
        }
        CrossValidation.Options o = s.options();
        int folds = o.folds(), repeats = o.repeats();
        try {
            Folds.stratified(ds.labels(), folds, repeats, o.seed());
        } catch (IllegalArgumentException e) {
            throw new InputError("--folds " + folds + " on " + data + ": " + e.getMessage());
        }
        int total = folds * repeats * ms.size();
        Progress.say("cv: %d labelled mouse rows, %d-fold x %d repeats, methods %s (%d fits)", ds.labels().length, folds,
                repeats, String.join(",", s.methods()), total);
        org.deephem.zoo.Backend.start(); // after every check, so that a refusal is one line
        int[] done = {0};
        CrossValidation.Result r = CrossValidation.run(ds, ms, o, f -> Progress.say(
                "[%d/%d] %s repeat %d fold %d: AUROC %.3f  AUPRC %.3f  MCC %.3f%s  %.1f s", ++done[0], total, f.method(),
                f.repeat(), f.fold(), f.auroc(), f.auprc(), f.mcc(), f.detail().isEmpty() ? "" : "  (" + f.detail() + ")",
                f.seconds()));
        CvFiles.write(s.out(), r, data, settings);
        StringBuilder text = new StringBuilder();
        for (var row : CvSummary.rows(r.folds())) {
            if (List.of("auroc", "auprc", "mcc", "logloss").contains(row.figure()) && row.n() > 0) {
                text.append(String.format(Locale.ROOT, "%-14s %-8s %.3f ± %.3f (n=%d)%n", row.method(), row.figure(), row.mean(), row.sd(), row.n()));
            }
        }
        for (var e : LengthMatchedAuroc.byMethod(r.predictions()).entrySet()) {
            text.append(String.format(Locale.ROOT, "%-14s %-8s %.3f [%.3f, %.3f] (length-matched AUROC, %d pairs)%n", e.getKey(), "lm_auroc",
                    e.getValue().value(), e.getValue().lo(), e.getValue().hi(), e.getValue().pairs()));
        }
        text.append(String.format(Locale.ROOT, "cv took %.1f s; results in %s%n", r.seconds(), s.out()));
        return text.toString();
    }
}
