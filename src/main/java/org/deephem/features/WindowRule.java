package org.deephem.features;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deephem.io.InputError;

/**
 * Which stretch of each precursor the features are computed on: the precursor as annotated
 * (miRBase's hairpin, cut where its submitter cut it) or its canonical window
 * ({@link HairpinWindow}). Recorded under {@value #KEY} in a dataset's {@code dataset.json} and in
 * a model's provenance, so that a model's new sequences are cut the way its training data was;
 * where nothing is recorded (folders and models made before) the window is the annotated one.
 */
public enum WindowRule {
    ANNOTATED("annotated"), CANONICAL("canonical");

    public static final String KEY = "window";

    public final String label;

    WindowRule(String label) {
        this.label = label;
    }

    /** The option's value (any case), or a one-line error naming the option. */
    public static WindowRule parse(String value, String option) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        for (WindowRule w : values()) if (w.label.equals(v)) return w;
        throw new InputError(option + " must be annotated or canonical, not '" + value + "'");
    }

    /** The manifest / provenance entry. */
    public Map<String, Object> record() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", label);
        if (this == CANONICAL) {
            m.put("flank_nt", HairpinWindow.FLANK);
            m.put("no_mature_length_nt", HairpinWindow.FALLBACK_LENGTH);
            m.put("overhang_nt", HairpinWindow.OVERHANG);
            m.put("defined_in", "docs/SELECTION-PROTOCOL.md, round 2, amendment 3, item 1; org.deephem.features.HairpinWindow");
        }
        return m;
    }

    /**
     * The window recorded in a manifest or provenance map: {@link #ANNOTATED} if none; a map with
     * {@code "rule"} or a bare string; anything else a one-line error naming {@code where}.
     */
    public static WindowRule recorded(Map<String, ?> manifest, String where) {
        Object v = manifest == null ? null : manifest.get(KEY);
        if (v == null) return ANNOTATED;
        Object rule = v instanceof Map<?, ?> m ? m.get("rule") : v;
        if (rule instanceof String s) {
            for (WindowRule w : values()) if (w.label.equals(s)) return w;
        }
        throw new InputError(where + ": '" + KEY + "' must record \"rule\": \"annotated\" or \"canonical\"");
    }

    /**
     * Each precursor's window under this rule: the whole precursor ({@link #ANNOTATED}, no
     * folding) or its canonical window, folded with {@code folder}'s dangles.
     */
    public HairpinWindow[] windows(List<String> seqs, List<List<Mature>> matures, FeatureCalculator folder, String what) {
        HairpinWindow[] out = new HairpinWindow[seqs.size()];
        if (this == ANNOTATED) {
            for (int i = 0; i < out.length; i++) out[i] = HairpinWindow.whole(seqs.get(i).length(), null);
            return out;
        }
        Fold[] folds = folder.foldAll(seqs, what + " (for their canonical windows)");
        for (int i = 0; i < out.length; i++) out[i] = HairpinWindow.of(seqs.get(i), folds[i], matures.get(i));
        return out;
    }

    /** Sequences and their matures cut to their windows ({@link #cut}). */
    public record Cut(List<String> sequences, List<List<Mature>> matures) {}

    /**
     * The precursors cut to their windows under this rule, each keeping the matures that lie in
     * its window: unchanged under {@link #ANNOTATED}. Every sequence must be foldable (A/C/G/U,
     * not longer than the folder takes): callers check that first.
     */
    public Cut cut(List<String> seqs, List<List<Mature>> matures, FeatureCalculator folder, String what) {
        if (this == ANNOTATED) return new Cut(seqs, matures);
        HairpinWindow[] w = windows(seqs, matures, folder, what);
        List<String> out = new java.util.ArrayList<>(seqs.size());
        List<List<Mature>> outMatures = new java.util.ArrayList<>(seqs.size());
        for (int i = 0; i < w.length; i++) {
            String c = w[i].cut(seqs.get(i));
            out.add(c);
            outMatures.add(Mature.containedIn(c, matures.get(i)));
        }
        return new Cut(out, outMatures);
    }

    /** One line for the console: which window scoring (or a feature table) applies. */
    public String describe() {
        return this == ANNOTATED ? "window: annotated (each precursor as given)"
                : "window: canonical (each precursor re-cut to its pre-miRNA: 5p mature start .. 3p mature end; one arm: the other placed by"
                + " the 2-nt overhang on the MFE structure; no mature: " + HairpinWindow.FALLBACK_LENGTH + " nt centred on the terminal loop)";
    }
}
