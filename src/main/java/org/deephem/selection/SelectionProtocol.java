package org.deephem.selection;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.deephem.analysis.CorrelationAnalysis;
import org.deephem.analysis.TableFiles;
import org.deephem.baseline.Baselines;
import org.deephem.data.DeepHemDataset;
import org.deephem.eval.Correlations;
import org.deephem.experiment.CellResult;
import org.deephem.experiment.CellRunner;
import org.deephem.experiment.Grid;
import org.deephem.experiment.Harness;
import org.deephem.experiment.RunnerChoice;
import org.deephem.io.AtomicFiles;
import org.deephem.io.InputError;
import org.deephem.io.Json;
import org.deephem.method.Method;
import org.deephem.model.DeepHemGraph;
import org.deephem.model.ModelConfig;
import org.deephem.zoo.BuildInfo;
import tech.tablesaw.api.Table;

/**
 * The selection protocol of docs/SELECTION-PROTOCOL.md as two calls: {@link #round1} (A-F in each
 * twin on one resumable grid, the rule per twin family on mouse CV and target-side signals only,
 * then G, the ensemble of each pick on a second set of seeds) and {@link #round2} (amendment 3:
 * R0-R3 on round 1's picks, the length-matched AUROC rule, no G). Each writes candidates.csv (and
 * .xlsx, provenance), candidates.txt and decision.json to its output folder; the human
 * correlations of every candidate and baseline are computed only after the picks.
 */
public final class SelectionProtocol {
    private SelectionProtocol() {}

    /**
     * Round 1, every option resolved.
     *
     * @param data          dataset folder (the cells hash its files)
     * @param dataset       the dataset read from it
     * @param base          the default network sized for the dataset, with the run's epochs and patience
     * @param letters       recipe letters, in order, no repeats
     * @param seeds         the candidates' seeds
     * @param ensembleSeeds the second seeds of each pick for G, or null for no G
     * @param cvFolds       nested CV folds (the first seed's cell runs it)
     * @param cvRepeats     nested CV repeats
     * @param out           output folder
     * @param runner        what runs the cells
     */
    public record Round1(Path data, DeepHemDataset dataset, ModelConfig base, List<String> letters, List<Long> seeds, List<Long> ensembleSeeds,
                         int cvFolds, int cvRepeats, Path out, RunnerChoice runner) {}

    /**
     * Round 2, every option resolved.
     *
     * @param data          the annotated-window dataset folder
     * @param dataset       the dataset read from it
     * @param canonicalData the canonical-window dataset folder R1 and R3 train on
     * @param canonical     the dataset read from it (same labelled rows: {@link #checkSameRows})
     * @param annotatedNet  the network sized for {@code dataset}
     * @param canonicalNet  the network sized for {@code canonical}
     * @param ids           round-2 candidate ids, in order, no repeats
     */
    public record Round2(Path data, DeepHemDataset dataset, Path canonicalData, DeepHemDataset canonical, ModelConfig annotatedNet,
                         ModelConfig canonicalNet, List<String> ids, List<Long> seeds, int cvFolds, int cvRepeats, Path out, RunnerChoice runner) {}

    /** What a round wrote: the summary (picks, targets, every candidate's figures) and the files. */
    public record Decision(String text, Path table, Path decision) {}

    /** Round 1: the candidates' cells, the rule, G, the human correlations; writes the table and the decision. */
    public static Decision round1(Round1 s) {
        try (Runner runner = new Runner(s.runner())) {
            return round1(s, runner);
        }
    }

