package org.deephem.explain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deephem.data.DeepHemDataset;
import org.deephem.features.InherentFeatures;
import org.deephem.features.Kmers;
import org.deephem.features.Mature;
import org.deephem.io.InputError;
import org.deephem.io.Progress;
import org.deephem.model.ModelConfig;
import org.deephem.zoo.Scorer;
import org.deephem.zoo.TrainedModel;
import org.deephem.zoo.ZooModel;

/**
 * Explanations of scores, for {@code score --explain}: per precursor, the integrated-gradient
 * attribution of the model's logit to each nucleotide, each inherent feature and each MTI
 * component, on the same graph that scores ({@link IntegratedGradients} states the method and
 * the baseline; {@link NucleotideMap} how token cells become nucleotides).
 *
 * <p>How the score command calls it, after its usual input checks (including
 * {@code Outputs.requireNotInput} for both output files) and with the same inputs it scores:
 * <pre>{@code
 * List<Explanation> ex = Explainer.explain(zm, ids, seqs, mats, tg, Explainer.DEFAULT_STEPS);   // --fasta
 * List<Explanation> ex = Explainer.explain(zm, dataset, domain, Explainer.DEFAULT_STEPS);       // --data
 * ExplanationFiles.write(nucleotidesCsv, featuresCsv, ex, zm);
 * Explainer.topFeatures(ex.get(0), 3);   // e.g. for a line on stderr
 * }</pre>
 * Each precursor starts at {@code steps} Gauss–Legendre points; while its completeness residual
 * exceeds {@link IntegratedGradients#tolerance} the points are doubled, up to
 * {@link #MAX_REFINEMENT} × steps. A precursor that still misses it is kept, flagged
 * ({@link Explanation#withinTolerance}) and named on stderr. Cost: one forward and backward pass
 * of steps + 2 rows per precursor and member, plus refinements: ~80 ms of CPU per precursor for
 * one default-size model (docs/ARCHITECTURE.md, "Explanations").
 */
public final class Explainer {
    /** Default quadrature points per precursor. */
    public static final int DEFAULT_STEPS = 64;
    /** Steps may grow to this many times the requested ones for a precursor outside the tolerance. */
    public static final int MAX_REFINEMENT = 16;
    /** Most steps one may ask for. */
    public static final int MAX_STEPS = 4096;
    /** Precursors outside the tolerance named one by one on stderr; the rest are counted. */
    static final int NAMED_MISSES = 5;
    /** The quadrature rule. */
    public static final Quadrature.Rule RULE = Quadrature.Rule.GAUSS_LEGENDRE;

    private Explainer() {}

    /**
     * Explanations of new precursors (as {@code score --fasta} scores them: the same folding,
     * matures and MTI projection per member).
     *
     * @param matures  per precursor, the matures it contains (empty lists when none are given)
     * @param targets  ID → predicted target genes; null or empty: no targets
     * @param steps    initial quadrature points per precursor ({@link #DEFAULT_STEPS})
     */
    public static List<Explanation> explain(ZooModel zm, List<String> ids, List<String> seqs, List<List<Mature>> matures,
                                            Map<String, Set<String>> targets, int steps) {
        requireExplainable(zm, steps);
        if (ids.size() != seqs.size() || matures.size() != seqs.size()) {
            throw new IllegalArgumentException("ids, sequences and matures differ in length");
        }
        // the model's own translator: the same length checks, folding and projection as score --fasta
        List<Scorer.Prepared> prepared = zm.translator().inputs(ids, seqs, matures, targets);
        return explain(zm.models(), prepared, InherentFeatures.NAMES, steps, null);
    }

    /** Explanations of one domain of a dataset folder, as {@code score --data --domain} scores it. */
    public static List<Explanation> explain(ZooModel zm, DeepHemDataset ds, String domainName, int steps) {
        return explain(zm, ds, domainName, steps, null);
    }

    /** As above, of the domain's rows {@code rows} only (null: all), in that order. */
    public static List<Explanation> explain(ZooModel zm, DeepHemDataset ds, String domainName, int steps, int[] rows) {
        requireExplainable(zm, steps);
        ZooModel.FolderDomain f = zm.checkedDomain(ds, domainName);
        List<Scorer.Prepared> prepared = new ArrayList<>();
        for (TrainedModel m : zm.models()) prepared.add(new Scorer(m).prepare(f.domain(), f.targets()));
        return explain(zm.models(), prepared, ds.inherentNames() != null ? ds.inherentNames() : InherentFeatures.NAMES, steps, rows);
    }

