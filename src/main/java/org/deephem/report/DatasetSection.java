package org.deephem.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.deephem.data.DeepHemDataset;
import org.deephem.data.Domain;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The Dataset section: one row per set (labelled mouse, unlabelled mouse, human) with its counts,
 * length and main feature summaries and MTI coverage, and the human indicators; the folder named
 * from the working directory and identified by the SHA-256 of its dataset.json.
 */
final class DatasetSection {
    private DatasetSection() {}

    static void add(Report r, DeepHemDataset ds, String shownAs) {
        Table t = table(ds);
        String id = "";
        java.nio.file.Path json = ds.folder() == null ? null : ds.folder().resolve("dataset.json");
        if (json != null && java.nio.file.Files.isRegularFile(json)) id = " (dataset.json SHA-256 " + org.deephem.io.Hashing.sha256(json).substring(0, 12) + "…)";
        int pos = Arrays.stream(ds.labels()).sum();
        r.text(Report.Section.DATASET, String.format(Locale.ROOT,
                "Dataset %s%s: %d labelled mouse miRNAs (%d essential, %d non-essential), %d unlabelled mouse and %d human miRNAs. "
                        + "The network learns from the labelled mouse, adapts to the unlabelled mouse and human rows without their labels, and is judged on human only, against conservation and DSW.",
                shownAs, id, ds.labels().length, pos, ds.labels().length - pos, ds.unlabelledMouse().size(), ds.target().size()));
        r.table(Report.Section.DATASET, "dataset_summary", "The sets",
                "Medians with the interquartile range in brackets. Length in nt; GC content as a share; MFE in kcal/mol (the dataset's folding); "
                        + "with MTI targets: precursors with any TargetScan target gene. Conservation: species sharing a seed; DSW: share of the 374 HMDD v3.2 diseases (human only). "
                        + "The full inspection text is appendix \"Dataset inspection\".", t);
    }

    static Table table(DeepHemDataset ds) {
        Table t = Table.create("dataset_summary", StringColumn.create("set"), IntColumn.create("miRNAs"), IntColumn.create("essential"),
                IntColumn.create("non-essential"), StringColumn.create("length (nt)"), StringColumn.create("GC content"), StringColumn.create("MFE (kcal/mol)"),
                StringColumn.create("with MTI targets"), StringColumn.create("conservation"), StringColumn.create("DSW"));
        int[] labels = ds.labels();
        int pos = Arrays.stream(labels).sum();
        row(t, ds, "labelled mouse (source)", ds.source(), pos, labels.length - pos, ds.mouseTargets(), null, null);
        row(t, ds, "unlabelled mouse", ds.unlabelledMouse(), -1, -1, ds.mouseTargets(), null, null);
        row(t, ds, "human (target)", ds.target(), -1, -1, ds.humanTargets(), ds.conservation(), ds.dsw());
        return t;
    }

    private static void row(Table t, DeepHemDataset ds, String name, Domain d, int pos, int neg, Map<String, Set<String>> targets,
                            Map<String, Double> cons, Map<String, Double> dsw) {
        t.stringColumn("set").append(name);
        t.intColumn("miRNAs").append(d.size());
        if (pos >= 0) {
            t.intColumn("essential").append(pos);
            t.intColumn("non-essential").append(neg);
        } else {
            t.intColumn("essential").appendMissing();
            t.intColumn("non-essential").appendMissing();
        }
        t.stringColumn("length (nt)").append(d.size() == 0 ? "" : quartiles(d.sequences().stream().mapToDouble(String::length).toArray(), "%.0f"));
        t.stringColumn("GC content").append(feature(ds, d, "gc_content", "%.2f"));
        t.stringColumn("MFE (kcal/mol)").append(feature(ds, d, "mfe", "%.1f"));
        if (targets == null || d.size() == 0) {
            t.stringColumn("with MTI targets").append("–");
        } else {
            long n = d.ids().stream().filter(id -> targets.get(id) != null && !targets.get(id).isEmpty()).count();
            t.stringColumn("with MTI targets").append(String.format(Locale.ROOT, "%d (%.0f %%)", n, 100.0 * n / d.size()));
        }
        t.stringColumn("conservation").append(indicator(cons, d, "%.0f"));
        t.stringColumn("DSW").append(indicator(dsw, d, "%.3f"));
    }

    private static String feature(DeepHemDataset ds, Domain d, String name, String fmt) {
        if (ds.inherentNames() == null || d.inherent() == null || d.size() == 0) return "–";
        int c = ds.inherentNames().indexOf(name);
        if (c < 0) return "–";
        double[] v = new double[d.size()];
        for (int i = 0; i < v.length; i++) v[i] = d.inherent()[i][c];
        return quartiles(v, fmt);
    }

    private static String indicator(Map<String, Double> m, Domain d, String fmt) {
        if (m == null) return "–";
        double[] v = d.ids().stream().map(m::get).filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue).filter(Double::isFinite).toArray();
        return v.length == 0 ? "–" : quartiles(v, fmt);
    }

    /** "median [Q1, Q3]" by linear interpolation between order statistics. */
    static String quartiles(double[] values, String fmt) {
        double[] v = values.clone();
        Arrays.sort(v);
        return String.format(Locale.ROOT, fmt + " [" + fmt + ", " + fmt + "]", q(v, 0.5), q(v, 0.25), q(v, 0.75));
    }

    private static double q(double[] sorted, double p) {
        double pos = p * (sorted.length - 1);
        int lo = (int) Math.floor(pos), hi = (int) Math.ceil(pos);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

}
