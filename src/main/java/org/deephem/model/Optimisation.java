package org.deephem.model;

import static org.deephem.model.ModelConfig.range;

/**
 * How the weights are trained: Adam's step, epochs and batches, weight decay, dropout, the warm-up
 * and ramp of the domain terms, label smoothing, the initial-weight seed and early stopping. Part
 * of {@link ModelConfig}; the field docs are there.
 */
public record Optimisation(double learningRate, int epochs, int sourceBatch, int targetBatch, double l2,
                           Dropout dropout, double labelSmoothing, int rampEpochs, int warmupEpochs,
                           long seed, int patience) {

    /** Dropout rates, all training only; 0 = off. */
    public record Dropout(double features, double encoder, double head, double tokens, double branches) {
        public static final Dropout NONE = new Dropout(0, 0, 0, 0, 0);

        public Dropout {
            closed("featureDropout", features);
            closed("encoderDropout", encoder);
            closed("headDropout", head);
            closed("tokenDropout", tokens);
            closed("branchDropout", branches);
        }

        private static void closed(String field, double p) {
            range(field, p, 0, ModelConfig.MAX_DROPOUT, true);
        }
    }

    public Optimisation {
        if (dropout == null) throw new ModelConfig.Invalid("dropout", "is missing");
        range("l2", l2, 0, 1, true);
        range("learningRate", learningRate, 0, 1, false);
        range("epochs", epochs, 1, ModelConfig.MAX_EPOCHS);
        range("sourceBatch", sourceBatch, 1, ModelConfig.MAX_BATCH);
        range("targetBatch", targetBatch, 1, ModelConfig.MAX_BATCH);
        range("patience", patience, 0, ModelConfig.MAX_EPOCHS);
        range("labelSmoothing", labelSmoothing, 0, 0.5, true);
        range("rampEpochs", rampEpochs, 0, ModelConfig.MAX_EPOCHS);
        range("warmupEpochs", warmupEpochs, 0, ModelConfig.MAX_EPOCHS);
    }

    /** Epochs over which λ and α ramp from 0 to ~1 after the warm-up. */
    public int effectiveRampEpochs() {
        return rampEpochs > 0 ? rampEpochs : Math.max(1, epochs - warmupEpochs);
    }
}
