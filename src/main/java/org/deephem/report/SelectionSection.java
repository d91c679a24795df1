package org.deephem.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deephem.figures.Palette;
import org.deephem.figures.RhoDotPlot;
import org.deephem.io.InputError;
import org.deephem.io.Json;
import org.deephem.selection.Candidates;
import org.deephem.selection.Targets;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * The choice of the default ({@code select-default -o DIR}, one folder per round of
 * docs/SELECTION-PROTOCOL.md) as a report section: per round, every candidate tried with its
 * protocol figures (the length-matched AUROC with its interval where the round has it) and, beside
 * them, its human Spearman and the baselines' (on both windows where the round has them); the
 * protocol's pick of each family and the rule's reason (decision.json); whether the issue's
 * targets were reached, and which baselines do better than the picks, in plain words; one
 * dot-and-whisker figure of every round's candidates beside the baseline lines. It reads what
 * {@code select-default} wrote and recomputes nothing.
 */
public final class SelectionSection {
    private SelectionSection() {}

    /**
     * One round: its number ({@code "round"} of decision.json; absent = 1), the candidates table,
     * the picks and the rule's reasons per family, and the folder name it was read from (null: unknown).
     */
    public record Selection(int round, Table candidates, Map<String, String> picks, Map<String, String> why, String source) {}

    /** What a report page saves of round 1 beside itself, so that it redraws without the select-default folder. */
    static final String SAVED_TABLE = "selection_candidates_full.csv", SAVED_DECISION = "selection_decision.json";

    /** The rule of each round, in a few words (docs/SELECTION-PROTOCOL.md). */
    static final Map<Integer, String> RULES = Map.of(
            1, "docs/SELECTION-PROTOCOL.md, the rule: eligible on nested-CV AUROC and saturation, pick the highest seed stability",
            2, "docs/SELECTION-PROTOCOL.md, round 2, amendment 3: canonical windows and length-balanced training as levers; eligible on CV AUROC ≥ 0.80, "
                    + "saturation and a length-matched AUROC interval above 0.5, pick the highest length-matched AUROC");

    /** A round's files beside the page: round 1 keeps the names pages had before rounds ({@code selection_candidates…}). */
    static String stem(int round, String what) {
        return round == 1 ? "selection_" + what : "selection_r" + round + "_" + what;
    }

    static String savedTable(int round) {
        return stem(round, "candidates_full") + ".csv";
    }

    static String savedDecision(int round) {
        return round == 1 ? SAVED_DECISION : stem(round, "decision") + ".json";
    }

    /** Whether {@code dir} is a finished select-default folder. */
    public static boolean isSelectionFolder(Path dir) {
        return Files.isRegularFile(dir.resolve("candidates.csv")) && Files.isRegularFile(dir.resolve("decision.json"));
    }

    /** Whether a report page in {@code runDir} saved a selection section that {@link #read} can redraw. */
    public static boolean savedIn(Path runDir) {
        return !savedRounds(runDir).isEmpty();
    }

    /** The rounds a page in {@code runDir} saved, in order. */
    static List<Integer> savedRounds(Path runDir) {
        List<Integer> out = new ArrayList<>();
        for (int k = 1; k <= 9; k++) if (Files.isRegularFile(runDir.resolve(savedTable(k)))) out.add(k);
        return out;
    }

    /**
     * A select-default folder, or a report page's folder that saved a selection section before
     * (its lowest saved round: {@link #SAVED_TABLE}, and {@link #SAVED_DECISION} when that page
     * wrote one; without it the picks are the table's {@code picked} rows and the reason is said
     * from the table's figures).
     */
    public static Selection read(Path dir) {
        if (!isSelectionFolder(dir) && savedIn(dir)) return readSaved(dir, savedRounds(dir).get(0));
        Path csv = dir.resolve("candidates.csv"), decision = dir.resolve("decision.json");
        if (!Files.isRegularFile(csv) || !Files.isRegularFile(decision)) {
            throw InputError.at(dir, "not a finished select-default folder (candidates.csv and decision.json missing)");
        }
        Table t = candidates(csv);
        return decision(t, decisionJson(decision), String.valueOf(dir.toAbsolutePath().normalize().getFileName()));
    }

