package org.deephem.model;

import java.util.Locale;

/**
 * Everything that defines a DeepHEM graph and its training, as one immutable value. Ablations
 * and baselines are values of this record, not copies of code. Defaults follow the paper where
 * it is explicit (Adam, lr 0.001, 100 epochs, batch 64 = 32 mouse + 32 human rows) and the
 * measured speed budget where it is not (see docs/ARCHITECTURE.md).
 *
 * @param maxLength     longest precursor (nt) the sequence branch reads; scoring refuses longer ones
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
 * @param l2            L2 penalty (l2/2)·Σw² on the weight matrices only (not on biases or layer-norm gains)
 * @param sourceBatch   labelled mouse rows per step
 * @param targetBatch   human rows per step
 * @param validationFraction share of labelled mouse held out (stratified) for weight selection
 * @param selection     how the kept epoch is chosen (never from the human indicators)
 * @param seed          seed of the initial weights (and, via {@code train --seed}, by default of
 *                      the selection split and the batch order too; see {@code train.Seeds})
 * @param patience      early stopping: stop after this many epochs without a better selection
 *                      criterion (the same mouse-side rule that keeps the epoch); 0 = off
 * @param mmdOnHidden   also align the classifier's hidden layer by MMD (summed with the fused
 *                      layer's MMD: DAN's several-layer MK-MMD); false = the fused layer only
 * @param featureDropout dropout rate on each branch embedding (after its MLP / the encoder's pooling); training only
 * @param encoderDropout dropout rate on the attention and feed-forward outputs of every encoder block; training only
 * @param headDropout   dropout rate on the hidden layer of the classifier head; training only
 * @param tokenDropout  share of pooled 3-mer token positions zeroed per training row; training only
 * @param branchDropout probability that one branch's whole embedding is dropped for a training row
 *                      (at least one branch is always kept); training only
 * @param labelSmoothing ε: classification targets become ε/2 and 1 − ε/2
 * @param rampEpochs    epochs over which λ and α ramp from 0 after the warm-up; 0 = the epochs left after it
 * @param warmupEpochs  classifier warm-up: λ = α = 0 (no domain terms reach the shared features) for these epochs
 * @param lengthAdvWeight weight of a second gradient-reversal head that regresses the standardised
 *                      precursor length from the fused features (squared loss); 0 = no such head
 * @param unlabelledMouseTarget the unlabelled mouse precursors join the human rows as target-side
 *                      rows of the domain terms (never as labels)
 * @param lengthBalance each labelled mouse row weighs {@code train.LengthBalance.weights} in the
 *                      classification loss and the selection log-loss, so that both classes have the
 *                      same weighted length distribution (docs/SELECTION-PROTOCOL.md amendment 3
 *                      item 3); off: every row weighs 1. Left out of the config's map when off
 *                      ({@code zoo.ConfigCodec}), so configs, cell hashes and model zips without it
 *                      are byte for byte what they were before it existed
 */