    /** The {@code n} features with the largest |attribution|, largest first (ties in the file's order). */
    public static List<Explanation.Feature> topFeatures(Explanation e, int n) {
        return e.features().stream()
                .sorted(Comparator.comparingDouble((Explanation.Feature f) -> -Math.abs(f.attribution())))
                .limit(Math.max(0, n)).toList();
    }

    /** Before any slow work (folding): the step count and every member's graph. */
    private static void requireExplainable(ZooModel zm, int steps) {
        for (TrainedModel m : zm.models()) LogitGradients.requireExplainable(m.graph());
        if (steps < 1 || steps > MAX_STEPS) throw new InputError("explanation steps must be 1 to " + MAX_STEPS + ", not " + steps);
    }

    /** One member's explanation of one precursor, its features in the shared order (0 where it reads none). */
    private record Part(double[] nucleotide, double[] features, double logit, double baselineLogit, double residual,
                        double tolerance, boolean within, int steps) {}

    /** Explanations of the rows of {@code prepared} (one per member, the same rows), members combined. */
    static List<Explanation> explain(List<TrainedModel> members, List<Scorer.Prepared> prepared, List<String> inherentNames, int steps) {
        return explain(members, prepared, inherentNames, steps, null);
    }

    /** As above, of rows {@code which} of {@code prepared} only (null: every row). */
    static List<Explanation> explain(List<TrainedModel> members, List<Scorer.Prepared> prepared, List<String> inherentNames, int steps,
                                     int[] which) {
        FeatureLayout layout = FeatureLayout.of(members, inherentNames);
        Scorer.Prepared first = prepared.get(0);
        int[] rowsOf = which != null ? which : java.util.stream.IntStream.range(0, first.ids().size()).toArray();
        int n = rowsOf.length;
        Part[][] parts = new Part[members.size()][n];
        try (Progress.Bar bar = Progress.bar("explaining", (long) members.size() * n, false)) {
            for (int k = 0; k < members.size(); k++) {
                TrainedModel m = members.get(k);
                IntegratedGradients ig = new IntegratedGradients(m.graph(), m.config(), RULE);
                for (int i = 0; i < n; i++) {
                    int r = rowsOf[i];
                    IntegratedGradients.Attribution a = ig.explainWithin(prepared.get(k).inputs(), r, steps, steps * MAX_REFINEMENT);
                    parts[k][i] = part(m.config(), a, first.sequences().get(r), layout);
                    requireFinite(first.ids().get(r), parts[k][i]);
                    bar.step();
                }
            }
        }
        List<Explanation> out = new ArrayList<>(n);
        int outside = 0;
        for (int i = 0; i < n; i++) {
            int r = rowsOf[i];
            Explanation e = combine(first.ids().get(r), first.sequences().get(r), layout.names(), values(prepared, r, layout), column(parts, i));
            if (!e.withinTolerance() && ++outside <= NAMED_MISSES) {
                Progress.say("note: '%s': attributions miss the completeness tolerance after %d steps (residual %.3g, tolerance %.3g)",
                        e.id(), e.steps(), e.residual(), e.tolerance());
            }
            out.add(e);
        }
        if (outside > 0) Progress.say("note: %d of %d explanations miss the completeness tolerance; their residual is in the provenance file", outside, n);
        return out;
    }

    /** The features of an explanation: inherent names if any member reads them, then mti_pc1 … for the widest MTI branch. */
    record FeatureLayout(List<String> names, int mtiOffset) {
        static FeatureLayout of(List<TrainedModel> members, List<String> inherentNames) {
            List<String> names = new ArrayList<>();
            for (TrainedModel m : members) {
                if (m.config().useInherent() && m.config().inherentDim() != inherentNames.size()) {
                    throw new IllegalArgumentException("the model reads " + m.config().inherentDim() + " inherent features, not " + inherentNames.size());
                }
            }
            if (members.stream().anyMatch(m -> m.config().useInherent())) names.addAll(inherentNames);
            int offset = names.size();
            int k = members.stream().filter(m -> m.config().useMti()).mapToInt(m -> m.config().mtiDim()).max().orElse(0);
            for (int i = 1; i <= k; i++) names.add("mti_pc" + i);
            return new FeatureLayout(List.copyOf(names), offset);
        }

