package org.deephem.baseline;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import org.deephem.data.DeepHemDataset;
import org.deephem.data.Domain;
import org.deephem.method.Method;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * A classifier from Tribuo (Apache-2.0) trained on the labelled mouse training rows, on the same
 * standardised inherent (+ MTI PCA) features the network sees. Hyper-parameters are the
 * library's documented defaults, not tuned (there is nothing to tune them on that is not
 * either the test fold or the human exam).
 */
public final class LearnedBaseline implements Method {

    /** The two learners. */
    public enum Algorithm {
        /**
         * Logistic regression: Tribuo's LogisticRegressionTrainer settings (log loss, AdaGrad
         * learning rate 1.0, ε 0.1, 5 epochs, minibatch 1) with our seed.
         */
        LOGISTIC("logistic"),
        /**
         * Random forest: 100 CART trees (scikit-learn's default count; Gini, unlimited depth, Tribuo's minimum child weight 5),
         * √p of the p features tried per split; the score is the trees' averaged class share.
         */
        RANDOM_FOREST("random_forest");

        private final String label;

        Algorithm(String label) {
            this.label = label;
        }
    }

    // Tribuo logs every tree it grows at INFO; keep a strong reference so the level sticks
    private static final java.util.logging.Logger TRIBUO_LOG = java.util.logging.Logger.getLogger("org.tribuo");

    static {
        TRIBUO_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    static final String ESSENTIAL = "essential";
    static final String OTHER = "other";
    private static final int TREES = 100;

    private final Algorithm algorithm;
    private final boolean withMti;

    public LearnedBaseline(Algorithm algorithm, boolean withMti) {
        this.algorithm = algorithm;
        this.withMti = withMti;
    }

    @Override
    public String name() {
        return algorithm.label + (withMti ? "" : "_no_mti");
    }

    @Override
    public Fitted fit(DeepHemDataset ds, int[] trainRows, long seed) {
        FeatureRows features = FeatureRows.fit(ds, trainRows, withMti);
        var scorer = train(algorithm, features.rows(ds, ds.source()), ds.labels(), trainRows, seed, name());
        return domain -> scorer.apply(features.rows(ds, domain));
    }

    /**
     * Trains {@code algorithm} on {@code rows[r]} with label {@code labels[r]} for r in
     * {@code trainRows}; returns the scorer of any feature rows of the same width ({@code who}
     * names the method in errors). Shared with {@link Tca}, which feeds it transformed rows.
     */
    static java.util.function.Function<double[][], double[]> train(Algorithm algorithm, double[][] rows, int[] labels,
                                                                    int[] trainRows, long seed, String who) {
        int width = rows[trainRows[0]].length;
        String[] names = featureNames(width);
        LabelFactory factory = new LabelFactory();
        // a fixed date keeps the (unused) provenance from varying between runs
        var provenance = new SimpleDataSourceProvenance("deephem labelled mouse",
                OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), factory);
        MutableDataset<Label> data = new MutableDataset<>(provenance, factory);
        for (int r : trainRows) {
            data.add(new ArrayExample<>(new Label(labels[r] == 1 ? ESSENTIAL : OTHER), names, rows[r]));
        }
        if (data.getOutputInfo().size() < 2) {
            throw new IllegalArgumentException(who + ": the training rows hold only one class");
        }
        Model<Label> model = trainer(algorithm, width, seed).train(data);
        return x -> score(model, names, x);
    }

    private static Trainer<Label> trainer(Algorithm algorithm, int width, long seed) {
        return switch (algorithm) {
            case LOGISTIC -> new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(1.0, 0.1), 5, -1, 1, seed);
            case RANDOM_FOREST -> new RandomForestTrainer<>(
                    new CARTClassificationTrainer(Integer.MAX_VALUE, (float) (Math.sqrt(width) / width), seed),
                    new FullyWeightedVotingCombiner(), TREES, seed);
        };
    }

    /** Tribuo's score for "essential": a probability (logistic) or a vote share (forest). */
    @Override
    public boolean scoresAreProbabilities() {
        return true;
    }

    private static double[] score(Model<Label> model, String[] names, double[][] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            Prediction<Label> p = model.predict(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, names, rows[i]));
            Label s = p.getOutputScores().get(ESSENTIAL);
            out[i] = s == null ? 0.0 : s.getScore();
        }
        return out;
    }

    private static String[] featureNames(int width) {
        String[] n = new String[width];
        for (int j = 0; j < width; j++) n[j] = String.format(Locale.ROOT, "f%03d", j);
        return n;
    }

    @Override
    public String toString() {
        return name();
    }
}
