package org.deephem.report;

import java.util.List;
import java.util.Locale;
import org.deephem.data.DeepHemDataset;
import org.deephem.eval.Correlation;
import org.deephem.eval.QuintileTrend;
import org.deephem.train.RunProvenance;

/**
 * The plain-language reading of a run, generated from its numbers (never written by hand for a
 * particular result), and the list of what the report cannot show.
 */
final class Reading {
    /** A correlation counts as "clearly" positive or negative below this p. */
    static final double ALPHA = 0.05;

    private Reading() {}

    static void explain(Report r, List<RunReport.Candidate> rows, double[] cons, double[] dsw,
                        List<QuintileTrend> trends, RunProvenance.Selected kept) {
        double a = kept.selectionAuc();
        if (!Double.isNaN(a)) { // NaN: not recorded (an ensemble, an old page) or not computable
            r.text(Report.Section.TRAINING, String.format(Locale.ROOT,
                    "In-training selection figure: on the held-out labelled mouse miRNAs that chose the kept epoch the model reaches AUC %.3f (0.5 = chance); because these rows chose it, this is optimistic and not an accuracy estimate.",
                    a));
        }
        indicator(r, "conservation", rows, cons);
        indicator(r, "disease spectrum width (DSW)", rows, dsw);
        for (QuintileTrend t : trends) {
            String how = !(t.p() < ALPHA) ? "shows no clear trend across"
                    : t.rho() > 0 ? "rises across" : "falls across";
            r.text(Report.Section.HUMAN, String.format(Locale.ROOT, "%s %s the score quintiles of %s (%s).", capital(t.indicator()), how, rows.get(0).name(), t.summary()));
        }
    }

    /** Spearman ρ of each run of a method with the indicator (no bootstrap: the reading needs the point values). */
    private static List<Correlation> spearman(RunReport.Candidate c, double[] ind) {
        return c.runs().stream().map(x -> RunReport.spearman(x, ind, 0, 0)).toList();
    }

    private static double mean(List<Correlation> cs) {
        return cs.stream().mapToDouble(Correlation::r).average().orElse(Double.NaN);
    }

    /** One sentence per network method: how its human scores go with the indicator, and which baselines do at least as well. */
    private static void indicator(Report r, String what, List<RunReport.Candidate> rows, double[] ind) {
        if (ind == null) {
            r.text(Report.Section.HUMAN, "The dataset has no " + what + " scores, so the human scores cannot be checked against them.");
            return;
        }
        List<RunReport.Candidate> baselines = rows.stream().filter(c -> !c.network()).toList();
        for (RunReport.Candidate net : rows) {
            if (!net.network()) continue;
            List<Correlation> cs = spearman(net, ind);
            double rho = mean(cs);
            String first;
            if (cs.size() == 1) {
                Correlation m = cs.get(0);
                String verdict = !(m.p() < ALPHA) ? "do not clearly agree with" : m.r() > 0 ? "agree with" : "run against";
                first = String.format(Locale.ROOT, "The human scores of %s %s %s: Spearman ρ = %.3f (%s, n = %d)",
                        net.name(), verdict, what, m.r(), QuintileTrend.formatP(m.p()), m.n());
            } else {
                long up = cs.stream().filter(c -> c.p() < ALPHA && c.r() > 0).count();
                long down = cs.stream().filter(c -> c.p() < ALPHA && c.r() < 0).count();
                String verdict = up == cs.size() ? "agree with" : down == cs.size() ? "run against" : "do not clearly agree with";
                double sd = Math.sqrt(cs.stream().mapToDouble(c -> (c.r() - rho) * (c.r() - rho)).sum() / (cs.size() - 1));
                first = String.format(Locale.ROOT,
                        "The human scores of %s %s %s: mean Spearman ρ = %.3f ± %.3f over %d seeds, clearly positive (p < %.2f) in %d and clearly negative in %d",
                        net.name(), verdict, what, rho, sd, cs.size(), ALPHA, up, down);
            }
            r.text(Report.Section.HUMAN, first + compare(rho, baselines, ind) + ".");
        }
    }

    /** "; it beats every one of the N baselines" or "; it does NOT beat k of the N baselines (best: a, ρ)"; empty without baselines (the headline table lists them all). */
    private static String compare(double rho, List<RunReport.Candidate> baselines, double[] ind) {
        int beaten = 0, total = 0;
        String best = null;
        double bestRho = Double.NaN;
        for (RunReport.Candidate c : baselines) {
            double b = mean(spearman(c, ind));
            if (!Double.isFinite(b)) continue;
            total++;
            if (rho > b) beaten++;
            else if (best == null || b > bestRho) {
                best = c.name();
                bestRho = b;
            }
        }
        if (total == 0) return "";
        if (beaten == total) return String.format(Locale.ROOT, "; it beats every one of the %d baselines", total);
        return String.format(Locale.ROOT, "; it does NOT beat %d of the %d baselines (best: %s, %.3f)", total - beaten, total, best, bestRho);
    }

    static void limits(Report r, DeepHemDataset ds) {
        r.limit("Conservation and DSW are proxies for essentiality in human, not knockout labels: agreement with them is suggestive, not proof.");
        r.limit("The MTI features come from TargetScan's conserved sites of conserved families, so 'has targets' nearly encodes conservation: agreement with conservation through the MTI branch is close to circular. Compare with a run without it (--branches seq,inherent).");
        r.limit("DSW counts HMDD disease associations and therefore also follows how well studied a miRNA is.");
        r.limit("Any AUC here, the cross-validation included, is measured on mouse; it estimates accuracy on mouse only, not on human.");
        r.limit(String.format(Locale.ROOT,
                "There are only %d labelled mouse miRNAs; results move between seeds, so compare several runs before trusting a difference.",
                ds.labels().length));
        r.limit("'Beats a baseline' compares two correlation coefficients; it does not test whether their difference is itself significant (overlapping bootstrap intervals mean it may not be).");
        if (isDemo(ds)) {
            r.limit("This dataset looks like the synthetic demo: its numbers say the code runs, nothing about biology (see the banner at the top).");
        }
    }

    static boolean isDemo(DeepHemDataset ds) {
        return ds.folder() != null && org.deephem.demo.DemoDataset.isDemo(ds.folder());
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
