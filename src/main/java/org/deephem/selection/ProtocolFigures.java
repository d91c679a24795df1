package org.deephem.selection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.deephem.eval.Metrics;

/**
 * The figures and the pick rule of docs/SELECTION-PROTOCOL.md. By its signature it cannot see the
 * human indicators: a {@link Candidate} holds only the human <em>score</em> vectors of its seeds
 * (for seed stability and saturation) and mouse-side figures (nested CV AUROC and log-loss,
 * kept-epoch domain accuracy), never conservation, DSW, TargetScan classes or HMDD.
 */
public final class ProtocolFigures {
    private ProtocolFigures() {}

    /** Scores below LOW or above HIGH count as saturated. */
    public static final double LOW = 0.01, HIGH = 0.99;

    /**
     * One candidate recipe, trained over several seeds.
     *
     * @param family         twin family, e.g. "no-MTI" or "MTI": the rule is applied per family
     * @param humanScores    replicate human probability vectors, all over the same rows in the same
     *                       order: one per seed, or for an ensemble one per disjoint group of seeds
     *                       (e.g. the means of seeds 1–5 and of 6–10, see {@link #ensembleMean})
     * @param seeds          full trainings behind {@code humanScores} (the protocol asks for ≥ 5)
     * @param cvAuroc        nested mouse CV AUROC values: one per outer fold (amendment 1: one
     *                       5 × 2 CV per candidate) or one per seed (the original wording)
     * @param cvLogLoss      nested mouse CV log-loss values, as {@code cvAuroc}
     * @param domainAccuracy domain-discriminator accuracy on the kept epoch, one per training
     *                       (reported beside the rule, not ruled on)
     * @param parameters     trainable parameters (for the simplicity tie-break)
     * @param ensemble       an ensemble of seeds or fold models
     * @param pretrained     uses a pretrained sequence encoder
     */
    public record Candidate(String name, String family, double[][] humanScores, int seeds, double[] cvAuroc,
                            double[] cvLogLoss, double[] domainAccuracy, long parameters, boolean ensemble,
                            boolean pretrained) {}

    /** Mean and sample standard deviation (n − 1; 0 for one value). */
    public record MeanSd(double mean, double sd, int n) {
        static MeanSd of(double[] x) {
            DescriptiveStatistics s = new DescriptiveStatistics(x);
            return new MeanSd(s.getMean(), x.length > 1 ? s.getStandardDeviation() : 0, x.length);
        }
    }

    /** A candidate's protocol figures: each mean ± sd over the values given (folds, seeds or replicates). */
    public record Figures(String name, String family, int seeds, MeanSd cvAuroc, MeanSd cvLogLoss, MeanSd domainAccuracy,
                          double seedStability, MeanSd saturation, long parameters, boolean ensemble, boolean pretrained) {}

    /** Whether a candidate passes step 1 of the rule, and if not, why (in words). */
    public record Verdict(Figures figures, boolean eligible, String reason) {}

    /** The rule's outcome for one family: every candidate's verdict and the pick (null if none is eligible). */
    public record Decision(String family, List<Verdict> verdicts, String pick, String why) {}

    /**
     * The rule's constants.
     *
     * @param minSeeds candidates with fewer seeds are not eligible
     */
    public record Rule(double minAuroc, double aurocMargin, double maxSaturation, double stabilityTie, int minSeeds) {}

    /** As written in docs/SELECTION-PROTOCOL.md. */
    public static final Rule PROTOCOL = new Rule(0.90, 0.02, 0.50, 0.01, 5);

    /** Rounding slack when comparing figures with the rule's thresholds. */
    private static final double EPS = 1e-12;

    /** Mean Spearman correlation over all pairs of seeds' human score vectors. */
    public static double seedStability(double[][] scoresBySeed) {
        if (scoresBySeed.length < 2) throw new IllegalArgumentException("seed stability needs at least 2 seeds, got " + scoresBySeed.length);
        double sum = 0;
        int pairs = 0;
        for (int i = 0; i < scoresBySeed.length; i++) {
            for (int j = i + 1; j < scoresBySeed.length; j++) {
                sum += Metrics.spearman(scoresBySeed[i], scoresBySeed[j]);
                pairs++;
            }
        }
        return sum / pairs;
    }

    /** Share of scores outside [0.01, 0.99] (the bounds themselves are not saturated). */
    public static double saturation(double[] scores) {
        int out = 0;
        for (double s : scores) if (s < LOW || s > HIGH) out++;
        return out / (double) scores.length;
    }

    public static Figures figures(Candidate c) {
        double[][] h = c.humanScores();
        for (double[] v : h) {
            if (v.length != h[0].length) throw new IllegalArgumentException(c.name() + ": replicates scored different numbers of human rows");
        }
        if (c.cvAuroc().length == 0 || c.cvLogLoss().length == 0 || c.domainAccuracy().length == 0) {
            throw new IllegalArgumentException(c.name() + ": CV AUROC, CV log-loss and domain accuracy need at least one value each");
        }
        double[] sat = new double[h.length];
        for (int s = 0; s < h.length; s++) sat[s] = saturation(h[s]);
        return new Figures(c.name(), c.family(), c.seeds(), MeanSd.of(c.cvAuroc()), MeanSd.of(c.cvLogLoss()),
                MeanSd.of(c.domainAccuracy()), seedStability(h), MeanSd.of(sat), c.parameters(), c.ensemble(), c.pretrained());
    }

