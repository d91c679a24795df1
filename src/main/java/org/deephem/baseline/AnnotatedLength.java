package org.deephem.baseline;

import org.deephem.data.DeepHemDataset;
import org.deephem.method.Method;

/**
 * Minus the <b>annotated</b> precursor length ({@link org.deephem.data.Domain#annotatedLengths()}),
 * whatever window the dataset's sequences are on: the length a miRBase submitter's cut gave the
 * hairpin. On an annotated dataset it scores as {@link SingleFeature#SHORT_PRECURSOR} (minus the
 * feature {@code length}); on a canonical-window dataset it is the annotation's length, which
 * {@code SHORT_PRECURSOR} (minus the window's length) no longer is. Sign −, as there. Fitting learns nothing.
 */
public final class AnnotatedLength implements Method {
    public static final AnnotatedLength SHORT_ANNOTATED_PRECURSOR = new AnnotatedLength();

    private AnnotatedLength() {}

    @Override
    public String name() {
        return "neg_annotated_length";
    }

    @Override
    public Fitted fit(DeepHemDataset ds, int[] trainRows, long seed) {
        return domain -> {
            int[] n = domain.annotatedLengths();
            double[] out = new double[n.length];
            for (int i = 0; i < out.length; i++) out[i] = -n[i];
            return out;
        };
    }

    @Override
    public String toString() {
        return name();
    }
}
