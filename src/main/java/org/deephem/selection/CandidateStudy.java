package org.deephem.selection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.deephem.eval.Correlation;
import org.deephem.eval.Correlations;
import org.deephem.experiment.CellResult;
import org.deephem.experiment.Grid;
import org.deephem.model.ModelConfig;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The protocol run on finished grid cells, in two steps that never meet:
 * {@link #candidates}/{@link #ensemble} turn cells into {@link ProtocolFigures.Candidate}s
 * (human <em>scores</em> and mouse figures only) for the rule, and {@link #humanTable}, called
 * after the rule has decided, correlates every candidate's human scores with the indicators for
 * the report. The decision code has no path to the indicators.
 */
public final class CandidateStudy {
    private CandidateStudy() {}

    /** Name of the ensemble candidate of a family (G of the protocol). */
    public static String ensembleName(String family) {
        return Candidates.key("G", family);
    }

    /**
     * One candidate per grid method whose cells are all finished and whose first seed carries
     * the CV; the others are returned in {@code notRun} by key.
     */
    public static List<ProtocolFigures.Candidate> candidates(Grid grid, Map<String, CellResult> results,
                                                             ToLongFunction<ModelConfig> parameters, List<String> notRun) {
        List<ProtocolFigures.Candidate> out = new ArrayList<>();
        for (Grid.Row r : grid.methods()) {
            List<CellResult> cells = cells(r.key(), grid.seeds(), results);
            CellResult first = cells.isEmpty() ? null : cells.get(0);
            if (cells.size() < grid.seeds().size() || first.cv() == null || first.cv().logLoss() == null) {
                notRun.add(r.key());
                continue;
            }
            out.add(new ProtocolFigures.Candidate(r.key(), r.group(), scores(cells), cells.size(), first.cv().auroc(),
                    first.cv().logLoss(), domainAccuracy(cells), parameters.applyAsLong(r.network()), false, false));
        }
        return out;
    }

    /**
     * The round-2 candidates ({@link Round2Rule}): as {@link #candidates}, each with the
     * length-matched AUROC and interval of its first seed's nested CV (NaN when the cell has none)
     * and its recipe's shape (canonical windows, length-balanced) from the row's variant (R0–R3).
     */
    public static List<Round2Rule.Candidate> round2(Grid grid, Map<String, CellResult> results,
                                                    ToLongFunction<ModelConfig> parameters, List<String> notRun) {
        List<Round2Rule.Candidate> out = new ArrayList<>();
        Map<String, Grid.Row> rows = new LinkedHashMap<>();
        for (Grid.Row r : grid.methods()) rows.put(r.key(), r);
        for (ProtocolFigures.Candidate c : candidates(grid, results, parameters, notRun)) {
            CellResult.Cv cv = results.get(Grid.cellId(c.name(), grid.seeds().get(0))).cv();
            Candidates.Round2Recipe recipe = Candidates.round2(rows.get(c.name()).variant());
            if (recipe == null) throw new IllegalArgumentException(c.name() + " is not a round-2 candidate (R0-R3)");
            out.add(new Round2Rule.Candidate(c, nan(cv.lmAuroc()), nan(cv.lmAurocLo()), nan(cv.lmAurocHi()), recipe.canonical(), recipe.weighted()));
        }
        return out;
    }

    private static double nan(Double d) {
        return d == null ? Double.NaN : d;
    }

    /** Mouse-side CV figures of a table row: mean ± sd of CV AUROC and log-loss over the outer folds, and the LM-AUROC with its interval. */
    public record MouseFigures(double aurocMean, double aurocSd, double logLossMean, double logLossSd, double lm, double lmLo, double lmHi) {}

    /**
     * Round 2's additions to the {@link #humanTable}: the columns {@code lm_auroc},
     * {@code lm_auroc_lo}, {@code lm_auroc_hi} after the CV log-loss, and for the baselines (which
     * have no protocol figures) their CV AUROC and log-loss on the same outer folds. Rows not in
     * {@code figures} are left missing.
     */
    public static void addMouseFigures(Table t, Map<String, MouseFigures> figures) {
        DoubleColumn lm = DoubleColumn.create("lm_auroc"), lo = DoubleColumn.create("lm_auroc_lo"), hi = DoubleColumn.create("lm_auroc_hi");
        for (int i = 0; i < t.rowCount(); i++) {
            MouseFigures f = figures.get(t.stringColumn("candidate").get(i));
            lm.append(f == null ? Double.NaN : f.lm());
            lo.append(f == null ? Double.NaN : f.lmLo());
            hi.append(f == null ? Double.NaN : f.lmHi());
            if (f != null && t.doubleColumn("cv_auroc_mean").isMissing(i)) {
                t.doubleColumn("cv_auroc_mean").set(i, f.aurocMean());
                t.doubleColumn("cv_auroc_sd").set(i, f.aurocSd());
                t.doubleColumn("cv_logloss_mean").set(i, f.logLossMean());
                t.doubleColumn("cv_logloss_sd").set(i, f.logLossSd());
            }
        }
        int at = t.columnIndex("cv_logloss_sd") + 1;
        t.insertColumn(at, lm);
        t.insertColumn(at + 1, lo);
        t.insertColumn(at + 2, hi);
    }

    /**
     * G of the protocol: the mean of the pick's seeds as one model. Its two replicates are the
     * ensembles of the pick's first-step seeds and of {@code moreSeeds} (disjoint, the same
     * number); its CV figures are the pick's (the ensemble's own CV is not run); it counts every
     * training behind it as a seed.
     */
    public static ProtocolFigures.Candidate ensemble(ProtocolFigures.Candidate pick, List<Long> moreSeeds,
                                                     Map<String, CellResult> moreResults) {
        List<CellResult> more = cells(pick.name(), moreSeeds, moreResults);
        if (more.size() != pick.humanScores().length) {
            throw new IllegalArgumentException("the ensemble needs " + pick.humanScores().length + " more seeds of " + pick.name() + ", found " + more.size());
        }
        double[][] replicates = {ProtocolFigures.ensembleMean(pick.humanScores()), ProtocolFigures.ensembleMean(scores(more))};
        double[] dom = concat(pick.domainAccuracy(), domainAccuracy(more));
        return new ProtocolFigures.Candidate(ensembleName(pick.family()), pick.family(), replicates, pick.seeds() + more.size(),
                pick.cvAuroc(), pick.cvLogLoss(), dom, pick.parameters(), true, false);
    }

    /** Measure names of {@link #humanTable}, e.g. {@code conservation_spearman}. */
    public static List<String> measures(Map<String, double[]> indicators) {
        List<String> out = new ArrayList<>();
        for (String ind : indicators.keySet()) for (Correlation.Kind k : Correlations.PLAIN) out.add(ind + "_" + k.label());
        return out;
    }

    /** A row of the candidate table: the protocol's figures and verdict, or a baseline (no verdict). */
    public record Row(String family, String candidate, String recipe, String lever, ProtocolFigures.Verdict verdict,
                      boolean picked, double[][] humanScores) {}

    /**
     * The candidate table for the report: each row's protocol figures and verdict beside the mean
     * ± sd (over replicates) of its human correlations with each indicator. Computed only after the
     * decision; nothing here feeds back into it.
     *
     * @param indicators indicator name → values aligned to the human rows of the scores
     */
    public static Table humanTable(List<Row> rows, Map<String, double[]> indicators, long seed) {
        Table t = Table.create("candidates", StringColumn.create("family"), StringColumn.create("candidate"),
                StringColumn.create("recipe"), StringColumn.create("lever"), IntColumn.create("seeds"),
                DoubleColumn.create("cv_auroc_mean"), DoubleColumn.create("cv_auroc_sd"), DoubleColumn.create("cv_logloss_mean"),
                DoubleColumn.create("cv_logloss_sd"), DoubleColumn.create("seed_stability"), DoubleColumn.create("saturation"),
                DoubleColumn.create("domain_accuracy"), DoubleColumn.create("parameters"), StringColumn.create("verdict"),
                BooleanColumn.create("picked"), IntColumn.create("replicates"));
        List<String> measures = measures(indicators);
        for (String m : measures) t.addColumns(DoubleColumn.create(m + "_mean"), DoubleColumn.create(m + "_sd"));
        for (Row r : rows) {
            ProtocolFigures.Figures f = r.verdict() == null ? null : r.verdict().figures();
            t.stringColumn("family").append(r.family());
            t.stringColumn("candidate").append(r.candidate());
            t.stringColumn("recipe").append(r.recipe());
            t.stringColumn("lever").append(r.lever());
            if (f == null) {
                t.intColumn("seeds").appendMissing();
                for (String c : List.of("cv_auroc_mean", "cv_auroc_sd", "cv_logloss_mean", "cv_logloss_sd", "seed_stability",
                        "saturation", "domain_accuracy", "parameters")) t.doubleColumn(c).appendMissing();
                t.stringColumn("verdict").append("baseline (not a candidate)");
            } else {
                t.intColumn("seeds").append(f.seeds());
                t.doubleColumn("cv_auroc_mean").append(f.cvAuroc().mean());
                t.doubleColumn("cv_auroc_sd").append(f.cvAuroc().sd());
                t.doubleColumn("cv_logloss_mean").append(f.cvLogLoss().mean());
                t.doubleColumn("cv_logloss_sd").append(f.cvLogLoss().sd());
                t.doubleColumn("seed_stability").append(f.seedStability());
                t.doubleColumn("saturation").append(f.saturation().mean());
                t.doubleColumn("domain_accuracy").append(f.domainAccuracy().mean());
                t.doubleColumn("parameters").append((double) f.parameters());
                t.stringColumn("verdict").append(r.verdict().reason());
            }
            t.booleanColumn("picked").append(r.picked());
            t.intColumn("replicates").append(r.humanScores().length);
            Map<String, DescriptiveStatistics> stats = new LinkedHashMap<>();
            for (String m : measures) stats.put(m, new DescriptiveStatistics());
            for (double[] s : r.humanScores()) {
                for (var ind : indicators.entrySet()) {
                    for (Correlation c : Correlations.all(s, ind.getValue(), 0, seed)) stats.get(ind.getKey() + "_" + c.kind().label()).addValue(c.r());
                }
            }
            for (String m : measures) {
                DescriptiveStatistics st = stats.get(m);
                t.doubleColumn(m + "_mean").append(st.getMean());
                t.doubleColumn(m + "_sd").append(st.getN() < 2 ? Double.NaN : st.getStandardDeviation());
            }
        }
        return t;
    }

    private static List<CellResult> cells(String key, List<Long> seeds, Map<String, CellResult> results) {
        List<CellResult> out = new ArrayList<>();
        for (long s : seeds) {
            CellResult c = results.get(Grid.cellId(key, s));
            if (c != null) out.add(c);
        }
        return out;
    }

    private static double[][] scores(List<CellResult> cells) {
        double[][] h = new double[cells.size()][];
        for (int i = 0; i < h.length; i++) h[i] = cells.get(i).humanScores();
        return h;
    }

    /** The domain discriminator's accuracy at each cell's kept epoch (NaN where the cell has no trace). */
    private static double[] domainAccuracy(List<CellResult> cells) {
        double[] d = new double[cells.size()];
        for (int i = 0; i < d.length; i++) {
            CellResult c = cells.get(i);
            d[i] = Double.NaN;
            if (c.trace() != null && c.selectedEpoch() != null) {
                for (CellResult.Epoch e : c.trace().epochs()) {
                    if (e.epoch() == c.selectedEpoch() && e.domainAccuracy() != null) d[i] = e.domainAccuracy();
                }
            }
        }
        return d;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
