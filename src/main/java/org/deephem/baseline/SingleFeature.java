package org.deephem.baseline;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.deephem.data.DeepHemDataset;
import org.deephem.data.Domain;
import org.deephem.data.Layout;
import org.deephem.io.InputError;
import org.deephem.method.Method;

/**
 * One property of a miRNA used directly as its essentiality score, with a sign fixed by
 * definition (never chosen on data, least of all on the human indicators). Fitting learns
 * nothing; it only checks that the dataset carries the property.
 */
public final class SingleFeature implements Method {

    /**
     * "Has any MTI target": 1 if the miRNA has at least one target gene in the dataset's MTI
     * gene sets, else 0. Sign +: a miRNA can only matter through the genes it regulates.
     */
    public static final SingleFeature HAS_MTI_TARGET = new SingleFeature("has_mti_target", null, +1);
    /** Number of annotated matures ({@code mature_count}). Sign +: both arms used = a processed, studied miRNA. */
    public static final SingleFeature MATURE_COUNT = new SingleFeature("mature_count", "mature_count", +1);
    /** Minus the precursor length. Sign −: canonical hairpins are short; long ones are often mis-annotated. */
    public static final SingleFeature SHORT_PRECURSOR = new SingleFeature("neg_length", "length", -1);
    /** GC content of the precursor. Sign +: a GC-rich stem is a stable, well-processed hairpin. */
    public static final SingleFeature GC_CONTENT = new SingleFeature("gc_content", "gc_content", +1);
    /** Minus the minimum free energy (kcal/mol, negative). Sign −: a more stable fold is a more plausible precursor. */
    public static final SingleFeature STABLE_FOLD = new SingleFeature("neg_mfe", "mfe", -1);

    /** Every single-feature baseline, in table order. */
    public static final List<SingleFeature> ALL = List.of(HAS_MTI_TARGET, MATURE_COUNT, SHORT_PRECURSOR, GC_CONTENT, STABLE_FOLD);

    private final String name;
    private final String feature; // inherent feature column, or null for "has any MTI target"
    private final int sign;

    private SingleFeature(String name, String feature, int sign) {
        this.name = name;
        this.feature = feature;
        this.sign = sign;
    }

    @Override
    public String name() {
        return name;
    }

    /** The inherent feature column scored, or null for the MTI-based baseline. */
    public String feature() {
        return feature;
    }

    /** +1 or −1: score = sign × feature. */
    public int sign() {
        return sign;
    }

    @Override
    public Fitted fit(DeepHemDataset ds, int[] trainRows, long seed) {
        return feature == null ? hasTarget(ds) : column(ds);
    }

    private Fitted column(DeepHemDataset ds) {
        int col = ds.inherentNames() == null ? -1 : ds.inherentNames().indexOf(feature);
        if (col < 0) {
            throw InputError.at(ds.folder().resolve(Layout.HSA_FEATURE),
                    "no column '" + feature + "' (needed by the " + name + " baseline)");
        }
        return domain -> {
            if (domain.inherent() == null) {
                throw InputError.at(ds.folder(), domain.name() + " has no inherent features (needed by the " + name + " baseline)");
            }
            double[] out = new double[domain.size()];
            for (int i = 0; i < out.length; i++) out[i] = sign * domain.inherent()[i][col];
            return out;
        };
    }

    /** Looks each id up in the MTI gene sets of its own species (ids of neither species are refused). */
    private Fitted hasTarget(DeepHemDataset ds) {
        if (ds.mouseTargets() == null || ds.humanTargets() == null) {
            throw InputError.at(ds.folder(), "no MTI gene sets (" + Layout.MMU_MTI_TSV + " and " + Layout.HSA_MTI_TSV
                    + "); the " + name + " baseline needs them");
        }
        Map<String, Map<String, Set<String>>> setsById = new HashMap<>();
        for (Domain d : List.of(ds.source(), ds.unlabelledMouse())) for (String id : d.ids()) setsById.put(id, ds.mouseTargets());
        for (String id : ds.target().ids()) setsById.put(id, ds.humanTargets());
        return domain -> {
            double[] out = new double[domain.size()];
            for (int i = 0; i < out.length; i++) {
                String id = domain.ids().get(i);
                Map<String, Set<String>> sets = setsById.get(id);
                if (sets == null) {
                    throw InputError.at(ds.folder(), String.format(Locale.ROOT,
                            "miRNA '%s' is not in this dataset, so it has no MTI gene set (needed by the %s baseline)", id, name));
                }
                Set<String> genes = sets.get(id);
                out[i] = genes != null && !genes.isEmpty() ? 1 : 0;
            }
            return out;
        };
    }

    @Override
    public String toString() {
        return name;
    }
}
