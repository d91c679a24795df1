package org.deephem.validation;

import java.util.Locale;
import org.deephem.data.DeepHemDataset;
import org.deephem.data.Inspection;

/**
 * The window section of {@code inspect} and {@code build-dataset}: each class's lengths and the
 * windows' placements ({@link Inspection#windows}), then how well length alone tells the
 * labelled mouse classes apart on each window ({@link LengthAlone}).
 */
public final class WindowLengths {
    private WindowLengths() {}

    /** The section's text, one line per fact. */
    public static String describe(DeepHemDataset d) {
        StringBuilder sb = new StringBuilder(Inspection.windows(d));
        sb.append("length alone, nested CV AUROC on the labelled mouse (5-fold x 2, seed 42; score = minus the length):\n");
        for (LengthAlone.Figure f : LengthAlone.run(d)) {
            sb.append(String.format(Locale.ROOT, "  %-17s %.3f +- %.3f (%d folds, %s)%n", f.window(), f.meanAuroc(), f.sdAuroc(), f.folds(), f.method()));
        }
        return sb.toString();
    }
}