        /** Inherent and MTI rows (either may be null) placed in this layout, 0 elsewhere. */
        double[] place(double[] inherent, double[] mti) {
            double[] f = new double[names.size()];
            if (inherent != null) System.arraycopy(inherent, 0, f, 0, inherent.length);
            if (mti != null) System.arraycopy(mti, 0, f, mtiOffset, mti.length);
            return f;
        }
    }

    private static Part part(ModelConfig cfg, IntegratedGradients.Attribution a, String seq, FeatureLayout layout) {
        double[] nuc = cfg.useSequence()
                ? NucleotideMap.of(seq.length(), Kmers.tokens(seq), cfg.tokenPool(), a.pooled(), a.tokenCells())
                : new double[seq.length()];
        return new Part(nuc, layout.place(a.inherent(), a.mti()), a.logit(), a.baselineLogit(), a.residual(),
                IntegratedGradients.tolerance(a.logit() - a.baselineLogit()), IntegratedGradients.within(a), a.steps());
    }

    private static void requireFinite(String id, Part p) {
        boolean ok = Double.isFinite(p.logit()) && Double.isFinite(p.baselineLogit()) && Double.isFinite(p.residual());
        for (double v : p.nucleotide()) ok &= Double.isFinite(v);
        for (double v : p.features()) ok &= Double.isFinite(v);
        if (!ok) throw new InputError("the explanation of '" + id + "' is not a finite number: the model or its inputs are broken, nothing was written");
    }

    /** Raw feature values of row {@code r}, each view from the first member that reads it. */
    private static double[] values(List<Scorer.Prepared> prepared, int r, FeatureLayout layout) {
        double[] inh = null, mti = null;
        for (Scorer.Prepared p : prepared) {
            if (inh == null && p.inherent() != null) inh = p.inherent()[r];
            if (mti == null && p.mti() != null) mti = p.mti()[r];
        }
        return layout.place(inh, mti);
    }

    private static Part[] column(Part[][] parts, int r) {
        Part[] c = new Part[parts.length];
        for (int k = 0; k < parts.length; k++) c[k] = parts[k][r];
        return c;
    }

    /** Members' mean, minimum and maximum of every attribution; the mean's residual is the mean of theirs. */
    static Explanation combine(String id, String seq, List<String> names, double[] values, Part[] parts) {
        int len = seq.length(), nf = names.size(), m = parts.length;
        double[][] nuc = stats(len, m, k -> parts[k].nucleotide());
        double[][] feat = stats(nf, m, k -> parts[k].features());
        List<Explanation.Feature> features = new ArrayList<>(nf);
        for (int j = 0; j < nf; j++) features.add(new Explanation.Feature(names.get(j), values[j], feat[0][j], feat[1][j], feat[2][j]));
        double logit = 0, base = 0, residual = 0, tol = 0;
        boolean within = true;
        int steps = 0;
        for (Part p : parts) {
            logit += p.logit() / m;
            base += p.baselineLogit() / m;
            residual += p.residual() / m;
            tol += p.tolerance() / m;
            within &= p.within();
            steps = Math.max(steps, p.steps());
        }
        return new Explanation(id, seq, nuc[0], nuc[1], nuc[2], features, logit, base, residual, tol, within, steps, m);
    }

    /** {mean, min, max} over members of arrays of {@code width}. */
    private static double[][] stats(int width, int members, java.util.function.IntFunction<double[]> of) {
        double[] mean = new double[width], lo = new double[width], hi = new double[width];
        java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (int k = 0; k < members; k++) {
            double[] a = of.apply(k);
            for (int i = 0; i < width; i++) {
                mean[i] += a[i] / members;
                lo[i] = Math.min(lo[i], a[i]);
                hi[i] = Math.max(hi[i], a[i]);
            }
        }
        if (members == 1) return new double[][] {mean, mean.clone(), mean.clone()};
        return new double[][] {mean, lo, hi};
    }
}
