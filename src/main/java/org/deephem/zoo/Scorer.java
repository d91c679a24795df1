package org.deephem.zoo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deephem.data.Domain;
import org.deephem.features.FeatureCalculator;
import org.deephem.features.Mature;
import org.deephem.model.ModelInputs;
import org.deephem.model.Predictor;

/** Turns miRNAs into model inputs the way training did, and scores them. */
public final class Scorer {
    private final TrainedModel model;

    public Scorer(TrainedModel model) {
        this.model = model;
    }

    /**
     * Scores a domain of a dataset folder. If gene sets are given and the model carries a PCA
     * basis, MTI components are re-projected with the model's own basis (consistent with
     * training); otherwise the folder's PCA columns are used as they are.
     */
    public double[] score(Domain d, Map<String, Set<String>> targets) {
        double[][] mti = d.mtiPca();
        if (model.config().useMti() && model.pca() != null && targets != null) mti = project(d.ids(), targets);
        return Predictor.predict(model.graph(), inputs(d.sequences(), d.inherent(), mti));
    }

    /** Scores new precursors from sequence alone (+ optional matures and targets). */
    public double[] scoreSequences(List<String> ids, List<String> seqs, List<List<Mature>> matures,
                                   Map<String, Set<String>> targets) {
        double[][] inh = model.config().useInherent() ? new FeatureCalculator().inherent(seqs, matures, "sequences") : null;
        double[][] mti = null;
        if (model.config().useMti()) {
            if (model.pca() == null) throw new IllegalArgumentException("this model has no MTI PCA basis, so it cannot score new sequences");
            mti = project(ids, targets == null ? Map.of() : targets);
        }
        return Predictor.predict(model.graph(), inputs(seqs, inh, mti));
    }

    private double[][] project(List<String> ids, Map<String, Set<String>> targets) {
        double[][] out = new double[ids.size()][];
        for (int i = 0; i < ids.size(); i++) out[i] = model.pca().project(targets.getOrDefault(ids.get(i), Set.of()));
        return out;
    }

    public ModelInputs inputs(List<String> seqs, double[][] inh, double[][] mti) {
        return new ModelInputs(model.config(), new ArrayList<>(seqs), inh, mti, model.inherentScaler(), model.mtiScaler());
    }
}