    private static Decision round1(Round1 s, Runner runner) {
        List<String> letters = s.letters();
        List<Long> seeds = s.seeds(), more = s.ensembleSeeds() != null ? s.ensembleSeeds() : List.of();
        boolean noEnsemble = s.ensembleSeeds() == null;
        int[] cv = {s.cvFolds(), s.cvRepeats()};
        DeepHemDataset ds = s.dataset();
        ModelConfig base = s.base();
        if (letters.contains("E")) org.deephem.train.DataLevers.check(Candidates.recipe("E").edit().apply(base), ds, s.data());

        // 1. the candidates' cells, then the rule (mouse CV and human scores only)
        List<Grid.Row> rows = Candidates.rows(base, letters);
        Grid stage1 = new Grid("candidates", rows, rows.get(0).key(), seeds, cv[0], cv[1], true);
        Path out = s.out();
        Map<String, CellResult> results = Harness.run(stage1, s.data(), out.resolve("candidates"), runner.get()).results();
        List<String> notRun = new ArrayList<>();
        Map<ModelConfig, Long> sizes = new LinkedHashMap<>();
        List<ProtocolFigures.Candidate> cands = new ArrayList<>(CandidateStudy.candidates(stage1, results,
                c -> sizes.computeIfAbsent(c, DeepHemGraph::parameterCount), notRun));
        Map<String, ProtocolFigures.Decision> decisions = ProtocolFigures.pickByFamily(cands, ProtocolFigures.PROTOCOL);

        Map<String, String> ensembleOf = new LinkedHashMap<>(); // G's name -> the pick it averages
        // 2. G: the ensemble of each family's pick, measured on a second set of seeds; the rule again with G
        if (!noEnsemble) {
            List<Grid.Row> picked = new ArrayList<>();
            for (ProtocolFigures.Decision d : decisions.values()) {
                if (d.pick() == null) continue;
                for (Grid.Row r : rows) if (r.key().equals(d.pick())) picked.add(r);
            }
            if (!picked.isEmpty()) {
                Grid stage2 = new Grid("ensemble", picked, picked.get(0).key(), more, 0, 0);
                Map<String, CellResult> moreResults = Harness.run(stage2, s.data(), out.resolve("ensemble"), runner.get()).results();
                for (Grid.Row r : picked) {
                    ProtocolFigures.Candidate pick = cands.stream().filter(c -> c.name().equals(r.key())).findFirst().orElseThrow();
                    ProtocolFigures.Candidate g = CandidateStudy.ensemble(pick, more, moreResults);
                    cands.add(g);
                    ensembleOf.put(g.name(), pick.name());
                }
                decisions = ProtocolFigures.pickByFamily(cands, ProtocolFigures.PROTOCOL);
            }
        }

        // 3. only now: the human correlations of every candidate and baseline, for the report
        List<CandidateStudy.Row> table = new ArrayList<>();
        for (ProtocolFigures.Decision d : decisions.values()) {
            for (ProtocolFigures.Verdict v : d.verdicts()) {
                String name = v.figures().name();
                ProtocolFigures.Candidate c = cands.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
                String letter = name.substring(0, 1).toUpperCase(Locale.ROOT);
                Candidates.Recipe r = Candidates.recipe(letter);
                String recipe = r != null ? r.description() : "mean of the seeds of " + ensembleOf.get(name) + " (two disjoint ensembles: "
                        + seeds + " and " + more + ")";
                table.add(new CandidateStudy.Row(d.family(), name, recipe, r != null ? r.lever() : "ensemble", v, name.equals(d.pick()), c.humanScores()));
            }
        }
        for (String key : notRun) table.add(new CandidateStudy.Row(key.endsWith("-mti") ? Candidates.MTI : Candidates.NO_MTI, key, "not run (cells missing)", "", null, false, new double[0][]));
        table.addAll(baselineRows(ds, seeds));
        Map<String, double[]> indicators = new LinkedHashMap<>();
        for (var ind : CorrelationAnalysis.indicators(ds).entrySet()) indicators.put(ind.getKey(), Correlations.align(ds.target().ids(), ind.getValue()));
        Table t = CandidateStudy.humanTable(table, indicators, seeds.get(0));

        Map<String, Object> prov = Harness.provenance(stage1, s.data(), org.deephem.experiment.CellSpec.datasetSha256(s.data()));
        prov.put("protocol", "docs/SELECTION-PROTOCOL.md (rule " + ProtocolFigures.PROTOCOL + "; amendment 1: one CV per candidate on its first seed; this run: " + cv[0] + "x" + cv[1] + ")");
        prov.put("ensemble_seeds", noEnsemble ? "none" : more);
        TableFiles.write(t, out, "candidates", prov);
        String text = summary(decisions, t, notRun);
        return saveDecision(out, text, new LinkedHashMap<>(), decisions, Map.of());
    }

