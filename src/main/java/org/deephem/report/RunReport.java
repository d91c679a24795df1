package org.deephem.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deephem.analysis.CorrelationAnalysis;
import org.deephem.analysis.NamedScores;
import org.deephem.data.DeepHemDataset;
import org.deephem.data.Inspection;
import org.deephem.eval.Correlation;
import org.deephem.eval.Correlations;
import org.deephem.run.RunFolder;
import org.deephem.train.RunProvenance;
import org.deephem.eval.QuintileTrend;
import org.deephem.figures.CorrelationHeatmap;
import org.deephem.figures.TrainingCurves;
import org.deephem.figures.TrendBoxplots;
import org.deephem.train.EpochLog;
import org.deephem.validation.CrossValidation;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Assembles the report of one trained run from its outputs: the dataset, the human scores,
 * the training log and the model's provenance. The human conservation and DSW indicators are
 * read here for the first time in a run's life: they judge, they never choose.
 */
public final class RunReport {
    /** Inherent features shown in the correlation heat map. */
    static final List<String> MAIN_FEATURES = List.of("length", "gc_content", "mfe", "mfei", "paired_fraction",
            "longest_stem", "terminal_loop_size", "mature_count", "seed_gc");

    /**
     * What a run left behind. {@code networkRuns}: human scores of the network, one per method ×
     * seed (e.g. deephem and deephem-nomti over several seeds); the first is the run the figures
     * draw. {@code targetScanClass} and the indicators may be null (absent); {@code baselines}: the
     * human scores of every baseline, fitted once per run (run.RunBaselines), compared with the runs,
     * and {@code skippedBaselines} those the dataset could not feed, "name (why)"; {@code resamples} is the number
     * of bootstrap resamples behind each interval; {@code cv} the nested mouse cross-validation
     * (null: none was run); {@code comparisonCv} the same on XGEM's comparison set (null: none); {@code seed} fixes the learned baselines' fits and the bootstrap.
     */
    public record Inputs(String run, DeepHemDataset ds, Map<String, Double> targetScanClass, List<NamedScores> networkRuns,
                         List<EpochLog> log, Map<String, Object> modelProvenance, Map<String, Object> inputFiles,
                         List<NamedScores> baselines, List<String> skippedBaselines, int resamples, CrossValidation.Result cv,
                         CrossValidation.Result comparisonCv, long seed) {
        public Inputs {
            if (networkRuns.isEmpty()) throw new IllegalArgumentException("no network run to report");
        }
    }

    private RunReport() {}