    /**
     * The rounds to show, in round order: each of {@code dirs} a select-default folder, or, when
     * it is absent, a round the page in {@code runDir} saved (the one that recorded that folder's
     * name, else the lowest round no present folder gives). Refused, in one line naming
     * {@code option}: a folder that is neither, two folders of one round.
     */
    public static List<Selection> readAll(String option, List<Path> dirs, Path runDir) {
        List<Selection> out = new ArrayList<>();
        List<Path> absent = new ArrayList<>();
        for (Path d : dirs) {
            if (!Files.exists(d) && savedIn(runDir)) {
                absent.add(d);
                continue;
            }
            try {
                out.add(read(d));
            } catch (InputError e) {
                throw new InputError(option + ": " + e.getMessage());
            }
        }
        List<Integer> free = new ArrayList<>(savedRounds(runDir));
        for (Selection s : out) free.remove(Integer.valueOf(s.round()));
        for (Path d : absent) {
            String name = String.valueOf(d.toAbsolutePath().normalize().getFileName());
            Integer round = null;
            for (Integer k : free) if (name.equals(readSaved(runDir, k).source())) round = k;
            if (round == null && !free.isEmpty()) round = free.get(0);
            if (round == null) throw new InputError(option + ": " + d + " not found, and the page in " + runDir + " saved no further selection round");
            free.remove(round);
            out.add(readSaved(runDir, round));
        }
        out.sort(java.util.Comparator.comparingInt(Selection::round));
        for (int i = 1; i < out.size(); i++) {
            if (out.get(i).round() == out.get(i - 1).round()) {
                throw new InputError(option + ": two folders of round " + out.get(i).round() + " (" + out.get(i - 1).source() + ", " + out.get(i).source() + "); give one per round");
            }
        }
        return out;
    }

