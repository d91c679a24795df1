package org.deephem.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.deephem.features.Kmers;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Builds the whole DeepHEM model as one SameDiff graph from one {@link ModelConfig}:
 * <pre>
 *  tokens ─ (pooled one-hot)·E ─ +pos ─ [self-attention, FFN]×layers ─ masked mean ─┐
 *  inherent[18] ─ MLP ──────────────────────────────────────────────────────────────────┼─ fusion ─ fused
 *  mti_pca[k] ─ MLP ────────────────────────────────────────────────────────────────────┘
 *  fused ─ MLP ─ logit ─ BCE on labelled mouse rows                     (classification)
 *  fused ─ GRL(λ) ─ MLP ─ domain logit ─ BCE on all rows                (adversarial)
 *  fused ─ MMD(source rows, target rows)                                (alignment)
 *  [+ MMD of the classifier's hidden layer when mmdOnHidden: DAN]
 *  fused ─ GRL(λ) ─ MLP ─ length ─ squared error vs standardised length   (confound removal, optional)
 *  loss = classification + mmdWeight·α·MMD + advWeight·adversarial + lengthAdvWeight·length + (l2/2)·Σ‖W‖²
 * </pre>
 * Dropout (optional, training only) multiplies activations by keep-masks fed as placeholders
 * ({@link #dropoutSites}); inference feeds masks of ones, so the scores equal those of the same
 * weights without dropout (SAMEDIFF-NOTES: M2.1's dropout op has no train/inference switch).
 * Token embedding is a one-hot × matrix product (SAMEDIFF-NOTES: gather's gradient is wrong).
 */
public final class DeepHemGraph {
    // placeholders
    public static final String TOKENS = "tokens";
    public static final String MASK = "mask";
    public static final String INHERENT = "inherent";
    public static final String MTI = "mti";
    public static final String LABEL = "label";
    public static final String CLS_WEIGHT = "cls_weight";
    public static final String DOMAIN = "domain";
    public static final String DOMAIN_WEIGHT = "domain_weight";
    public static final String MMD_VECTOR = "mmd_vector";
    public static final String LAMBDA = "lambda";
    public static final String ALPHA = "alpha";
    /** Standardised precursor length, the target of the length adversary (only when lengthAdvWeight > 0). */
    public static final String LENGTH = "length";
    // outputs
    public static final String LOGIT = "logit";
    public static final String PROB = "prob";
    public static final String FUSED = "fused";
    /** The classifier's hidden layer (ReLU), aligned by MMD too when {@code mmdOnHidden}. */
    public static final String CLS_HIDDEN = "cls_hidden";
    public static final String DOMAIN_LOGIT = "domain_logit";
    public static final String LOSS = "loss";
    public static final String CLS_LOSS = "cls_loss";
    public static final String MMD_LOSS = "mmd_loss";
    public static final String ADV_LOSS = "adv_loss";
    public static final String L2_LOSS = "l2_loss";
    public static final String LENGTH_LOSS = "length_adv_loss";
    public static final String LENGTH_PRED = "length_pred";

    /**
     * How the encoder's self-attention is built. {@link #BASIC} (the default): matmul, softmax,
     * reshape and permute. {@link #LIBND4J_ATTENTION}: libnd4j's fused
     * {@code multi_head_dot_product_attention} op, the same function from the same initial
     * weights (FusedAttentionTest), measured 1.5–2× slower per training step because its backward op
     * is (docs/PERFORMANCE.md); kept so that the measurement can be repeated
     * ({@code bench-worker --attention libnd4j}).
     */
    public enum Ops { BASIC, LIBND4J_ATTENTION }

    private final SameDiff sd;
    private final ModelConfig cfg;
    private final Ops ops;
    private final DataType dt;
    private final Random init;
    /** Weight matrices (the only variables the L2 penalty covers: no biases, no layer-norm gains). */
    private final List<SDVariable> matrices = new ArrayList<>();
    /** Dropout sites of this config, by name. */
    private final java.util.Map<String, DropoutSite> sites = new java.util.HashMap<>();

    private DeepHemGraph(ModelConfig cfg, Ops ops) {
        this.cfg = cfg;
        this.ops = ops;
        this.sd = SameDiff.create();
        this.dt = cfg.doublePrecision() ? DataType.DOUBLE : DataType.FLOAT;
        this.init = new Random(cfg.seed());
        for (DropoutSite s : dropoutSites(cfg)) sites.put(s.name(), s);
    }

    /** Where a training-only keep-mask multiplies an activation; {@code rowShape} is one row's shape. */
    public record DropoutSite(String name, Kind kind, int... rowShape) {
        /** BRANCH sites carry both unit dropout (featureDropout) and whole-branch dropout (branchDropout). */
        public enum Kind { BRANCH, ENCODER, HEAD }

        /** In {@link #rowShape}: the batch's own pooled length (encoder sites; batches are padded to their longest row). */
        public static final int POSITIONS = -1;

        /** The mask's shape for {@code rows} rows (−1: any number, as a placeholder; positions stay free). */
        public long[] shape(long rows) {
            return shape(rows, POSITIONS);
        }

        /** The mask's shape for {@code rows} rows of a batch with {@code positions} pooled positions. */
        public long[] shape(long rows, long positions) {
            long[] shape = new long[rowShape.length + 1];
            shape[0] = rows;
            for (int i = 0; i < rowShape.length; i++) shape[i + 1] = rowShape[i] == POSITIONS ? positions : rowShape[i];
            return shape;
        }

        /** Mask entries per row in a batch with {@code positions} pooled positions. */
        public int perRow(int positions) {
            int n = 1;
            for (int d : rowShape) n *= d == POSITIONS ? positions : d;
            return n;
        }
    }

    /** The fusion actually built: cross-attention needs the sequence and at least one feature branch. */
    static Fusion effectiveFusion(ModelConfig cfg) {
        boolean features = cfg.useInherent() || cfg.useMti();
        return cfg.fusion() == Fusion.CROSS_ATTENTION && (!cfg.useSequence() || !features) ? Fusion.ADD : cfg.fusion();
    }

    /**
     * The keep-mask placeholders of a config (none when every dropout rate is 0, so such graphs are
     * exactly today's): one per branch embedding (the sequence branch only when it is pooled on its
     * own, i.e. not under cross-attention), two per encoder block, one in the classifier head.
     */
    public static List<DropoutSite> dropoutSites(ModelConfig cfg) {
        List<DropoutSite> out = new ArrayList<>();
        if (cfg.featureDropout() > 0 || cfg.branchDropout() > 0) {
            if (cfg.useSequence() && effectiveFusion(cfg) != Fusion.CROSS_ATTENTION) out.add(new DropoutSite("keep_seq", DropoutSite.Kind.BRANCH, cfg.width()));
            if (cfg.useInherent()) out.add(new DropoutSite("keep_inh", DropoutSite.Kind.BRANCH, cfg.width()));
            if (cfg.useMti()) out.add(new DropoutSite("keep_mti", DropoutSite.Kind.BRANCH, cfg.width()));
        }
        if (cfg.useSequence() && cfg.encoderDropout() > 0) {
            for (int l = 0; l < cfg.layers(); l++) {
                out.add(new DropoutSite("keep_enc" + l + "_att", DropoutSite.Kind.ENCODER, DropoutSite.POSITIONS, cfg.width()));
                out.add(new DropoutSite("keep_enc" + l + "_ff", DropoutSite.Kind.ENCODER, DropoutSite.POSITIONS, cfg.width()));
            }
        }
        if (cfg.headDropout() > 0) out.add(new DropoutSite("keep_cls", DropoutSite.Kind.HEAD, cfg.hidden()));
        return out;
    }

    /** x times its keep-mask placeholder if {@code site} is a dropout site of this config, else x unchanged. */
    private SDVariable keep(String site, SDVariable x) {
        SDVariable mask = keepMask(site);
        return mask == null ? x : x.mul(mask);
    }

    /** The keep-mask placeholder of {@code site}, or null when it is not a dropout site of this config. */
    private SDVariable keepMask(String site) {
        DropoutSite s = sites.get(site);
        return s == null ? null : sd.placeHolder(s.name(), dt, s.shape(-1));
    }

    /** Trainable parameters of the graph {@code cfg} builds (weights and biases; for the protocol's simplicity tie-break). */
    public static long parameterCount(ModelConfig cfg) {
        long n = 0;
        for (org.nd4j.autodiff.samediff.SDVariable v : build(cfg).variables()) {
            if (v.getVariableType() == org.nd4j.autodiff.samediff.VariableType.VARIABLE) n += v.getArr().length();
        }
        return n;
    }

    /** Builds the graph; weights are initialised deterministically from the config's seed. */
    public static SameDiff build(ModelConfig cfg) {
        return build(cfg, Ops.BASIC);
    }

    /** Builds the graph with the given attention ops (same initial weights either way). */
    public static SameDiff build(ModelConfig cfg, Ops ops) {
        DeepHemGraph g = new DeepHemGraph(cfg, ops);
        g.assemble();
        return g.sd;
    }

    /**
     * Whether a graph reads batches padded to their own longest row (graphs built since) or
     * only exactly the config's pooledLength (graphs of model zips saved before).
     */
    public static boolean readsAnyLength(SameDiff sd) {
        SDVariable t = sd.getVariable(TOKENS);
        return t == null || t.getShape() == null || t.getShape().length < 2 || t.getShape()[1] < 0;
    }

    /**
     * Why {@code cfg} does not describe the saved graph {@code sd}, naming the config field, or
     * null when it does as far as the graph shows: which inputs it has and their widths, the
     * positions it reads (maxLength, tokenPool), width, hidden, layers, fusion and the dropout
     * inputs. A model zip whose config.json was edited or swapped would otherwise feed the graph
     * inputs it cannot read and fail deep inside libnd4j.
     */
    public static String configMismatch(SameDiff sd, ModelConfig cfg) {
        String why = branch(sd, "useSequence", cfg.useSequence(), TOKENS);
        if (why == null) why = branch(sd, "useInherent", cfg.useInherent(), INHERENT);
        if (why == null) why = branch(sd, "useMti", cfg.useMti(), MTI);
        if (why != null) return why;
        if (cfg.useInherent() && width(sd, INHERENT) != cfg.inherentDim()) {
            return "field 'inherentDim' is " + cfg.inherentDim() + ", but graph.fb reads " + width(sd, INHERENT) + " inherent features";
        }
        if (cfg.useMti() && width(sd, MTI) != cfg.mtiDim()) {
            return "field 'mtiDim' is " + cfg.mtiDim() + ", but graph.fb reads " + width(sd, MTI) + " MTI components";
        }
        if (cfg.useSequence()) {
            long[] emb = shapeOf(sd, "embedding");
            if (emb != null && emb.length == 2 && emb[1] != cfg.width()) return "field 'width' is " + cfg.width() + ", but graph.fb is " + emb[1] + " wide";
            long[] pos = shapeOf(sd, "positions");
            if (pos != null && pos.length == 2 && pos[0] != cfg.pooledLength()) {
                return "fields 'maxLength' (" + cfg.maxLength() + ") and 'tokenPool' (" + cfg.tokenPool() + ") make " + cfg.pooledLength()
                        + " pooled positions, but graph.fb reads " + pos[0];
            }
            long[] tokens = shapeOf(sd, TOKENS);
            if (tokens != null && tokens.length == 3 && tokens[1] >= 0 && tokens[1] != cfg.pooledLength()) {
                return "fields 'maxLength' (" + cfg.maxLength() + ") and 'tokenPool' (" + cfg.tokenPool() + ") make " + cfg.pooledLength()
                        + " pooled positions, but graph.fb reads " + tokens[1];
            }
            int layers = 0;
            while (sd.hasVariable("enc" + layers + "_ln1_g")) layers++;
            if (layers != cfg.layers()) return "field 'layers' is " + cfg.layers() + ", but graph.fb has " + layers + " encoder blocks";
        }
        boolean cross = sd.hasVariable("xatt_wq");
        if (cross != (effectiveFusion(cfg) == Fusion.CROSS_ATTENTION)) {
            return "field 'fusion' is " + cfg.fusion() + ", but graph.fb " + (cross ? "fuses by cross-attention" : "has no cross-attention");
        }
        long[] cls = shapeOf(sd, "cls_1_w");
        if (cls != null && cls.length == 2) {
            int branches = (cfg.useSequence() ? 1 : 0) + (cfg.useInherent() ? 1 : 0) + (cfg.useMti() ? 1 : 0);
            Fusion f = effectiveFusion(cfg);
            long fusedWidth = f == Fusion.CONCAT && branches > 1 ? (long) cfg.width() * branches : cfg.width();
            if (cls[0] != fusedWidth) {
                return "fields 'fusion' (" + cfg.fusion() + ") and 'width' (" + cfg.width() + ") make a fused layer of " + fusedWidth
                        + ", but graph.fb's is " + cls[0];
            }
            if (cls[1] != cfg.hidden()) return "field 'hidden' is " + cfg.hidden() + ", but graph.fb's classifier has " + cls[1];
        }
        // dropout inputs: each config's sites are placeholders of its graph, and only those
        java.util.Set<String> want = new java.util.TreeSet<>();
        for (DropoutSite site : dropoutSites(cfg)) want.add(site.name());
        java.util.Set<String> have = new java.util.TreeSet<>();
        for (String in : sd.inputs()) if (in.startsWith("keep_")) have.add(in);
        if (!want.equals(have)) {
            java.util.Set<String> diff = new java.util.TreeSet<>(want);
            diff.removeAll(have);
            String site = diff.isEmpty() ? have.stream().filter(h -> !want.contains(h)).findFirst().orElseThrow() : diff.iterator().next();
            return "field '" + dropoutField(site) + "' " + (diff.isEmpty() ? "has no dropout at '" : "asks for dropout at '") + site
                    + "', but graph.fb " + (diff.isEmpty() ? "has it" : "has none there");
        }
        return null;
    }

    private static String branch(SameDiff sd, String field, boolean on, String input) {
        boolean has = sd.hasVariable(input);
        if (on == has) return null;
        return "field '" + field + "' is " + on + ", but graph.fb " + (has ? "has" : "has no") + " '" + input + "' input";
    }

    private static long width(SameDiff sd, String input) {
        long[] s = shapeOf(sd, input);
        return s == null || s.length < 2 ? -1 : s[s.length - 1];
    }

    private static long[] shapeOf(SameDiff sd, String name) {
        if (!sd.hasVariable(name)) return null;
        SDVariable v = sd.getVariable(name);
        long[] s = v.getShape();
        if (s == null && v.getArr() != null) s = v.getArr().shape();
        return s;
    }

    private static String dropoutField(String site) {
        if (site.startsWith("keep_enc")) return "encoderDropout";
        if (site.equals("keep_cls")) return "headDropout";
        return "featureDropout' or 'branchDropout";
    }

    /** Placeholders needed to score (the inference inputs) for a config. */
    public static List<String> inputs(ModelConfig cfg) {
        List<String> in = new ArrayList<>();
        if (cfg.useSequence()) {
            in.add(TOKENS);
            in.add(MASK);
        }
        if (cfg.useInherent()) in.add(INHERENT);
        if (cfg.useMti()) in.add(MTI);
        for (DropoutSite s : dropoutSites(cfg)) in.add(s.name());
        return in;
    }

    /** Placeholders the training loss needs beyond {@link #inputs} and the fixed ones (label, weights, λ, α). */
    public static List<String> trainingOnlyInputs(ModelConfig cfg) {
        return cfg.lengthAdvWeight() > 0 ? List.of(LENGTH) : List.of();
    }

    private void assemble() {
        List<SDVariable> parts = new ArrayList<>();
        SDVariable tokenStates = null;
        SDVariable mask = null;
        if (cfg.useSequence()) {
            // the length axis is free: a batch is padded to its own longest row (ModelInputs)
            SDVariable tokens = sd.placeHolder(TOKENS, dt, -1, -1, Kmers.VOCABULARY);
            mask = sd.placeHolder(MASK, dt, -1, -1);
            tokenRowOnes = sd.reshape(sd.onesLike(mask), -1, 1);   // [N·P, 1], no gradient (a placeholder's)
            batchShape(tokens);
            tokenStates = encoder(tokens, mask);
        }
        SDVariable inh = null, mti = null;
        if (cfg.useInherent()) {
            SDVariable x = sd.placeHolder(INHERENT, dt, -1, cfg.inherentDim());
            inh = keep("keep_inh", mlp("inh", x, cfg.inherentDim(), cfg.hidden(), cfg.width()));
        }
        if (cfg.useMti()) {
            SDVariable x = sd.placeHolder(MTI, dt, -1, cfg.mtiDim());
            mti = keep("keep_mti", mlp("mti", x, cfg.mtiDim(), cfg.hidden(), cfg.width()));
        }
        SDVariable fused;
        int fusedWidth;
        Fusion fusion = cfg.fusion();
        if (fusion == Fusion.CROSS_ATTENTION && (tokenStates == null || (inh == null && mti == null))) fusion = Fusion.ADD;
        if (fusion == Fusion.CROSS_ATTENTION) {
            fused = crossAttention(tokenStates, mask, inh, mti);
            fusedWidth = cfg.width();
        } else {
            if (tokenStates != null) parts.add(keep("keep_seq", maskedMean(tokenStates, mask)));
            if (inh != null) parts.add(inh);
            if (mti != null) parts.add(mti);
            if (fusion == Fusion.ADD || parts.size() == 1) {
                fused = parts.get(0);
                for (int i = 1; i < parts.size(); i++) fused = fused.add(parts.get(i));
                fusedWidth = cfg.width();
            } else {
                fused = sd.concat(1, parts.toArray(new SDVariable[0]));
                fusedWidth = cfg.width() * parts.size();
            }
        }
        fused = sd.identity(FUSED, fused);

        // the classifier head, written out so that its hidden layer can be aligned too (same weights
        // as head()); head dropout masks the hidden layer on its way to the logit only
        SDVariable clsHidden = sd.identity(CLS_HIDDEN, dense("cls_1", fused, fusedWidth, cfg.hidden(), true));
        SDVariable logit = dense("cls_2", keep("keep_cls", clsHidden), cfg.hidden(), 1, false);
        sd.identity(LOGIT, logit);
        sd.nn().sigmoid(PROB, logit);

        // classification: mean BCE over labelled rows (cls_weight = 1/n_labelled there, 0 elsewhere)
        SDVariable y = sd.placeHolder(LABEL, dt, -1, 1);
        SDVariable wc = sd.placeHolder(CLS_WEIGHT, dt, -1, 1);
        SDVariable cls = GraphOps.bceWithLogits(sd, logit, y).mul(wc).sum().rename(CLS_LOSS);

        // adversarial: the discriminator sees the fused features through gradient reversal
        SDVariable lambda = sd.placeHolder(LAMBDA, dt, 1, 1);
        SDVariable d = sd.placeHolder(DOMAIN, dt, -1, 1);
        SDVariable wd = sd.placeHolder(DOMAIN_WEIGHT, dt, -1, 1);
        SDVariable reversed = GraphOps.gradientReversal(sd, fused, lambda);
        SDVariable dlogit = sd.identity(DOMAIN_LOGIT, head("dom", reversed, fusedWidth));
        SDVariable adv = GraphOps.bceWithLogits(sd, dlogit, d).mul(wd).sum().rename(ADV_LOSS);

        // MMD between source and target rows of the fused features
        SDVariable a = sd.placeHolder(MMD_VECTOR, dt, -1, 1);
        SDVariable alpha = sd.placeHolder(ALPHA, dt, 1, 1);
        SDVariable mmd = hiddenLayerMmd(GraphOps.mmd(sd, fused, a, cfg.kernel().multipliers()).sum(), clsHidden, a)
                .rename(MMD_LOSS);

        // built after every other head, so that the other weights are initialised as without it
        SDVariable lengthTerm = cfg.lengthAdvWeight() > 0 ? lengthAdversary(fused, fusedWidth, lambda, wd).mul(cfg.lengthAdvWeight()) : null;

        // L2 as an explicit term, (l2/2)·Σ‖W‖² over weight matrices only: SameDiff's TrainingConfig
        // l2 would also decay biases and layer-norm gains towards 0. Same gradient l2·W as its L2.
        // One squared-norm op per matrix and one sum of them all: SameDiff's fixed cost per op
        // (and per backward op) dominates at this model size, and w·w, Σ and + per matrix were 3.
        SDVariable l2;
        if (cfg.l2() == 0 || matrices.isEmpty()) {
            l2 = sd.constant(Nd4j.scalar(dt, 0.0)).mul(1.0);
        } else {
            SDVariable[] squares = new SDVariable[matrices.size()];
            for (int i = 0; i < squares.length; i++) squares[i] = sd.squaredNorm(matrices.get(i));
            l2 = (squares.length == 1 ? squares[0] : sd.math().mergeAdd(squares)).mul(cfg.l2() / 2);
        }
        l2 = l2.rename(L2_LOSS);

        SDVariable loss = cls.add(mmd.mul(alpha).mul(cfg.mmdWeight())).add(adv.mul(cfg.advWeight())).add(l2);
        if (lengthTerm != null) loss = loss.add(lengthTerm);
        loss.rename(LOSS);
        sd.setLossVariables(LOSS);
    }

    /**
     * DAN's several-layer alignment ({@code mmdOnHidden}): adds the MMD of the classifier's hidden
     * layer, same kernel and batch bandwidth rule, to the fused layer's; otherwise {@code fusedMmd}.
     */
    private SDVariable hiddenLayerMmd(SDVariable fusedMmd, SDVariable clsHidden, SDVariable a) {
        if (!cfg.mmdOnHidden()) return fusedMmd;
        return fusedMmd.add(GraphOps.mmd(sd, clsHidden, a, cfg.kernel().multipliers()).sum());
    }

    private SDVariable encoder(SDVariable tokens, SDVariable mask) {
        int d = cfg.width(), v = Kmers.VOCABULARY;
        SDVariable emb = weight("embedding", v, d);
        // tokens hold each pooling window's 3-mer histogram / window size, so this product is the
        // mean of the window's token embeddings (k-mer pooling) → [N, P, d]
        SDVariable h3 = sd.reshape(sd.reshape(tokens, -1, v).mmul(emb), rowsLength(d)).add(positions(d));
        // the encoder works on [N·P, d]: the layer norms' broadcasts (and their gradients) cost
        // half as much on a matrix as on [N, P, d], and the feed-forward needs no reshapes
        SDVariable h = sd.reshape(h3, -1, d);
        SDVariable[] maskColumns = ops == Ops.BASIC ? maskColumns(mask) : null;
        for (int l = 0; l < cfg.layers(); l++) {
            String n = "enc" + l;
            SDVariable att = keepRows("keep_" + n + "_att", ops == Ops.BASIC ? selfAttention(n, h, maskColumns) : libnd4jSelfAttention(n, h, mask), d);
            h = layerNorm(n + "_ln1", h.add(att), d);
            SDVariable ff = dense(n + "_ff2", dense(n + "_ff1", h, d, 2 * d, true), 2 * d, d, false);
            h = layerNorm(n + "_ln2", h.add(keepRows("keep_" + n + "_ff", ff, d)), d);
        }
        return sd.reshape(h, rowsLength(d));
    }

    /** {@link #keep} for an encoder site's [N·P, d] activations (its mask is fed as [N, P, d]). */
    private SDVariable keepRows(String site, SDVariable x, int d) {
        SDVariable mask = keepMask(site);
        return mask == null ? x : x.mul(sd.reshape(mask, -1, d));
    }

    /** Ones, one per token row [N·P, 1] of the batch: broadcasts by matmul (GraphOps.layerNormRows). */
    private SDVariable tokenRowOnes;

    /** Layer norm over the columns of the token rows [N·P, d], gain {@code n_g} and bias {@code n_b} ([1, d]). */
    private SDVariable layerNorm(String n, SDVariable x, int d) {
        return GraphOps.layerNormRows(x, ones(n + "_g", d), zeros(n + "_b", d), tokenRowOnes);
    }

    /**
     * Self-attention as one libnd4j op ({@code multi_head_dot_product_attention}; {@link Ops}):
     * it reads [N, d, P] and per-head projections [H, dh, d], masks padded keys with the token
     * mask and scales scores by 1/√dh, like {@link #selfAttention}. The projections are drawn
     * exactly as there ([d, d] in → out) and rearranged, so both builds start from the same function.
     */
    private SDVariable libnd4jSelfAttention(String n, SDVariable h, SDVariable mask) {
        int d = cfg.width(), heads = cfg.heads(), dh = d / heads;
        SDVariable wq = headWeights(n + "_wq", d, heads, dh);
        SDVariable wk = headWeights(n + "_wk", d, heads, dh);
        SDVariable wv = headWeights(n + "_wv", d, heads, dh);
        SDVariable wo = weight(n + "_wo", d, d);
        SDVariable x = sd.permute(sd.reshape(h, rowsLength(d)), 0, 2, 1);       // [N, d, P]
        SDVariable out = sd.nn().multiHeadDotProductAttention(x, x, x, wq, wk, wv, wo, mask, true);
        return sd.reshape(sd.permute(out, 0, 2, 1), -1, d);                     // [N·P, d]
    }

    /** A [d, d] Glorot matrix (same draws as {@link #weight}) as [H, dh, d]: head h's rows are columns h·dh… of the matrix. */
    private SDVariable headWeights(String name, int d, int heads, int dh) {
        INDArray w = glorot(d, d);
        SDVariable v = sd.var(name, w.reshape(d, heads, dh).permute(1, 2, 0).dup());
        matrices.add(v);
        return v;
    }

    /**
     * The padding mask as one more column of the attention's queries and keys: q' = [q, 1] and
     * k' = [k, b] with b = 0 on tokens and −1e9 on padding, so that q'·k'ᵀ = q·kᵀ + b, the masked
     * scores, comes out of the score product itself. Adding b as a broadcast [N, 1, 1, P] array
     * made libnd4j M2.1 run an add_bp that sums a gradient over [N, H, P, P] nobody needs (7 % of
     * a reference-size step). These columns depend on the mask placeholder only, so they have no
     * backward pass, and concat's gradient is a slice. Returns {ones, b}, each [N·H, P, 1].
     */
    private SDVariable[] maskColumns(SDVariable mask) {
        SDVariable perHead = sd.tile(sd.reshape(mask, shape(batchN, 1, batchP, 1)), 1, cfg.heads(), 1, 1); // [N, H, P, 1]
        SDVariable m = sd.reshape(perHead, shape(-1, batchP, 1));
        return new SDVariable[] {sd.onesLike(m), m.sub(1.0).mul(1e9)};
    }

    /** Multi-head self-attention over [N·P, d] from basic ops; returns [N·P, d]. */
    private SDVariable selfAttention(String n, SDVariable x, SDVariable[] maskColumns) {
        int d = cfg.width(), heads = cfg.heads(), dh = d / heads;
        // scale q by 1/sqrt(dh) before the product: same scores, one pass over [N,P,d] instead of [N,H,P,P]
        SDVariable q = splitHeads(x.mmul(weight(n + "_wq", d, d)).div(Math.sqrt(dh)), heads, dh);
        SDVariable k = splitHeads(x.mmul(weight(n + "_wk", d, d)), heads, dh);
        SDVariable v = splitHeads(x.mmul(weight(n + "_wv", d, d)), heads, dh);
        q = sd.concat(2, q, maskColumns[0]);
        k = sd.concat(2, k, maskColumns[1]);
        SDVariable scores = sd.mmul(q, k, false, true, false);                     // [N*H, P, P], padded keys −1e9
        SDVariable attn = sd.nn().softmax(scores, 2);
        SDVariable ctx = sd.mmul(attn, v);                                         // [N*H, P, dh]
        ctx = sd.permute(sd.reshape(ctx, shape(batchN, heads, batchP, dh)), 0, 2, 1, 3); // [N, P, H, dh]
        return sd.reshape(ctx, -1, d).mmul(weight(n + "_wo", d, d));
    }

    private SDVariable splitHeads(SDVariable x, int heads, int dh) {
        SDVariable r = sd.permute(sd.reshape(x, shape(batchN, batchP, heads, dh)), 0, 2, 1, 3); // [N, H, P, dh]
        return sd.reshape(r, shape(-1, batchP, dh));
    }

    // --- the batch's own shape: rows N and pooled length P are read from the tokens placeholder ---
    private SDVariable batchN;
    private SDVariable batchP;

    private void batchShape(SDVariable tokens) {
        SDVariable s = sd.shape(tokens);
        batchN = sd.slice(s, new int[] {0}, new int[] {1});
        batchP = sd.slice(s, new int[] {1}, new int[] {1});
    }

    /** A shape vector from fixed sizes (Integer) and the batch's sizes (SDVariable of length 1). */
    private SDVariable shape(Object... dims) {
        // one shape vector per distinct shape: each is a concat op run every step
        StringBuilder key = new StringBuilder();
        for (Object dim : dims) key.append(dim instanceof SDVariable v ? v.name() : dim).append(',');
        return shapes.computeIfAbsent(key.toString(), k -> newShape(dims));
    }

    private final java.util.Map<String, SDVariable> shapes = new java.util.HashMap<>();

    private SDVariable newShape(Object... dims) {
        SDVariable[] parts = new SDVariable[dims.length];
        for (int i = 0; i < dims.length; i++) {
            parts[i] = dims[i] instanceof SDVariable v ? v : sd.constant(Nd4j.createFromArray(((Integer) dims[i]).longValue()));
        }
        return sd.concat(0, parts);
    }

    /** [N, P, width]. */
    private SDVariable rowsLength(int width) {
        return shape(batchN, batchP, width);
    }

    /** The sinusoidal table for maxLength's pooled positions, cut to the batch's P. */
    private SDVariable positions(int d) {
        SDVariable table = sd.constant("positions", positionalEncoding(cfg.pooledLength(), d));
        return sd.slice(table, sd.constant(Nd4j.createFromArray(0L, 0L)), shape(batchP, d));
    }

    /**
     * Mean of the token states over each row's real tokens, as the batched product
     * [N, 1, P] · [N, P, d] of the mask's weights (1/count on tokens, 0 on padding) with the
     * states: one matmul_bp instead of libnd4j M2.1's slow broadcast multiply_bp over [N, P, d].
     */
    private SDVariable maskedMean(SDVariable states, SDVariable mask) {
        SDVariable weights = sd.expandDims(mask.div(mask.sum(true, 1).add(1e-6)), 1);   // [N, 1, P]
        return sd.reshape(sd.mmul(weights, states), -1, cfg.width());
    }

    /** Each sequence position attends over the two feature embeddings; the result is pooled. */
    private SDVariable crossAttention(SDVariable tokens, SDVariable mask, SDVariable inh, SDVariable mti) {
        int d = cfg.width();
        List<SDVariable> kv = new ArrayList<>();
        if (inh != null) kv.add(sd.expandDims(inh, 1));
        if (mti != null) kv.add(sd.expandDims(mti, 1));
        SDVariable mem = kv.size() == 1 ? kv.get(0) : sd.concat(1, kv.toArray(new SDVariable[0])); // [N, M, d]
        int m = kv.size();
        SDVariable q = sd.reshape(sd.reshape(tokens, -1, d).mmul(weight("xatt_wq", d, d)), rowsLength(d));
        SDVariable k = sd.reshape(sd.reshape(mem, -1, d).mmul(weight("xatt_wk", d, d)), -1, m, d);
        SDVariable v = sd.reshape(sd.reshape(mem, -1, d).mmul(weight("xatt_wv", d, d)), -1, m, d);
        SDVariable attn = sd.nn().softmax(sd.mmul(q, k, false, true, false).div(Math.sqrt(d)), 2); // [N, P, M]
        SDVariable ctx = sd.mmul(attn, v);                                                      // [N, P, d]
        SDVariable mixed = sd.reshape(layerNorm("xatt_ln", sd.reshape(tokens.add(ctx), -1, d), d), rowsLength(d));
        return maskedMean(mixed, mask);
    }

    private SDVariable mlp(String n, SDVariable x, int in, int hidden, int out) {
        return dense(n + "_2", dense(n + "_1", x, in, hidden, true), hidden, out, true);
    }

    private SDVariable head(String n, SDVariable x, int in) {
        return dense(n + "_2", dense(n + "_1", x, in, cfg.hidden(), true), cfg.hidden(), 1, false);
    }

    /**
     * Confound removal: a head regresses the standardised precursor length from the fused features
     * behind the same gradient reversal as the domain discriminator, so the shared features are
     * pushed to carry as little length as the head can find. Squared error, weighted per row like
     * the domain term (1/b on every real row). Returns the unweighted term.
     */
    private SDVariable lengthAdversary(SDVariable fused, int fusedWidth, SDVariable lambda, SDVariable rowWeight) {
        SDVariable target = sd.placeHolder(LENGTH, dt, -1, 1);
        SDVariable pred = sd.identity(LENGTH_PRED, head("len", GraphOps.gradientReversal(sd, fused, lambda), fusedWidth));
        SDVariable err = pred.sub(target);
        return err.mul(err).mul(rowWeight).sum().rename(LENGTH_LOSS);
    }

    private SDVariable dense(String n, SDVariable x, int in, int out, boolean relu) {
        SDVariable y = x.mmul(weight(n + "_w", in, out)).add(zeros(n + "_b", out));
        return relu ? sd.nn().relu(y, 0.0) : y;
    }

    /** Glorot-normal weights from the config's seeded generator. */
    private SDVariable weight(String name, int in, int out) {
        SDVariable v = sd.var(name, glorot(in, out));
        matrices.add(v);
        return v;
    }

    private INDArray glorot(int in, int out) {
        double std = Math.sqrt(2.0 / (in + out));
        double[] w = new double[in * out];
        for (int i = 0; i < w.length; i++) w[i] = init.nextGaussian() * std;
        return Nd4j.create(w, new long[] {in, out}, DataType.DOUBLE).castTo(dt);
    }

    private SDVariable zeros(String name, int n) {
        return sd.var(name, Nd4j.zeros(dt, 1, n));
    }

    private SDVariable ones(String name, int n) {
        return sd.var(name, Nd4j.ones(dt, 1, n));
    }

    private INDArray positionalEncoding(int p, int d) {
        double[] pe = new double[p * d];
        for (int pos = 0; pos < p; pos++) {
            for (int i = 0; i < d; i++) {
                double angle = pos / Math.pow(10000, (2 * (i / 2)) / (double) d);
                pe[pos * d + i] = i % 2 == 0 ? Math.sin(angle) : Math.cos(angle);
            }
        }
        return Nd4j.create(pe, new long[] {p, d}, DataType.DOUBLE).castTo(dt);
    }
}
