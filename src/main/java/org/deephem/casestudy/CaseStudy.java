package org.deephem.casestudy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The case study: the top-N human miRNAs by score, each beside what is known about it —
 * family, conservation, TargetScan class, DSW, HMDD diseases, the label of its mouse orthologue
 * and, for an ensemble, the members' range. It only reports; nothing here chooses anything.
 */
public final class CaseStudy {
    public static final String NOT_AVAILABLE = "not available";
    /** {@code hsa-mir-125b-2} → {@code mir-125}: species prefix, letter suffix and copy number dropped. */
    private static final Pattern STEM = Pattern.compile("^[^-]+-(.*?\\d+)[a-z]*(-\\d+)?$");

    private CaseStudy() {}

    /**
     * Scores of the human miRNAs: {@code score} is shown, {@code rankKey} orders them (the logit
     * where there is one: it still ranks where the probability rounds to 1).
     *
     * @param interval {@code [row] = {low, high}} for an ensemble, else null
     */
    public record Scores(List<String> ids, double[] score, double[] rankKey, double[][] interval) {}

    /**
     * What is known about each human miRNA; a null map means "not available" for every row.
     *
     * @param families    human ID → family (absent ID: the name stem is shown)
     * @param diseases    human ID → HMDD disease names (absent ID: none)
     * @param mouseLabels mouse ID → "essential", "non-essential" or "unlabelled"
     */
    public record Annotations(Map<String, Double> conservation, Map<String, Double> targetScanClass, Map<String, Double> dsw,
                              Map<String, String> families, Map<String, List<String>> diseases, Map<String, String> mouseLabels) {}

    /** Row indices of the {@code n} highest keys, highest first; equal keys keep input order. */
    public static int[] top(double[] key, int n) {
        return IntStream.range(0, key.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -key[i]).thenComparingInt(i -> i))
                .limit(n).mapToInt(Integer::intValue).toArray();
    }

    /** The family shown when none is known from miRBase: the name without species, letter suffix and copy number. */
    public static String stem(String id) {
        Matcher m = STEM.matcher(id);
        return m.matches() ? m.group(1) : id;
    }

    /** The mouse precursor of the same name: {@code hsa-mir-21a} → {@code mmu-mir-21a}. */
    public static String mouseOrthologue(String humanId) {
        return humanId.replaceFirst("(^|-)hsa-", "$1mmu-");
    }

    public static Table table(Scores s, Annotations a, int n) {
        IntColumn rank = IntColumn.create("rank");
        StringColumn id = StringColumn.create("id"), family = StringColumn.create("family"), familyFrom = StringColumn.create("family_from"),
                diseases = StringColumn.create("hmdd_diseases"), mouse = StringColumn.create("mouse_orthologue"), label = StringColumn.create("mouse_label");
        DoubleColumn score = DoubleColumn.create("score"), low = DoubleColumn.create("score_low"), high = DoubleColumn.create("score_high"),
                cons = DoubleColumn.create("conservation"), ts = DoubleColumn.create("targetscan_class"), dsw = DoubleColumn.create("dsw");
        IntColumn diseaseCount = IntColumn.create("hmdd_disease_count");
        int[] rows = top(s.rankKey(), n);
        for (int k = 0; k < rows.length; k++) {
            int r = rows[k];
            String name = s.ids().get(r);
            rank.append(k + 1);
            id.append(name);
            score.append(s.score()[r]);
            if (s.interval() != null) {
                low.append(s.interval()[r][0]);
                high.append(s.interval()[r][1]);
            }
            String fam = a.families() == null ? null : a.families().get(name);
            family.append(fam != null ? fam : stem(name));
            familyFrom.append(fam != null ? "miRBase family" : "name stem");
            cons.append(value(a.conservation(), name));
            ts.append(value(a.targetScanClass(), name));
            dsw.append(value(a.dsw(), name));
            if (a.diseases() == null) {
                diseases.append(NOT_AVAILABLE);
                diseaseCount.appendMissing();
            } else {
                List<String> d = a.diseases().getOrDefault(name, List.of());
                diseases.append(String.join("; ", d));
                diseaseCount.append(d.size());
            }
            String mm = mouseOrthologue(name);
            String l = a.mouseLabels().get(mm);
            mouse.append(l == null ? "none" : mm);
            label.append(l == null ? "" : l);
        }
        Table t = Table.create("case_study", rank, id, score);
        if (s.interval() != null) t.addColumns(low, high);
        t.addColumns(family, familyFrom, cons, ts, dsw, diseaseCount, diseases, mouse, label);
        return t;
    }

    private static double value(Map<String, Double> m, String id) {
        Double v = m == null ? null : m.get(id);
        return v == null ? Double.NaN : v;
    }

    /** Mouse ID → label, from the labelled rows (1 essential, 0 not) and the unlabelled ones. */
    public static Map<String, String> mouseLabels(List<String> labelledIds, int[] labels, List<String> unlabelledIds) {
        Map<String, String> out = new java.util.HashMap<>();
        for (String u : unlabelledIds) out.put(u, "unlabelled");
        for (int i = 0; i < labelledIds.size(); i++) out.put(labelledIds.get(i), labels[i] == 1 ? "essential" : "non-essential");
        return out;
    }

    /** Disease indices (1-based) → sorted names. */
    public static Map<String, List<String>> diseaseNames(Map<String, ? extends java.util.Set<Integer>> byPrecursor, List<String> names) {
        Map<String, List<String>> out = new java.util.HashMap<>();
        for (var e : byPrecursor.entrySet()) {
            List<String> d = new ArrayList<>();
            for (int i : e.getValue()) d.add(i >= 1 && i <= names.size() ? names.get(i - 1) : "disease #" + i);
            d.sort(String.CASE_INSENSITIVE_ORDER);
            out.put(e.getKey(), d);
        }
        return out;
    }
}