    /**
     * Writes candidates.txt and decision.json ({@code head}, then each family's pick and why, then
     * {@code tail} and the build): the end of both rounds.
     */
    private static Decision saveDecision(Path out, String text, Map<String, Object> head, Map<String, ProtocolFigures.Decision> decisions,
                                         Map<String, Object> tail) {
        AtomicFiles.writeString(out.resolve("candidates.txt"), text);
        Map<String, Object> decision = new LinkedHashMap<>(head);
        for (var d : decisions.values()) decision.put(d.family(), Map.of("pick", d.pick() == null ? "none" : d.pick(), "why", d.why()));
        decision.putAll(tail);
        decision.put("deephem_j", BuildInfo.current().version());
        decision.put("git_commit", BuildInfo.current().gitCommit());
        Json.writeFile(out.resolve("decision.json"), decision);
        return new Decision(text, out.resolve("candidates.csv"), out.resolve("decision.json"));
    }

    /**
     * Round 2 (docs/SELECTION-PROTOCOL.md amendment 3 items 4-6): R0-R3 in each twin on one grid
     * (R1 and R3 on the canonical data), the first seed's cell running the nested CV and its
     * length-matched AUROC; the round-2 rule per twin; no G (the pick's seeds 1-5 are its
     * ensemble). Then, only after both picks, the human correlations of every candidate and of
     * the baselines (on both windows), with the baselines' CV and LM-AUROC on the same folds.
     */
    public static Decision round2(Round2 s) {
        try (Runner runner = new Runner(s.runner())) {
            return round2(s, runner);
        }
    }