    public static Report build(Inputs in) {
        DeepHemDataset ds = in.ds();
        String shownAs = org.deephem.io.RecordedPath.of(ds.folder(), null);
        Report r = new Report(in.run()).datasetSummary(Inspection.summarise(ds, shownAs));
        if (Reading.isDemo(ds)) {
            r.banner("Synthetic data — numbers mean nothing. This page was made from the synthetic demo dataset: it shows that the code runs, nothing about biology.");
        }
        Object cfg = in.modelProvenance().get("config");
        if (cfg instanceof Map<?, ?> m) m.forEach((k, v) -> r.config(Map.of(String.valueOf(k), v)));
        Map<String, Object> prov = new LinkedHashMap<>(in.inputFiles());
        prov.put("baseline_and_bootstrap_seed", in.seed());
        for (String k : List.of("name", "created", "seeds", "tags", "dataset", "dataset_sha256", "environment", "metrics")) {
            if (in.modelProvenance().containsKey(k)) prov.put("model_" + k, in.modelProvenance().get(k));
        }
        r.provenance(prov);

        List<String> ids = ds.target().ids();
        double[] score = in.networkRuns().get(0).scores();
        double[] cons = column(ds.conservation(), ids), dsw = column(ds.dsw(), ids), tsc = column(in.targetScanClass(), ids);
        RunProvenance.Selected kept = RunFolder.typed(in.modelProvenance()).selected();
        int selected = kept.epoch();
        long seed = in.seed();

        List<NamedScores> all = new ArrayList<>(in.networkRuns());
        all.addAll(in.baselines());
        List<String> skipped = in.skippedBaselines();
        List<Candidate> rows = candidates(all, in.networkRuns().size());
        java.util.Set<String> networks = new java.util.LinkedHashSet<>();
        for (NamedScores n : in.networkRuns()) networks.add(n.method());

        DatasetSection.add(r, ds, shownAs);
        Table cvSummary = in.cv() == null ? null : CvSection.summary(in.cv());
        Table[] corr = correlationTables(r, all, ds, in.resamples(), seed);
        if (corr != null) {
            Headline.add(r, corr[0], networks, cvSummary);
            AuditSection.add(r, corr[1], networks, Headline.order(Headline.cells(corr[0]), networks, CorrelationAnalysis.CONSERVATION));
        }
        if (in.cv() != null) CvSection.add(r, in.cv(), in.comparisonCv(), ds, networks);

        List<QuintileTrend> trends = new ArrayList<>();
        if (cons != null) trends.add(QuintileTrend.of("conservation", score, cons));
        if (dsw != null) trends.add(QuintileTrend.of("DSW", score, dsw));
        heatmap(r, ds, score, cons, tsc, dsw);
        if (!trends.isEmpty()) {
            List<org.deephem.figures.Figure> panels = new ArrayList<>();
            List<String> tests = new ArrayList<>();
            for (QuintileTrend t : trends) {
                panels.add(org.deephem.figures.Figure.of(TrendBoxplots.chart(t)));
                tests.add(t.indicator() + ": " + t.summary());
            }
            r.figure(Report.Section.HUMAN, "trend_quintiles", "The indicators across human score quintiles",
                    "Scores of " + in.networkRuns().get(0).method() + " (the saved run), Q1 lowest … Q5 highest. Boxes: quartiles; whiskers: range within 1.5 IQR. Trend tests: "
                            + String.join("; ", tests) + ".", new org.deephem.figures.Panels("indicators by human score quintile", panels), true);
        }
        if (!trends.isEmpty()) r.table(Report.Section.APPENDIX, "quintile_trends", "Indicators by human score quintile", "Q1 = lowest fifth of DeepHEM-J scores, Q5 = highest; the trend test is Spearman's ρ of the indicator with the quintile index.", quintileTable(trends));
        if (!in.log().isEmpty()) {
            r.figure(Report.Section.TRAINING, "training_curves", "Training curves of the saved run",
                    "Losses on a fixed monitoring batch; selection figures on the held-out labelled mouse rows that chose the kept epoch (the vertical line), so they are optimistic; λ (gradient reversal) and α (MMD weight) schedules.",
                    TrainingCurves.chart(in.log(), selected));
        }
        Reading.explain(r, rows, cons, dsw, trends, kept);
        for (String k : skipped) r.text(Report.Section.HUMAN, "Baseline skipped: " + k + ".");
        Reading.limits(r, ds);
        return r;
    }

    /** One method of the comparison: the network (one or more seeds) or a baseline (one run). */
    record Candidate(String name, boolean network, List<double[]> runs) {}

