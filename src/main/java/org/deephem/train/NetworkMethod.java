package org.deephem.train;

import java.util.Map;
import java.util.Optional;
import org.deephem.data.DeepHemDataset;
import org.deephem.data.Domain;
import org.deephem.method.FitReport;
import org.deephem.method.Method;
import org.deephem.model.ModelConfig;
import org.deephem.zoo.Scorer;

/**
 * The DeepHEM network as a {@link Method}: {@link #fit} trains through {@link TrainingRun} on the
 * given labelled rows only (the epoch is chosen on a stratified held-out part of them, so rows
 * outside {@code trainRows}, e.g. an outer cross-validation fold, are never seen), with all three
 * seeds set from {@code seed}. Scores are probabilities.
 */
public final class NetworkMethod implements Method {
    private final String name;
    private final ModelConfig config;

    public NetworkMethod(String name, ModelConfig config) {
        this.name = name;
        this.config = config;
    }

    public NetworkMethod(ModelConfig config) {
        this("deephem", config);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean scoresAreProbabilities() {
        return true;
    }

    public ModelConfig config() {
        return config;
    }

    @Override
    public java.util.Optional<ModelConfig> networkConfig() {
        return java.util.Optional.of(config);
    }

    @Override
    public Fitted fit(DeepHemDataset ds, int[] trainRows, long seed) {
        return fit(ds, trainRows, seed, null);
    }

    /** As {@link #fit}; {@code watcher} (may be null) hears each epoch's human scores, for reporting only. */
    public FittedNetwork fit(DeepHemDataset ds, int[] trainRows, long seed, Trainer.HumanWatcher watcher) {
        TrainingRun.Outcome o = TrainingRun.run(new RunSpec(name, ds, config, Seeds.of(seed), trainRows,
                Map.of("method", name)), null, watcher);
        return new FittedNetwork(o);
    }

    /** A trained network; the outcome (epoch log, typed provenance) stays available to callers of {@link #fit(DeepHemDataset, int[], long, Trainer.HumanWatcher)}. */
    public record FittedNetwork(TrainingRun.Outcome outcome) implements Fitted {
        @Override
        public double[] score(Domain domain) {
            return new Scorer(outcome.model()).score(domain, null);
        }

        @Override
        public FitReport fitReport() {
            RunProvenance.Selected s = outcome.provenance().selected();
            return new FitReport(Optional.of(new FitReport.Kept(s.epoch(), s.epochsRun(), s.stoppedEarly())), Optional.of(outcome.model()));
        }
    }
}
