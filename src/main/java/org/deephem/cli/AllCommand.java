package org.deephem.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.deephem.io.InputError;
import org.deephem.model.ModelConfig;
import org.deephem.pipeline.AllPipeline;
import org.deephem.pipeline.AllSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "all", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The whole pipeline in one command: [build the dataset from --raw] -> train the network and its no-MTI twin over --seeds -> score -> nested mouse cross-validation -> report.",
                "Prints where the report is."})
final class AllCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    ThreadsOption threadsOption = new ThreadsOption();
    @Option(names = "--data", defaultValue = "data", description = "DeepHEM-layout dataset folder (default: ${DEFAULT-VALUE}, the synthetic demo)")
    Path data;
    @Option(names = "--raw", description = "build the real dataset from these raw sources first (into --out), then use it")
    Path raw;
    @Option(names = "--out", defaultValue = "build/dataset", description = "with --raw: where the dataset is built (default: ${DEFAULT-VALUE})")
    Path out;
    @Option(names = "--name", description = "run name (default: demo for the demo data, deephem-real with --raw, else deephem)")
    String name;
    @Option(names = "--epochs", description = "training epochs (default: " + AllPipeline.DEMO_EPOCHS + " on the synthetic demo, to stay quick; else the train command's 100)")
    Integer epochs;
    @Option(names = "--seeds", split = ",", description = "training seeds of deephem and deephem-nomti; the first is the saved model (default: " + AllPipeline.SEEDS + "; " + AllPipeline.DEMO_SEEDS + " on the demo)")
    List<Long> seeds;
    @Option(names = "--folds", description = "cross-validation folds (default: 5; " + AllPipeline.DEMO_FOLDS + " on the demo)")
    Integer folds;
    @Option(names = "--repeats", description = "cross-validation repeats (default: 2; " + AllPipeline.DEMO_REPEATS + " on the demo)")
    Integer repeats;
    @Option(names = "--cv-epochs", description = "network epochs inside each cross-validation fold (default: --epochs; " + AllPipeline.DEMO_CV_EPOCHS + " on the demo)")
    Integer cvEpochs;
    @Option(names = "--comparison-set", description = "also cross-validate on this dataset folder (XGEM dataset1; default: the xgem-dataset1 folder build-dataset writes beside a real dataset)")
    Path comparisonSet;
    @Option(names = "--no-comparison-set", description = "skip the cross-validation on XGEM's comparison set")
    boolean noComparisonSet;
    @Option(names = "--seed", defaultValue = "42", description = "seed of the cross-validation folds and of the baselines (default: ${DEFAULT-VALUE})")
    long seed;
    @Option(names = "--zoo", defaultValue = "model-zoo", description = "where the model zip goes (default: ${DEFAULT-VALUE})")
    Path zoo;
    @Option(names = "--reports", defaultValue = "notebooks-equivalent-reports", description = "folder of run folders (default: ${DEFAULT-VALUE})")
    Path reports;
    @Option(names = "--jobs", description = "trainings run side by side, each in its own JVM (default: " + AllPipeline.DEFAULT_JOBS + ", or the number of cores if fewer)")
    Integer jobs;
    @picocli.CommandLine.Mixin
    LeverOptions levers = new LeverOptions();
    @picocli.CommandLine.Mixin
    RunnerOptions runner = new RunnerOptions();

    @Override
    public Integer call() throws Exception {
        threadsOption.apply();
        check();
        AllSpec spec = new AllSpec(data, raw, out, name, epochs, seeds, folds, repeats, cvEpochs, comparisonSet, noComparisonSet, seed, zoo, reports,
                jobs, threadsOption.threads, levers.apply(ModelConfig.defaults()), runner.runner, runner.master);
        AllPipeline.Result r = AllPipeline.run(spec);
        System.out.printf(Locale.ROOT, "all done in %.0f s%nreport: %s%n", r.seconds(), r.report().toAbsolutePath().normalize());
        return 0;
    }

    /** Option checks before any work, so that a refusal is one line and nothing is half done (the places are checked by the pipeline). */
    private void check() {
        if (name != null) OptionCheck.name("--name", name);
        if (seeds != null && seeds.isEmpty()) throw new InputError("--seeds: give at least one seed");
        if (seeds != null && seeds.stream().distinct().count() != seeds.size()) throw new InputError("--seeds: a seed is given twice");
        if (comparisonSet != null && noComparisonSet) throw new InputError("--comparison-set and --no-comparison-set: give one of them");
        OptionCheck.atLeast("--folds", folds, 2);
        OptionCheck.atLeast("--repeats", repeats, 1);
        OptionCheck.epochs("--epochs", epochs);
        OptionCheck.epochs("--cv-epochs", cvEpochs);
        if (jobs != null) OptionCheck.range("--jobs", jobs, 1, 64);
        runner.check();
    }
}