    /** Runs grouped by method, in order of first appearance; the first {@code nNetwork} runs are the network's. */
    private static List<Candidate> candidates(List<NamedScores> all, int nNetwork) {
        Map<String, Candidate> by = new LinkedHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            NamedScores s = all.get(i);
            boolean net = i < nNetwork;
            by.computeIfAbsent(s.method(), k -> new Candidate(k, net, new ArrayList<>())).runs().add(s.scores());
        }
        return new ArrayList<>(by.values());
    }

    /**
     * analysis.CorrelationAnalysis's tables, exactly as {@code evaluate} writes them: every
     * coefficient for every run, mean ± sd over seeds, and the circularity audit (the long tables,
     * as appendices); returns the correlations and the audit for the wide tables, null without indicators.
     */
    private static Table[] correlationTables(Report r, List<NamedScores> all, DeepHemDataset ds, int resamples, long seed) {
        Map<String, Map<String, Double>> indicators = CorrelationAnalysis.indicators(ds);
        if (indicators.isEmpty()) return null;
        Table corr = CorrelationAnalysis.correlations(all, indicators, resamples, seed);
        r.table(Report.Section.APPENDIX, "human_correlations", "Human scores against the indicators, every run",
                "Pearson r, Spearman ρ and Kendall τ-b of every score vector (network runs by seed, then every baseline) with conservation and DSW, "
                        + "over the human miRNAs that have the indicator (n; dropped = without one), with two-sided p and a seeded bootstrap 95 % interval ("
                        + resamples + " resamples, the same for every row). Baselines never see the human indicators: single features have a sign fixed by definition, "
                        + "learned baselines are fitted on the labelled mouse only.", corr);
        r.table(Report.Section.APPENDIX, "human_correlations_summary", "Human correlations, mean ± sd over seeds",
                "Per method, indicator and coefficient: the mean and sample sd of the coefficient over its runs (seeds); sd is empty for a single run.",
                CorrelationAnalysis.summary(corr, "r", "indicator", "correlation"));
        Map<String, Map<String, Double>> cov = CorrelationAnalysis.covariates(ds);
        Table audit = CorrelationAnalysis.circularityAudit(all, indicators, cov, corr, resamples, seed);
        r.table(Report.Section.APPENDIX, "circularity_audit", "Circularity audit, every run",
                "Partial Spearman of each score with each indicator, controlling for one covariate at a time (has any MTI target; precursor length), "
                        + "beside the plain Spearman, with two-sided p and a seeded bootstrap 95 % interval. A feature controlled for itself is left empty.",
                audit);
        return new Table[] {corr, audit};
    }

    /** Spearman's ρ over the rows where both values exist (NaN everywhere when the indicator is absent). */
    static Correlation spearman(double[] a, double[] b, int resamples, long seed) {
        if (a == null || b == null) return new Correlation(Correlation.Kind.SPEARMAN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0);
        return Correlations.of(Correlation.Kind.SPEARMAN, a, b, resamples, seed);
    }

    private static Table quintileTable(List<QuintileTrend> trends) {
        StringColumn ind = StringColumn.create("indicator"), q = StringColumn.create("quintile");
        IntColumn n = IntColumn.create("n");
        DoubleColumn mean = DoubleColumn.create("mean"), median = DoubleColumn.create("median");
        for (QuintileTrend t : trends) {
            for (int k = 0; k < t.groups().size(); k++) {
                double[] g = t.groups().get(k).clone();
                java.util.Arrays.sort(g);
                ind.append(t.indicator());
                q.append("Q" + (k + 1));
                n.append(g.length);
                mean.append(g.length == 0 ? Double.NaN : java.util.Arrays.stream(g).average().orElse(Double.NaN));
                median.append(g.length == 0 ? Double.NaN : (g[(g.length - 1) / 2] + g[g.length / 2]) / 2);
            }
        }
        return Table.create("quintile trends", ind, q, n, mean, median);
    }

    private static void heatmap(Report r, DeepHemDataset ds, double[] score, double[] cons, double[] tsc, double[] dsw) {
        List<String> names = new ArrayList<>();
        List<double[]> vars = new ArrayList<>();
        names.add("DeepHEM-J score");
        vars.add(score);
        if (cons != null) { names.add("conservation"); vars.add(cons); }
        if (tsc != null) { names.add("TargetScan class"); vars.add(tsc); }
        if (dsw != null) { names.add("DSW"); vars.add(dsw); }
        if (ds.inherentNames() != null) {
            for (String f : MAIN_FEATURES) {
                int c = ds.inherentNames().indexOf(f);
                if (c >= 0) { names.add(f); vars.add(col(ds.target().inherent(), c)); }
            }
        }
        int k = names.size();
        double[][] rho = new double[k][k];
        for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) rho[i][j] = i == j ? 1.0 : spearman(vars.get(i), vars.get(j), 0, 0).r();
        r.figure(Report.Section.HUMAN, "correlation_heatmap", "Correlation matrix (human miRNAs)",
                "Spearman ρ between the DeepHEM-J score of the saved run, the indicators and the main inherent features, over pairs of values present (n = " + score.length
                        + " human miRNAs); fixed scale from −1 (blue) to +1 (red).",
                org.deephem.figures.Figure.of(CorrelationHeatmap.chart("Spearman ρ, human miRNAs", names, rho)), true);
    }

    /** Values aligned with {@code ids}, NaN where an ID has none; null when the map is absent. */
    static double[] column(Map<String, Double> m, List<String> ids) {
        return m == null ? null : Correlations.align(ids, m);
    }

    private static double[] col(double[][] rows, int c) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) out[i] = rows[i][c];
        return out;
    }
}
