package org.deephem.data;

import java.util.Arrays;
import java.util.Locale;

/** A plain-text summary of a DeepHEM-layout dataset: counts, label balance, missing views. */
public final class Inspection {
    private Inspection() {}

    public static String summarise(DeepHemDataset d) {
        StringBuilder sb = new StringBuilder();
        sb.append("dataset: ").append(d.folder().toAbsolutePath().normalize()).append('\n');
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
        indicator(sb, "conservation", d.conservation() == null ? null : d.conservation().values().stream().mapToDouble(Double::doubleValue).toArray(), d.target().size());
        indicator(sb, "DSW", d.dsw() == null ? null : d.dsw().values().stream().mapToDouble(Double::doubleValue).toArray(), d.target().size());
        return sb.toString();
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
