package org.deephem.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deephem.data.DatasetReader;
import org.deephem.data.DeepHemDataset;
import org.deephem.eval.Correlation;
import org.deephem.eval.Correlations;
import org.deephem.eval.Metrics;
import org.deephem.io.AtomicFiles;
import org.deephem.io.InputError;
import org.deephem.io.OutputLock;
import org.deephem.io.Outputs;
import org.deephem.io.Progress;
import org.deephem.io.WriteError;
import org.deephem.model.ModelConfig;
import org.deephem.train.DataLevers;
import org.deephem.train.EpochLog;
import org.deephem.train.RunProvenance;
import org.deephem.train.RunSpec;
import org.deephem.train.Seeds;
import org.deephem.train.TrainingRun;
import org.deephem.zoo.ModelZip;
import org.deephem.zoo.ReferenceScores;
import org.deephem.zoo.Scorer;

/**
 * The {@code train} stage: one network trained on a dataset folder and saved as
 * {@code <zoo>/<name>.zip}, with {@code training_log.csv}, {@code human_scores.csv} and the
 * training curves in its output folder. Started by the {@code train} command and, in a child JVM,
 * by {@link AllPipeline} (through {@link ChildMain}).
 */
public final class TrainingJob {
    private TrainingJob() {}

    /**
     * One training, every option resolved.
     *
     * @param name          model name (the zip's file name)
     * @param data          dataset folder
     * @param zoo           folder of the zip
     * @param out           folder of the log, scores and curves
     * @param outOption     how the user named {@code out} in messages ("--out", or "--out (default)")
     * @param intoRunFolder {@code out} is a run folder of {@code all}, which holds more than a train's files
     * @param options       the network's config before it is sized for the data ({@link TrainingRun#sizedFor})
     * @param seeds         split, initialisation and batch-order seeds
     */
    public record Spec(String name, Path data, Path zoo, Path out, String outOption, boolean intoRunFolder,
                       ModelConfig options, Seeds seeds) {
        public Path zip() {
            return zoo.resolve(name + ".zip");
        }
    }

    /** What train writes under its output folder; a folder holding only these is an earlier train's and may be replaced. */
    public static final List<String> OUT_FILES = List.of("training_log.csv", "human_scores.csv", "training_curves.png", "training_curves.svg", "training_curves.pdf");

    /**
     * Refuses unusable output places (one line naming the option) before any data is read: the
     * zip and files that would overwrite the dataset, a file where a folder is needed, a folder
     * of other files (unless {@code intoRunFolder}), a place that cannot be written or locked.
     */
    public static void checkOutputs(Spec s) {
        Path zip = s.zip();
        Outputs.Input dataIn = Outputs.input("--data", s.data());
        Outputs.requireNotInput("--zoo", zip, dataIn);
        for (String f : List.of("training_log.csv", "human_scores.csv", "training_curves.png")) {
            Outputs.requireNotInput("--out", s.out().resolve(f), dataIn);
        }
        // refuse unusable output places before a long training, not after it
        for (Path p : List.of(s.zoo(), s.out())) {
            if (Files.exists(p) && !Files.isDirectory(p)) throw new InputError(p + ": is a file, but a folder is needed to save into");
        }
        if (!s.intoRunFolder()) Outputs.requireOwnFolder(s.outOption(), s.out(), "train", OUT_FILES);
        if (Files.isDirectory(zip)) throw new InputError(zip + ": is a folder, so the model cannot be saved there");
        // a read-only place (or one under a file) is found now, not once the training is done;
        // the folders' lock files go beside them (OutputLock), so their parents are checked too
        Outputs.requireFolder("--zoo", s.zoo());
        Outputs.requireFolder(s.outOption(), s.out());
        OutputLock.requirePossible(s.outOption(), s.out());
    }

