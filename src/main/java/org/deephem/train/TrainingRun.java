package org.deephem.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.deephem.data.DatasetReader;
import org.deephem.data.DeepHemDataset;
import org.deephem.data.Layout;
import org.deephem.features.Dangles;
import org.deephem.features.MtiPca;
import org.deephem.model.ModelConfig;
import org.deephem.zoo.Provenance;
import org.deephem.zoo.TrainedModel;

/**
 * Training as one call: {@link #run} takes a {@link RunSpec} and returns the trained model, its
 * epoch log and its provenance. The {@code train}, {@code bench} and {@code cv} commands and
 * {@link NetworkMethod} all train through here, so a model is made the same way everywhere.
 */
public final class TrainingRun {
    private TrainingRun() {}

    /**
     * @param model       ready to score or save (its provenance map is {@code provenance.toMap()})
     * @param humanScores scores of the dataset's human rows by the kept weights
     */
    public record Outcome(TrainedModel model, List<EpochLog> log, RunProvenance provenance, double[] humanScores) {}

    /**
     * {@code cfg} fitted to a dataset: its longest labelled-mouse or human precursor (or unlabelled mouse, when those join the target rows) as {@code maxLength}
     * and the dataset's number of MTI principal components as {@code mtiDim}.
     */
    public static ModelConfig sizedFor(ModelConfig cfg, DeepHemDataset ds) {
        int longest = 3;
        for (String s : ds.source().sequences()) longest = Math.max(longest, s.length());
        for (String s : ds.target().sequences()) longest = Math.max(longest, s.length());
        if (cfg.unlabelledMouseTarget()) for (String s : ds.unlabelledMouse().sequences()) longest = Math.max(longest, s.length());
        return cfg.withSize(longest, cfg.tokenPool(), cfg.width(), cfg.heads(), cfg.layers(), cfg.hidden())
                .withMtiDim(ds.pcaNames() == null ? cfg.mtiDim() : ds.pcaNames().size());
    }

    /** Trains; {@code listener} (may be null) hears every epoch as it ends. */
    public static Outcome run(RunSpec spec, Consumer<EpochLog> listener) {
        return run(spec, listener, null);
    }

    /** As above; {@code watcher} (may be null) also hears each epoch's human scores (reporting only). */
    public static Outcome run(RunSpec spec, Consumer<EpochLog> listener, Trainer.HumanWatcher watcher) {
        long t0 = System.nanoTime();
        Trainer.Result r = Trainer.train(spec.config(), spec.data(), spec.trainRows(), spec.seeds(), listener, watcher);
        double seconds = (System.nanoTime() - t0) / 1e9;
        Path folder = spec.data().folder();
        Path pcaFile = folder == null ? null : folder.resolve(Layout.PCA_MODEL);
        // the basis (11 MB of text on the real data) goes into the zip only for a model that reads MTI
        MtiPca pca = r.config().useMti() && pcaFile != null && Files.exists(pcaFile) ? MtiPca.read(pcaFile) : null;
        RunProvenance.Selected sel = new RunProvenance.Selected(r.bestEpoch(), r.log().size(), r.stoppedEarly(),
                r.collapsed(), r.config().selection() + " on held-out labelled mouse, among epochs with human score sd > "
                        + Trainer.COLLAPSE_STD, r.selectionAuc(), r.selectionLogLoss(), r.selectionIds(), r.labelledRowsUsed());
        RunProvenance prov = new RunProvenance(spec.name(), Instant.now(),
                folder == null ? null : folder.toAbsolutePath().normalize(),
                folder == null ? Map.of() : Provenance.datasetHashes(folder),
                folder == null ? Dangles.UNRECORDED : DatasetReader.foldingDangles(folder), r.config(), spec.seeds(), spec.tags(),
                Provenance.environment(), sel,
                new RunProvenance.Timings(seconds, r.log().stream().mapToDouble(EpochLog::seconds).average().orElse(Double.NaN)));
        TrainedModel model = new TrainedModel(r.graph(), r.config(), r.inherentScaler(), r.mtiScaler(), pca,
                spec.data().inherentNames(), prov.toMap());
        return new Outcome(model, r.log(), prov, r.humanScores());
    }
}
