package org.deephem.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.deephem.data.DatasetReader;
import org.deephem.data.DeepHemDataset;
import org.deephem.io.InputError;
import org.deephem.io.Outputs;
import org.deephem.io.Progress;
import org.deephem.method.Method;
import org.deephem.model.ModelConfig;
import org.deephem.train.NetworkMethod;
import org.deephem.train.TrainingRun;
import org.deephem.validation.CrossValidation;
import org.deephem.validation.CvFiles;
import org.deephem.validation.CvSummary;
import org.deephem.validation.Folds;
import org.deephem.validation.MethodCatalog;
import org.deephem.zoo.ConfigCodec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "cv", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Nested cross-validation on the labelled mouse: stratified k-fold x repeats; every method is fitted on the training folds only and scored on the outer fold.",
                "Writes cv_folds.csv, cv_summary.csv, cv_curves.csv, cv_predictions.csv and cv_provenance.json to -o."})
final class CvCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    ThreadsOption threadsOption = new ThreadsOption();
    @Option(names = "--data", defaultValue = "data", description = "dataset folder (default: ${DEFAULT-VALUE})")
    Path data;
    @Option(names = "--folds", defaultValue = "5", description = "folds (default: ${DEFAULT-VALUE})")
    int folds;
    @Option(names = "--repeats", defaultValue = "2", description = "repeats with fresh fold shuffles (default: ${DEFAULT-VALUE})")
    int repeats;
    @Option(names = "--seed", defaultValue = "42", description = "seed of the folds and of every fit (default: ${DEFAULT-VALUE})")
    long seed;
    @Option(names = "--methods", defaultValue = "deephem", split = ",", description = "methods to compare, comma-separated (default: ${DEFAULT-VALUE}); known: deephem, deephem-nomti (the network without MTI), ddc, dan, source-only (network variants, see compare), tca, has_mti_target, mature_count, neg_length, gc_content, neg_mfe, logistic, logistic_no_mti, random_forest, random_forest_no_mti")
    List<String> methods;
    @Option(names = "--epochs", description = "network epochs (default: 100)")
    Integer epochs;
    @Option(names = "--patience", description = "network early stopping: epochs without a better selection figure, 0 = off (default: 10)")
    Integer patience;
    @Option(names = {"-o", "--out"}, required = true, description = "output folder")
    Path out;
    @picocli.CommandLine.Mixin
    LeverOptions levers = new LeverOptions();

    @Override
    public Integer call() {
        threadsOption.apply();
        OptionCheck.atLeast("--folds", folds, 2);
        OptionCheck.atLeast("--repeats", repeats, 1);
        OptionCheck.epochs("--epochs", epochs);
        OptionCheck.patience("--patience", patience);
        Outputs.requireFolder("-o", out);
        ModelConfig net = levers.apply(ModelConfig.defaults()); // checked before any data is read
        DeepHemDataset ds = DatasetReader.read(data);
        if (!ds.hasFeatures()) throw new InputError(data + ": the dataset has no feature files (run build-dataset)");
        if (epochs != null) net = net.withTraining(epochs, net.sourceBatch(), net.targetBatch(), net.learningRate(), net.seed());
        if (patience != null) net = net.withPatience(patience);
        LeverOptions.checkData(net, ds, data);
        net = TrainingRun.sizedFor(net, ds);
        List<Method> ms = new ArrayList<>();
        Map<String, Object> settings = new LinkedHashMap<>();
        for (String name : methods) {
            Method m;
            try {
                m = MethodCatalog.create(name.strip(), net);
            } catch (IllegalArgumentException e) {
                throw new InputError("--methods: " + e.getMessage());
            }
            ms.add(m);
            settings.put(m.name(), m instanceof NetworkMethod n ? ConfigCodec.toMap(n.config()) : Map.of());
        }
        CrossValidation.Options o = new CrossValidation.Options(folds, repeats, seed);
        try {
            Folds.stratified(ds.labels(), folds, repeats, seed);
        } catch (IllegalArgumentException e) {
            throw new InputError("--folds " + folds + " on " + data + ": " + e.getMessage());
        }
        int total = folds * repeats * ms.size();
        Progress.say("cv: %d labelled mouse rows, %d-fold x %d repeats, methods %s (%d fits)", ds.labels().length, folds,
                repeats, String.join(",", methods), total);
        org.deephem.zoo.Backend.start(); // after every check, so that a refusal is one line
        int[] done = {0};
        CrossValidation.Result r = CrossValidation.run(ds, ms, o, f -> Progress.say(
                    "[%d/%d] %s repeat %d fold %d: AUROC %.3f  AUPRC %.3f  MCC %.3f%s  %.1f s", ++done[0], total, f.method(),
                    f.repeat(), f.fold(), f.auroc(), f.auprc(), f.mcc(), f.detail().isEmpty() ? "" : "  (" + f.detail() + ")",
                    f.seconds()));
        CvFiles.write(out, r, data, settings);
        for (var s : CvSummary.rows(r.folds())) {
            if (List.of("auroc", "auprc", "mcc", "logloss").contains(s.figure()) && s.n() > 0) {
                System.out.printf(Locale.ROOT, "%-14s %-8s %.3f ± %.3f (n=%d)%n", s.method(), s.figure(), s.mean(), s.sd(), s.n());
            }
        }
        for (var e : org.deephem.validation.LengthMatchedAuroc.byMethod(r.predictions()).entrySet()) {
            System.out.printf(Locale.ROOT, "%-14s %-8s %.3f [%.3f, %.3f] (length-matched AUROC, %d pairs)%n", e.getKey(), "lm_auroc",
                    e.getValue().value(), e.getValue().lo(), e.getValue().hi(), e.getValue().pairs());
        }
        System.out.printf(Locale.ROOT, "cv took %.1f s; results in %s%n", r.seconds(), out);
        return 0;
    }
}