    /** Checks the outputs ({@link #checkOutputs}), trains, saves as one unit and returns the summary lines to print. */
    public static String run(Spec s) {
        checkOutputs(s);
        org.deephem.zoo.Backend.start();
        DeepHemDataset ds = DatasetReader.read(s.data());
        if (!ds.hasFeatures()) throw new InputError(s.data() + ": the dataset has no feature files (run build-dataset)");
        ModelConfig cfg = TrainingRun.sizedFor(s.options(), ds);
        DataLevers.check(cfg, ds, s.data());
        Path zip = s.zip(), outDir = s.out();
        // one run writes the zip, the log and the scores as a unit: a second training of the same
        // name (or into the same --out) is refused here, before the long part
        try (OutputLock zipLock = OutputLock.acquire(zip, "training", "wait for it to finish, or choose another --name or --zoo");
             OutputLock outLock = OutputLock.acquire(outDir, "training", "wait for it to finish, or choose another --out")) {
            Seeds seeds = s.seeds();
            Progress.say("training: %s", cfg.summary());
            Progress.say("seeds: split %d, init %d, order %d", seeds.split(), seeds.init(), seeds.order());
            Progress.say("data: %d labelled mouse, %d human", ds.source().size(), ds.target().size());
            TrainingRun.Outcome r;
            try (Progress.Bar bar = Progress.bar("epochs", cfg.epochs(), true)) {
                r = TrainingRun.run(new RunSpec(s.name(), ds, cfg, seeds, null, Map.of()), e -> bar.step(String.format(Locale.ROOT,
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
            StringBuilder text = new StringBuilder();
            text.append(String.format(Locale.ROOT, "model: %s%n", zip));
            text.append(String.format(Locale.ROOT, "selected epoch %d of %d%s; selection AUC %.3f, log-loss %.4f (the n=%d held-out labelled mouse rows that chose the epoch; not an accuracy estimate: use cv)%n",
                    sel.epoch(), sel.epochsRun(), sel.stoppedEarly() ? " (stopped early)" : "", sel.selectionAuc(),
                    sel.selectionLogLoss(), sel.selectionIds().size()));
            if (sel.collapsed()) text.append(String.format(Locale.ROOT, "WARNING: human scores collapsed (all equal) in every epoch; the last weights were kept%n"));
            text.append(String.format(Locale.ROOT, "human score spread: sd %.4f; training took %.1f s%n", Metrics.std(r.humanScores()),
                    r.provenance().timings().trainSeconds()));
            text.append(readout(ds, r.humanScores()));
            text.append(String.format(Locale.ROOT, "logs and scores: %s%n", outDir));
            return text.toString();
        }
    }

    /**
     * Runs the saving steps as one unit ({@link AtomicFiles.Batch}): every file is written in full
     * before any is renamed into place, so a failure while writing (a full disk) changes nothing;
     * then the {@code previous} run's files are removed and the new ones renamed in, so a kill
     * leaves no file of the previous run beside the new model. If a step fails, the message says
     * plainly that the training itself finished and exactly what was saved and what was not.
     */
    public static void saveAfterTraining(double seconds, int keptEpoch, List<Path> previous, Runnable save) {
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
    static String readout(DeepHemDataset ds, double[] scores) {
        Map<String, Map<String, Double>> indicators = new java.util.LinkedHashMap<>();
        indicators.put("conservation", ds.conservation());
        indicators.put("DSW", ds.dsw());
        StringBuilder sb = new StringBuilder();
        for (var ind : indicators.entrySet()) {
            if (ind.getValue() == null) continue;
            Correlation c = Correlations.of(Correlation.Kind.SPEARMAN, scores,
                    Correlations.align(ds.target().ids(), ind.getValue()), 0, 0);
            sb.append(String.format(Locale.ROOT, "read-out only: Spearman(human score, %s) = %.3f (%s, n = %d, %d without a value left out)%n",
                    ind.getKey(), c.r(), Correlation.formatP(c.p()), c.n(), c.dropped()));
        }
        return sb.toString();
    }
}