    private static Decision round2(Round2 s, Runner runner) {
        List<String> ids = s.ids();
        List<Long> seeds = s.seeds();
        int[] cv = {s.cvFolds(), s.cvRepeats()};
        DeepHemDataset ds = s.dataset(), canon = s.canonical();
        Path annotatedData = s.data(), canonicalData = s.canonicalData();
        List<Grid.Row> rows = Candidates.round2Rows(s.annotatedNet(), s.canonicalNet(), canonicalData, ids);
        Grid stage = new Grid("candidates", rows, rows.get(0).key(), seeds, cv[0], cv[1], true);
        Path out = s.out();
        Map<String, CellResult> results = Harness.run(stage, annotatedData, out.resolve("candidates"), runner.get()).results();
        List<String> notRun = new ArrayList<>();
        Map<ModelConfig, Long> sizes = new LinkedHashMap<>();
        List<org.deephem.selection.Round2Rule.Candidate> cands = CandidateStudy.round2(stage, results,
                c -> sizes.computeIfAbsent(c, DeepHemGraph::parameterCount), notRun);
        Map<String, ProtocolFigures.Decision> decisions = org.deephem.selection.Round2Rule.pickByFamily(cands, org.deephem.selection.Round2Rule.PROTOCOL);

        // only now: human correlations of every candidate and baseline (aligned to --data's human rows), baselines' CV on the same folds
        Map<String, CandidateStudy.MouseFigures> mouse = new LinkedHashMap<>();
        List<CandidateStudy.Row> table = new ArrayList<>();
        for (ProtocolFigures.Decision d : decisions.values()) {
            for (ProtocolFigures.Verdict v : d.verdicts()) {
                String name = v.figures().name();
                org.deephem.selection.Round2Rule.Candidate c = cands.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
                Candidates.Round2Recipe r = stage.methods().stream().filter(x -> x.key().equals(name)).map(x -> Candidates.round2(x.variant())).findFirst().orElseThrow();
                double[][] h = c.base().humanScores();
                if (r.canonical()) h = aligned(h, canon, ds);
                String recipe = r.description() + " (" + Candidates.roundOneRecipe(d.family()).id() + ": " + Candidates.roundOneRecipe(d.family()).description() + ")";
                table.add(new CandidateStudy.Row(d.family(), name, recipe, r.canonical() ? "canonical windows" + (r.weighted() ? ", length balance" : "")
                        : r.weighted() ? "length balance" : "-", v, name.equals(d.pick()), h));
                mouse.put(name, new CandidateStudy.MouseFigures(Double.NaN, Double.NaN, Double.NaN, Double.NaN, c.lmAuroc(), c.lmLo(), c.lmHi()));
            }
        }
        for (String key : notRun) table.add(new CandidateStudy.Row(key.endsWith("-mti") ? Candidates.MTI : Candidates.NO_MTI, key, "not run (cells missing)", "", null, false, new double[0][]));
        boolean sameFolder = canonicalData.toAbsolutePath().normalize().equals(annotatedData.toAbsolutePath().normalize());
        table.addAll(baselineRows(ds, seeds));
        mouse.putAll(baselineCv(ds, cv, seeds.get(0), ""));
        if (!sameFolder) {
            for (CandidateStudy.Row b : baselineRows(canon, seeds)) {
                table.add(new CandidateStudy.Row(b.family(), b.candidate() + CANONICAL, "baseline on canonical windows", b.lever(), null, false,
                        aligned(b.humanScores(), canon, ds)));
            }
            mouse.putAll(baselineCv(canon, cv, seeds.get(0), CANONICAL));
        }
        Map<String, double[]> indicators = new LinkedHashMap<>();
        for (var ind : CorrelationAnalysis.indicators(ds).entrySet()) indicators.put(ind.getKey(), Correlations.align(ds.target().ids(), ind.getValue()));
        Table t = CandidateStudy.humanTable(table, indicators, seeds.get(0));
        CandidateStudy.addMouseFigures(t, mouse);

        Map<String, Object> prov = Harness.provenance(stage, annotatedData, org.deephem.experiment.CellSpec.datasetSha256(annotatedData));
        prov.put("protocol", "docs/SELECTION-PROTOCOL.md round 2 (amendment 3; rule " + org.deephem.selection.Round2Rule.PROTOCOL
                + "; one CV per candidate on its first seed; this run: " + cv[0] + "x" + cv[1] + "; no G)");
        prov.put("canonical_dataset", org.deephem.io.RecordedPath.of(canonicalData, null));
        prov.put("canonical_dataset_sha256", org.deephem.experiment.CellSpec.datasetSha256(canonicalData));
        prov.put("lm_auroc", "length-matched AUROC (validation.LengthMatchedAuroc, k = " + org.deephem.validation.LengthMatchedAuroc.K
                + " nt of annotated length) of the first seed's nested CV for candidates, of the same outer folds (seed " + seeds.get(0) + ") for baselines");
        TableFiles.write(t, out, "candidates", prov);
        StringBuilder text = new StringBuilder("round 2 (docs/SELECTION-PROTOCOL.md amendment 3)" + System.lineSeparator());
        text.append(summary(decisions, t, notRun));
        for (ProtocolFigures.Decision d : decisions.values()) {
            if (d.pick() == null) {
                text.append(String.format(Locale.ROOT, "%s family: no round-2 candidate is eligible; the shipped default stays round 1's pick (G of %s)%n",
                        d.family(), Candidates.roundOneRecipe(d.family()).id()));
                continue;
            }
            int i = Targets.row(t, d.pick());
            text.append(String.format(Locale.ROOT, "%s pick %s: length-matched AUROC %.3f, 95 %% interval [%.3f, %.3f] (%s 0.5); shipped as the mean of its seeds %s%n",
                    d.family(), d.pick(), Targets.value(t, "lm_auroc", i), Targets.value(t, "lm_auroc_lo", i), Targets.value(t, "lm_auroc_hi", i),
                    Targets.value(t, "lm_auroc_lo", i) > 0.5 ? "above" : "NOT above", seeds));
        }
        return saveDecision(out, text.toString(), new LinkedHashMap<>(Map.of("round", 2)), decisions, Map.of("ensemble_seeds", seeds));
    }

