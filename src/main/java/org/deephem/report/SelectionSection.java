package org.deephem.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deephem.figures.CandidateChart;
import org.deephem.io.InputError;
import org.deephem.io.Json;
import org.deephem.selection.Candidates;
import org.deephem.selection.Targets;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * The choice of the default ({@code select-default -o DIR}) as a report section: every candidate
 * tried with its protocol figures and, beside them, its human correlations and the baselines',
 * the protocol's pick per family and whether the targets were reached, in plain words.
 * It reads what {@code select-default} wrote and recomputes nothing.
 */
public final class SelectionSection {
    private SelectionSection() {}

    /** The candidates table and the picks of a select-default folder; refuses a folder that is not one. */
    public record Selection(Table candidates, Map<String, String> picks, Map<String, String> why) {}

    /** What a report page saves of the selection beside itself, so that it redraws without the select-default folder. */
    static final String SAVED_TABLE = "selection_candidates_full.csv", SAVED_DECISION = "selection_decision.json";

    /** Whether {@code dir} is a finished select-default folder. */
    public static boolean isSelectionFolder(Path dir) {
        return Files.isRegularFile(dir.resolve("candidates.csv")) && Files.isRegularFile(dir.resolve("decision.json"));
    }

    /** Whether a report page in {@code runDir} saved a selection section that {@link #read} can redraw. */
    public static boolean savedIn(Path runDir) {
        return Files.isRegularFile(runDir.resolve(SAVED_TABLE));
    }

    /**
     * A select-default folder, or a report page's folder that saved a selection section before
     * ({@link #SAVED_TABLE}, and {@link #SAVED_DECISION} when that page wrote one; without it the
     * picks are the table's {@code picked} rows and the reason is said from the table's figures).
     */
    public static Selection read(Path dir) {
        if (!isSelectionFolder(dir) && savedIn(dir)) return readSaved(dir);
        Path csv = dir.resolve("candidates.csv"), decision = dir.resolve("decision.json");
        if (!Files.isRegularFile(csv) || !Files.isRegularFile(decision)) {
            throw InputError.at(dir, "not a finished select-default folder (candidates.csv and decision.json missing)");
        }
        Table t = candidates(csv);
        @SuppressWarnings("unchecked")
        Map<String, Object> d = Json.readFile(decision, Map.class);
        return decision(t, d);
    }

    private static Table candidates(Path csv) {
        Table t;
        try {
            t = Table.read().csv(CsvReadOptions.builder(csv.toFile()).tableName("candidates").build());
        } catch (RuntimeException e) {
            throw InputError.at(csv, "cannot read as CSV (" + e.getMessage() + ")");
        }
        for (String c : List.of("family", "candidate", "verdict", "picked", "conservation_spearman_mean", "dsw_spearman_mean")) {
            if (!t.columnNames().contains(c)) throw InputError.at(csv, "column '" + c + "' missing: not a select-default candidates table");
        }
        return t;
    }

    private static Selection readSaved(Path runDir) {
        Table t = candidates(runDir.resolve(SAVED_TABLE));
        Path decision = runDir.resolve(SAVED_DECISION);
        if (Files.isRegularFile(decision)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> d = Json.readFile(decision, Map.class);
            return decision(t, d);
        }
        // a page saved before the decision was: the picked rows of the table, the reason from its figures
        Map<String, String> picks = new LinkedHashMap<>(), why = new LinkedHashMap<>();
        for (String family : List.of(Candidates.NO_MTI, Candidates.MTI)) {
            int eligible = 0, pick = -1;
            for (int i = 0; i < t.rowCount(); i++) {
                if (!t.column("family").getString(i).equals(family)) continue;
                if (t.column("verdict").getString(i).equals("eligible")) eligible++;
                if (t.column("picked").getString(i).equalsIgnoreCase("true")) pick = i;
            }
            if (pick < 0 && eligible == 0) continue;
            if (pick >= 0) {
                picks.put(family, t.column("candidate").getString(pick));
                why.put(family, String.format(Locale.ROOT, "marked picked in the saved table; its seed stability %.3f, %d eligible", Targets.value(t, "seed_stability", pick), eligible));
            } else {
                why.put(family, "no candidate marked picked in the saved table");
            }
        }
        return new Selection(t, picks, why);
    }

    private static Selection decision(Table t, Map<String, Object> d) {
        Map<String, String> picks = new LinkedHashMap<>(), why = new LinkedHashMap<>();
        for (String family : List.of(Candidates.NO_MTI, Candidates.MTI)) {
            if (d.get(family) instanceof Map<?, ?> m) {
                Object pick = m.get("pick");
                if (pick != null && !pick.equals("none")) picks.put(family, pick.toString());
                why.put(family, String.valueOf(m.get("why")));
            }
        }
        return new Selection(t, picks, why);
    }

