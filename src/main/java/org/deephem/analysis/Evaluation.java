package org.deephem.analysis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deephem.baseline.BaselineFits;
import org.deephem.baseline.Baselines;
import org.deephem.data.DatasetReader;
import org.deephem.data.DeepHemDataset;
import org.deephem.eval.Correlation;
import org.deephem.io.Hashing;
import org.deephem.io.InputError;
import org.deephem.io.Progress;
import org.deephem.io.RecordedPath;
import org.deephem.zoo.Provenance;
import org.deephem.zoo.ScoresCsv;
import tech.tablesaw.api.Table;

/**
 * {@code evaluate} as one call: score files (and every baseline) against the dataset's human
 * conservation and DSW indicators, the circularity audit, and their tables with provenance.
 */
public final class Evaluation {
    private Evaluation() {}

    /** The Spearman summary the command prints, where the tables went and how long it took. */
    public record Result(Table correlationsSummary, Path out, double seconds) {}

    public static final String NOTHING_TO_EVALUATE = "evaluate: give --scores FILE[,FILE...] and/or --baselines";

    /** Cheap checks first: a typo should not wait for the dataset to load. */
    public static void check(EvaluationSpec spec) {
        if (spec.scores().isEmpty() && !spec.baselines()) throw new InputError(NOTHING_TO_EVALUATE);
        Set<String> seen = new HashSet<>();
        for (EvaluationSpec.ScoreFile sp : spec.scores()) {
            if (!seen.add(sp.method() + "@" + sp.seed())) {
                throw new InputError("--scores: method '" + sp.method() + "'" + (sp.seed().isEmpty() ? "" : " seed " + sp.seed())
                        + " is given twice (name runs METHOD@SEED=FILE)");
            }
            if (spec.baselines() && Baselines.names().contains(sp.method())) {
                throw new InputError("--scores: '" + sp.method() + "' is also the name of a baseline that --baselines adds; rename it (METHOD=FILE)");
            }
        }
    }

    public static Result run(EvaluationSpec spec) {
        check(spec);
        Path data = spec.data(), out = spec.out();
        DeepHemDataset ds = DatasetReader.read(data);
        Map<String, Map<String, Double>> indicators = CorrelationAnalysis.indicators(ds);
        if (indicators.isEmpty()) throw InputError.at(data, "the dataset has no human conservation or DSW scores to evaluate against");
        long t0 = System.nanoTime();

        List<NamedScores> runs = new ArrayList<>();
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (EvaluationSpec.ScoreFile sp : spec.scores()) runs.add(read(sp, ds.target().ids(), inputs, out));
        Map<String, Object> baselineInfo = new LinkedHashMap<>();
        if (spec.baselines()) runs.addAll(baselines(ds, spec, baselineInfo));

        int resamples = spec.resamples();
        long seed = spec.seed();
        Progress.say("correlating %d score vectors with %s (%d bootstrap resamples)", runs.size(), indicators.keySet(), resamples);
        Table corr = CorrelationAnalysis.correlations(runs, indicators, resamples, seed);
        Table corrSummary = CorrelationAnalysis.summary(corr, "r", "indicator", "correlation");
        Map<String, Map<String, Double>> covariates = CorrelationAnalysis.covariates(ds);
        Table audit = CorrelationAnalysis.circularityAudit(runs, indicators, covariates, corr, resamples, seed);
        Table auditSummary = CorrelationAnalysis.summary(audit, "partial_r", "indicator", "covariate");

        Map<String, Object> prov = new LinkedHashMap<>();
        prov.put("command", "evaluate");
        prov.put("created", java.time.Instant.now().toString());
        prov.put("dataset", RecordedPath.of(data, out));
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
        return new Result(corrSummary, out, (System.nanoTime() - t0) / 1e9);
    }

    /** The file's scores aligned to the human ids (NaN where the file has no score). */
    private static NamedScores read(EvaluationSpec.ScoreFile sp, List<String> humanIds, Map<String, Object> inputs, Path out) {
        Path path = sp.path();
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
        inputs.put(sp.method() + (sp.seed().isEmpty() ? "" : "@" + sp.seed()), Map.of("file", RecordedPath.of(path, out),
                "sha256", Hashing.sha256(path), "scored", s.ids().size(), "column", s.column()));
        return new NamedScores(sp.method(), sp.seed(), humanIds, aligned);
    }

    /** Every baseline fitted on all labelled mouse; learned ones once per seed (BaselineFits, as the report's). */
    private static List<NamedScores> baselines(DeepHemDataset ds, EvaluationSpec spec, Map<String, Object> info) {
        BaselineFits.Result fits = BaselineFits.fit(ds, spec.baselineSeeds(), spec.seed());
        List<NamedScores> out = new ArrayList<>();
        for (BaselineFits.Run r : fits.runs()) out.add(new NamedScores(r.method(), r.seeded() ? Long.toString(r.seed()) : "", ds.target().ids(), r.human()));
        List<String> skipped = new ArrayList<>();
        for (BaselineFits.Skipped s : fits.skipped()) {
            Progress.say("baseline %s skipped: %s", s.method(), s.reason());
            skipped.add(s.method() + ": " + s.reason());
        }
        info.put("trained_on", "all " + fits.labelledRows() + " labelled mouse rows");
        info.put("scored", "human");
        info.put("methods", Baselines.names());
        info.put("seeds_of_learned_baselines", spec.baselineSeeds());
        info.put("skipped", skipped);
        return out;
    }
}
