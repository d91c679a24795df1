package org.deephem.explain;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.deephem.features.Kmers;
import org.deephem.model.DeepHemGraph;
import org.deephem.model.ModelConfig;
import org.deephem.model.ModelInputs;
import org.deephem.model.Predictor;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Integrated gradients (Sundararajan et al. 2017) of one model's logit F for one precursor x
 * against a baseline x′: Aᵢ = (xᵢ − x′ᵢ) ∫₀¹ ∂F/∂xᵢ(x′ + α(x − x′)) dα, by a {@link Quadrature}
 * rule. Their sum is F(x) − F(x′) up to the quadrature error (completeness); that gap is reported
 * as the residual.
 *
 * <p><b>Baseline.</b> Inherent and MTI rows: 0 in standardised space, i.e. the training mean of
 * each feature. Tokens: the precursor's own frame with no 3-mer in it — every 3-mer cell of the
 * pooled histograms is 0, while the mask and the padding share of the last pooling window (cells
 * of the padding token) are kept as they are. So the baseline keeps the length the mask and
 * padding encode (the length also enters as an inherent feature, which is attributed there) and
 * every token attribution belongs to a real 3-mer, hence to nucleotides; an all-zero histogram
 * would also attribute to padding cells, which belong to no nucleotide.
 *
 * <p>All quadrature nodes and the two ends α = 0 (baseline) and α = 1 (the input) go through the
 * graph as the rows of one batch (split only when the attention arrays would exceed
 * {@link Predictor#ATTENTION_BUDGET}), one forward and one backward pass.
 */
public final class IntegratedGradients {
    /** Absolute part of the completeness tolerance, in logit units. */
    public static final double TOLERANCE_ABS = 0.01;
    /** Relative part of the completeness tolerance, a share of |F(x) − F(x′)|. */
    public static final double TOLERANCE_REL = 0.01;
    /** How the tolerance is stated in provenance files. */
    public static final String TOLERANCE_DEFINITION = "|residual| <= max(" + TOLERANCE_ABS + ", " + TOLERANCE_REL
            + " * |logit - baseline_logit|) (logit units)";

    /**
     * The completeness tolerance for a precursor whose logit moves by {@code delta} from the
     * baseline: ReLU kinks along the path limit every quadrature rule to an error ∝ 1/steps
     * (measured on a small demo model: worst 3.6e-3 over 20 precursors at 64 Gauss–Legendre points,
     * 1.3e-3 at 256, the same in float and double precision, so not rounding).
     */
    public static double tolerance(double delta) {
        return Math.max(TOLERANCE_ABS, TOLERANCE_REL * Math.abs(delta));
    }

    private final LogitGradients gradients;
    private final ModelConfig cfg;
    private final Quadrature.Rule rule;

    /** Works on a copy of {@code graph}; the model itself is not changed. */
    public IntegratedGradients(SameDiff graph, ModelConfig cfg, Quadrature.Rule rule) {
        this.gradients = new LogitGradients(graph, cfg);
        this.cfg = cfg;
        this.rule = rule;
    }

    /**
     * One precursor's attributions (tokens, inherent, MTI: each null when the model does not read it).
     *
     * @param pooled        pooled positions P of the precursor (token cells are [P × V], V = {@link Kmers#VOCABULARY})
     * @param tokenCells    attribution of each pooled histogram cell (p, v), row-major
     * @param inherent      attribution of each standardised inherent feature
     * @param mti           attribution of each standardised MTI component
     * @param logit         F(x)
     * @param baselineLogit F(x′)
     * @param residual      Σ attributions − (F(x) − F(x′))
     * @param steps         quadrature points (GAUSS_LEGENDRE) or intervals (TRAPEZOID) used
     */
    public record Attribution(int pooled, double[] tokenCells, double[] inherent, double[] mti,
                              double logit, double baselineLogit, double residual, int steps) {
        /** Σ of all attributions. */
        public double total() {
            return sum(tokenCells) + sum(inherent) + sum(mti);
        }

        static double sum(double[] a) {
            double s = 0;
            if (a != null) for (double v : a) s += v;
            return s;
        }
    }

    /** Attributions of row {@code row} of {@code in} (inputs of this model) with {@code steps} steps. */
    public Attribution explain(ModelInputs in, int row, int steps) {
        Map<String, INDArray> ph = in.features(new int[] {row});
        int p = cfg.useSequence() ? (int) ph.get(DeepHemGraph.TOKENS).size(1) : 1;
        Map<String, double[]> x = new HashMap<>(), base = new HashMap<>();
        for (String name : gradients.inputs()) {
            double[] v = LogitGradients.flat(ph.get(name));
            x.put(name, v);
            base.put(name, baseline(name, v));
        }
        Quadrature q = Quadrature.of(rule, steps);
        // the path's nodes, then the two ends if the rule does not hold them (weight 0)
        double[] alpha = q.nodes(), weight = q.weights();
        boolean hasEnds = alpha[0] == 0.0 && alpha[alpha.length - 1] == 1.0;
        if (!hasEnds) {
            alpha = append(alpha, 0.0, 1.0);
            weight = append(weight, 0.0, 0.0);
        }
        Map<String, double[]> integral = new HashMap<>();
        for (String name : gradients.inputs()) integral.put(name, new double[x.get(name).length]);
        double atInput = Double.NaN, atBaseline = Double.NaN;
        int perPass = rowsPerPass(p);
        for (int start = 0; start < alpha.length; start += perPass) {
            int end = Math.min(alpha.length, start + perPass);
            Map<String, INDArray> points = batch(ph, x, base, Arrays.copyOfRange(alpha, start, end), p);
            LogitGradients.Result r = gradients.run(points);
            LogitGradients.close(points.values());
            for (int j = start; j < end; j++) {
                if (alpha[j] == 0.0) atBaseline = r.logits()[j - start];
                if (alpha[j] == 1.0) atInput = r.logits()[j - start];
                if (weight[j] == 0.0) continue;
                for (String name : gradients.inputs()) {
                    double[] g = r.gradients().get(name), acc = integral.get(name);
                    int width = acc.length, off = (j - start) * width;
                    for (int i = 0; i < width; i++) acc[i] += weight[j] * g[off + i];
                }
            }
        }
        Map<String, double[]> attr = new HashMap<>();
        for (String name : gradients.inputs()) {
            double[] a = integral.get(name), xv = x.get(name), bv = base.get(name);
            for (int i = 0; i < a.length; i++) a[i] *= xv[i] - bv[i];
            attr.put(name, a);
        }
        LogitGradients.close(ph.values());
        Attribution partial = new Attribution(p, attr.get(DeepHemGraph.TOKENS), attr.get(DeepHemGraph.INHERENT),
                attr.get(DeepHemGraph.MTI), atInput, atBaseline, 0, steps);
        double residual = partial.total() - (atInput - atBaseline);
        return new Attribution(p, partial.tokenCells(), partial.inherent(), partial.mti(), atInput, atBaseline, residual, steps);
    }

    /**
     * As {@link #explain}, doubling the steps while the residual exceeds {@link #tolerance} and
     * the steps stay within {@code maxSteps}; the last result is returned either way (its residual says whether it made it).
     */
    public Attribution explainWithin(ModelInputs in, int row, int steps, int maxSteps) {
        Attribution a = explain(in, row, steps);
        // a non-finite residual means broken inputs or weights: more steps would not help
        while (!within(a) && Double.isFinite(a.residual()) && a.steps() * 2 <= maxSteps) a = explain(in, row, a.steps() * 2);
        return a;
    }

    /** Whether an attribution's residual is within its {@link #tolerance}. */
    public static boolean within(Attribution a) {
        return Math.abs(a.residual()) <= tolerance(a.logit() - a.baselineLogit());
    }

    /** The baseline of one input (see the class comment): padding cells kept, everything else 0. */
    static double[] baseline(String name, double[] x) {
        double[] b = new double[x.length];
        if (name.equals(DeepHemGraph.TOKENS)) {
            for (int i = Kmers.PAD; i < x.length; i += Kmers.VOCABULARY) b[i] = x[i];
        }
        return b;
    }

    /** Rows of one pass: all of them unless the attention arrays [rows, heads, P, P] would exceed the scoring budget. */
    private int rowsPerPass(int p) {
        if (!cfg.useSequence()) return Integer.MAX_VALUE;
        return (int) Math.max(1, Predictor.ATTENTION_BUDGET / ((long) cfg.heads() * p * p));
    }

    /** Placeholders of the path points {@code alpha}: x′ + α(x − x′) per row, the precursor's mask, dropout masks of ones. */
    private Map<String, INDArray> batch(Map<String, INDArray> one, Map<String, double[]> x, Map<String, double[]> base, double[] alpha, int p) {
        int b = alpha.length;
        DataType dt = gradients.dataType();
        Map<String, INDArray> m = new HashMap<>();
        for (String name : gradients.inputs()) {
            double[] xv = x.get(name), bv = base.get(name);
            int w = xv.length;
            double[] rows = new double[b * w];
            for (int r = 0; r < b; r++) for (int i = 0; i < w; i++) rows[r * w + i] = bv[i] + alpha[r] * (xv[i] - bv[i]);
            long[] shape = one.get(name).shape().clone();
            shape[0] = b;
            m.put(name, LogitGradients.as(Nd4j.create(rows, shape, 'c'), dt));
        }
        if (cfg.useSequence()) {
            double[] mask = LogitGradients.flat(one.get(DeepHemGraph.MASK)), rows = new double[b * p];
            for (int r = 0; r < b; r++) System.arraycopy(mask, 0, rows, r * p, p);
            m.put(DeepHemGraph.MASK, LogitGradients.as(Nd4j.create(rows, new long[] {b, p}, 'c'), dt));
        }
        for (DeepHemGraph.DropoutSite site : DeepHemGraph.dropoutSites(cfg)) m.put(site.name(), Nd4j.ones(dt, site.shape(b, p)));
        return m;
    }

    private static double[] append(double[] a, double... more) {
        double[] out = Arrays.copyOf(a, a.length + more.length);
        System.arraycopy(more, 0, out, a.length, more.length);
        return out;
    }
}
