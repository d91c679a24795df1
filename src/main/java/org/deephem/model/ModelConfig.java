package org.deephem.model;

import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Everything that defines a DeepHEM graph and its training, as one immutable value. Ablations
 * and baselines are values of this record, not copies of code. Defaults follow the paper where
 * it is explicit (Adam, lr 0.001, 100 epochs, batch 64 = 32 mouse + 32 human rows) and the
 * measured speed budget where it is not (see docs/ARCHITECTURE.md).
 *
 * <p>It holds four parts a reader can take one at a time: the {@link Architecture} (branches,
 * fusion, sizes), the {@link DomainAdaptation} terms (MMD, adversarial, length adversary, each
 * with its weight), the {@link Optimisation} (Adam, epochs, batches, dropout, schedule, seed,
 * patience) and the {@link EpochSelection} (rule, held-out share, length balance). Build one by
 * name: {@code ModelConfig.builder().width(64).heads(4).build()} starts from {@link #defaults()};
 * {@code cfg.toBuilder()} from another config. The flat accessors below ({@code cfg.width()},
 * {@code cfg.mmdWeight()}, ...) and the {@code with...} copies stay, as short ways to one value.
 *
 * <p>The flat form, one named value per field, is {@link #FIELDS}: the config's JSON map
 * ({@code zoo.ConfigCodec}, a model zip's config.json, an experiment cell's hash) lists them in
 * this order, and a bad value's error names its field.
 *
 * <p>The fields (flat names):
 * <dl>
 * <dt>useSequence, useInherent, useMti</dt><dd>which branches read the miRNA (at least one)</dd>
 * <dt>fusion, kernel</dt><dd>how branch embeddings are fused; the MMD kernel</dd>
 * <dt>maxLength</dt><dd>longest precursor (nt) the sequence branch reads; scoring refuses longer ones</dd>
 * <dt>tokenPool</dt><dd>overlapping 3-mer embeddings are averaged in windows of this many tokens
 *     before the encoder (k-mer pooling), which makes attention affordable on CPU</dd>
 * <dt>width</dt><dd>model width d of the encoder and of every branch embedding</dd>
 * <dt>heads</dt><dd>attention heads (width must be divisible by heads)</dd>
 * <dt>layers</dt><dd>Transformer encoder blocks</dd>
 * <dt>hidden</dt><dd>hidden width of the MLPs (branches, classifier, discriminator)</dd>
 * <dt>inherentDim</dt><dd>number of inherent features (18)</dd>
 * <dt>mtiDim</dt><dd>number of MTI principal components</dd>
 * <dt>mmdWeight</dt><dd>weight of the MMD term (0 turns it off)</dd>
 * <dt>advWeight</dt><dd>weight of the adversarial term (0 turns it off)</dd>
 * <dt>l2</dt><dd>L2 penalty (l2/2)·Σw² on the weight matrices only (not on biases or layer-norm gains)</dd>
 * <dt>sourceBatch</dt><dd>labelled mouse rows per step</dd>
 * <dt>targetBatch</dt><dd>human rows per step</dd>
 * <dt>validationFraction</dt><dd>share of labelled mouse held out (stratified) for weight selection</dd>
 * <dt>selection</dt><dd>how the kept epoch is chosen (never from the human indicators)</dd>
 * <dt>seed</dt><dd>seed of the initial weights (and, via {@code train --seed}, by default of
 *     the selection split and the batch order too; see {@code train.Seeds})</dd>
 * <dt>patience</dt><dd>early stopping: stop after this many epochs without a better selection
 *     criterion (the same mouse-side rule that keeps the epoch); 0 = off</dd>
 * <dt>mmdOnHidden</dt><dd>also align the classifier's hidden layer by MMD (summed with the fused
 *     layer's MMD: DAN's several-layer MK-MMD); false = the fused layer only</dd>
 * <dt>featureDropout</dt><dd>dropout rate on each branch embedding (after its MLP / the encoder's pooling); training only</dd>
 * <dt>encoderDropout</dt><dd>dropout rate on the attention and feed-forward outputs of every encoder block; training only</dd>
 * <dt>headDropout</dt><dd>dropout rate on the hidden layer of the classifier head; training only</dd>
 * <dt>tokenDropout</dt><dd>share of pooled 3-mer token positions zeroed per training row; training only</dd>
 * <dt>branchDropout</dt><dd>probability that one branch's whole embedding is dropped for a training row
 *     (at least one branch is always kept); training only</dd>
 * <dt>labelSmoothing</dt><dd>ε: classification targets become ε/2 and 1 − ε/2</dd>
 * <dt>rampEpochs</dt><dd>epochs over which λ and α ramp from 0 after the warm-up; 0 = the epochs left after it</dd>
 * <dt>warmupEpochs</dt><dd>classifier warm-up: λ = α = 0 (no domain terms reach the shared features) for these epochs</dd>
 * <dt>lengthAdvWeight</dt><dd>weight of a second gradient-reversal head that regresses the standardised
 *     precursor length from the fused features (squared loss); 0 = no such head</dd>
 * <dt>unlabelledMouseTarget</dt><dd>the unlabelled mouse precursors join the human rows as target-side
 *     rows of the domain terms (never as labels)</dd>
 * <dt>lengthBalance</dt><dd>each labelled mouse row weighs {@code train.LengthBalance.weights} in the
 *     classification loss and the selection log-loss, so that both classes have the
 *     same weighted length distribution (docs/SELECTION-PROTOCOL.md amendment 3
 *     item 3); off: every row weighs 1. Left out of the config's map when off
 *     ({@code zoo.ConfigCodec}), so configs, cell hashes and model zips without it
 *     are byte for byte what they were before it existed</dd>
 * </dl>
 *
 * @param architecture   branches, fusion, sizes, precision
 * @param adaptation     the domain-adaptation terms and the target rows
 * @param optimisation   Adam, epochs, batches, weight decay, dropout, schedule, seed, early stopping
 * @param epochSelection how the kept epoch is chosen
 */
public record ModelConfig(Architecture architecture, DomainAdaptation adaptation, Optimisation optimisation,
                          EpochSelection epochSelection) {

    public ModelConfig {
        if (architecture == null) throw new Invalid("architecture", "is missing");
        if (adaptation == null) throw new Invalid("adaptation", "is missing");
        if (optimisation == null) throw new Invalid("optimisation", "is missing");
        if (epochSelection == null) throw new Invalid("epochSelection", "is missing");
    }

    /** Highest dropout rate allowed: at 1 nothing would pass, and the 1/(1−p) rescaling would divide by 0. */
    public static final double MAX_DROPOUT = 0.9;

    /** A config value out of its documented bounds; {@link #field()} names the flat field ({@link #FIELDS}). */
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

    /*
     * The bounds of every field are checked whenever a part is made (command line, code, model
     * zip), so a mistyped or hostile value fails with its name instead of as an out-of-memory,
     * a division by zero or NaN scores. Upper limits are far above anything trained here (d = 32,
     * 2 heads, 1 block, L = 60); they reject nonsense, they do not promise that every allowed
     * combination fits in memory (attention alone holds batch × heads × L² numbers).
     */

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

    static void range(String field, long v, long lo, long hi) {
        if (v < lo || v > hi) throw new Invalid(field, "must be between " + lo + " and " + hi + " (got " + v + ")");
    }

    /** {@code lo} is allowed only when {@code loInclusive}; NaN and infinities never are. */
    static void range(String field, double v, double lo, double hi, boolean loInclusive) {
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
        return new Builder().build();
    }

    /** A builder holding {@link #defaults()}; set fields by name, then {@link Builder#build()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this config's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    // ---- the flat accessors, one value of one part each, grouped by part ----

    // architecture
    public boolean useSequence() { return architecture.useSequence(); }
    public boolean useInherent() { return architecture.useInherent(); }
    public boolean useMti() { return architecture.useMti(); }
    public Fusion fusion() { return architecture.fusion(); }
    public int maxLength() { return architecture.maxLength(); }
    public int tokenPool() { return architecture.tokenPool(); }
    public int width() { return architecture.width(); }
    public int heads() { return architecture.heads(); }
    public int layers() { return architecture.layers(); }
    public int hidden() { return architecture.hidden(); }
    public int inherentDim() { return architecture.inherentDim(); }
    public int mtiDim() { return architecture.mtiDim(); }
    public boolean doublePrecision() { return architecture.doublePrecision(); }

    // domain adaptation
    public MmdKernel kernel() { return adaptation.mmd().kernel(); }
    public double mmdWeight() { return adaptation.mmd().weight(); }
    public double advWeight() { return adaptation.adversarial().weight(); }
    public boolean mmdOnHidden() { return adaptation.mmd().onHidden(); }
    public double lengthAdvWeight() { return adaptation.lengthAdversarial().weight(); }
    public boolean unlabelledMouseTarget() { return adaptation.unlabelledMouseTarget(); }

    // optimisation
    public double l2() { return optimisation.l2(); }
    public double learningRate() { return optimisation.learningRate(); }
    public int epochs() { return optimisation.epochs(); }
    public int sourceBatch() { return optimisation.sourceBatch(); }
    public int targetBatch() { return optimisation.targetBatch(); }
    public long seed() { return optimisation.seed(); }
    public int patience() { return optimisation.patience(); }
    public double featureDropout() { return optimisation.dropout().features(); }
    public double encoderDropout() { return optimisation.dropout().encoder(); }
    public double headDropout() { return optimisation.dropout().head(); }
    public double tokenDropout() { return optimisation.dropout().tokens(); }
    public double branchDropout() { return optimisation.dropout().branches(); }
    public double labelSmoothing() { return optimisation.labelSmoothing(); }
    public int rampEpochs() { return optimisation.rampEpochs(); }
    public int warmupEpochs() { return optimisation.warmupEpochs(); }

    // epoch selection
    public double validationFraction() { return epochSelection.validationFraction(); }
    public Selection selection() { return epochSelection.rule(); }
    public boolean lengthBalance() { return epochSelection.lengthBalance(); }

    /** Token positions after pooling. */
    public int pooledLength() {
        int tokens = maxLength() - 2;
        return (tokens + tokenPool() - 1) / tokenPool();
    }

    /**
     * The shortest precursor the sequence branch reads: {@code tokenPool + 3} nt, so that its
     * 3-mers fill at least 2 pooling windows (a batch of single-position rows fails inside
     * libnd4j's matmul). 6 nt with the default pool of 3; real precursors are far longer.
     */
    public int minLength() {
        return tokenPool() + 3;
    }

    /** Token positions before pooling (a multiple of tokenPool). */
    public int tokenLength() {
        return pooledLength() * tokenPool();
    }

    /** Epochs over which λ and α ramp from 0 to ~1 after the warm-up. */
    public int effectiveRampEpochs() {
        return optimisation.effectiveRampEpochs();
    }

    // ---- copies with a few values changed (each is builder().….build(), so validation runs again) ----

    public ModelConfig withBranches(boolean seq, boolean inh, boolean mti) {
        return toBuilder().useSequence(seq).useInherent(inh).useMti(mti).build();
    }

    public ModelConfig withFusion(Fusion f) {
        return toBuilder().fusion(f).build();
    }

    public ModelConfig withKernel(MmdKernel k) {
        return toBuilder().kernel(k).build();
    }

    public ModelConfig withLossWeights(double mmd, double adv) {
        return toBuilder().mmdWeight(mmd).advWeight(adv).build();
    }

    public ModelConfig withSize(int maxLen, int pool, int w, int h, int nLayers, int mlp) {
        return toBuilder().maxLength(maxLen).tokenPool(pool).width(w).heads(h).layers(nLayers).hidden(mlp).build();
    }

    public ModelConfig withTraining(int nEpochs, int srcBatch, int tgtBatch, double lr, long newSeed) {
        return toBuilder().epochs(nEpochs).sourceBatch(srcBatch).targetBatch(tgtBatch).learningRate(lr).seed(newSeed).build();
    }

    public ModelConfig withSeed(long newSeed) {
        return toBuilder().seed(newSeed).build();
    }

    public ModelConfig withPatience(int epochsWithoutGain) {
        return toBuilder().patience(epochsWithoutGain).build();
    }

    /** MMD on the classifier's hidden layer as well as on the fused layer (DAN). */
    public ModelConfig withMmdOnHidden(boolean on) {
        return toBuilder().mmdOnHidden(on).build();
    }

    public ModelConfig withMtiDim(int k) {
        return toBuilder().mtiDim(k).build();
    }

    public ModelConfig withDoublePrecision(boolean d) {
        return toBuilder().doublePrecision(d).build();
    }

    public ModelConfig withSelection(Selection rule) {
        return toBuilder().selection(rule).build();
    }

    public ModelConfig withRegularisation(double weightDecay, double valFraction) {
        return toBuilder().l2(weightDecay).validationFraction(valFraction).build();
    }

    /** Dropout rates (training only): after each branch MLP, on the encoder's attention and FFN outputs, in the classifier head. */
    public ModelConfig withDropout(double afterBranches, double inEncoder, double inHead) {
        return toBuilder().featureDropout(afterBranches).encoderDropout(inEncoder).headDropout(inHead).build();
    }

    /** Share of (pooled) 3-mer token positions zeroed in each training row. */
    public ModelConfig withTokenDropout(double p) {
        return toBuilder().tokenDropout(p).build();
    }

    /** Probability that a whole branch embedding is dropped for a training row. */
    public ModelConfig withBranchDropout(double p) {
        return toBuilder().branchDropout(p).build();
    }

    /** BCE targets ε/2 and 1 − ε/2 instead of 0 and 1. */
    public ModelConfig withLabelSmoothing(double eps) {
        return toBuilder().labelSmoothing(eps).build();
    }

    /** λ and α stay 0 for {@code warmup} epochs, then ramp over {@code ramp} epochs (0 = the epochs left after warm-up). */
    public ModelConfig withSchedule(int ramp, int warmup) {
        return toBuilder().rampEpochs(ramp).warmupEpochs(warmup).build();
    }

    /** Weight of the gradient-reversed precursor-length regression head (0 = no head). */
    public ModelConfig withLengthAdvWeight(double w) {
        return toBuilder().lengthAdvWeight(w).build();
    }

    /** Whether the unlabelled mouse precursors join the human rows on the target side of the domain terms. */
    public ModelConfig withUnlabelledMouseTarget(boolean on) {
        return toBuilder().unlabelledMouseTarget(on).build();
    }

    /** Whether labelled mouse rows are weighted so that both classes have the same length distribution. */
    public ModelConfig withLengthBalance(boolean on) {
        return toBuilder().lengthBalance(on).build();
    }

    /**
     * Builds a config by field name. Starts from {@link #defaults()} (or from a config, via
     * {@link #toBuilder()}); {@link #build()} checks every bound and names the first bad field.
     */
    public static final class Builder {
        private boolean useSequence = true, useInherent = true, useMti = true;
        private Fusion fusion = Fusion.CONCAT;
        private int maxLength = 180, tokenPool = 3, width = 32, heads = 2, layers = 1, hidden = 32, inherentDim = 18, mtiDim = 32;
        private boolean doublePrecision = false;
        private MmdKernel kernel = MmdKernel.MULTI;
        private double mmdWeight = 1.0, advWeight = 1.0, lengthAdvWeight = 0;
        private boolean mmdOnHidden = false, unlabelledMouseTarget = false;
        private double learningRate = 1e-3, l2 = 1e-4;
        private int epochs = 100, sourceBatch = 32, targetBatch = 32;
        private double featureDropout, encoderDropout, headDropout, tokenDropout, branchDropout, labelSmoothing;
        private int rampEpochs, warmupEpochs;
        private long seed = 42L;
        private int patience = DEFAULT_PATIENCE;
        private Selection selection = Selection.VAL_LOGLOSS;
        private double validationFraction = 0.2;
        private boolean lengthBalance = false;

        private Builder() {}

        private Builder(ModelConfig c) {
            architecture(c.architecture);
            adaptation(c.adaptation);
            optimisation(c.optimisation);
            epochSelection(c.epochSelection);
        }

        public Builder architecture(Architecture a) {
            useSequence = a.useSequence();
            useInherent = a.useInherent();
            useMti = a.useMti();
            fusion = a.fusion();
            maxLength = a.maxLength();
            tokenPool = a.tokenPool();
            width = a.width();
            heads = a.heads();
            layers = a.layers();
            hidden = a.hidden();
            inherentDim = a.inherentDim();
            mtiDim = a.mtiDim();
            doublePrecision = a.doublePrecision();
            return this;
        }

        public Builder adaptation(DomainAdaptation d) {
            for (DomainAdaptation.Term t : d.terms()) term(t);
            unlabelledMouseTarget = d.unlabelledMouseTarget();
            return this;
        }

        /** Replaces the term of the same kind. */
        public Builder term(DomainAdaptation.Term t) {
            if (t instanceof DomainAdaptation.Mmd m) {
                mmdWeight = m.weight();
                kernel = m.kernel();
                mmdOnHidden = m.onHidden();
            } else if (t instanceof DomainAdaptation.Adversarial a) {
                advWeight = a.weight();
            } else if (t instanceof DomainAdaptation.LengthAdversarial l) {
                lengthAdvWeight = l.weight();
            }
            return this;
        }

        public Builder optimisation(Optimisation o) {
            learningRate = o.learningRate();
            epochs = o.epochs();
            sourceBatch = o.sourceBatch();
            targetBatch = o.targetBatch();
            l2 = o.l2();
            featureDropout = o.dropout().features();
            encoderDropout = o.dropout().encoder();
            headDropout = o.dropout().head();
            tokenDropout = o.dropout().tokens();
            branchDropout = o.dropout().branches();
            labelSmoothing = o.labelSmoothing();
            rampEpochs = o.rampEpochs();
            warmupEpochs = o.warmupEpochs();
            seed = o.seed();
            patience = o.patience();
            return this;
        }

        public Builder epochSelection(EpochSelection s) {
            selection = s.rule();
            validationFraction = s.validationFraction();
            lengthBalance = s.lengthBalance();
            return this;
        }

        public Builder useSequence(boolean v) { useSequence = v; return this; }
        public Builder useInherent(boolean v) { useInherent = v; return this; }
        public Builder useMti(boolean v) { useMti = v; return this; }
        public Builder fusion(Fusion v) { fusion = v; return this; }
        public Builder kernel(MmdKernel v) { kernel = v; return this; }
        public Builder maxLength(int v) { maxLength = v; return this; }
        public Builder tokenPool(int v) { tokenPool = v; return this; }
        public Builder width(int v) { width = v; return this; }
        public Builder heads(int v) { heads = v; return this; }
        public Builder layers(int v) { layers = v; return this; }
        public Builder hidden(int v) { hidden = v; return this; }
        public Builder inherentDim(int v) { inherentDim = v; return this; }
        public Builder mtiDim(int v) { mtiDim = v; return this; }
        public Builder mmdWeight(double v) { mmdWeight = v; return this; }
        public Builder advWeight(double v) { advWeight = v; return this; }
        public Builder l2(double v) { l2 = v; return this; }
        public Builder learningRate(double v) { learningRate = v; return this; }
        public Builder epochs(int v) { epochs = v; return this; }
        public Builder sourceBatch(int v) { sourceBatch = v; return this; }
        public Builder targetBatch(int v) { targetBatch = v; return this; }
        public Builder validationFraction(double v) { validationFraction = v; return this; }
        public Builder selection(Selection v) { selection = v; return this; }
        public Builder seed(long v) { seed = v; return this; }
        public Builder doublePrecision(boolean v) { doublePrecision = v; return this; }
        public Builder patience(int v) { patience = v; return this; }
        public Builder mmdOnHidden(boolean v) { mmdOnHidden = v; return this; }
        public Builder featureDropout(double v) { featureDropout = v; return this; }
        public Builder encoderDropout(double v) { encoderDropout = v; return this; }
        public Builder headDropout(double v) { headDropout = v; return this; }
        public Builder tokenDropout(double v) { tokenDropout = v; return this; }
        public Builder branchDropout(double v) { branchDropout = v; return this; }
        public Builder labelSmoothing(double v) { labelSmoothing = v; return this; }
        public Builder rampEpochs(int v) { rampEpochs = v; return this; }
        public Builder warmupEpochs(int v) { warmupEpochs = v; return this; }
        public Builder lengthAdvWeight(double v) { lengthAdvWeight = v; return this; }
        public Builder unlabelledMouseTarget(boolean v) { unlabelledMouseTarget = v; return this; }
        public Builder lengthBalance(boolean v) { lengthBalance = v; return this; }

        /** The config; a value out of bounds throws {@link Invalid} naming its field. */
        public ModelConfig build() {
            return new ModelConfig(
                    new Architecture(useSequence, useInherent, useMti, fusion, maxLength, tokenPool, width, heads, layers, hidden,
                            inherentDim, mtiDim, doublePrecision),
                    new DomainAdaptation(List.of(new DomainAdaptation.Mmd(mmdWeight, kernel, mmdOnHidden),
                            new DomainAdaptation.Adversarial(advWeight), new DomainAdaptation.LengthAdversarial(lengthAdvWeight)),
                            unlabelledMouseTarget),
                    new Optimisation(learningRate, epochs, sourceBatch, targetBatch, l2,
                            new Optimisation.Dropout(featureDropout, encoderDropout, headDropout, tokenDropout, branchDropout),
                            labelSmoothing, rampEpochs, warmupEpochs, seed, patience),
                    new EpochSelection(selection, validationFraction, lengthBalance));
        }
    }

    /**
     * One field of the flat form: its name (in the JSON map, in errors), its value type, how to
     * read it from a config and how to set it on a builder.
     */
    public record Field<T>(String name, Class<T> type, Function<ModelConfig, T> get, BiConsumer<Builder, T> set) {}

    private static <T> Field<T> field(String name, Class<T> type, Function<ModelConfig, T> get, BiConsumer<Builder, T> set) {
        return new Field<>(name, type, get, set);
    }

    /**
     * Every field of the flat form, in the order the JSON map has always listed them (the order of
     * the flat record this config was before it had parts; new fields go at the end).
     */
    public static final List<Field<?>> FIELDS = List.of(
            field("useSequence", Boolean.class, ModelConfig::useSequence, Builder::useSequence),
            field("useInherent", Boolean.class, ModelConfig::useInherent, Builder::useInherent),
            field("useMti", Boolean.class, ModelConfig::useMti, Builder::useMti),
            field("fusion", Fusion.class, ModelConfig::fusion, Builder::fusion),
            field("kernel", MmdKernel.class, ModelConfig::kernel, Builder::kernel),
            field("maxLength", Integer.class, ModelConfig::maxLength, Builder::maxLength),
            field("tokenPool", Integer.class, ModelConfig::tokenPool, Builder::tokenPool),
            field("width", Integer.class, ModelConfig::width, Builder::width),
            field("heads", Integer.class, ModelConfig::heads, Builder::heads),
            field("layers", Integer.class, ModelConfig::layers, Builder::layers),
            field("hidden", Integer.class, ModelConfig::hidden, Builder::hidden),
            field("inherentDim", Integer.class, ModelConfig::inherentDim, Builder::inherentDim),
            field("mtiDim", Integer.class, ModelConfig::mtiDim, Builder::mtiDim),
            field("mmdWeight", Double.class, ModelConfig::mmdWeight, Builder::mmdWeight),
            field("advWeight", Double.class, ModelConfig::advWeight, Builder::advWeight),
            field("l2", Double.class, ModelConfig::l2, Builder::l2),
            field("learningRate", Double.class, ModelConfig::learningRate, Builder::learningRate),
            field("epochs", Integer.class, ModelConfig::epochs, Builder::epochs),
            field("sourceBatch", Integer.class, ModelConfig::sourceBatch, Builder::sourceBatch),
            field("targetBatch", Integer.class, ModelConfig::targetBatch, Builder::targetBatch),
            field("validationFraction", Double.class, ModelConfig::validationFraction, Builder::validationFraction),
            field("selection", Selection.class, ModelConfig::selection, Builder::selection),
            field("seed", Long.class, ModelConfig::seed, Builder::seed),
            field("doublePrecision", Boolean.class, ModelConfig::doublePrecision, Builder::doublePrecision),
            field("patience", Integer.class, ModelConfig::patience, Builder::patience),
            field("mmdOnHidden", Boolean.class, ModelConfig::mmdOnHidden, Builder::mmdOnHidden),
            field("featureDropout", Double.class, ModelConfig::featureDropout, Builder::featureDropout),
            field("encoderDropout", Double.class, ModelConfig::encoderDropout, Builder::encoderDropout),
            field("headDropout", Double.class, ModelConfig::headDropout, Builder::headDropout),
            field("tokenDropout", Double.class, ModelConfig::tokenDropout, Builder::tokenDropout),
            field("branchDropout", Double.class, ModelConfig::branchDropout, Builder::branchDropout),
            field("labelSmoothing", Double.class, ModelConfig::labelSmoothing, Builder::labelSmoothing),
            field("rampEpochs", Integer.class, ModelConfig::rampEpochs, Builder::rampEpochs),
            field("warmupEpochs", Integer.class, ModelConfig::warmupEpochs, Builder::warmupEpochs),
            field("lengthAdvWeight", Double.class, ModelConfig::lengthAdvWeight, Builder::lengthAdvWeight),
            field("unlabelledMouseTarget", Boolean.class, ModelConfig::unlabelledMouseTarget, Builder::unlabelledMouseTarget),
            field("lengthBalance", Boolean.class, ModelConfig::lengthBalance, Builder::lengthBalance));

    /** The flat form, {@code ModelConfig[useSequence=true, ...]}, as the flat record printed itself. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ModelConfig[");
        for (int i = 0; i < FIELDS.size(); i++) {
            if (i > 0) sb.append(", ");
            sb.append(FIELDS.get(i).name()).append('=').append(FIELDS.get(i).get().apply(this));
        }
        return sb.append(']').toString();
    }

    public String summary() {
        return String.format(Locale.ROOT,
                "branches seq=%s inherent=%s mti=%s; fusion %s; %s-kernel MMD%s x%.2g, adversarial x%.2g; "
                        + "d=%d heads=%d layers=%d pool=%d (L=%d); Adam lr=%.2g, %d epochs, batch %d+%d, l2=%.1g, selection %s%s, seed %d",
                useSequence(), useInherent(), useMti(), fusion(), kernel(), mmdOnHidden() ? " (fused + classifier hidden layer)" : "", mmdWeight(), advWeight(), width(), heads(), layers(),
                tokenPool(), pooledLength(), learningRate(), epochs(), sourceBatch(), targetBatch(), l2(), selection(),
                patience() > 0 ? " (stop after " + patience() + " epochs without gain)" : "", seed()) + levers();
    }

    /** The levers that differ from today's model, for the one-line summary ("" when none is on). */
    private String levers() {
        StringBuilder sb = new StringBuilder();
        if (featureDropout() + encoderDropout() + headDropout() > 0) {
            sb.append(String.format(Locale.ROOT, "; dropout branches %.2g encoder %.2g head %.2g", featureDropout(), encoderDropout(), headDropout()));
        }
        if (tokenDropout() > 0) sb.append(String.format(Locale.ROOT, "; token dropout %.2g", tokenDropout()));
        if (branchDropout() > 0) sb.append(String.format(Locale.ROOT, "; branch dropout %.2g", branchDropout()));
        if (labelSmoothing() > 0) sb.append(String.format(Locale.ROOT, "; label smoothing %.2g", labelSmoothing()));
        if (rampEpochs() > 0 || warmupEpochs() > 0) {
            sb.append(String.format(Locale.ROOT, "; warm-up %d epochs, ramp over %d epochs", warmupEpochs(), effectiveRampEpochs()));
        }
        if (lengthAdvWeight() > 0) sb.append(String.format(Locale.ROOT, "; length adversary x%.2g", lengthAdvWeight()));
        if (unlabelledMouseTarget()) sb.append("; unlabelled mouse as target rows");
        if (lengthBalance()) sb.append("; length-balanced row weights");
        return sb.toString();
    }
}
