package org.deephem.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.deephem.analysis.CorrelationAnalysis;
import org.deephem.analysis.NamedScores;
import org.deephem.analysis.TableFiles;
import org.deephem.baseline.Baselines;
import org.deephem.data.DatasetReader;
import org.deephem.data.DeepHemDataset;
import org.deephem.eval.Correlations;
import org.deephem.eval.Correlation;
import org.deephem.io.Hashing;
import org.deephem.io.InputError;
import org.deephem.io.Progress;
import org.deephem.method.Method;
import org.deephem.zoo.Provenance;
import org.deephem.zoo.ScoresCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tech.tablesaw.api.Table;

@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Correlate human scores with the dataset's conservation and DSW indicators (Pearson, Spearman, Kendall tau-b; two-sided p; bootstrap 95%% interval; n and dropped) and run the circularity audit (partial Spearman controlling for 'has any MTI target' and for precursor length).",
                "Writes correlations, correlations_summary (mean and sd over seeds), circularity_audit and circularity_audit_summary to -o, each as .csv and .xlsx with a .provenance.json beside every file.",
                "Human miRNAs without a score or without an indicator value are left out and counted in 'dropped', never filled in."})
final class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "DeepHEM-layout dataset folder with the human indicators")
    Path data;
    @Option(names = "--scores", split = ",", paramLabel = "[METHOD[@SEED]=]FILE",
            description = "scores files as written by score/train (the logit column if present, else score); METHOD defaults to the file name without extension; runs of one METHOD with different SEEDs are summarised together")
    List<String> scores = new ArrayList<>();
    @Option(names = "--baselines", description = "also fit every baseline (has_mti_target, mature_count, neg_length, gc_content, neg_mfe, logistic, random_forest, and both without MTI features) on all labelled mouse and score human")
    boolean baselines;
    @Option(names = "--baseline-seeds", split = ",", defaultValue = "42", description = "seeds of the learned baselines, one run each (default: ${DEFAULT-VALUE})")
    List<Long> baselineSeeds;
    /**
     * The most bootstrap resamples: 10,000, ten times the default. The percentile interval's
     * Monte-Carlo error at 1,000 is already well below its width; each resample re-ranks every
     * row for every score vector, indicator and coefficient, so an unbounded count ran for hours
     * and held one double per resample.
     */
    static final int MAX_RESAMPLES = 10_000;
    @Option(names = "--resamples", defaultValue = "1000", description = "bootstrap resamples for the 95%% intervals, 0 = none, at most "
            + MAX_RESAMPLES + " (default: ${DEFAULT-VALUE})")
    int resamples;
    @Option(names = "--seed", defaultValue = "42", description = "bootstrap seed (default: ${DEFAULT-VALUE})")
    long seed;
    @Option(names = {"-o", "--out"}, required = true, description = "output folder")
    Path out;

    @Override
    public Integer call() {
        if (scores.isEmpty() && !baselines) throw new InputError("evaluate: give --scores FILE[,FILE...] and/or --baselines");
        OptionCheck.range("--resamples", resamples, 0, MAX_RESAMPLES);
        org.deephem.io.Outputs.requireFolder("-o", out);
        // cheap checks first: a typo should not wait for the dataset to load
        List<Spec> specs = scores.stream().map(Spec::parse).toList();
        Set<String> seen = new HashSet<>();
        for (Spec sp : specs) {
            if (!seen.add(sp.method + "@" + sp.seed)) {
                throw new InputError("--scores: method '" + sp.method + "'" + (sp.seed.isEmpty() ? "" : " seed " + sp.seed)
                        + " is given twice (name runs METHOD@SEED=FILE)");
            }
            if (baselines && Baselines.names().contains(sp.method)) {
                throw new InputError("--scores: '" + sp.method + "' is also the name of a baseline that --baselines adds; rename it (METHOD=FILE)");
            }
        }
        DeepHemDataset ds = DatasetReader.read(data);
        Map<String, Map<String, Double>> indicators = CorrelationAnalysis.indicators(ds);
        if (indicators.isEmpty()) throw InputError.at(data, "the dataset has no human conservation or DSW scores to evaluate against");
        long t0 = System.nanoTime();

        List<NamedScores> runs = new ArrayList<>();
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (Spec sp : specs) runs.add(sp.read(ds.target().ids(), inputs, out));
        Map<String, Object> baselineInfo = new LinkedHashMap<>();
        if (baselines) runs.addAll(fitBaselines(ds, baselineInfo));

        Progress.say("correlating %d score vectors with %s (%d bootstrap resamples)", runs.size(), indicators.keySet(), resamples);
        Table corr = CorrelationAnalysis.correlations(runs, indicators, resamples, seed);
        Table corrSummary = CorrelationAnalysis.summary(corr, "r", "indicator", "correlation");
        Map<String, Map<String, Double>> covariates = CorrelationAnalysis.covariates(ds);
        Table audit = CorrelationAnalysis.circularityAudit(runs, indicators, covariates, corr, resamples, seed);
        Table auditSummary = CorrelationAnalysis.summary(audit, "partial_r", "indicator", "covariate");

        Map<String, Object> prov = new LinkedHashMap<>();
        prov.put("command", "evaluate");
        prov.put("created", java.time.Instant.now().toString());
        prov.put("dataset", org.deephem.io.RecordedPath.of(data, out));
        prov.put("dataset_sha256", Provenance.datasetHashes(data));
        prov.put("score_files", inputs);
        prov.put("baselines", baselineInfo);
        prov.put("indicators", new ArrayList<>(indicators.keySet()));
        prov.put("covariates", new ArrayList<>(covariates.keySet()));
        prov.put("statistics", Map.of(
                "p_values", Correlation.P_VALUES,
                "interval", "bootstrap percentile 95 % (quantile type 7)",
                "resamples", resamples,
                "bootstrap_seed", seed,
                "missing", "rows without a score or an indicator (or covariate) value are dropped and counted"));
        prov.put("environment", Provenance.environment());
        // everything is computed before the first file is written: bad input leaves no output
        TableFiles.write(corr, out, "correlations", prov);
        TableFiles.write(corrSummary, out, "correlations_summary", prov);
        TableFiles.write(audit, out, "circularity_audit", prov);
        TableFiles.write(auditSummary, out, "circularity_audit_summary", prov);

        printSpearman(corrSummary);
        System.out.printf(Locale.ROOT, "tables: %s (%.1f s)%n", out, (System.nanoTime() - t0) / 1e9);
        return 0;
    }

    /** One --scores item: [METHOD[@SEED]=]FILE. */
    private record Spec(String method, String seed, Path path) {
        static Spec parse(String spec) {
            String method = null, seed = "";
            String file = spec;
            int eq = spec.indexOf('=');
            if (eq >= 0) {
                method = spec.substring(0, eq);
                file = spec.substring(eq + 1);
                int at = method.indexOf('@');
                if (at >= 0) {
                    seed = method.substring(at + 1);
                    method = method.substring(0, at);
                }
                if (method.isBlank()) throw new InputError("--scores: empty method name in '" + spec + "'");
            }
            if (file.isBlank()) throw new InputError("--scores: no file in '" + spec + "'");
            Path path = Path.of(file);
            if (method == null) {
                String name = path.getFileName().toString();
                int dot = name.lastIndexOf('.');
                method = dot > 0 ? name.substring(0, dot) : name;
            }
            return new Spec(method, seed, path);
        }

        /** The file's scores aligned to the human ids (NaN where the file has no score). */
        NamedScores read(List<String> humanIds, Map<String, Object> inputs, Path out) {
            ScoresCsv.Scores s = ScoresCsv.read(path);
            Map<String, Integer> row = new HashMap<>();
            for (int i = 0; i < humanIds.size(); i++) row.put(humanIds.get(i), i);
            double[] aligned = new double[humanIds.size()];
            Arrays.fill(aligned, Double.NaN);
            for (int i = 0; i < s.ids().size(); i++) {
                Integer r = row.get(s.ids().get(i));
                if (r == null) throw InputError.at(path, i + 2, "ID '" + s.ids().get(i) + "' is not a human miRNA of the dataset");
                aligned[r] = s.scores()[i];
            }
            inputs.put(method + (seed.isEmpty() ? "" : "@" + seed), Map.of("file", org.deephem.io.RecordedPath.of(path, out),
                    "sha256", Hashing.sha256(path), "scored", s.ids().size(), "column", s.column()));
            return new NamedScores(method, seed, humanIds, aligned);
        }
    }

    /** Every baseline fitted on all labelled mouse; learned ones once per seed. */
    private List<NamedScores> fitBaselines(DeepHemDataset ds, Map<String, Object> info) {
        int[] all = IntStream.range(0, ds.labels().length).toArray();
        List<NamedScores> out = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Method m : Baselines.all()) {
            boolean seeded = Baselines.isSeeded(m);
            for (long s : seeded ? baselineSeeds : List.of(seed)) {
                double[] sc;
                try {
                    sc = m.fit(ds, all, s).score(ds.target());
                } catch (InputError e) {
                    Progress.say("baseline %s skipped: %s", m.name(), e.getMessage());
                    skipped.add(m.name() + ": " + e.getMessage());
                    break;
                }
                out.add(new NamedScores(m.name(), seeded ? Long.toString(s) : "", ds.target().ids(), sc));
            }
        }
        info.put("trained_on", "all " + all.length + " labelled mouse rows");
        info.put("scored", "human");
        info.put("methods", Baselines.names());
        info.put("seeds_of_learned_baselines", baselineSeeds);
        info.put("skipped", skipped);
        return out;
    }

    private static void printSpearman(Table summary) {
        System.out.println("Spearman with the human indicators (mean ± sd over seeds; read-out, never used for any choice):");
        for (int r = 0; r < summary.rowCount(); r++) {
            if (!summary.stringColumn("correlation").get(r).equals("spearman")) continue;
            double sd = summary.doubleColumn("r_sd").getDouble(r);
            System.out.printf(Locale.ROOT, "  %-22s %-13s %7.3f%s  (seeds %d, n %d)%n",
                    summary.stringColumn("method").get(r), summary.stringColumn("indicator").get(r),
                    summary.doubleColumn("r_mean").getDouble(r), Double.isNaN(sd) ? "        " : String.format(Locale.ROOT, " ± %.3f", sd),
                    summary.intColumn("seeds").getInt(r), summary.intColumn("n_min").getInt(r));
        }
    }
}
