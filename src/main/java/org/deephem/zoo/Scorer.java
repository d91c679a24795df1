package org.deephem.zoo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deephem.data.Domain;
import org.deephem.features.Dangles;
import org.deephem.features.FeatureCalculator;
import org.deephem.features.InherentFeatures;
import org.deephem.features.Mature;
import org.deephem.io.InputError;
import org.deephem.io.Progress;
import org.deephem.model.ModelConfig;
import org.deephem.model.ModelInputs;
import org.deephem.model.Predictor;

/**
 * Turns miRNAs into model inputs the way training did, and scores them. Refuses, naming the
 * miRNA, a precursor longer than the model reads (the graph has a fixed length, so scoring it
 * would silently cut its 3' end) or shorter ({@link ModelConfig#minLength}), a feature value
 * more than {@link ModelInputs#MAX_SD} sd from the model's training mean (naming the source,
 * ID and column), and any score that is not a finite number.
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

    /**
     * As {@link #logits(Domain, Map)}, a feature too far from the training data named by where it
     * came from: {@code inherentSource} (the feature sheet) and {@code mtiSource} (the PCA sheet,
     * or the gene file its components were projected from).
     */
    public double[] logits(Domain d, Map<String, Set<String>> targets, String inherentSource, String mtiSource) {
        return logits(prepare(d, targets, inherentSource, mtiSource));
    }

    /** The inputs {@link #logits(Domain, Map)} scores. */
    public Prepared prepare(Domain d, Map<String, Set<String>> targets) {
        return prepare(d, targets, d.name(), d.name());
    }

    /** As {@link #prepare(Domain, Map)}, with the sources of {@link #logits(Domain, Map, String, String)}. */
    public Prepared prepare(Domain d, Map<String, Set<String>> targets, String inherentSource, String mtiSource) {
        double[][] mti = d.mtiPca();
        if (model.config().useMti() && model.pca() != null && targets != null) mti = project(d.ids(), targets);
        return prepared(d.ids(), d.sequences(), d.inherent(), mti, d.name(), inherentSource, mtiSource);
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
        return prepared(ids, seqs, model.config().useInherent() ? inherent : null, mti, "sequences", "sequences", "sequences");
    }

    /**
     * Why each new precursor's features are too far from this model's training data to score it
     * (null where they are not), with its inherent rows already computed ({@link #inherentOf}):
     * "inherent feature 'mature_count': 5000.0 is 2.1e+03 sd from the mean …".
     */
    public String[] farProblems(List<String> ids, double[][] inherent, Map<String, Set<String>> targets) {
        String[] out = new String[ids.size()];
        boolean inh = model.config().useInherent() && inherent != null, mti = model.config().useMti() && model.pca() != null;
        for (int i = 0; i < out.length; i++) {
            if (inh) out[i] = far(false, inherent[i], model.inherentScaler());
            if (out[i] == null && mti) out[i] = far(true, model.pca().project(targets == null ? Set.of() : targets.getOrDefault(ids.get(i), Set.of())), model.mtiScaler());
        }
        return out;
    }

    private String far(boolean mti, double[] row, org.deephem.model.Standardiser s) {
        int j = ModelInputs.farColumn(s.apply(row));
        return j < 0 ? null : (mti ? "MTI" : "inherent") + " feature '" + featureName(mti, j) + "': "
                + ModelInputs.FarFromTraining.describe(row[j], s.mean()[j], s.std()[j]);
    }

    /** An input column's name: the model's inherent names (inputs.json), the 18 this build computes, or pc1, pc2, … */
    private String featureName(boolean mti, int j) {
        if (mti) return "pc" + (j + 1);
        List<String> names = model.inherentNames() != null ? model.inherentNames() : InherentFeatures.NAMES;
        return j < names.size() ? names.get(j) : "column " + (j + 1);
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

    private Prepared prepared(List<String> ids, List<String> seqs, double[][] inh, double[][] mti, String what,
                              String inherentSource, String mtiSource) {
        requireFits(ids, seqs);
        ModelInputs in;
        try {
            in = inputs(seqs, inh, mti);
        } catch (ModelInputs.FarFromTraining e) {
            throw new InputError((e.mti ? mtiSource : inherentSource) + ", ID '" + ids.get(e.row) + "', column '" + featureName(e.mti, e.column) + "': "
                    + ModelInputs.FarFromTraining.describe(e.value, e.mean, e.std));
        } catch (IllegalArgumentException e) {
            throw new InputError(what + ": " + e.getMessage());
        }
        return new Prepared(List.copyOf(ids), List.copyOf(seqs), model.config().useInherent() ? inh : null,
                model.config().useMti() ? mti : null, in);
    }

    /** The logits of prepared inputs ({@link #prepare}, {@link #prepareSequences}), each checked to be finite. */
    public double[] logits(Prepared p) {
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
