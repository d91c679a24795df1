package org.deephem.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.deephem.io.InputError;
import org.deephem.model.Fusion;
import org.deephem.model.MmdKernel;
import org.deephem.model.ModelConfig;
import org.deephem.pipeline.TrainingJob;
import org.deephem.train.Seeds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train DeepHEM on a DeepHEM-layout dataset, keep the best weights (chosen on held-out labelled mouse, never on the human indicators) and save a model zip.",
                "Writes <zoo>/<name>.zip and, under --out, training_log.csv and human_scores.csv."})
final class TrainCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    ThreadsOption threadsOption = new ThreadsOption();
    @picocli.CommandLine.Mixin
    DataOption data = new DataOption();
    @Option(names = "--name", defaultValue = "deephem", description = "model name (default: ${DEFAULT-VALUE})")
    String name;
    @Option(names = "--zoo", defaultValue = "model-zoo", description = "where the zip goes (default: ${DEFAULT-VALUE})")
    Path zoo;
    @Option(names = "--out", description = {"folder for logs and scores (default: notebooks-equivalent-reports/<name>);",
            "refused when it holds other files than an earlier train's, e.g. a report"})
    Path out;
    /** Set by all, whose run folder holds the report of the very run it is remaking. */
    @Option(names = "--into-run-folder", hidden = true, description = "internal (all): --out is the run folder of all")
    boolean intoRunFolder;
    @Option(names = "--epochs", description = "epochs (default: 100)")
    Integer epochs;
    @Option(names = "--seed", defaultValue = "42", description = "seed of the selection split, the initial weights and the batch order (default: ${DEFAULT-VALUE})")
    long seed;
    @Option(names = "--split-seed", description = "seed of which labelled rows are held out to choose the epoch (default: --seed)")
    Long splitSeed;
    @Option(names = "--init-seed", description = "seed of the initial weights (default: --seed)")
    Long initSeed;
    @Option(names = "--order-seed", description = "seed of the batch order (default: --seed)")
    Long orderSeed;
    @Option(names = "--patience", description = "stop after this many epochs without a better selection figure, 0 = never (default: 10)")
    Integer patience;
    @Option(names = "--branches", defaultValue = "seq,inherent,mti", split = ",", description = "branches to use: seq, inherent, mti (default: ${DEFAULT-VALUE})")
    java.util.List<String> branches;
    @Option(names = "--fusion", defaultValue = "CONCAT", description = "CONCAT, ADD or CROSS_ATTENTION (default: ${DEFAULT-VALUE})")
    Fusion fusion;
    @Option(names = "--kernel", defaultValue = "MULTI", description = "MMD kernel: SINGLE or MULTI (default: ${DEFAULT-VALUE})")
    MmdKernel kernel;
    @Option(names = "--mmd-weight", defaultValue = "1.0", description = "MMD weight, 0 = off (default: ${DEFAULT-VALUE})")
    double mmdWeight;
    @Option(names = "--adv-weight", defaultValue = "1.0", description = "adversarial weight, 0 = off (default: ${DEFAULT-VALUE})")
    double advWeight;
    @Option(names = "--select", defaultValue = "VAL_LOGLOSS", description = "kept epoch: VAL_LOGLOSS, VAL_AUC or LAST (default: ${DEFAULT-VALUE}); judged on held-out mouse only")
    org.deephem.model.Selection select;
    @Option(names = "--layers", description = "encoder blocks (default: 1)")
    Integer layers;
    @Option(names = "--heads", description = "attention heads (default: 2)")
    Integer heads;
    @Option(names = "--pool", description = "3-mer pooling window (default: 3)")
    Integer pool;
    @picocli.CommandLine.Mixin
    LeverOptions levers = new LeverOptions();
    @Option(names = "--recipe", description = "a candidate recipe of docs/SELECTION-PROTOCOL.md by its letter (A-F), as select-default trains it; "
            + "--branches picks the twin, and lever options given as well override the recipe's (default: none = the default config)")
    String recipe;

    /** The option that sets each config field, so that a bad value is reported under the name the user typed. */
    static final Map<String, String> OPTION_OF = Map.of("epochs", "--epochs", "heads", "--heads",
            "layers", "--layers", "tokenPool", "--pool", "mmdWeight", "--mmd-weight", "advWeight", "--adv-weight",
            "patience", "--patience", "maxLength", "--data (longest sequence)", "mtiDim", "--data (MTI PCA columns)");

    @Override
    public Integer call() {
        threadsOption.apply();
        OptionCheck.name("--name", name);
        branches.replaceAll(b -> b.strip().toLowerCase(Locale.ROOT));
        for (String b : branches) {
            if (!List.of("seq", "inherent", "mti").contains(b)) {
                throw new InputError("--branches: unknown branch '" + b + "' (use seq, inherent, mti)");
            }
        }
        if (recipe != null && org.deephem.selection.Candidates.recipe(recipe.strip()) == null) {
            throw new InputError("--recipe: unknown recipe '" + recipe + "' (known: A, B, C, D, E, F; see docs/SELECTION-PROTOCOL.md)");
        }
        // every option is checked before any data is read
        ModelConfig d = ModelConfig.defaults();
        ModelConfig options = configure(d, d.maxLength(), d.mtiDim());
        Seeds seeds = new Seeds(splitSeed != null ? splitSeed : seed, initSeed != null ? initSeed : seed, orderSeed != null ? orderSeed : seed);
        System.out.print(TrainingJob.run(new TrainingJob.Spec(name, data.data, zoo, out != null ? out : Path.of("notebooks-equivalent-reports", name),
                out != null ? "--out" : "--out (default)", intoRunFolder, options, seeds)));
        return 0;
    }

    /** The options applied to {@code base}; a value out of bounds is an error naming its option. */
    ModelConfig configure(ModelConfig base, int maxLen, int mtiDim) {
        ModelConfig d = ModelConfig.defaults();
        try {
            ModelConfig c = base.withBranches(branches.contains("seq"), branches.contains("inherent"), branches.contains("mti"))
                    .withFusion(fusion).withKernel(kernel).withLossWeights(mmdWeight, advWeight)
                    .withSize(maxLen, pool != null ? pool : d.tokenPool(), levers.width != null ? levers.width : d.width(),
                            heads != null ? heads : d.heads(), layers != null ? layers : d.layers(), d.hidden())
                    .withTraining(epochs != null ? epochs : d.epochs(), d.sourceBatch(), d.targetBatch(), d.learningRate(), seed)
                    .withMtiDim(mtiDim)
                    .withSelection(select);
            // the recipe edits the assembled default exactly as select-default's grid does, before any explicit lever
            if (recipe != null) c = org.deephem.selection.Candidates.recipe(recipe.strip()).edit().apply(c);
            return levers.apply(patience != null ? c.withPatience(patience) : c);
        } catch (ModelConfig.Invalid e) {
            throw LeverOptions.invalid(e, OPTION_OF);
        }
    }
}
