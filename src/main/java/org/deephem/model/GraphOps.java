package org.deephem.model;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.StopGradient;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Small graph pieces built from basic ops only (SAMEDIFF-NOTES.md: {@code sd.loss()} ignores
 * upstream gradients and {@code sd.nn.linear} does not train, so neither is used).
 */
public final class GraphOps {
    private GraphOps() {}

    /** Identity in the forward pass, no gradient backward. */
    public static SDVariable stopGradient(SameDiff sd, SDVariable x) {
        return new StopGradient(sd, x).outputVariable();
    }

    /**
     * Gradient reversal: {@code GRL(x) = stop(x * (λ + 1)) − x * λ}. Forward value is x; the
     * gradient with respect to x is −λ (Ganin &amp; Lempitsky 2015).
     */
    public static SDVariable gradientReversal(SameDiff sd, SDVariable x, SDVariable lambda) {
        return stopGradient(sd, x.mul(lambda.add(1.0))).sub(x.mul(lambda));
    }

    /**
     * Numerically stable binary cross-entropy with logits, per row:
     * {@code max(z,0) − z·y + log(1 + exp(−|z|))}.
     */
    public static SDVariable bceWithLogits(SameDiff sd, SDVariable logits, SDVariable y) {
        SDVariable relu = sd.nn().relu(logits, 0.0);
        SDVariable soft = sd.math().log1p(sd.math().exp(sd.math().abs(logits).neg()));
        return relu.sub(logits.mul(y)).add(soft);
    }

    /**
     * Squared maximum mean discrepancy between the rows marked by {@code a} (an [N,1] vector
     * holding +1/n_s on source rows, −1/n_t on target rows and 0 on padding):
     * <pre>
     *   MMD²(S,T) = 1/n_s² Σ_ss k(x,x') + 1/n_t² Σ_tt k(y,y') − 2/(n_s n_t) Σ_st k(x,y) = aᵀ K a
     * </pre>
     * This is the biased (V-statistic) estimator: it includes the diagonal k(x,x)=1, is never
     * negative, and is 0 for identical samples; nothing is added to keep it positive. Kernel:
     * the mean of Gaussians {@code exp(−‖x−y‖² / (m·σ²))} over the multipliers m, with σ² the
     * mean pairwise squared distance of the real rows, treated as a constant (no gradient).
     */
    public static SDVariable mmd(SameDiff sd, SDVariable x, SDVariable a, double[] multipliers) {
        return mmdWithBatchBandwidth(sd, pairwiseSquaredDistances(sd, x), a, multipliers);
    }

    /** ‖xᵢ − xⱼ‖² for all row pairs, clipped at 0 against rounding. */
    public static SDVariable pairwiseSquaredDistances(SameDiff sd, SDVariable x) {
        SDVariable sq = x.mul(x).sum(true, 1);                       // [N,1]
        SDVariable gram = sd.mmul(x, x, false, true, false);          // [N,N]
        return sd.nn().relu(sq.add(sd.transpose(sq)).sub(gram.mul(2.0)), 0.0);
    }

    private static SDVariable mmdWithBatchBandwidth(SameDiff sd, SDVariable d2, SDVariable a, double[] multipliers) {
        SDVariable real = sd.math().abs(a).gt(0.0).castTo(d2.dataType()); // [N,1] 1 on real rows
        SDVariable pairMask = sd.mmul(real, real, false, true, false);
        SDVariable meanD2 = d2.mul(pairMask).sum().div(pairMask.sum().add(1e-12));
        SDVariable sigma2 = stopGradient(sd, meanD2.add(1e-6));
        return mmd(sd, d2, a, multipliers, sigma2);
    }

    /** MMD² from precomputed pairwise squared distances and a given bandwidth σ² (see above). */
    public static SDVariable mmd(SameDiff sd, SDVariable d2, SDVariable a, double[] multipliers, SDVariable sigma2) {
        SDVariable k;
        if (multipliers.length == 1) {
            k = sd.math().exp(d2.mul(-1.0 / multipliers[0]).div(sigma2));
        } else {
            // all kernels at once, then their mean: a fixed number of ops whatever K is (SameDiff's
            // cost per op outweighs the arithmetic at these sizes). The K scaled distance matrices
            // are an outer product [K,1]·[1,N²], not a broadcast multiply: libnd4j M2.1's
            // multiply_bp is ~30× slower on a broadcast (docs/PERFORMANCE.md). σ² carries no
            // gradient, so folding it into the K factors is free.
            double[] scale = new double[multipliers.length];
            for (int i = 0; i < scale.length; i++) scale[i] = -1.0 / multipliers[i];
            SDVariable scales = sd.constant(Nd4j.create(scale, new long[] {scale.length, 1}, DataType.DOUBLE).castTo(d2.dataType()));
            SDVariable kernels = sd.math().exp(scales.div(sigma2).mmul(sd.reshape(d2, 1, -1)));   // [K, N²]
            k = sd.reshape(kernels.mean(0), sd.shape(d2));
        }
        return sd.mmul(sd.mmul(a, k, true, false, false), a).reshape(1);
    }

    /**
     * Layer normalisation of a matrix [rows, d] over its columns, the gain applied as
     * {@code x̂ ⊙ (1·g)}: {@code ones} is a [rows, 1] column of ones that needs no gradient (made
     * from a placeholder). The gain's rows are an outer product
     * because libnd4j M2.1's multiply_bp spends ~2 ms per step on the broadcast [rows,d]·[1,d]
     * (summing the gain's gradient over rows), against ~0.1 ms for matmul_bp plus an element-wise product.
     */
    public static SDVariable layerNormRows(SDVariable x, SDVariable g, SDVariable b, SDVariable ones) {
        SDVariable mean = x.mean(true, 1);
        SDVariable c = x.sub(mean);
        SDVariable var = c.mul(c).mean(true, 1);
        SameDiff sd = x.getSameDiff();
        return c.div(sd.math().sqrt(var.add(1e-5))).mul(ones.mmul(g)).add(b);
    }
}
