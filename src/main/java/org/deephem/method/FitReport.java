package org.deephem.method;

import java.util.Map;
import java.util.Optional;
import org.deephem.zoo.TrainedModel;

/**
 * What a fit leaves besides its scores, for the tables and the model zoo. A network reports the
 * epoch it kept and its trained model, whose provenance is the run's (what a model zip saves as
 * provenance.json); a baseline or a single feature has neither ({@link #NONE}).
 *
 * <p>The network's per-epoch log stays with the training ({@code train.TrainingRun.Outcome}; a
 * caller that wants every epoch hears them through {@code NetworkMethod.fit}'s watcher), because
 * the training package sits above this one.
 *
 * @param kept  the epoch whose weights were kept, when the method trains in epochs
 * @param model the trained model, when the method has one that the model zoo can save
 */
public record FitReport(Optional<Kept> kept, Optional<TrainedModel> model) {
    /** A fit with no epochs and no saved model (baselines, features, ensembles as a whole). */
    public static final FitReport NONE = new FitReport(Optional.empty(), Optional.empty());

    public FitReport {
        if (kept == null || model == null) throw new IllegalArgumentException("use Optional.empty(), not null");
    }

    /**
     * The kept epoch.
     *
     * @param epochsRun    epochs trained (fewer than configured when stopped early)
     * @param stoppedEarly early stopping ended the run
     */
    public record Kept(int epoch, int epochsRun, boolean stoppedEarly) {
        /** {@code epoch 3 of 13 (stopped early)}, as the cross-validation table writes it. */
        public String describe() {
            return "epoch " + epoch + " of " + epochsRun + (stoppedEarly ? " (stopped early)" : "");
        }
    }

    /** The run's provenance as saved with the model; empty when there is no model. */
    public Map<String, Object> provenance() {
        return model.map(TrainedModel::provenance).orElse(Map.of());
    }
}
