package org.deephem.validation;

import java.util.ArrayList;
import java.util.List;
import org.deephem.baseline.AnnotatedLength;
import org.deephem.baseline.SingleFeature;
import org.deephem.data.DeepHemDataset;
import org.deephem.features.WindowRule;
import org.deephem.method.Method;

/**
 * How well length alone separates the labelled mouse classes, on the annotated precursors and on
 * the canonical windows: the nested cross-validation of the single-feature baselines (the same
 * {@link CrossValidation}, default folds 5 × 2, seed 42, that gave "−precursor length alone
 * 0.954 ± 0.029" in round 1). On an annotated folder only the annotated length exists; on a
 * canonical folder the window's length is the feature {@code length} ({@link SingleFeature#SHORT_PRECURSOR})
 * and the annotated one comes from {@code windows.tsv} ({@link AnnotatedLength}).
 */
public final class LengthAlone {
    private LengthAlone() {}

    /** One window's figure: mean ± sd AUROC over the outer folds. */
    public record Figure(String window, String method, double meanAuroc, double sdAuroc, int folds) {}

    public static List<Figure> run(DeepHemDataset ds) {
        boolean canonical = ds.window().equals(WindowRule.CANONICAL.label);
        List<Figure> out = new ArrayList<>();
        out.add(figure(ds, WindowRule.ANNOTATED.label, canonical ? AnnotatedLength.SHORT_ANNOTATED_PRECURSOR : SingleFeature.SHORT_PRECURSOR));
        if (canonical) out.add(figure(ds, WindowRule.CANONICAL.label, SingleFeature.SHORT_PRECURSOR));
        return out;
    }

    private static Figure figure(DeepHemDataset ds, String window, Method m) {
        CrossValidation.Result r = CrossValidation.run(ds, List.of(m), CrossValidation.Options.defaults(), null);
        for (CvSummary.Row row : CvSummary.rows(r.folds())) {
            if (row.figure().equals("auroc")) return new Figure(window, m.name(), row.mean(), row.sd(), (int) row.n());
        }
        throw new IllegalStateException("no AUROC in the cross-validation of " + m.name());
    }
}