    /** The ensemble's score of each row: the mean of its members' probabilities. */
    public static double[] ensembleMean(double[][] members) {
        double[] m = new double[members[0].length];
        for (double[] v : members) {
            if (v.length != m.length) throw new IllegalArgumentException("ensemble members scored different numbers of rows");
            for (int i = 0; i < m.length; i++) m[i] += v[i] / members.length;
        }
        return m;
    }

    /** The rule applied to each family separately, families in order of first appearance. */
    public static Map<String, Decision> pickByFamily(List<Candidate> candidates, Rule rule) {
        Map<String, List<Candidate>> byFamily = new LinkedHashMap<>();
        for (Candidate c : candidates) byFamily.computeIfAbsent(c.family(), f -> new ArrayList<>()).add(c);
        Map<String, Decision> out = new LinkedHashMap<>();
        for (var e : byFamily.entrySet()) out.put(e.getKey(), pick(e.getValue(), rule));
        return out;
    }

    /**
     * The rule on the candidates of one family: eligible = mean CV AUROC ≥ minAuroc and ≥ the
     * family's best mean − aurocMargin, mean saturation ≤ maxSaturation, at least minSeeds seeds;
     * pick = the highest seed stability; within stabilityTie of it, the lower mean CV log-loss,
     * then fewer parameters, then no ensemble, then no pretraining (then the name, so the
     * outcome never depends on input order).
     */
    public static Decision pick(List<Candidate> family, Rule rule) {
        if (family.isEmpty()) throw new IllegalArgumentException("no candidates");
        String name = family.get(0).family();
        List<Figures> figs = new ArrayList<>();
        for (Candidate c : family) {
            if (!c.family().equals(name)) throw new IllegalArgumentException("candidates of families " + name + " and " + c.family() + " are ruled on separately");
            figs.add(figures(c));
        }
        double bestAuroc = figs.stream().mapToDouble(f -> f.cvAuroc().mean()).max().orElseThrow();
        List<Verdict> verdicts = new ArrayList<>();
        List<Figures> eligible = new ArrayList<>();
        for (Figures f : figs) {
            List<String> why = new ArrayList<>();
            if (f.seeds() < rule.minSeeds()) why.add(f.seeds() + " seeds, fewer than " + rule.minSeeds());
            if (Double.isNaN(f.seedStability())) why.add("seed stability undefined (a seed's human scores are all equal)");
            if (f.cvAuroc().mean() < rule.minAuroc() - EPS) why.add(String.format(java.util.Locale.ROOT, "CV AUROC %.3f below %.2f", f.cvAuroc().mean(), rule.minAuroc()));
            if (f.cvAuroc().mean() < bestAuroc - rule.aurocMargin() - EPS) {
                why.add(String.format(java.util.Locale.ROOT, "CV AUROC %.3f more than %.2f below the best %.3f", f.cvAuroc().mean(), rule.aurocMargin(), bestAuroc));
            }
            if (f.saturation().mean() > rule.maxSaturation() + EPS) {
                why.add(String.format(java.util.Locale.ROOT, "saturation %.1f %% above %.0f %%", 100 * f.saturation().mean(), 100 * rule.maxSaturation()));
            }
            verdicts.add(new Verdict(f, why.isEmpty(), why.isEmpty() ? "eligible" : String.join("; ", why)));
            if (why.isEmpty()) eligible.add(f);
        }
        if (eligible.isEmpty()) return new Decision(name, verdicts, null, "no candidate is eligible: the default stays as it is");
        double top = eligible.stream().mapToDouble(Figures::seedStability).max().orElseThrow();
        List<Figures> tied = eligible.stream().filter(f -> f.seedStability() >= top - rule.stabilityTie() - EPS).toList();
        Figures chosen = tied.stream().min(Comparator.comparingDouble((Figures f) -> f.cvLogLoss().mean())
                .thenComparingLong(Figures::parameters).thenComparing(Figures::ensemble).thenComparing(Figures::pretrained)
                .thenComparing(Figures::name)).orElseThrow();
        String why = tied.size() == 1
                ? String.format(java.util.Locale.ROOT, "highest seed stability (%.3f) among %d eligible", chosen.seedStability(), eligible.size())
                : String.format(java.util.Locale.ROOT, "%d eligible candidates within %.2f of the highest seed stability %.3f: lowest CV log-loss (%.4f), then the simpler recipe",
                        tied.size(), rule.stabilityTie(), top, chosen.cvLogLoss().mean());
        return new Decision(name, verdicts, chosen.name(), why);
    }
}