    /** Suffix of the baselines fitted on the canonical windows. */
    public static final String CANONICAL = " (canonical)";

    /** The two datasets must share their labelled rows (same ids, order and labels: the same outer folds) and each row's annotated length. */
    public static void checkSameRows(DeepHemDataset ds, DeepHemDataset canon) {
        if (!ds.source().ids().equals(canon.source().ids()) || !java.util.Arrays.equals(ds.labels(), canon.labels())) {
            throw new InputError("--canonical-data: its labelled mouse rows differ from --data's (ids, order or labels), so the outer CV folds would differ");
        }
        if (!java.util.Arrays.equals(org.deephem.validation.LengthMatchedAuroc.annotatedLengths(ds), org.deephem.validation.LengthMatchedAuroc.annotatedLengths(canon))) {
            throw new InputError("--canonical-data: its rows' annotated precursor lengths differ from --data's (the length-matched AUROC reads the annotated length on both windows;"
                    + " build and run with a jar that records it)");
        }
    }

    /** Score vectors over {@code from}'s human rows, re-ordered to {@code to}'s (NaN for a row {@code from} lacks). */
    private static double[][] aligned(double[][] scores, DeepHemDataset from, DeepHemDataset to) {
        if (from.target().ids().equals(to.target().ids())) return scores;
        double[][] out = new double[scores.length][];
        for (int k = 0; k < scores.length; k++) {
            Map<String, Double> byId = new java.util.HashMap<>();
            for (int i = 0; i < scores[k].length; i++) byId.put(from.target().ids().get(i), scores[k][i]);
            out[k] = Correlations.align(to.target().ids(), byId);
        }
        return out;
    }

    /** Each baseline's nested CV on the folds of seed {@code seed} (the candidates' first seed): CV AUROC, log-loss and LM-AUROC. */
    private static Map<String, CandidateStudy.MouseFigures> baselineCv(DeepHemDataset ds, int[] cv, long seed, String suffix) {
        List<Method> ms = new ArrayList<>();
        for (Method m : Baselines.all()) {
            if (m.name().equals("has_mti_target") && (ds.mouseTargets() == null || ds.humanTargets() == null)) continue;
            ms.add(m);
        }
        org.deephem.validation.CrossValidation.Result r = org.deephem.validation.CrossValidation.run(ds, ms,
                new org.deephem.validation.CrossValidation.Options(cv[0], cv[1], seed), null);
        Map<String, org.deephem.validation.LengthMatchedAuroc.Result> lm = org.deephem.validation.LengthMatchedAuroc.byMethod(r.predictions());
        Map<String, CandidateStudy.MouseFigures> out = new LinkedHashMap<>();
        for (Method m : ms) {
            Map<String, double[]> f = new LinkedHashMap<>();
            for (var row : org.deephem.validation.CvSummary.rows(r.folds())) if (row.method().equals(m.name())) f.put(row.figure(), new double[] {row.mean(), row.sd()});
            var l = lm.get(m.name());
            out.put(m.name() + suffix, new CandidateStudy.MouseFigures(f.get("auroc")[0], f.get("auroc")[1], f.get("logloss")[0], f.get("logloss")[1],
                    l.value(), l.lo(), l.hi()));
        }
        return out;
    }

    /** Every baseline fitted on all labelled mouse (the learned ones once per seed) and scored on the human rows. */
    private static List<CandidateStudy.Row> baselineRows(DeepHemDataset ds, List<Long> seeds) {
        int[] all = IntStream.range(0, ds.labels().length).toArray();
        List<CandidateStudy.Row> out = new ArrayList<>();
        for (Method m : Baselines.all()) {
            if (m.name().equals("has_mti_target") && (ds.mouseTargets() == null || ds.humanTargets() == null)) continue;
            List<Long> ss = Baselines.isSeeded(m) ? seeds : List.of(seeds.get(0));
            double[][] h = new double[ss.size()][];
            for (int i = 0; i < h.length; i++) h[i] = m.fit(ds, all, ss.get(i)).score(ds.target());
            out.add(new CandidateStudy.Row("baseline", m.name(), "baseline", "-", null, false, h));
        }
        return out;
    }

