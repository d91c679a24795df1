package org.deephem.method;

import org.deephem.data.DeepHemDataset;
import org.deephem.data.Domain;

/**
 * One way of scoring miRNAs for essentiality: the DeepHEM network, a learned baseline (logistic
 * regression, trees) or a single feature scored directly. Cross-validation, the evaluation tables
 * and the experiment harness see every method through this interface only, so that baselines
 * sit in every table beside the network on exactly the same rows.
 *
 * <p>{@link #fit} may use the labels of {@code trainRows} only (indices into
 * {@code ds.source()} and {@code ds.labels()}), plus unlabelled feature rows of the target domain
 * for adaptation; never another labelled row, and never the human conservation or DSW indicators.
 */
public interface Method {
    /** Short, stable name used in tables and file names (e.g. {@code deephem}, {@code logistic}). */
    String name();

    /**
     * True if scores are probabilities of being essential (then cross-validation reports
     * log-loss and thresholds at 0.5); false for unbounded scores such as a single feature.
     */
    default boolean scoresAreProbabilities() {
        return false;
    }

    /**
     * The network's configuration, for a method that trains a DeepHEM network (recorded in the
     * CV settings and hashed into grid cells); empty for baselines.
     */
    default java.util.Optional<org.deephem.model.ModelConfig> networkConfig() {
        return java.util.Optional.empty();
    }

    /** Learns from the labelled mouse rows {@code trainRows}; {@code seed} fixes every random choice. */
    Fitted fit(DeepHemDataset ds, int[] trainRows, long seed);

    /** A fitted method: higher score = more likely essential. */
    interface Fitted {
        /** One finite score per row of {@code domain}, in its row order. */
        double[] score(Domain domain);

        /** The kept epoch and the trained model, where the method has them; {@link FitReport#NONE} otherwise. */
        default FitReport fitReport() {
            return FitReport.NONE;
        }
    }
}
