package org.deephem.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** A plain-text summary of a DeepHEM-layout dataset: counts, label balance, missing views. */
public final class Inspection {
    private Inspection() {}

    /** For the console: the folder by its absolute path. */
    public static String summarise(DeepHemDataset d) {
        return summarise(d, d.folder().toAbsolutePath().normalize().toString());
    }

    /** With the folder named as {@code shownAs} (a report names it without this machine's folders). */
    public static String summarise(DeepHemDataset d, String shownAs) {
        StringBuilder sb = new StringBuilder();
        sb.append("dataset: ").append(shownAs).append('\n');
        int pos = Arrays.stream(d.labels()).sum();
        int n = d.labels().length;
        line(sb, "labelled mouse (source)", "%d rows: %d essential, %d non-essential (%.1f%% essential)",
                n, pos, n - pos, 100.0 * pos / n);
        line(sb, "unlabelled mouse", "%d rows", d.unlabelledMouse().size());
        line(sb, "human (target)", "%d rows", d.target().size());
        line(sb, "sequence length", "mouse %s; human %s", lengths(d.source()), lengths(d.target()));
        line(sb, "inherent features", d.inherentNames() == null ? "MISSING (mmu_feature.xlsx / hsa_feature.xlsx)"
                : d.inherentNames().size() + " columns, no missing or non-finite values");
        line(sb, "MTI PCA", d.pcaNames() == null ? "MISSING (mmu_feature_pca.xlsx / hsa_feature_pca.xlsx)"
                : d.pcaNames().size() + " components, no missing or non-finite values");
        if (d.mouseTargets() != null) {
            long pt = 0, nt = 0;
            for (int i = 0; i < n; i++) {
                if (d.mouseTargets().containsKey(d.source().ids().get(i))) {
                    if (d.labels()[i] == 1) pt++;
                    else nt++;
                }
            }
            line(sb, "MTI (mouse)", "%d/%d essential and %d/%d non-essential labelled precursors have targets",
                    pt, pos, nt, n - pos);
        } else {
            line(sb, "MTI (mouse)", "MISSING");
        }
        line(sb, "MTI (human)", d.humanTargets() == null ? "MISSING"
                : String.format(Locale.ROOT, "%d/%d precursors have targets", d.humanTargets().size(), d.target().size()));
        sb.append("files:\n");
        file(sb, d, Layout.SOURCE, n + " rows (ID, sequence)");
        file(sb, d, Layout.LABELS, n + " rows (ID, label)");
        file(sb, d, Layout.UNLABELLED_MOUSE, d.unlabelledMouse().size() + " rows (ID, sequence)");
        file(sb, d, Layout.TARGET, d.target().size() + " rows (ID, sequence)");
        int mouseRows = n + d.unlabelledMouse().size();
        if (d.inherentNames() != null) {
            file(sb, d, Layout.MMU_FEATURE, mouseRows + " rows x " + d.inherentNames().size() + " features");
            file(sb, d, Layout.HSA_FEATURE, d.target().size() + " rows x " + d.inherentNames().size() + " features");
        }
        if (d.pcaNames() != null) {
            file(sb, d, Layout.MMU_PCA, mouseRows + " rows x " + d.pcaNames().size() + " components");
            file(sb, d, Layout.HSA_PCA, d.target().size() + " rows x " + d.pcaNames().size() + " components");
        }
        if (d.mouseTargets() != null) file(sb, d, Layout.MMU_MTI_TSV, pairs(d.mouseTargets()) + " miRNA-gene pairs");
        if (d.humanTargets() != null) file(sb, d, Layout.HSA_MTI_TSV, pairs(d.humanTargets()) + " miRNA-gene pairs");
        if (d.conservation() != null) file(sb, d, Layout.CONSERVATION, d.conservation().size() + " rows");
        if (d.dsw() != null) file(sb, d, Layout.DSW, d.dsw().size() + " rows");
        if (!d.windows().isEmpty()) file(sb, d, Layout.WINDOWS, d.windows().size() + " rows (ID, annotated length, window, placement)");
        if (d.inherentNames() != null) {
            sb.append("inherent features, labelled mouse means (essential vs non-essential):\n");
            for (int c = 0; c < d.inherentNames().size(); c++) {
                double e = 0, ne = 0;
                for (int i = 0; i < n; i++) {
                    if (d.labels()[i] == 1) e += d.source().inherent()[i][c] / pos;
                    else ne += d.source().inherent()[i][c] / (n - pos);
                }
                sb.append(String.format(Locale.ROOT, "  %-24s %10.4g %10.4g%n", d.inherentNames().get(c), e, ne));
            }
        }
        sb.append("indicators (human):\n");
        indicator(sb, "conservation", d.conservation() == null ? null : d.conservation().values().stream().mapToDouble(Double::doubleValue).toArray(), d.target().size());
        indicator(sb, "DSW", d.dsw() == null ? null : d.dsw().values().stream().mapToDouble(Double::doubleValue).toArray(), d.target().size());
        return sb.toString();
    }