public record ModelConfig(
        boolean useSequence, boolean useInherent, boolean useMti,
        Fusion fusion, MmdKernel kernel,
        int maxLength, int tokenPool, int width, int heads, int layers, int hidden,
        int inherentDim, int mtiDim,
        double mmdWeight, double advWeight, double l2,
        double learningRate, int epochs, int sourceBatch, int targetBatch,
        double validationFraction, Selection selection, long seed, boolean doublePrecision, int patience,
        boolean mmdOnHidden,
        double featureDropout, double encoderDropout, double headDropout, double tokenDropout, double branchDropout,
        double labelSmoothing, int rampEpochs, int warmupEpochs, double lengthAdvWeight, boolean unlabelledMouseTarget,
        boolean lengthBalance) {

    public ModelConfig {
        validate(useSequence, useInherent, useMti, fusion, kernel, maxLength, tokenPool, width, heads, layers, hidden,
                inherentDim, mtiDim, mmdWeight, advWeight, l2, learningRate, epochs, sourceBatch, targetBatch,
                validationFraction, selection, patience);
        validateLevers(featureDropout, encoderDropout, headDropout, tokenDropout, branchDropout, labelSmoothing,
                rampEpochs, warmupEpochs, lengthAdvWeight);
    }

    /** Highest dropout rate allowed: at 1 nothing would pass, and the 1/(1−p) rescaling would divide by 0. */
    public static final double MAX_DROPOUT = 0.9;

    /** Bounds of the regularisation, schedule and confound levers (all 0 = off, today's model). */
    private static void validateLevers(double featureDropout, double encoderDropout, double headDropout, double tokenDropout,
                                       double branchDropout, double labelSmoothing, int rampEpochs, int warmupEpochs,
                                       double lengthAdvWeight) {
        rangeClosed("featureDropout", featureDropout, 0, MAX_DROPOUT);
        rangeClosed("encoderDropout", encoderDropout, 0, MAX_DROPOUT);
        rangeClosed("headDropout", headDropout, 0, MAX_DROPOUT);
        rangeClosed("tokenDropout", tokenDropout, 0, MAX_DROPOUT);
        rangeClosed("branchDropout", branchDropout, 0, MAX_DROPOUT);
        rangeClosed("labelSmoothing", labelSmoothing, 0, 0.5);
        range("rampEpochs", rampEpochs, 0, MAX_EPOCHS);
        range("warmupEpochs", warmupEpochs, 0, MAX_EPOCHS);
        range("lengthAdvWeight", lengthAdvWeight, 0, MAX_LOSS_WEIGHT, true);
    }

    private static void rangeClosed(String field, double v, double lo, double hi) {
        range(field, v, lo, hi, true);
    }

    /** A config value out of its documented bounds; {@link #field()} names the record component. */
    public static final class Invalid extends IllegalArgumentException {
        private final String field;

        Invalid(String field, String message) {
            super(field + " " + message);
            this.field = field;
        }

        public String field() {
            return field;
        }

        /** The message without the field name, for callers that name the field their own way (a CLI option). */
        public String problem() {
            return getMessage().substring(field.length() + 1);
        }
    }

    /**
     * The bounds of every field, checked whenever a config is made (command line, code, model
     * zip), so a mistyped or hostile value fails with its name instead of as an out-of-memory,
     * a division by zero or NaN scores. Upper limits are far above anything trained here (d = 32,
     * 2 heads, 1 block, L = 60); they reject nonsense, they do not promise that every allowed
     * combination fits in memory (attention alone holds batch × heads × L² numbers).
     */
    private static void validate(boolean useSequence, boolean useInherent, boolean useMti, Fusion fusion, MmdKernel kernel,
                                 int maxLength, int tokenPool, int width, int heads, int layers, int hidden,
                                 int inherentDim, int mtiDim, double mmdWeight, double advWeight, double l2,
                                 double learningRate, int epochs, int sourceBatch, int targetBatch,
                                 double validationFraction, Selection selection, int patience) {
        if (!useSequence && !useInherent && !useMti) throw new Invalid("useSequence", "is off, as are useInherent and useMti: at least one branch must be on");
        if (fusion == null) throw new Invalid("fusion", "is missing");
        if (kernel == null) throw new Invalid("kernel", "is missing");
        if (selection == null) throw new Invalid("selection", "is missing");
        range("maxLength", maxLength, 3, MAX_LENGTH);
        range("tokenPool", tokenPool, 1, MAX_POOL);
        range("width", width, 1, MAX_WIDTH);
        range("heads", heads, 1, MAX_HEADS);
        if (width % heads != 0) throw new Invalid("heads", "must divide width " + width + " (got " + heads + ")");
        range("layers", layers, 1, MAX_LAYERS);
        range("hidden", hidden, 1, MAX_WIDTH);
        range("inherentDim", inherentDim, 1, MAX_FEATURES);
        range("mtiDim", mtiDim, 1, MAX_FEATURES);
        range("mmdWeight", mmdWeight, 0, MAX_LOSS_WEIGHT, true);
        range("advWeight", advWeight, 0, MAX_LOSS_WEIGHT, true);
        range("l2", l2, 0, 1, true);
        range("learningRate", learningRate, 0, 1, false);
        range("epochs", epochs, 1, MAX_EPOCHS);
        range("sourceBatch", sourceBatch, 1, MAX_BATCH);
        range("targetBatch", targetBatch, 1, MAX_BATCH);
        if (!(validationFraction >= 0 && validationFraction < 0.5)) {
            throw new Invalid("validationFraction", "must be at least 0 and below 0.5 (got " + validationFraction + ")");
        }
        range("patience", patience, 0, MAX_EPOCHS);
    }

    /** Longest precursor the folder accepts (RnaFolder.MAX_LENGTH); nothing longer can be featurised. */
    public static final int MAX_LENGTH = org.deephem.features.RnaFolder.MAX_LENGTH;
    public static final int MAX_POOL = 32;
    public static final int MAX_WIDTH = 1024;
    public static final int MAX_HEADS = 32;
    public static final int MAX_LAYERS = 12;
    public static final int MAX_FEATURES = 4096;
    public static final double MAX_LOSS_WEIGHT = 1000;
    public static final int MAX_EPOCHS = 100_000;
    public static final int MAX_BATCH = 4096;

    private static void range(String field, long v, long lo, long hi) {
        if (v < lo || v > hi) throw new Invalid(field, "must be between " + lo + " and " + hi + " (got " + v + ")");
    }

    /** {@code lo} is allowed only when {@code loInclusive}; NaN and infinities never are. */
    private static void range(String field, double v, double lo, double hi, boolean loInclusive) {
        boolean ok = Double.isFinite(v) && (loInclusive ? v >= lo : v > lo) && v <= hi;
        if (!ok) {
            throw new Invalid(field, "must be a finite number " + (loInclusive ? "from " : "above ") + fmt(lo) + " to " + fmt(hi)
                    + " (got " + v + ")");
        }
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /**
     * Early stopping is on by default: on the real data the kept epoch is nearly always among the
     * first few (the mouse set is memorised fast), and a cross-validation fold stopped 10 epochs
     * after it took 12 instead of 100 epochs, which is what makes 5 x 2 nested CV fit the budget.
     * Up to the stop, every epoch equals the unstopped run's (the schedules still span
     * {@code epochs}); {@code train --patience 0} gives the paper's full run.
     */
    public static final int DEFAULT_PATIENCE = 10;

    public static ModelConfig defaults() {
        return new ModelConfig(true, true, true, Fusion.CONCAT, MmdKernel.MULTI,
                180, 3, 32, 2, 1, 32, 18, 32,
                1.0, 1.0, 1e-4,
                1e-3, 100, 32, 32, 0.2, org.deephem.model.Selection.VAL_LOGLOSS, 42L, false, DEFAULT_PATIENCE, false,
                0, 0, 0, 0, 0, 0, 0, 0, 0, false, false);
    }

    /** Token positions after pooling. */
    public int pooledLength() {
        int tokens = maxLength - 2;
        return (tokens + tokenPool - 1) / tokenPool;
    }

    /**
     * The shortest precursor the sequence branch reads: {@code tokenPool + 3} nt, so that its
     * 3-mers fill at least 2 pooling windows (a batch of single-position rows fails inside
     * libnd4j's matmul). 6 nt with the default pool of 3; real precursors are far longer.
     */
    public int minLength() {
        return tokenPool + 3;
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

    /** MMD on the classifier's hidden layer as well as on the fused layer (DAN). */
    public ModelConfig withMmdOnHidden(boolean on) {
        return edit(b -> b.mmdOnHidden = on);
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

    /** Dropout rates (training only): after each branch MLP, on the encoder's attention and FFN outputs, in the classifier head. */
    public ModelConfig withDropout(double afterBranches, double inEncoder, double inHead) {
        return edit(b -> {
            b.featureDropout = afterBranches;
            b.encoderDropout = inEncoder;
            b.headDropout = inHead;
        });
    }

    /** Share of (pooled) 3-mer token positions zeroed in each training row. */
    public ModelConfig withTokenDropout(double p) {
        return edit(b -> b.tokenDropout = p);
    }

    /** Probability that a whole branch embedding is dropped for a training row. */
    public ModelConfig withBranchDropout(double p) {
        return edit(b -> b.branchDropout = p);
    }

    /** BCE targets ε/2 and 1 − ε/2 instead of 0 and 1. */
    public ModelConfig withLabelSmoothing(double eps) {
        return edit(b -> b.labelSmoothing = eps);
    }

    /** λ and α stay 0 for {@code warmup} epochs, then ramp over {@code ramp} epochs (0 = the epochs left after warm-up). */
    public ModelConfig withSchedule(int ramp, int warmup) {
        return edit(b -> {
            b.rampEpochs = ramp;
            b.warmupEpochs = warmup;
        });
    }

    /** Weight of the gradient-reversed precursor-length regression head (0 = no head). */
    public ModelConfig withLengthAdvWeight(double w) {
        return edit(b -> b.lengthAdvWeight = w);
    }

    /** Whether the unlabelled mouse precursors join the human rows on the target side of the domain terms. */
    public ModelConfig withUnlabelledMouseTarget(boolean on) {
        return edit(b -> b.unlabelledMouseTarget = on);
    }

    /** Whether labelled mouse rows are weighted so that both classes have the same length distribution. */
    public ModelConfig withLengthBalance(boolean on) {
        return edit(b -> b.lengthBalance = on);
    }

    /** Epochs over which λ and α ramp from 0 to ~1 after the warm-up. */
    public int effectiveRampEpochs() {
        return rampEpochs > 0 ? rampEpochs : Math.max(1, epochs - warmupEpochs);
    }

    /** A copy with some fields changed (the record stays immutable; validation runs again). */
    private ModelConfig edit(java.util.function.Consumer<Fields> change) {
        Fields f = new Fields(this);
        change.accept(f);
        return f.build();
    }

    /** Mutable mirror of the record's fields, used only by {@link #edit}. */
    private static final class Fields {
        boolean useSequence, useInherent, useMti, doublePrecision, mmdOnHidden, unlabelledMouseTarget, lengthBalance;
        double featureDropout, encoderDropout, headDropout, tokenDropout, branchDropout, labelSmoothing, lengthAdvWeight;
        int rampEpochs, warmupEpochs;
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
            mmdOnHidden = c.mmdOnHidden;
            featureDropout = c.featureDropout;
            encoderDropout = c.encoderDropout;
            headDropout = c.headDropout;
            tokenDropout = c.tokenDropout;
            branchDropout = c.branchDropout;
            labelSmoothing = c.labelSmoothing;
            rampEpochs = c.rampEpochs;
            warmupEpochs = c.warmupEpochs;
            lengthAdvWeight = c.lengthAdvWeight;
            unlabelledMouseTarget = c.unlabelledMouseTarget;
            lengthBalance = c.lengthBalance;
        }

        ModelConfig build() {
            return new ModelConfig(useSequence, useInherent, useMti, fusion, kernel, maxLength, tokenPool, width, heads,
                    layers, hidden, inherentDim, mtiDim, mmdWeight, advWeight, l2, learningRate, epochs, sourceBatch,
                    targetBatch, validationFraction, selection, seed, doublePrecision, patience, mmdOnHidden, featureDropout, encoderDropout,
                    headDropout, tokenDropout, branchDropout, labelSmoothing, rampEpochs, warmupEpochs, lengthAdvWeight,
                    unlabelledMouseTarget, lengthBalance);
        }
    }

    public String summary() {
        return String.format(Locale.ROOT,
                "branches seq=%s inherent=%s mti=%s; fusion %s; %s-kernel MMD%s x%.2g, adversarial x%.2g; "
                        + "d=%d heads=%d layers=%d pool=%d (L=%d); Adam lr=%.2g, %d epochs, batch %d+%d, l2=%.1g, selection %s%s, seed %d",
                useSequence, useInherent, useMti, fusion, kernel, mmdOnHidden ? " (fused + classifier hidden layer)" : "", mmdWeight, advWeight, width, heads, layers,
                tokenPool, pooledLength(), learningRate, epochs, sourceBatch, targetBatch, l2, selection,
                patience > 0 ? " (stop after " + patience + " epochs without gain)" : "", seed) + levers();
    }

    /** The levers that differ from today's model, for the one-line summary ("" when none is on). */
    private String levers() {
        StringBuilder sb = new StringBuilder();
        if (featureDropout + encoderDropout + headDropout > 0) {
            sb.append(String.format(Locale.ROOT, "; dropout branches %.2g encoder %.2g head %.2g", featureDropout, encoderDropout, headDropout));
        }
        if (tokenDropout > 0) sb.append(String.format(Locale.ROOT, "; token dropout %.2g", tokenDropout));
        if (branchDropout > 0) sb.append(String.format(Locale.ROOT, "; branch dropout %.2g", branchDropout));
        if (labelSmoothing > 0) sb.append(String.format(Locale.ROOT, "; label smoothing %.2g", labelSmoothing));
        if (rampEpochs > 0 || warmupEpochs > 0) {
            sb.append(String.format(Locale.ROOT, "; warm-up %d epochs, ramp over %d epochs", warmupEpochs, effectiveRampEpochs()));
        }
        if (lengthAdvWeight > 0) sb.append(String.format(Locale.ROOT, "; length adversary x%.2g", lengthAdvWeight));
        if (unlabelledMouseTarget) sb.append("; unlabelled mouse as target rows");
        if (lengthBalance) sb.append("; length-balanced row weights");
        return sb.toString();
    }
}
