package org.deephem.data;

import java.util.Arrays;
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
