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
 *  loss = classification + mmdWeight·α·MMD + advWeight·adversarial + (l2/2)·Σ‖W‖² (weight matrices only)
 * </pre>
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

    private final SameDiff sd;
    private final ModelConfig cfg;
    private final DataType dt;
    private final Random init;
    /** Weight matrices (the only variables the L2 penalty covers: no biases, no layer-norm gains). */
    private final List<SDVariable> matrices = new ArrayList<>();

    private DeepHemGraph(ModelConfig cfg) {
        this.cfg = cfg;
        this.sd = SameDiff.create();
        this.dt = cfg.doublePrecision() ? DataType.DOUBLE : DataType.FLOAT;
        this.init = new Random(cfg.seed());
    }

    /** Builds the graph; weights are initialised deterministically from the config's seed. */
    public static SameDiff build(ModelConfig cfg) {
        DeepHemGraph g = new DeepHemGraph(cfg);
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

    /** Placeholders needed to score (the inference inputs) for a config. */
    public static List<String> inputs(ModelConfig cfg) {
        List<String> in = new ArrayList<>();
        if (cfg.useSequence()) {
            in.add(TOKENS);
            in.add(MASK);
        }
        if (cfg.useInherent()) in.add(INHERENT);
        if (cfg.useMti()) in.add(MTI);
        return in;
    }

    private void assemble() {
        List<SDVariable> parts = new ArrayList<>();
        SDVariable tokenStates = null;
        SDVariable mask = null;
        if (cfg.useSequence()) {
            // the length axis is free: a batch is padded to its own longest row (ModelInputs)
            SDVariable tokens = sd.placeHolder(TOKENS, dt, -1, -1, Kmers.VOCABULARY);
            mask = sd.placeHolder(MASK, dt, -1, -1);
            batchShape(tokens);
            tokenStates = encoder(tokens, mask);
        }
        SDVariable inh = null, mti = null;
        if (cfg.useInherent()) {
            SDVariable x = sd.placeHolder(INHERENT, dt, -1, cfg.inherentDim());
            inh = mlp("inh", x, cfg.inherentDim(), cfg.hidden(), cfg.width());
        }
        if (cfg.useMti()) {
            SDVariable x = sd.placeHolder(MTI, dt, -1, cfg.mtiDim());
            mti = mlp("mti", x, cfg.mtiDim(), cfg.hidden(), cfg.width());
        }
        SDVariable fused;
        int fusedWidth;
        Fusion fusion = cfg.fusion();
        if (fusion == Fusion.CROSS_ATTENTION && (tokenStates == null || (inh == null && mti == null))) fusion = Fusion.ADD;
        if (fusion == Fusion.CROSS_ATTENTION) {
            fused = crossAttention(tokenStates, mask, inh, mti);
            fusedWidth = cfg.width();
        } else {
            if (tokenStates != null) parts.add(maskedMean(tokenStates, mask));
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

        // the classifier head, written out so that its hidden layer can be aligned too (same weights as head())
        SDVariable clsHidden = sd.identity(CLS_HIDDEN, dense("cls_1", fused, fusedWidth, cfg.hidden(), true));
        SDVariable logit = dense("cls_2", clsHidden, cfg.hidden(), 1, false);
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

        // L2 as an explicit term, (l2/2)·Σ‖W‖² over weight matrices only: SameDiff's TrainingConfig
        // l2 would also decay biases and layer-norm gains towards 0. Same gradient l2·W as its L2.
        SDVariable l2 = sd.constant(Nd4j.scalar(dt, 0.0));
        for (SDVariable w : matrices) l2 = l2.add(w.mul(w).sum());
        l2 = l2.mul(cfg.l2() / 2).rename(L2_LOSS);

        SDVariable loss = cls.add(mmd.mul(alpha).mul(cfg.mmdWeight())).add(adv.mul(cfg.advWeight())).add(l2);
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
        SDVariable h = sd.reshape(sd.reshape(tokens, -1, v).mmul(emb), rowsLength(d));
        h = h.add(positions(d));
        SDVariable bias = mask.sub(1.0).mul(1e9);                               // 0 on tokens, −1e9 on padding
        bias = sd.reshape(bias, shape(batchN, 1, 1, batchP));                  // broadcast over heads and queries
        for (int l = 0; l < cfg.layers(); l++) {
            String n = "enc" + l;
            SDVariable att = selfAttention(n, h, bias);
            h = GraphOps.layerNorm(h.add(att), ones(n + "_ln1_g", d), zeros(n + "_ln1_b", d), 2);
            SDVariable ff = dense(n + "_ff1", sd.reshape(h, -1, d), d, 2 * d, true);
            ff = dense(n + "_ff2", ff, 2 * d, d, false);
            h = GraphOps.layerNorm(h.add(sd.reshape(ff, rowsLength(d))), ones(n + "_ln2_g", d), zeros(n + "_ln2_b", d), 2);
        }
        return h;
    }

    private SDVariable selfAttention(String n, SDVariable h, SDVariable bias) {
        int d = cfg.width(), heads = cfg.heads(), dh = d / heads;
        SDVariable x = sd.reshape(h, -1, d);
        // scale q by 1/sqrt(dh) before the product: same scores, one pass over [N,P,d] instead of [N,H,P,P]
        SDVariable q = splitHeads(x.mmul(weight(n + "_wq", d, d)).div(Math.sqrt(dh)), heads, dh);
        SDVariable k = splitHeads(x.mmul(weight(n + "_wk", d, d)), heads, dh);
        SDVariable v = splitHeads(x.mmul(weight(n + "_wv", d, d)), heads, dh);
        SDVariable scores = sd.mmul(q, k, false, true, false);                     // [N*H, P, P]
        scores = sd.reshape(scores, shape(batchN, heads, batchP, batchP)).add(bias);
        SDVariable attn = sd.nn().softmax(scores, 3);
        SDVariable ctx = sd.mmul(sd.reshape(attn, shape(-1, batchP, batchP)), v); // [N*H, P, dh]
        ctx = sd.permute(sd.reshape(ctx, shape(batchN, heads, batchP, dh)), 0, 2, 1, 3); // [N, P, H, dh]
        SDVariable out = sd.reshape(ctx, -1, d).mmul(weight(n + "_wo", d, d));
        return sd.reshape(out, rowsLength(d));
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

    private SDVariable maskedMean(SDVariable states, SDVariable mask) {
        SDVariable m = sd.expandDims(mask, 2);                                   // [N, P, 1]
        return states.mul(m).sum(false, 1).div(mask.sum(true, 1).add(1e-6));
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
        SDVariable mixed = GraphOps.layerNorm(tokens.add(ctx), ones("xatt_ln_g", d), zeros("xatt_ln_b", d), 2);
        return maskedMean(mixed, mask);
    }

    private SDVariable mlp(String n, SDVariable x, int in, int hidden, int out) {
        return dense(n + "_2", dense(n + "_1", x, in, hidden, true), hidden, out, true);
    }

    private SDVariable head(String n, SDVariable x, int in) {
        return dense(n + "_2", dense(n + "_1", x, in, cfg.hidden(), true), cfg.hidden(), 1, false);
    }

    private SDVariable dense(String n, SDVariable x, int in, int out, boolean relu) {
        SDVariable y = x.mmul(weight(n + "_w", in, out)).add(zeros(n + "_b", out));
        return relu ? sd.nn().relu(y, 0.0) : y;
    }

    /** Glorot-normal weights from the config's seeded generator. */
    private SDVariable weight(String name, int in, int out) {
        double std = Math.sqrt(2.0 / (in + out));
        double[] w = new double[in * out];
        for (int i = 0; i < w.length; i++) w[i] = init.nextGaussian() * std;
        SDVariable v = sd.var(name, Nd4j.create(w, new long[] {in, out}, DataType.DOUBLE).castTo(dt));
        matrices.add(v);
        return v;
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