    /**
     * The window of the folder and, per class (essential, non-essential, unlabelled mouse,
     * human), the length distribution on the annotated precursors and on the canonical windows
     * (min / Q1 / median / Q3 / max, quartiles by linear interpolation, and the mean) and how the
     * windows were placed. An annotated folder has the annotated lengths only.
     */
    public static String windows(DeepHemDataset d) {
        StringBuilder sb = new StringBuilder();
        boolean canonical = d.window().equals(org.deephem.features.WindowRule.CANONICAL.label);
        sb.append("window: ").append(d.window()).append(canonical
                ? " (" + Layout.WINDOWS + ": each row's annotated precursor and the window cut from it)\n"
                : " (the precursors as given; canonical windows: build-dataset --window canonical)\n");
        sb.append("length (nt): min / Q1 / median / Q3 / max (mean)\n");
        List<String> names = List.of("essential", "non-essential", "unlabelled mouse", "human");
        List<List<Integer>> annotated = new ArrayList<>(), window = new ArrayList<>();
        List<List<String>> ids = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            annotated.add(new ArrayList<>());
            window.add(new ArrayList<>());
            ids.add(new ArrayList<>());
        }
        int[][] groups = {rowsOf(d, 1), rowsOf(d, 0)};
        for (int k = 0; k < 2; k++) add(d.source(), groups[k], annotated.get(k), window.get(k), ids.get(k));
        add(d.unlabelledMouse(), null, annotated.get(2), window.get(2), ids.get(2));
        add(d.target(), null, annotated.get(3), window.get(3), ids.get(3));
        for (int k = 0; k < 4; k++) {
            if (ids.get(k).isEmpty()) continue;
            sb.append(String.format(Locale.ROOT, "  %-17s %5d  annotated %s", names.get(k), ids.get(k).size(), fiveNumbers(annotated.get(k))));
            if (canonical) sb.append("   canonical ").append(fiveNumbers(window.get(k)));
            sb.append('\n');
        }
        if (!canonical) return sb.toString();
        sb.append("window placement: rows (of them clipped to the annotated precursor)\n");
        for (int k = 0; k < 4; k++) {
            if (ids.get(k).isEmpty()) continue;
            List<String> parts = new ArrayList<>();
            int byName = 0, noPair = 0;
            for (org.deephem.features.HairpinWindow.Placement p : org.deephem.features.HairpinWindow.Placement.values()) {
                int n = 0, c = 0;
                for (String id : ids.get(k)) {
                    org.deephem.features.HairpinWindow w = d.windowOf(id);
                    if (w.placement() != p) continue;
                    n++;
                    if (w.clipped()) c++;
                }
                parts.add(String.format(Locale.ROOT, "%s %d (%d)", p.label, n, c));
            }
            for (String id : ids.get(k)) {
                if (d.windowOf(id).armByName()) byName++;
                if (d.windowOf(id).noPairInMature()) noPair++;
            }
            sb.append(String.format(Locale.ROOT, "  %-17s %s; arm by name %d, no pair in mature %d%n", names.get(k), String.join(", ", parts), byName, noPair));
        }
        return sb.toString();
    }

    private static int[] rowsOf(DeepHemDataset d, int label) {
        return java.util.stream.IntStream.range(0, d.labels().length).filter(i -> d.labels()[i] == label).toArray();
    }

    private static void add(Domain dom, int[] rows, List<Integer> annotated, List<Integer> window, List<String> ids) {
        int[] n = dom.annotatedLengths();
        int m = rows == null ? dom.size() : rows.length;
        for (int k = 0; k < m; k++) {
            int i = rows == null ? k : rows[k];
            annotated.add(n[i]);
            window.add(dom.sequences().get(i).length());
            ids.add(dom.ids().get(i));
        }
    }

    /** "56 / 71 / 80.5 / 92 / 140 (82.3)": min, quartiles by linear interpolation (R's type 7), max, mean. */
    static String fiveNumbers(List<Integer> values) {
        double[] v = values.stream().mapToDouble(Integer::doubleValue).sorted().toArray();
        double mean = java.util.Arrays.stream(v).average().orElse(Double.NaN);
        return String.format(Locale.ROOT, "%s / %s / %s / %s / %s (%.1f)", num(v[0]), num(quantile(v, 0.25)), num(quantile(v, 0.5)),
                num(quantile(v, 0.75)), num(v[v.length - 1]), mean);
    }

    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    private static String num(double v) {
        if (v == Math.rint(v)) return Long.toString((long) v);
        String s = String.format(Locale.ROOT, "%.2f", v);
        return s.replaceAll("0+$", "");
    }

    private static void file(StringBuilder sb, DeepHemDataset d, String name, String what) {
        java.nio.file.Path p = d.folder().resolve(name);
        if (name.endsWith(".tsv") && !java.nio.file.Files.exists(p)) p = d.folder().resolve(name.replace(".tsv", ".xlsx"));
        if (java.nio.file.Files.exists(p)) sb.append(String.format(Locale.ROOT, "  %-26s %s%n", p.getFileName(), what));
    }

    private static long pairs(java.util.Map<String, java.util.Set<String>> m) {
        return m.values().stream().mapToLong(java.util.Set::size).sum();
    }

    private static String lengths(Domain d) {
        int min = Integer.MAX_VALUE, max = 0;
        double sum = 0;
        for (String s : d.sequences()) {
            min = Math.min(min, s.length());
            max = Math.max(max, s.length());
            sum += s.length();
        }
        return d.size() == 0 ? "-" : String.format(Locale.ROOT, "%d-%d nt (mean %.1f)", min, max, sum / d.size());
    }

    private static void indicator(StringBuilder sb, String name, double[] v, int humans) {
        if (v == null) {
            line(sb, name, "MISSING");
            return;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        long nonzero = Arrays.stream(s).filter(x -> x != 0).count();
        line(sb, name, "%d/%d human rows; min %.4g, median %.4g, max %.4g; %d non-zero",
                s.length, humans, s[0], s[s.length / 2], s[s.length - 1], nonzero);
    }

    private static void line(StringBuilder sb, String key, String fmt, Object... args) {
        sb.append(String.format(Locale.ROOT, "  %-24s %s%n", key, String.format(Locale.ROOT, fmt, args)));
    }
}
