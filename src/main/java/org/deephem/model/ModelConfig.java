package org.deephem.model;

import java.util.Locale;

/**
 * Everything that defines a DeepHEM graph and its training, as one immutable value. Ablations
 * and baselines are values of this record, not copies of code. Defaults follow the paper where
 * it is explicit (Adam, lr 0.001, 100 epochs, batch 64 = 32 mouse + 32 human rows) and the
 * measured speed budget where it is not (see docs/ARCHITECTURE.md).
 *
 * @param maxLength     longest precursor (nt) the sequence branch reads; longer ones are truncated
 * @param tokenPool     overlapping 3-mer embeddings are averaged in windows of this many tokens
 *                      before the encoder (k-mer pooling), which makes attention affordable on CPU
 * @param width         model width d of the encoder and of every branch embedding
 * @param heads         attention heads (width must be divisible by heads)
 * @param layers        Transformer encoder blocks
 * @param hidden        hidden width of the MLPs (branches, classifier, discriminator)
 * @param inherentDim   number of inherent features (18)
 * @param mtiDim        number of MTI principal components
 * @param mmdWeight     weight of the MMD term (0 turns it off)
 * @param advWeight     weight of the adversarial term (0 turns it off)
 * @param l2            L2 weight decay on all weights
 * @param sourceBatch   labelled mouse rows per step
 * @param targetBatch   human rows per step
 * @param validationFraction share of labelled mouse held out (stratified) for weight selection
 * @param selection     how the kept epoch is chosen (never from the human indicators)
 * @param seed          seed of the initial weights (and, via {@code train --seed}, by default of
 *                      the selection split and the batch order too; see {@code train.Seeds})
 * @param patience      early stopping: stop after this many epochs without a better selection
 *                      criterion (the same mouse-side rule that keeps the epoch); 0 = off
 */
