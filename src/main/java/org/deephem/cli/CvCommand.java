package org.deephem.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.deephem.io.Outputs;
import org.deephem.model.ModelConfig;
import org.deephem.validation.CrossValidation;
import org.deephem.validation.CvJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "cv", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Nested cross-validation on the labelled mouse: stratified k-fold x repeats; every method is fitted on the training folds only and scored on the outer fold.",
                "Writes cv_folds.csv, cv_summary.csv, cv_curves.csv, cv_predictions.csv and cv_provenance.json to -o."})
final class CvCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    ThreadsOption threadsOption = new ThreadsOption();
    @picocli.CommandLine.Mixin
    DataOption data = new DataOption();
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
        if (epochs != null) net = net.withTraining(epochs, net.sourceBatch(), net.targetBatch(), net.learningRate(), net.seed());
        if (patience != null) net = net.withPatience(patience);
        System.out.print(CvJob.run(new CvJob.Spec(data.data, new CrossValidation.Options(folds, repeats, seed), methods, net, out)));
        return 0;
    }
}
