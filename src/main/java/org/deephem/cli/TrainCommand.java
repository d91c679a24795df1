package org.deephem.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.deephem.data.DeepHemDataset;
import org.deephem.data.DatasetReader;
import org.deephem.eval.Correlation;
import org.deephem.eval.Correlations;
import org.deephem.eval.Metrics;
import org.deephem.io.AtomicFiles;
import org.deephem.io.InputError;
import org.deephem.io.OutputLock;
import org.deephem.io.Outputs;
import org.deephem.io.Progress;
import org.deephem.io.WriteError;
import org.deephem.model.Fusion;
import org.deephem.model.MmdKernel;
import org.deephem.model.ModelConfig;
import org.deephem.train.EpochLog;
import org.deephem.train.RunProvenance;
import org.deephem.train.RunSpec;
import org.deephem.train.Seeds;
import org.deephem.train.TrainingRun;
import org.deephem.zoo.ModelZip;
import org.deephem.zoo.ReferenceScores;
import org.deephem.zoo.Scorer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train DeepHEM on a DeepHEM-layout dataset, keep the best weights (chosen on held-out labelled mouse, never on the human indicators) and save a model zip.",
                "Writes <zoo>/<name>.zip and, under --out, training_log.csv and human_scores.csv."})
final class TrainCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    ThreadsOption threadsOption = new ThreadsOption();
    @Option(names = "--data", defaultValue = "data", description = "dataset folder (default: ${DEFAULT-VALUE})")
    Path data;
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

    /** What train writes under --out; a folder holding only these is an earlier train's and may be replaced. */
    static final List<String> OUT_FILES = List.of("training_log.csv", "human_scores.csv", "training_curves.png", "training_curves.svg", "training_curves.pdf");

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
        Path zip = zoo.resolve(name + ".zip");
        Path outDir = out != null ? out : Path.of("notebooks-equivalent-reports", name);
        Outputs.Input dataIn = Outputs.input("--data", data);
        Outputs.requireNotInput("--zoo", zip, dataIn);
        for (String f : List.of("training_log.csv", "human_scores.csv", "training_curves.png")) {
            Outputs.requireNotInput("--out", outDir.resolve(f), dataIn);
        }

        // refuse unusable output places before a long training, not after it
        for (Path p : List.of(zoo, outDir)) {
            if (Files.exists(p) && !Files.isDirectory(p)) throw new InputError(p + ": is a file, but a folder is needed to save into");
        }
        String outOption = out != null ? "--out" : "--out (default)";
        if (!intoRunFolder) Outputs.requireOwnFolder(outOption, outDir, "train", OUT_FILES);
        if (Files.isDirectory(zip)) throw new InputError(zip + ": is a folder, so the model cannot be saved there");
        // a read-only place (or one under a file) is found now, not once the training is done;
        // the folders' lock files go beside them (OutputLock), so their parents are checked too
        Outputs.requireFolder("--zoo", zoo);
        Outputs.requireFolder(outOption, outDir);
        OutputLock.requirePossible(outOption, outDir);

        org.deephem.zoo.Backend.start();
        DeepHemDataset ds = DatasetReader.read(data);
        if (!ds.hasFeatures()) throw new InputError(data + ": the dataset has no feature files (run build-dataset)");
        ModelConfig sized = TrainingRun.sizedFor(options, ds);
        ModelConfig cfg = configure(options, sized.maxLength(), sized.mtiDim());
        LeverOptions.checkData(cfg, ds, data);
        // one run writes the zip, the log and the scores as a unit: a second training of the same
        // name (or into the same --out) is refused here, before the long part
        try (OutputLock zipLock = OutputLock.acquire(zip, "training", "wait for it to finish, or choose another --name or --zoo");
             OutputLock outLock = OutputLock.acquire(outDir, "training", "wait for it to finish, or choose another --out")) {
            Seeds seeds = new Seeds(splitSeed != null ? splitSeed : seed, initSeed != null ? initSeed : seed,
                    orderSeed != null ? orderSeed : seed);
            Progress.say("training: %s", cfg.summary());
            Progress.say("seeds: split %d, init %d, order %d", seeds.split(), seeds.init(), seeds.order());
            Progress.say("data: %d labelled mouse, %d human", ds.source().size(), ds.target().size());
            TrainingRun.Outcome r;
            try (Progress.Bar bar = Progress.bar("epochs", cfg.epochs(), true)) {
                r = TrainingRun.run(new RunSpec(name, ds, cfg, seeds, null, Map.of()), e -> bar.step(String.format(Locale.ROOT,
                        "loss %.4f  cls %.4f  mmd %.4f  adv %.4f  dom-acc %.2f  train-AUC %.3f  selection-AUC %.3f  selection-logloss %.4f  human-sd %.4f  %.1fs",
                        e.trainLoss(), e.clsLoss(), e.mmdLoss(), e.advLoss(), e.domainAccuracy(),
                        e.trainAuc(), e.selectionAuc(), e.selectionLogLoss(), e.targetStd(), e.seconds())));
            }
            RunProvenance.Selected sel = r.provenance().selected();
            // the human scores exactly as `score --data` computes them from the saved model (gene sets
            // re-projected); a non-finite one stops here, before anything is written
            double[] humanLogits = new Scorer(r.model()).logits(ds.target(), ds.humanTargets());
            // the previous run's files under --out go before the new zip is renamed in: a kill never leaves them beside it
            List<Path> previous = OUT_FILES.stream().map(outDir::resolve).toList();
            saveAfterTraining(r.provenance().timings().trainSeconds(), sel.epoch(), previous, () -> {
                ReferenceScores reference = ReferenceScores.ofDataset(ds, humanLogits);
                ModelZip.save(zip, r.model(), reference);
                StringBuilder logCsv = new StringBuilder(EpochLog.header()).append('\n');
                for (EpochLog e : r.log()) logCsv.append(e.csv()).append('\n');
                AtomicFiles.writeString(outDir.resolve("training_log.csv"), logCsv.toString());
                // with the percentile column, as `score --data` writes it from the saved model
                org.deephem.zoo.ScoresCsv.write(outDir.resolve("human_scores.csv"), ds.target().ids(), new double[][] {humanLogits}, reference);
                if (!r.log().isEmpty()) org.deephem.figures.FigureFiles.save(org.deephem.figures.TrainingCurves.chart(r.log(), sel.epoch()), outDir, "training_curves");
            });
            System.out.printf(Locale.ROOT, "model: %s%n", zip);
            System.out.printf(Locale.ROOT, "selected epoch %d of %d%s; selection AUC %.3f, log-loss %.4f (the n=%d held-out labelled mouse rows that chose the epoch; not an accuracy estimate: use cv)%n",
                    sel.epoch(), sel.epochsRun(), sel.stoppedEarly() ? " (stopped early)" : "", sel.selectionAuc(),
                    sel.selectionLogLoss(), sel.selectionIds().size());
            if (sel.collapsed()) System.out.println("WARNING: human scores collapsed (all equal) in every epoch; the last weights were kept");
            System.out.printf(Locale.ROOT, "human score spread: sd %.4f; training took %.1f s%n", Metrics.std(r.humanScores()),
                    r.provenance().timings().trainSeconds());
            readout(ds, r.humanScores());
            System.out.printf(Locale.ROOT, "logs and scores: %s%n", outDir);
        }
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

    /**
     * Runs the saving steps as one unit ({@link AtomicFiles.Batch}): every file is written in full
     * before any is renamed into place, so a failure while writing (a full disk) changes nothing;
     * then the {@code previous} run's files are removed and the new ones renamed in, so a kill
     * leaves no file of the previous run beside the new model. If a step fails, the message says
     * plainly that the training itself finished and exactly what was saved and what was not.
     */
    static void saveAfterTraining(double seconds, int keptEpoch, List<Path> previous, Runnable save) {
        String finished = String.format(Locale.ROOT, "training finished (%.0f s, epoch %d kept) but ", seconds, keptEpoch);
        try (AtomicFiles.Batch batch = AtomicFiles.batch(previous)) {
            try {
                batch.stage(save);
                batch.commit();
            } catch (WriteError | InputError e) {
                String what = finished + batch.outcome() + ": " + e.getMessage();
                throw e instanceof WriteError w ? new WriteError(what, w.userCaused(), e) : new InputError(what, e);
            }
        }
    }

    /**
     * Spearman of human scores vs the indicators — a read-out only, never used for selection.
     * Human miRNAs without an indicator value are left out and counted, not scored as 0.
     */
    static void readout(DeepHemDataset ds, double[] scores) {
        Map<String, Map<String, Double>> indicators = new java.util.LinkedHashMap<>();
        indicators.put("conservation", ds.conservation());
        indicators.put("DSW", ds.dsw());
        for (var ind : indicators.entrySet()) {
            if (ind.getValue() == null) continue;
            Correlation c = Correlations.of(Correlation.Kind.SPEARMAN, scores,
                    Correlations.align(ds.target().ids(), ind.getValue()), 0, 0);
            System.out.printf(Locale.ROOT, "read-out only: Spearman(human score, %s) = %.3f (%s, n = %d, %d without a value left out)%n",
                    ind.getKey(), c.r(), Correlation.formatP(c.p()), c.n(), c.dropped());
        }
    }
}
