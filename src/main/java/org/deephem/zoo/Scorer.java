package org.deephem.zoo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deephem.data.Domain;
import org.deephem.features.Dangles;
import org.deephem.features.FeatureCalculator;
import org.deephem.features.Mature;
import org.deephem.io.InputError;
import org.deephem.io.Progress;
import org.deephem.model.ModelConfig;
import org.deephem.model.ModelInputs;
import org.deephem.model.Predictor;

/**
 * Turns miRNAs into model inputs the way training did, and scores them. Refuses, naming the
 * miRNA, a precursor longer than the model reads (the graph has a fixed length, so scoring it
 * would silently cut its 3' end) or shorter ({@link ModelConfig#minLength}), and any score that
 * is not a finite number.
 */
public final class Scorer {
    private final TrainedModel model;

    public Scorer(TrainedModel model) {
        this.model = model;
    }

    /** Essentiality probabilities (σ of {@link #logits(Domain, Map)}) for a domain. */
    public double[] score(Domain d, Map<String, Set<String>> targets) {
        return Predictor.sigmoid(logits(d, targets));
    }

    /**
     * What the model reads of a set of miRNAs: the raw feature rows, before the model's scaling
     * (null for a branch the model does not read), and the model inputs made from them.
     *
     * @param inherent rows aligned with {@code ids}, the inherent features as computed (or as in the dataset)
     * @param mti      rows aligned with {@code ids}, the MTI principal components (projected or as in the dataset)
     */
    public record Prepared(List<String> ids, List<String> sequences, double[][] inherent, double[][] mti, ModelInputs inputs) {}

    /**
     * Logits for a domain of a dataset folder. If gene sets are given and the model carries a
     * PCA basis, MTI components are re-projected with the model's own basis (consistent with
     * training); otherwise the folder's PCA columns are used as they are (the caller checks that
     * their basis is the model's, see {@link DatasetCheck}).
     */
    public double[] logits(Domain d, Map<String, Set<String>> targets) {
        return logits(prepare(d, targets));
    }

    /** The inputs {@link #logits(Domain, Map)} scores. */
    public Prepared prepare(Domain d, Map<String, Set<String>> targets) {
        double[][] mti = d.mtiPca();
        if (model.config().useMti() && model.pca() != null && targets != null) mti = project(d.ids(), targets);
        return prepared(d.ids(), d.sequences(), d.inherent(), mti, d.name());
    }

    /** The model inputs {@link #logits(Domain, Map)} scores. */
    public ModelInputs inputsOf(Domain d, Map<String, Set<String>> targets) {
        return prepare(d, targets).inputs();
    }

    /** Logits of new precursors from sequence alone (+ optional matures and targets). */
    public double[] logitsOfSequences(List<String> ids, List<String> seqs, List<List<Mature>> matures,
                                      Map<String, Set<String>> targets) {
        return logits(prepareSequences(ids, seqs, matures, targets));
    }

    /** The inputs {@link #logitsOfSequences} scores. */
    public Prepared prepareSequences(List<String> ids, List<String> seqs, List<List<Mature>> matures,
                                     Map<String, Set<String>> targets) {
        requireFits(ids, seqs); // before folding: fail fast
        double[][] inh = model.config().useInherent() ? inherentOf(seqs, matures) : null;
        return prepareSequences(ids, seqs, inh, targets);
    }

    /**
     * As {@link #prepareSequences(List, List, List, Map)} with the inherent rows already computed
     * by {@link #inherentOf} (of this model or of one that folds alike, see {@link #dangles()}):
     * folding is the slow part, and an ensemble's members usually fold alike.
     */
    public Prepared prepareSequences(List<String> ids, List<String> seqs, double[][] inherent, Map<String, Set<String>> targets) {
        requireFits(ids, seqs);
        double[][] mti = null;
        if (model.config().useMti()) {
            if (model.pca() == null) throw new InputError("this model has no MTI PCA basis, so it cannot score new sequences");
            mti = project(ids, targets == null ? Map.of() : targets);
        }
        return prepared(ids, seqs, model.config().useInherent() ? inherent : null, mti, "sequences");
    }

    /** The model inputs {@link #logitsOfSequences} scores. */
    public ModelInputs inputsOfSequences(List<String> ids, List<String> seqs, List<List<Mature>> matures,
                                         Map<String, Set<String>> targets) {
        return prepareSequences(ids, seqs, matures, targets).inputs();
    }

    /** The 18 inherent features of each sequence, folded as the model's training data was folded. */
    public double[][] inherentOf(List<String> seqs, List<List<Mature>> matures) {
        if (!Dangles.isRecorded(model.provenance())) {
            Progress.say("note: this model records no folding setting (saved before it was recorded): folding with dangles %d",
                    Dangles.UNRECORDED);
        }
        return new FeatureCalculator(dangles()).inherent(seqs, matures, "sequences");
    }

    /** The folding setting (RNAfold's -d) the model's training data was folded with. */
    public int dangles() {
        return Dangles.recorded(model.provenance(), "model provenance");
    }

    private Prepared prepared(List<String> ids, List<String> seqs, double[][] inh, double[][] mti, String what) {
        requireFits(ids, seqs);
        ModelInputs in;
        try {
            in = inputs(seqs, inh, mti);
        } catch (IllegalArgumentException e) {
            throw new InputError(what + ": " + e.getMessage());
        }
        return new Prepared(List.copyOf(ids), List.copyOf(seqs), model.config().useInherent() ? inh : null,
                model.config().useMti() ? mti : null, in);
    }

    private double[] logits(Prepared p) {
        double[] logits = Predictor.logits(model.graph(), p.inputs());
        ScoresCsv.requireFinite(p.ids(), logits);
        return logits;
    }

    /**
     * The sequence branch reads from {@link ModelConfig#minLength} to maxLength nt: a longer
     * precursor is refused, never cut; a shorter one (too few 3-mers for two pooling windows)
     * is refused instead of failing inside libnd4j.
     */
    private void requireFits(List<String> ids, List<String> seqs) {
        for (int i = 0; i < seqs.size(); i++) {
            String why = lengthProblem(ids.get(i), seqs.get(i).length());
            if (why != null) throw new InputError(why);
        }
    }

    /** Why a precursor of {@code length} nt cannot be scored by this model (too long or too short), or null if it can. */
    public String lengthProblem(String id, int length) {
        ModelConfig c = model.config();
        if (!c.useSequence()) return null;
        if (length > c.maxLength()) return tooLong(id, length);
        if (length < c.minLength()) {
            return "'" + id + "' has " + length + " nt, shorter than the " + c.minLength() + " nt this model reads at least"
                    + " (its 3-mers must fill 2 pooling windows of " + c.tokenPool() + ")";
        }
        return null;
    }

    private String tooLong(String id, int length) {
        return "'" + id + "' has " + length + " nt, longer than the " + model.config().maxLength()
                + " nt this model reads (scoring it would cut its 3' end)";
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