    public static void add(Report r, Path dir) {
        Selection s = read(dir);
        Table t = s.candidates();
        Map<String, Object> saved = new LinkedHashMap<>();
        for (var e : s.why().entrySet()) saved.put(e.getKey(), Map.of("pick", s.picks().getOrDefault(e.getKey(), "none"), "why", e.getValue()));
        r.json(SAVED_DECISION, saved);
        r.table(Report.Section.SELECTION, "selection_candidates", "Choosing the default: every candidate tried, beside the baselines",
                "Protocol figures (docs/SELECTION-PROTOCOL.md): nested mouse CV AUROC (mean ± sd over its folds), seed stability (mean pairwise Spearman of the "
                        + "seeds' human score vectors), saturation (share of human scores outside [0.01, 0.99]), domain accuracy at the kept epoch. "
                        + "The verdict applies the rule to these only. The human Spearman columns (mean ± sd over seeds) were computed after the pick and are shown, never used.",
                compact(t));
        r.table(Report.Section.APPENDIX, "selection_candidates_full", "Choosing the default: all six human correlations of every candidate and baseline",
                "Pearson, Spearman and Kendall tau-b with conservation and DSW, mean and sd over seeds (replicates); one fit for the deterministic baselines.", t);
        r.figure(Report.Section.SELECTION, "selection_candidates", "Every candidate's human Spearman beside the baselines",
                "Bars: mean over seeds; whiskers: ± sd. The pick of each family is marked *. Shown after the choice; the choice read none of it.",
                CandidateChart.chart("Human Spearman of every candidate and baseline", bars(t, s.picks())));
        for (String family : List.of(Candidates.NO_MTI, Candidates.MTI)) {
            if (!s.why().containsKey(family)) continue;
            String pick = s.picks().get(family);
            r.text(Report.Section.SELECTION, String.format(Locale.ROOT, "Default selection, %s family: %s (%s).", family,
                    pick == null ? "no candidate was eligible, so the default stays as it was" : "the protocol picked " + pick, s.why().get(family)));
        }
        for (String v : Targets.verdicts(s.picks(), t)) r.text(Report.Section.SELECTION, "Target: " + v + ".");
        r.limit("The default was chosen on mouse cross-validation and target-side signals only; the human correlations of the candidates are therefore "
                + "an honest comparison of recipes, but with 5 seeds a difference of a few hundredths is within seed noise.");
    }

    /** The columns a reader compares at a glance, mean and sd joined. */
    static Table compact(Table t) {
        Table out = Table.create("candidates_compact", StringColumn.create("family"), StringColumn.create("candidate"), StringColumn.create("lever"),
                StringColumn.create("CV AUROC"), DoubleColumn.create("seed stability"), DoubleColumn.create("saturation"),
                DoubleColumn.create("domain accuracy"), StringColumn.create("conservation Spearman"), StringColumn.create("DSW Spearman"),
                StringColumn.create("verdict"));
        for (int i = 0; i < t.rowCount(); i++) {
            boolean picked = t.column("picked").getString(i).equalsIgnoreCase("true");
            out.stringColumn("family").append(t.column("family").getString(i));
            out.stringColumn("candidate").append(t.column("candidate").getString(i) + (picked ? " *" : ""));
            out.stringColumn("lever").append(t.columnNames().contains("lever") ? t.column("lever").getString(i) : "");
            out.stringColumn("CV AUROC").append(pm(t, "cv_auroc", i));
            out.doubleColumn("seed stability").append(Targets.value(t, "seed_stability", i));
            out.doubleColumn("saturation").append(Targets.value(t, "saturation", i));
            out.doubleColumn("domain accuracy").append(Targets.value(t, "domain_accuracy", i));
            out.stringColumn("conservation Spearman").append(pm(t, "conservation_spearman", i));
            out.stringColumn("DSW Spearman").append(pm(t, "dsw_spearman", i));
            out.stringColumn("verdict").append(t.column("verdict").getString(i));
        }
        return out;
    }

    static List<CandidateChart.Bar> bars(Table t, Map<String, String> picks) {
        List<CandidateChart.Bar> out = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) {
            String name = t.column("candidate").getString(i);
            double c = Targets.value(t, "conservation_spearman_mean", i);
            if (Double.isNaN(c)) continue; // a candidate listed as not run
            out.add(new CandidateChart.Bar(picks.containsValue(name) ? name + " *" : name, c, Targets.value(t, "conservation_spearman_sd", i),
                    Targets.value(t, "dsw_spearman_mean", i), Targets.value(t, "dsw_spearman_sd", i)));
        }
        return out;
    }

    private static String pm(Table t, String measure, int i) {
        double mean = Targets.value(t, measure + "_mean", i), sd = Targets.value(t, measure + "_sd", i);
        if (Double.isNaN(mean)) return "-";
        return Double.isNaN(sd) ? String.format(Locale.ROOT, "%.3f", mean) : String.format(Locale.ROOT, "%.3f ± %.3f", mean, sd);
    }
}
