package org.deephem.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.deephem.ensemble.EnsembleJob;
import org.deephem.ensemble.EnsembleSpec;
import org.deephem.eval.MemberSpread;
import org.deephem.io.InputError;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "ensemble", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Make an ensemble zip for the model zoo: either train several networks (different seeds, or one per left-out fold of the labelled mouse) or bundle model zips you already have.",
                "score --model <ensemble>.zip writes the mean member probability and the 2.5-97.5 %% range of the members' probabilities (score_low, score_high)."})
final class EnsembleCommand implements Callable<Integer> {
    @ArgGroup(multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--members", split = ",", description = "model zips to bundle, comma-separated (at least 2; each member is named by its file name)")
        List<Path> members;
        @Option(names = "--data", description = "dataset folder to train the members on (all labelled mouse rows)")
        Path data;
    }

    @Option(names = "--method", defaultValue = "deephem", description = "with --data: deephem or deephem-nomti (default: ${DEFAULT-VALUE})")
    String method;
    @Option(names = "--seeds", description = "with --data: this many members, each trained on all labelled mouse with its own seed (default: 5)")
    Integer seeds;
    @Option(names = "--folds", description = "with --data: instead of --seeds, one member per stratified fold, each trained without that fold")
    Integer folds;
    @Option(names = "--seed", defaultValue = "42", description = "with --data: master seed; member seeds (and folds) are drawn from it (default: ${DEFAULT-VALUE})")
    long seed;
    @Option(names = "--epochs", description = "with --data: epochs per member (default: 100)")
    Integer epochs;
    @Option(names = "--name", required = true, description = "ensemble name: writes <zoo>/<name>.zip")
    String name;
    @Option(names = "--reference-data", description = "with --members: dataset folder whose human rows the ensemble scores and stores as its reference, so that `score` can give each score's percentile among them (with --data: that dataset, always)")
    Path referenceData;
    @Option(names = "--zoo", defaultValue = "model-zoo", description = "where the zip goes (default: ${DEFAULT-VALUE})")
    Path zoo;

    @Override
    public Integer call() {
        OptionCheck.name("--name", name);
        if (source.members == null && referenceData != null) throw new InputError("--reference-data goes with --members (with --data the ensemble's reference is that dataset)");
        if (source.members != null) {
            if (seeds != null || folds != null || epochs != null) throw new InputError("--seeds, --folds and --epochs go with --data, not --members");
        } else {
            if (seeds != null && folds != null) throw new InputError("--seeds and --folds: give one of them");
            OptionCheck.atLeast("--seeds", seeds, 2);
            OptionCheck.atLeast("--folds", folds, 2);
            OptionCheck.epochs("--epochs", epochs);
            method = method.strip().toLowerCase(Locale.ROOT);
            if (!List.of("deephem", "deephem-nomti").contains(method)) throw new InputError("--method must be deephem or deephem-nomti, not '" + method + "'");
        }
        EnsembleJob.Result r = EnsembleJob.run(new EnsembleSpec(name, zoo, source.members, referenceData, source.data, method, seeds, folds, seed, epochs));
        if (source.members != null) {
            System.out.printf(Locale.ROOT, "ensemble of %d members: %s%n", r.members(), r.zip());
        } else {
            System.out.printf(Locale.ROOT, "ensemble of %d members: %s (%.1f s)%n", r.members(), r.zip(), r.seconds());
            System.out.printf(Locale.ROOT, "mean width of the human members' range (%s): %.4f%n", MemberSpread.DEFINITION, r.meanWidth());
        }
        return 0;
    }
}
