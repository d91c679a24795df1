package org.deephem.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.deephem.analysis.CorrelationAnalysis;
import org.deephem.analysis.TableFiles;
import org.deephem.baseline.Baselines;
import org.deephem.data.DeepHemDataset;
import org.deephem.eval.Correlations;
import org.deephem.experiment.CellResult;
import org.deephem.experiment.Grid;
import org.deephem.experiment.Harness;
import org.deephem.io.AtomicFiles;
import org.deephem.io.InputError;
import org.deephem.io.Json;
import org.deephem.method.Method;
import org.deephem.model.DeepHemGraph;
import org.deephem.model.ModelConfig;
import org.deephem.selection.CandidateStudy;
import org.deephem.selection.Candidates;
import org.deephem.selection.ProtocolFigures;
import org.deephem.selection.Targets;
import org.deephem.zoo.BuildInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tech.tablesaw.api.Table;

@Command(name = "select-default", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs the candidate recipes of docs/SELECTION-PROTOCOL.md (A-F, each with and without MTI) on one resumable grid, applies the protocol's rule per twin family "
                + "(mouse nested CV and target-side signals only), then the 5-seed ensemble of each pick (G), and writes every candidate's protocol figures beside its human correlations and the baselines'.",
                "Cells: one per candidate and seed (the first seed also runs the candidate's one nested CV, amendment 1; --cv 5x1 is amendment 2). Resume, --jobs and --quick as ablate."})
final class SelectDefaultCommand implements Callable<Integer> {
    @Mixin
    GridOptions grid;
    @Option(names = "--candidates", split = ",", description = "recipe letters (default: A,B,C,D,E,F, as the protocol lists them)")
    List<String> ids;
    @Option(names = "--ensemble-seeds", split = ",", description = "the second 5 seeds of each pick for G (default: 6,7,8,9,10; --quick: 3,4)")
    List<Long> ensembleSeeds;
    @Option(names = "--no-ensemble", description = "skip G (the ensemble of the pick)")
    boolean noEnsemble;

    static final String CV = "5x2";
    static final List<Long> ENSEMBLE_SEEDS = List.of(6L, 7L, 8L, 9L, 10L), QUICK_ENSEMBLE_SEEDS = List.of(3L, 4L);

    @Override
    public Integer call() {
        grid.defaultCv = CV;
        grid.check();
        List<String> letters = new ArrayList<>();
        for (String id : ids != null ? ids : Candidates.RECIPES.stream().map(Candidates.Recipe::id).toList()) {
            Candidates.Recipe r = Candidates.recipe(id.strip());
            if (r == null) throw new InputError("--candidates: unknown recipe '" + id.strip() + "' (known: A, B, C, D, E, F; G is made from the pick)");
            if (!letters.contains(r.id())) letters.add(r.id());
        }
        List<Long> seeds = grid.seeds(), more = ensembleSeeds != null ? ensembleSeeds : grid.quick ? QUICK_ENSEMBLE_SEEDS : ENSEMBLE_SEEDS;
        if (!noEnsemble && more.stream().anyMatch(seeds::contains)) throw new InputError("--ensemble-seeds: must not share a seed with --seeds");
        if (!noEnsemble && more.size() != seeds.size()) throw new InputError("--ensemble-seeds: give as many seeds as --seeds (" + seeds.size() + ")");
        int[] cv = grid.cvFoldsRepeats();
        if (cv[0] == 0) throw new InputError("--cv: the protocol rules on the nested CV; give FOLDSxREPEATS (default " + CV + ")");
        DeepHemDataset ds = grid.dataset();
        ModelConfig base = grid.network(ds);
        if (letters.contains("E")) LeverOptions.checkData(Candidates.recipe("E").edit().apply(base), ds, grid.data);

        // 1. the candidates' cells, then the rule (mouse CV and human scores only)
        List<Grid.Row> rows = Candidates.rows(base, letters);
        Grid stage1 = new Grid("candidates", rows, rows.get(0).key(), seeds, cv[0], cv[1], true);
        Path out = grid.out;
        Map<String, CellResult> results = Harness.run(stage1, grid.data, out.resolve("candidates"), grid.jobs, grid.threads()).results();
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
                Map<String, CellResult> moreResults = Harness.run(stage2, grid.data, out.resolve("ensemble"), grid.jobs, grid.threads()).results();
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

        Map<String, Object> prov = Harness.provenance(stage1, grid.data, org.deephem.experiment.CellSpec.datasetSha256(grid.data));
        prov.put("protocol", "docs/SELECTION-PROTOCOL.md (rule " + ProtocolFigures.PROTOCOL + "; amendment 1: one CV per candidate on its first seed; this run: " + cv[0] + "x" + cv[1] + ")");
        prov.put("ensemble_seeds", noEnsemble ? "none" : more);
        TableFiles.write(t, out, "candidates", prov);
        String text = summary(decisions, t, notRun);
        AtomicFiles.writeString(out.resolve("candidates.txt"), text);
        Map<String, Object> decision = new LinkedHashMap<>();
        for (var d : decisions.values()) decision.put(d.family(), Map.of("pick", d.pick() == null ? "none" : d.pick(), "why", d.why()));
        decision.put("deephem_j", BuildInfo.current().version());
        decision.put("git_commit", BuildInfo.current().gitCommit());
        Json.writeFile(out.resolve("decision.json"), decision);
        System.out.print(text);
        System.out.println("table: " + out.resolve("candidates.csv") + " (and .xlsx, provenance); decision: " + out.resolve("decision.json"));
        return 0;
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
    static String summary(Map<String, ProtocolFigures.Decision> decisions, Table t, List<String> notRun) {
        StringBuilder sb = new StringBuilder();
        for (ProtocolFigures.Decision d : decisions.values()) {
            sb.append(String.format(Locale.ROOT, "%s family: pick %s (%s)%n", d.family(), d.pick() == null ? "none" : d.pick(), d.why()));
        }
        if (!notRun.isEmpty()) sb.append("not run (cells missing): ").append(String.join(", ", notRun)).append(System.lineSeparator());
        sb.append(String.format(Locale.ROOT, "%-8s %-22s %-6s %-14s %-9s %-14s %-14s %s%n", "family", "candidate", "seeds", "CV AUROC", "stability",
                "cons Spearman", "DSW Spearman", "verdict"));
        for (int i = 0; i < t.rowCount(); i++) {
            sb.append(String.format(Locale.ROOT, "%-8s %-22s %-6s %-14s %-9s %-14s %-14s %s%s%n", t.stringColumn("family").get(i),
                    t.stringColumn("candidate").get(i), t.intColumn("seeds").isMissing(i) ? "-" : t.intColumn("seeds").get(i),
                    pm(t, "cv_auroc", i), num(t.doubleColumn("seed_stability").getDouble(i)), pm(t, "conservation_spearman", i),
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

    private static String num(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }
}