public record ModelConfig(
        boolean useSequence, boolean useInherent, boolean useMti,
        Fusion fusion, MmdKernel kernel,
        int maxLength, int tokenPool, int width, int heads, int layers, int hidden,
        int inherentDim, int mtiDim,
        double mmdWeight, double advWeight, double l2,
        double learningRate, int epochs, int sourceBatch, int targetBatch,
        double validationFraction, org.deephem.model.Selection selection, long seed, boolean doublePrecision, int patience) {

    public ModelConfig {
        if (!useSequence && !useInherent && !useMti) throw new IllegalArgumentException("at least one branch must be on");
        if (width % heads != 0) throw new IllegalArgumentException("width must be divisible by heads");
        if (tokenPool < 1) throw new IllegalArgumentException("tokenPool must be >= 1");
        if (epochs < 1 || sourceBatch < 1 || targetBatch < 1) throw new IllegalArgumentException("epochs and batch sizes must be positive");
        if (validationFraction < 0 || validationFraction >= 0.5) throw new IllegalArgumentException("validationFraction must be in [0, 0.5)");
        if (patience < 0) throw new IllegalArgumentException("patience must be >= 0 (0 = no early stopping)");
    }

    public static ModelConfig defaults() {
        return new ModelConfig(true, true, true, Fusion.CONCAT, MmdKernel.MULTI,
                180, 3, 32, 2, 1, 32, 18, 32,
                1.0, 1.0, 1e-4,
                1e-3, 100, 32, 32, 0.2, org.deephem.model.Selection.VAL_LOGLOSS, 42L, false, 0);
    }

    /** Token positions after pooling. */
    public int pooledLength() {
        int tokens = maxLength - 2;
        return (tokens + tokenPool - 1) / tokenPool;
    }

    /** Token positions before pooling (a multiple of tokenPool). */
    public int tokenLength() {
        return pooledLength() * tokenPool;
    }

    public ModelConfig withBranches(boolean seq, boolean inh, boolean mti) {
        return edit(b -> {
            b.useSequence = seq;
            b.useInherent = inh;
            b.useMti = mti;
        });
    }

    public ModelConfig withFusion(Fusion f) {
        return edit(b -> b.fusion = f);
    }

    public ModelConfig withKernel(MmdKernel k) {
        return edit(b -> b.kernel = k);
    }

    public ModelConfig withLossWeights(double mmd, double adv) {
        return edit(b -> {
            b.mmdWeight = mmd;
            b.advWeight = adv;
        });
    }

    public ModelConfig withSize(int maxLen, int pool, int w, int h, int nLayers, int mlp) {
        return edit(b -> {
            b.maxLength = maxLen;
            b.tokenPool = pool;
            b.width = w;
            b.heads = h;
            b.layers = nLayers;
            b.hidden = mlp;
        });
    }

    public ModelConfig withTraining(int nEpochs, int srcBatch, int tgtBatch, double lr, long newSeed) {
        return edit(b -> {
            b.epochs = nEpochs;
            b.sourceBatch = srcBatch;
            b.targetBatch = tgtBatch;
            b.learningRate = lr;
            b.seed = newSeed;
        });
    }

    public ModelConfig withSeed(long newSeed) {
        return edit(b -> b.seed = newSeed);
    }

    public ModelConfig withPatience(int epochsWithoutGain) {
        return edit(b -> b.patience = epochsWithoutGain);
    }

    public ModelConfig withMtiDim(int k) {
        return edit(b -> b.mtiDim = k);
    }

    public ModelConfig withDoublePrecision(boolean d) {
        return edit(b -> b.doublePrecision = d);
    }

    public ModelConfig withSelection(org.deephem.model.Selection rule) {
        return edit(b -> b.selection = rule);
    }

    public ModelConfig withRegularisation(double weightDecay, double valFraction) {
        return edit(b -> {
            b.l2 = weightDecay;
            b.validationFraction = valFraction;
        });
    }

    /** A copy with some fields changed (the record stays immutable; validation runs again). */
    private ModelConfig edit(java.util.function.Consumer<Fields> change) {
        Fields f = new Fields(this);
        change.accept(f);
        return f.build();
    }

    /** Mutable mirror of the record's fields, used only by {@link #edit}. */
    private static final class Fields {
        boolean useSequence, useInherent, useMti, doublePrecision;
        Fusion fusion;
        MmdKernel kernel;
        org.deephem.model.Selection selection;
        int maxLength, tokenPool, width, heads, layers, hidden, inherentDim, mtiDim, epochs, sourceBatch, targetBatch, patience;
        double mmdWeight, advWeight, l2, learningRate, validationFraction;
        long seed;

        Fields(ModelConfig c) {
            useSequence = c.useSequence;
            useInherent = c.useInherent;
            useMti = c.useMti;
            fusion = c.fusion;
            kernel = c.kernel;
            maxLength = c.maxLength;
            tokenPool = c.tokenPool;
            width = c.width;
            heads = c.heads;
            layers = c.layers;
            hidden = c.hidden;
            inherentDim = c.inherentDim;
            mtiDim = c.mtiDim;
            mmdWeight = c.mmdWeight;
            advWeight = c.advWeight;
            l2 = c.l2;
            learningRate = c.learningRate;
            epochs = c.epochs;
            sourceBatch = c.sourceBatch;
            targetBatch = c.targetBatch;
            validationFraction = c.validationFraction;
            selection = c.selection;
            seed = c.seed;
            doublePrecision = c.doublePrecision;
            patience = c.patience;
        }

        ModelConfig build() {
            return new ModelConfig(useSequence, useInherent, useMti, fusion, kernel, maxLength, tokenPool, width, heads,
                    layers, hidden, inherentDim, mtiDim, mmdWeight, advWeight, l2, learningRate, epochs, sourceBatch,
                    targetBatch, validationFraction, selection, seed, doublePrecision, patience);
        }
    }

    public String summary() {
        return String.format(Locale.ROOT,
                "branches seq=%s inherent=%s mti=%s; fusion %s; %s-kernel MMD x%.2g, adversarial x%.2g; "
                        + "d=%d heads=%d layers=%d pool=%d (L=%d); Adam lr=%.2g, %d epochs, batch %d+%d, l2=%.1g, selection %s%s, seed %d",
                useSequence, useInherent, useMti, fusion, kernel, mmdWeight, advWeight, width, heads, layers,
                tokenPool, pooledLength(), learningRate, epochs, sourceBatch, targetBatch, l2, selection,
                patience > 0 ? " (stop after " + patience + " epochs without gain)" : "", seed);
    }
}
