package org.deephem.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deephem.data.DeepHemDataset;
import org.deephem.eval.Correlation;
import org.deephem.eval.QuintileTrend;

/**
 * The plain-language reading of a run, generated from its numbers (never written by hand for a
 * particular result), and the list of what the report cannot show.
 */
final class Reading {
    /** A correlation counts as "clearly" positive or negative below this p. */
    static final double ALPHA = 0.05;

    private Reading() {}

    static void explain(Report r, List<RunReport.Candidate> rows, double[] cons, double[] dsw,
                        List<QuintileTrend> trends, Map<String, Object> metrics) {
        RunReport.Candidate model = rows.get(0);
        Object auc = metrics.containsKey("selection_auc") ? metrics.get("selection_auc") : metrics.get("validation_auc");
        if (auc instanceof Number a) {
            r.reading(String.format(Locale.ROOT,
                    "On the held-out labelled mouse miRNAs that chose the kept epoch the model reaches AUC %.3f (0.5 = chance); because these rows chose it, this is optimistic and not an accuracy estimate.",
                    a.doubleValue()));
        }
        indicator(r, "conservation", model, rows, cons);
        indicator(r, "disease spectrum width (DSW)", model, rows, dsw);
        for (QuintileTrend t : trends) {
            String how = !(t.p() < ALPHA) ? "shows no clear trend across"
                    : t.rho() > 0 ? "rises across" : "falls across";
            r.reading(String.format(Locale.ROOT, "%s %s the score quintiles (%s).", capital(t.indicator()), how, t.summary()));
        }
    }

    private static void indicator(Report r, String what, RunReport.Candidate model, List<RunReport.Candidate> rows, double[] ind) {
        if (ind == null) {
            r.reading("The dataset has no " + what + " scores, so the human scores cannot be checked against them.");
            return;
        }
        Correlation m = RunReport.spearman(model.human(), ind, 0, 0);
        String verdict = !(m.p() < ALPHA) ? "do not clearly agree with"
                : m.r() > 0 ? "agree with" : "run against";
        r.reading(String.format(Locale.ROOT, "The human scores %s %s: Spearman ρ = %.3f (%s, n = %d).",
                verdict, what, m.r(), QuintileTrend.formatP(m.p()), m.n()));
        int beaten = 0, total = 0;
        StringBuilder better = new StringBuilder();
        for (RunReport.Candidate c : rows.subList(1, rows.size())) {
            double rho = RunReport.spearman(c.human(), ind, 0, 0).r();
            if (!Double.isFinite(rho)) continue;
            total++;
            if (m.r() > rho) beaten++;
            else better.append(better.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s (ρ = %.3f)", c.name(), rho));
        }
        if (total == 0) return;
        if (beaten == total) {
            r.reading(String.format(Locale.ROOT, "On %s the model beats every one of the %d baselines.", what, total));
        } else {
            r.reading(String.format(Locale.ROOT,
                    "On %s the model does NOT beat %d of the %d baselines: %s. A baseline that never saw the network does at least as well there.",
                    what, total - beaten, total, better));
        }
    }

    static void limits(Report r, DeepHemDataset ds) {
        r.limit("Conservation and DSW are proxies for essentiality in human, not knockout labels: agreement with them is suggestive, not proof.");
        r.limit("The MTI features come from TargetScan's conserved sites of conserved families, so 'has targets' nearly encodes conservation: agreement with conservation through the MTI branch is close to circular. Compare with a run without it (--branches seq,inherent).");
        r.limit("DSW counts HMDD disease associations and therefore also follows how well studied a miRNA is.");
        r.limit("Any AUC here is measured on mouse; it estimates performance on mouse, not on human.");
        r.limit(String.format(Locale.ROOT,
                "There are only %d labelled mouse miRNAs; results move between seeds, so compare several runs before trusting a difference.",
                ds.labels().length));
        r.limit("'Beats a baseline' compares two correlation coefficients; it does not test whether their difference is itself significant (overlapping bootstrap intervals mean it may not be).");
        if (isDemo(ds)) {
            r.limit("This dataset looks like the synthetic demo: its numbers say the code runs, nothing about biology.");
        }
    }

    static boolean isDemo(DeepHemDataset ds) {
        return ds.folder() != null && org.deephem.demo.DemoDataset.isDemo(ds.folder());
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