    private static Map<String, Object> decisionJson(Path file) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> d = Json.readFile(file, Map.class);
            return d;
        } catch (RuntimeException e) {
            if (e instanceof InputError ie) throw ie;
            throw InputError.at(file, "cannot read as JSON (" + e.getMessage() + ")");
        }
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

    private static Selection readSaved(Path runDir, int round) {
        Table t = candidates(runDir.resolve(savedTable(round)));
        Path decision = runDir.resolve(savedDecision(round));
        if (Files.isRegularFile(decision)) {
            Map<String, Object> d = new LinkedHashMap<>(decisionJson(decision));
            d.putIfAbsent("round", round);
            Object source = d.get("source");
            return decision(t, d, source == null ? null : source.toString());
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
        return new Selection(round, t, picks, why, null);
    }

    private static Selection decision(Table t, Map<String, Object> d, String source) {
        Map<String, String> picks = new LinkedHashMap<>(), why = new LinkedHashMap<>();
        for (String family : List.of(Candidates.NO_MTI, Candidates.MTI)) {
            if (d.get(family) instanceof Map<?, ?> m) {
                Object pick = m.get("pick");
                if (pick != null && !pick.equals("none")) picks.put(family, pick.toString());
                why.put(family, String.valueOf(m.get("why")));
            }
        }
        int round = d.get("round") instanceof Number n ? n.intValue() : 1;
        return new Selection(round, t, picks, why, source);
    }

    /** One select-default folder (or a page's saved round) as the section. */
    public static void add(Report r, Path dir) {
        add(r, List.of(read(dir)));
    }

    /** Every round, in order; the last round with a pick in a family gives the shipped default of that family. */
    public static void add(Report r, List<Selection> rounds) {
        if (rounds.isEmpty()) return;
        boolean several = rounds.size() > 1;
        for (Selection s : rounds) {
            Table t = s.candidates();
            Map<String, Object> saved = new LinkedHashMap<>();
            saved.put("round", s.round());
            if (s.source() != null) saved.put("source", s.source());
            for (var e : s.why().entrySet()) saved.put(e.getKey(), Map.of("pick", s.picks().getOrDefault(e.getKey(), "none"), "why", e.getValue()));
            r.json(savedDecision(s.round()), saved);
            String round = "Round " + s.round();
            boolean lm = hasLm(t);
            List<String> reading = reading(s, several);
            if (!several) for (String x : reading) r.text(Report.Section.SELECTION, x);
            // with several rounds, each round's reading sits right under its table's title
            String lead = several ? "<p class=\"round\">" + Html.escape(String.join(" ", reading)) + "</p>\n" : "";
            r.table(Report.Section.SELECTION, stem(s.round(), "candidates"), round + ": every candidate beside the baselines",
                    "Protocol figures (" + RULES.getOrDefault(s.round(), "docs/SELECTION-PROTOCOL.md") + "): nested mouse CV AUROC (mean ± sd over its folds)"
                            + (lm ? ", length-matched AUROC (LM-AUROC: essential/non-essential mouse pairs within 3 nt of annotated length, balanced so that any "
                            + "function of length scores 0.5; pooled out-of-fold predictions, 95 % bootstrap interval)" : "")
                            + ", seed stability (mean pairwise Spearman of the seeds' human score vectors), saturation (share of human scores outside [0.01, 0.99]), "
                            + "domain accuracy at the kept epoch. The rule read only these. The human Spearman columns (mean ± sd over seeds; one fit for a "
                            + "single-feature baseline) were computed after both picks and are shown, never used. Bold and *: the pick; shaded: the two simple baselines. "
                            + "Pearson and Kendall: appendix table " + stem(s.round(), "candidates_full") + ".",
                    compact(t), lead + html(t, s.picks()));
            r.table(Report.Section.APPENDIX, stem(s.round(), "candidates_full"), round + " of the selection: all six human correlations of every candidate and baseline",
                    "Pearson, Spearman and Kendall tau-b with conservation and DSW, mean and sd over seeds (replicates); one fit for the deterministic baselines.", t);
        }
        if (several) {
            Selection last = rounds.get(rounds.size() - 1);
            List<String> shipped = new ArrayList<>();
            for (String family : List.of(Candidates.NO_MTI, Candidates.MTI)) {
                for (int k = rounds.size() - 1; k >= 0; k--) {
                    String p = rounds.get(k).picks().get(family);
                    if (p != null) {
                        shipped.add(String.format(Locale.ROOT, "%s %s (round %d)", family, p, rounds.get(k).round()));
                        break;
                    }
                }
            }
            if (!shipped.isEmpty()) r.text(Report.Section.SELECTION, "The default was chosen in " + rounds.size() + " rounds (each round's rule, picks and reasons under its table). "
                    + "The shipped default is the last round's pick of each family (round " + last.round() + "'s rule falls back to the earlier pick when nothing is eligible): "
                    + String.join("; ", shipped) + ". A shipped model is the mean of its pick's seed networks, so the headline's figures are that one score vector's; "
                    + "the tables below give each candidate's mean ± sd over its single seeds.");
            for (String v : Targets.verdicts(last.picks(), last.candidates())) {
                r.text(Report.Section.SELECTION, "Round " + last.round() + " target: " + v + parts(last.candidates(), last.picks(), v) + ".");
            }
            r.text(Report.Section.SELECTION, "Said plainly: " + String.join(" ", betterBaselines(last, "Round " + last.round(), true)));
        }
        RhoDotPlot plot = figure(rounds);
        if (plot != null) {
            r.figure(Report.Section.SELECTION, "selection_spearman", "Every candidate's human Spearman beside the baselines",
                    "Dot and whisker: mean ± sd over seeds of each candidate" + (several ? " of each round (R1, R2, …)" : "") + "; bold and *: the pick of its family. "
                            + "Dashed: baselines (one fit or mean over seeds, from the " + (several ? "last round's " : "") + "table) and the no-MTI target. "
                            + "Shown after the choice; the choice read none of it.",
                    plot, false);
        }
        r.limit("The default was chosen on mouse cross-validation and target-side signals only; the human correlations of the candidates are therefore "
                + "an honest comparison of recipes, but with 5 seeds a difference of a few hundredths is within seed noise.");
    }

    /** A round's reading: its rule, each family's pick with the rule's reason (and LM-AUROC), the targets, the baselines that do better. */
    static List<String> reading(Selection s, boolean several) {
        Table t = s.candidates();
        String round = "Round " + s.round();
        boolean lm = hasLm(t);
        List<String> out = new ArrayList<>();
        List<String> picks = new ArrayList<>();
        for (String family : List.of(Candidates.NO_MTI, Candidates.MTI)) {
            if (!s.why().containsKey(family)) continue;
            String pick = s.picks().get(family);
            if (pick == null) {
                picks.add(family + ": no candidate was eligible, so the default stays as it was (" + s.why().get(family) + ")");
                continue;
            }
            int i = Targets.row(t, pick);
            String lmText = lm && i >= 0 && Double.isFinite(Targets.value(t, "lm_auroc", i))
                    ? String.format(Locale.ROOT, "; LM-AUROC %.3f [%.3f, %.3f], CV AUROC %s", Targets.value(t, "lm_auroc", i),
                    Targets.value(t, "lm_auroc_lo", i), Targets.value(t, "lm_auroc_hi", i), pm(t, "cv_auroc", i)) : "";
            picks.add(family + ": " + pick + " (" + s.why().get(family) + lmText + ")");
        }
        out.add((several ? round : "The protocol") + " (" + RULES.getOrDefault(s.round(), "docs/SELECTION-PROTOCOL.md") + ") picked, " + String.join("; ", picks) + ".");
        for (String v : Targets.verdicts(s.picks(), t)) out.add((several ? round + " target: " : "Target: ") + v + parts(t, s.picks(), v) + ".");
        out.addAll(betterBaselines(s, several ? round : null, false));
        return out;
    }

    /** Which parts of a target a pick reached, from the table (after a verdict that says NOT reached). */
    static String parts(Table t, Map<String, String> picks, String verdict) {
        if (!verdict.contains("NOT reached")) return "";
        List<String> yes = new ArrayList<>(), no = new ArrayList<>();
        if (verdict.startsWith("no-MTI")) {
            int i = Targets.row(t, picks.get(Candidates.NO_MTI));
            part(yes, no, "conservation", Targets.value(t, "conservation_spearman_mean", i), Targets.CONSERVATION);
            part(yes, no, "DSW", Targets.value(t, "dsw_spearman_mean", i), Targets.DSW);
            part(yes, no, "CV AUROC", Targets.value(t, "cv_auroc_mean", i), Targets.AUROC);
        } else {
            int i = Targets.row(t, picks.get(Candidates.MTI)), h = Targets.row(t, "has_mti_target");
            if (i < 0 || h < 0) return "";
            for (String[] ind : new String[][] {{"conservation", "conservation_spearman_mean"}, {"DSW", "dsw_spearman_mean"}}) {
                double v = Targets.value(t, ind[1], i), ref = Targets.value(t, ind[1], h);
                (v > ref ? yes : no).add(ind[0]);
            }
        }
        if (yes.isEmpty()) return ": reached on none of " + String.join(", ", no);
        return ": reached on " + String.join(", ", yes) + "; not on " + String.join(", ", no);
    }

    private static void part(List<String> yes, List<String> no, String name, double v, double target) {
        (v >= target ? yes : no).add(name);
    }

    /** Baselines whose scores use the MTI features (the no-MTI pick is compared with the others only). */
    static boolean usesMti(String baseline) {
        String base = baseline.replace(" (canonical)", "").strip();
        return base.equals("has_mti_target") || base.equals("logistic") || base.equals("random_forest");
    }

    /** A baseline's name in words ("random forest without MTI on canonical windows"). */
    static String plain(String baseline) {
        boolean canonical = baseline.contains("(canonical)");
        String base = baseline.replace(" (canonical)", "").strip();
        String words = switch (base) {
            case "has_mti_target" -> "has any MTI target";
            case "mature_count" -> "number of matures";
            case "neg_length" -> "−precursor length";
            case "gc_content" -> "GC content";
            case "neg_mfe" -> "−MFE";
            case "logistic" -> "logistic regression";
            case "logistic_no_mti" -> "logistic regression without MTI";
            case "random_forest" -> "random forest";
            case "random_forest_no_mti" -> "random forest without MTI";
            default -> base;
        };
        return canonical ? words + " on canonical windows" : words;
    }

    /**
     * Said plainly: the baselines that reach more than a family's pick on both indicators (the
     * no-MTI pick against the baselines without MTI), and whether they are above "number of matures" too.
     */
    static List<String> betterBaselines(Selection s, String round, boolean noMtiOnly) {
        List<String> out = new ArrayList<>();
        Table t = s.candidates();
        int mc = Targets.row(t, "mature_count");
        for (String family : List.of(Candidates.NO_MTI, Candidates.MTI)) {
            String pick = s.picks().get(family);
            int p = pick == null ? -1 : Targets.row(t, pick);
            if (p < 0 || noMtiOnly && family.equals(Candidates.MTI)) continue;
            double pc = Targets.value(t, "conservation_spearman_mean", p), pd = Targets.value(t, "dsw_spearman_mean", p);
            List<String> better = new ArrayList<>();
            for (int i = 0; i < t.rowCount(); i++) {
                if (!t.column("family").getString(i).equals("baseline")) continue;
                String name = t.column("candidate").getString(i);
                if (family.equals(Candidates.NO_MTI) && usesMti(name)) continue;
                double c = Targets.value(t, "conservation_spearman_mean", i), d = Targets.value(t, "dsw_spearman_mean", i);
                if (!(c > pc && d > pd)) continue;
                int annotated = Targets.row(t, name.replace(" (canonical)", ""));
                if (annotated != i && annotated >= 0 && Targets.value(t, "conservation_spearman_mean", annotated) == c
                        && Targets.value(t, "dsw_spearman_mean", annotated) == d) continue; // a feature the window does not change: said once
                String aboveMc = "";
                if (family.equals(Candidates.NO_MTI) && mc >= 0 && i != mc) {
                    double mcc = Targets.value(t, "conservation_spearman_mean", mc), mcd = Targets.value(t, "dsw_spearman_mean", mc);
                    aboveMc = c > mcc && d > mcd ? String.format(Locale.ROOT, ", above \"number of matures\" (%.3f / %.3f) as well", mcc, mcd) : "";
                }
                better.add(String.format(Locale.ROOT, "%s (%s) reaches %.3f / %.3f%s", name, plain(name), c, d, aboveMc));
            }
            String who = (round == null ? "the " : round.toLowerCase(Locale.ROOT) + "'s ") + family + " pick " + pick + String.format(Locale.ROOT, " (%.3f / %.3f)", pc, pd);
            String without = family.equals(Candidates.NO_MTI) ? " without MTI" : "";
            if (better.isEmpty()) {
                out.add("No baseline" + without + " reaches more than " + who + " on both conservation and DSW Spearman.");
            } else {
                out.add((better.size() == 1 ? "A baseline" + without + " does better than " : better.size() + " baselines" + without + " do better than ")
                        + who + " on both conservation and DSW Spearman: " + String.join("; ", better) + ".");
            }
        }
        return out;
    }

    static boolean hasLm(Table t) {
        return t.columnNames().containsAll(List.of("lm_auroc", "lm_auroc_lo", "lm_auroc_hi"));
    }

    /** The columns a reader compares at a glance, mean and sd joined (saved as the section's CSV). */
    static Table compact(Table t) {
        boolean lm = hasLm(t);
        Table out = Table.create("candidates_compact", StringColumn.create("family"), StringColumn.create("candidate"), StringColumn.create("lever"),
                StringColumn.create("CV AUROC"));
        if (lm) out.addColumns(DoubleColumn.create("LM-AUROC"), DoubleColumn.create("LM-AUROC 95% low"), DoubleColumn.create("LM-AUROC 95% high"));
        out.addColumns(DoubleColumn.create("seed stability"), DoubleColumn.create("saturation"),
                DoubleColumn.create("domain accuracy"), StringColumn.create("conservation Spearman"), StringColumn.create("DSW Spearman"),
                StringColumn.create("verdict"));
        for (int i = 0; i < t.rowCount(); i++) {
            boolean picked = t.column("picked").getString(i).equalsIgnoreCase("true");
            out.stringColumn("family").append(t.column("family").getString(i));
            out.stringColumn("candidate").append(t.column("candidate").getString(i) + (picked ? " *" : ""));
            out.stringColumn("lever").append(t.columnNames().contains("lever") ? t.column("lever").getString(i) : "");
            out.stringColumn("CV AUROC").append(pm(t, "cv_auroc", i));
            if (lm) {
                out.doubleColumn("LM-AUROC").append(Targets.value(t, "lm_auroc", i));
                out.doubleColumn("LM-AUROC 95% low").append(Targets.value(t, "lm_auroc_lo", i));
                out.doubleColumn("LM-AUROC 95% high").append(Targets.value(t, "lm_auroc_hi", i));
            }
            out.doubleColumn("seed stability").append(Targets.value(t, "seed_stability", i));
            out.doubleColumn("saturation").append(Targets.value(t, "saturation", i));
            out.doubleColumn("domain accuracy").append(Targets.value(t, "domain_accuracy", i));
            out.stringColumn("conservation Spearman").append(pm(t, "conservation_spearman", i));
            out.stringColumn("DSW Spearman").append(pm(t, "dsw_spearman", i));
            out.stringColumn("verdict").append(t.column("verdict").getString(i));
        }
        return out;
    }

    /**
     * The round's wide table on the page: one row per candidate, grouped by family, then the
     * baselines grouped by window; protocol figures on the left, the human Spearman on the right.
     */
    static String html(Table t, Map<String, String> picks) {
        boolean lm = hasLm(t);
        int protocol = lm ? 7 : 6;
        StringBuilder b = new StringBuilder("<table class=\"wide selection\">\n<thead><tr><th rowspan=\"2\" class=\"row\">candidate</th><th rowspan=\"2\">lever / baseline</th>")
                .append("<th colspan=\"").append(protocol - 1).append("\">protocol figures (what the rule read)</th>")
                .append("<th colspan=\"2\">human Spearman ρ (after the pick)</th></tr>\n<tr><th>CV AUROC</th>");
        if (lm) b.append("<th>LM-AUROC [95 % CI]</th>");
        b.append("<th>seed stability</th><th>saturation</th><th>domain acc.</th><th>verdict</th><th>conservation</th><th>DSW</th></tr></thead>\n<tbody>\n");
        boolean canonical = t.column("candidate").asList().stream().anyMatch(x -> String.valueOf(x).contains("(canonical)"));
        String group = null;
        for (int i = 0; i < t.rowCount(); i++) {
            String family = t.column("family").getString(i), name = t.column("candidate").getString(i);
            boolean baseline = family.equals("baseline");
            String g = baseline ? (name.contains("(canonical)") ? "baselines on canonical windows" : canonical ? "baselines on annotated windows" : "baselines")
                    : family.equals(Candidates.NO_MTI) ? "without MTI (no-MTI family)" : family.equals(Candidates.MTI) ? "with MTI (MTI family)" : family;
            if (!g.equals(group)) {
                b.append("<tr class=\"group\"><td colspan=\"").append(protocol + 3).append("\">").append(Html.escape(g)).append("</td></tr>\n");
                group = g;
            }
            boolean picked = picks.containsValue(name) && !baseline;
            String base = name.replace(" (canonical)", "");
            String cls = picked ? "network" : baseline && Headline.LINES.containsKey(base) ? "reference" : "";
            b.append("<tr").append(cls.isEmpty() ? "" : " class=\"" + cls + "\"").append("><td>").append(Html.escape(baseline ? base : name))
                    .append(picked ? " *" : "").append("</td><td>")
                    .append(Html.escape(baseline ? plain(base) : t.columnNames().contains("lever") ? t.column("lever").getString(i) : "")).append("</td>");
            b.append(num(pm(t, "cv_auroc", i)));
            if (lm) {
                double v = Targets.value(t, "lm_auroc", i);
                b.append(num(Double.isNaN(v) ? "–" : "<span class=\"v\">" + String.format(Locale.ROOT, "%.3f", v) + " <span class=\"ci\">["
                        + Cells.coef(Targets.value(t, "lm_auroc_lo", i)) + ", " + Cells.coef(Targets.value(t, "lm_auroc_hi", i)) + "]</span></span>", true));
            }
            b.append(num(three(Targets.value(t, "seed_stability", i)))).append(num(three(Targets.value(t, "saturation", i))))
                    .append(num(three(Targets.value(t, "domain_accuracy", i))));
            b.append("<td>").append(baseline ? "–" : Html.escape(t.column("verdict").getString(i) + (picked ? ", picked" : ""))).append("</td>");
            b.append(num(pm(t, "conservation_spearman", i))).append(num(pm(t, "dsw_spearman", i))).append("</tr>\n");
        }
        return b.append("</tbody>\n</table>\n").toString();
    }

    private static String num(String v) {
        return num(v, false);
    }

    private static String num(String v, boolean raw) {
        if (!raw && v.equals("-")) v = "–";
        String shown = raw ? v : Html.escape(v);
        return "<td class=\"num\">" + (v.contains(" ± ") ? "<span class=\"v\">" + shown + "</span>" : shown) + "</td>";
    }

    private static String three(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.3f", v);
    }

    /**
     * Every round's candidates as rows (mean ± sd over seeds; picks emphasised) with dashed lines
     * for "has any MTI target", "number of matures", the best baseline without MTI when it is
     * another, and the no-MTI target; null when no candidate has a figure.
     */
    static RhoDotPlot figure(List<Selection> rounds) {
        boolean several = rounds.size() > 1;
        List<RhoDotPlot.Row> rows = new ArrayList<>();
        for (Selection s : rounds) {
            Table t = s.candidates();
            for (int i = 0; i < t.rowCount(); i++) {
                if (t.column("family").getString(i).equals("baseline")) continue;
                String name = t.column("candidate").getString(i);
                double c = Targets.value(t, "conservation_spearman_mean", i), d = Targets.value(t, "dsw_spearman_mean", i);
                if (Double.isNaN(c) && Double.isNaN(d)) continue; // a candidate listed as not run
                boolean picked = s.picks().containsValue(name);
                rows.add(RhoDotPlot.Row.summary((several ? "R" + s.round() + " " : "") + name + (picked ? " *" : ""), new double[] {c, d},
                        new double[] {Targets.value(t, "conservation_spearman_sd", i), Targets.value(t, "dsw_spearman_sd", i)}, picked));
            }
        }
        if (rows.isEmpty()) return null;
        Table last = rounds.get(rounds.size() - 1).candidates();
        List<RhoDotPlot.Line> lines = new ArrayList<>();
        java.awt.Color[] colours = {Palette.VERMILLION, Palette.GREEN, Palette.PURPLE};
        int k = 0;
        List<String> drawn = new ArrayList<>(List.of("has_mti_target", "mature_count"));
        String best = null;
        for (int i = 0; i < last.rowCount(); i++) {
            String name = last.column("candidate").getString(i);
            if (!last.column("family").getString(i).equals("baseline") || usesMti(name)) continue;
            if (best == null || Targets.value(last, "conservation_spearman_mean", i) > Targets.value(last, "conservation_spearman_mean", Targets.row(last, best))) best = name;
        }
        if (best != null && !drawn.contains(best)) drawn.add(best);
        for (String m : drawn) {
            int i = Targets.row(last, m);
            if (i < 0) continue;
            lines.add(new RhoDotPlot.Line(plain(m) + " (" + m + ")", new double[] {Targets.value(last, "conservation_spearman_mean", i),
                    Targets.value(last, "dsw_spearman_mean", i)}, colours[k++]));
        }
        lines.add(new RhoDotPlot.Line(String.format(Locale.ROOT, "no-MTI target (%.2f / %.2f)", Targets.CONSERVATION, Targets.DSW),
                new double[] {Targets.CONSERVATION, Targets.DSW}, Palette.BLACK));
        return new RhoDotPlot(several ? "Human Spearman ρ of every candidate, rounds " + rounds.get(0).round() + "–" + rounds.get(rounds.size() - 1).round()
                : "Human Spearman ρ of every candidate", List.of("conservation", "DSW"), rows, lines, "Spearman ρ (mean ± sd over seeds)", 760);
    }

    private static String pm(Table t, String measure, int i) {
        double mean = Targets.value(t, measure + "_mean", i), sd = Targets.value(t, measure + "_sd", i);
        if (Double.isNaN(mean)) return "-";
        return Double.isNaN(sd) ? String.format(Locale.ROOT, "%.3f", mean) : String.format(Locale.ROOT, "%.3f ± %.3f", mean, sd);
    }
}