    /** The picks, whether the targets were reached (in words), and every candidate's main figures. */
    public static String summary(Map<String, ProtocolFigures.Decision> decisions, Table t, List<String> notRun) {
        StringBuilder sb = new StringBuilder();
        for (ProtocolFigures.Decision d : decisions.values()) {
            sb.append(String.format(Locale.ROOT, "%s family: pick %s (%s)%n", d.family(), d.pick() == null ? "none" : d.pick(), d.why()));
        }
        if (!notRun.isEmpty()) sb.append("not run (cells missing): ").append(String.join(", ", notRun)).append(System.lineSeparator());
        boolean lm = t.columnNames().contains("lm_auroc"); // round 2: the length-matched AUROC and its interval
        sb.append(String.format(Locale.ROOT, "%-8s %-22s %-6s %-14s " + (lm ? "%-22s " : "%s") + "%-9s %-14s %-14s %s%n", "family", "candidate", "seeds", "CV AUROC",
                lm ? "LM-AUROC [95% CI]" : "", "stability", "cons Spearman", "DSW Spearman", "verdict"));
        for (int i = 0; i < t.rowCount(); i++) {
            sb.append(String.format(Locale.ROOT, "%-8s %-22s %-6s %-14s " + (lm ? "%-22s " : "%s") + "%-9s %-14s %-14s %s%s%n", t.stringColumn("family").get(i),
                    t.stringColumn("candidate").get(i), t.intColumn("seeds").isMissing(i) ? "-" : t.intColumn("seeds").get(i),
                    pm(t, "cv_auroc", i), lm ? interval(t, i) : "", num(t.doubleColumn("seed_stability").getDouble(i)), pm(t, "conservation_spearman", i),
                    pm(t, "dsw_spearman", i), t.stringColumn("verdict").get(i), Boolean.TRUE.equals(t.booleanColumn("picked").get(i)) ? "  <- pick" : ""));
        }
        sb.append(targets(decisions, t));
        return sb.toString();
    }

    private static String targets(Map<String, ProtocolFigures.Decision> decisions, Table t) {
        Map<String, String> picks = new LinkedHashMap<>();
        for (ProtocolFigures.Decision d : decisions.values()) if (d.pick() != null) picks.put(d.family(), d.pick());
        StringBuilder sb = new StringBuilder();
        for (String line : Targets.verdicts(picks, t)) sb.append(line).append(System.lineSeparator());
        return sb.toString();
    }

    private static String pm(Table t, String measure, int i) {
        String m = measure + "_mean";
        String s = measure + "_sd";
        if (!t.columnNames().contains(m)) return "-";
        double mean = t.doubleColumn(m).getDouble(i), sd = t.doubleColumn(s).getDouble(i);
        if (Double.isNaN(mean)) return "-";
        return Double.isNaN(sd) ? num(mean) : String.format(Locale.ROOT, "%.3f±%.3f", mean, sd);
    }

    /** "0.612 [0.540, 0.680]", or "-" when the row has no LM-AUROC. */
    private static String interval(Table t, int i) {
        double v = Targets.value(t, "lm_auroc", i);
        if (Double.isNaN(v)) return "-";
        return String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", v, Targets.value(t, "lm_auroc_lo", i), Targets.value(t, "lm_auroc_hi", i));
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }

    /** The runner of every grid of a round, made at the first grid and closed when the round ends. */
    private static final class Runner implements AutoCloseable {
        private final RunnerChoice choice;
        private CellRunner runner;

        Runner(RunnerChoice choice) {
            this.choice = choice;
        }

        CellRunner get() {
            if (runner == null) runner = choice.create();
            return runner;
        }

        @Override
        public void close() {
            if (runner != null) runner.close();
        }
    }
}
