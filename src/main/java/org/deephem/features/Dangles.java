package org.deephem.features;

import java.util.LinkedHashMap;
import java.util.Map;
import org.deephem.io.InputError;

/**
 * The folding's dangle setting (0 or 2) as a command-line option and as it is recorded under
 * {@value #KEY} in a dataset's {@code dataset.json} and in a model's provenance, so that new
 * sequences are folded the way the training data was.
 */
public final class Dangles {
    public static final String KEY = "folding";
    /**
     * Assumed where nothing is recorded: datasets and models made before the setting was recorded
     * were folded without dangles (the simplified model of that time also lacked other terms).
     */
    public static final int UNRECORDED = 0;

    private Dangles() {}

    /** The option's value, or a one-line error naming the option. */
    public static int requireOption(int dangles, String option) {
        if (!RnaFolder.supportedDangles(dangles)) throw new InputError(option + " must be 0 or 2, not " + dangles);
        return dangles;
    }

    /** The manifest / provenance entry for a setting. */
    public static Map<String, Object> record(int dangles) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("folder", "DeepHEM-J RnaFolder, Turner 2004 at 37 C with RNAfold 2.7.1 conventions");
        m.put("dangles", dangles);
        return m;
    }

    /** True if {@code manifest} records a setting. */
    public static boolean isRecorded(Map<String, ?> manifest) {
        return manifest != null && manifest.get(KEY) != null;
    }

    /** The setting recorded in a manifest or provenance map ({@value #UNRECORDED} if none); {@code where} names it in errors. */
    public static int recorded(Map<String, ?> manifest, String where) {
        if (!isRecorded(manifest)) return UNRECORDED;
        if (manifest.get(KEY) instanceof Map<?, ?> f && f.get("dangles") instanceof Number n
                && n.doubleValue() == n.intValue() && RnaFolder.supportedDangles(n.intValue())) {
            return n.intValue();
        }
        throw new InputError(where + ": '" + KEY + "' must record \"dangles\": 0 or 2");
    }
}
