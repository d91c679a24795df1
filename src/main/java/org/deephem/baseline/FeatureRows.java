package org.deephem.baseline;

import org.deephem.data.DeepHemDataset;
import org.deephem.data.Domain;
import org.deephem.io.InputError;
import org.deephem.model.Standardiser;

/**
 * The feature rows the learned baselines see: the 18 inherent features followed (optionally) by
 * the MTI principal components, exactly the inputs of the network's inherent and MTI branches,
 * z-scored with a {@link Standardiser} fitted on the training rows only.
 */
final class FeatureRows {
    private final boolean withMti;
    private final Standardiser scaler;

    private FeatureRows(boolean withMti, Standardiser scaler) {
        this.withMti = withMti;
        this.scaler = scaler;
    }

    /** Fits the standardiser on the labelled mouse rows {@code trainRows}. */
    static FeatureRows fit(DeepHemDataset ds, int[] trainRows, boolean withMti) {
        if (trainRows.length == 0) throw new IllegalArgumentException("no training rows");
        double[][] all = raw(ds, ds.source(), withMti);
        double[][] train = new double[trainRows.length][];
        for (int i = 0; i < trainRows.length; i++) train[i] = all[trainRows[i]];
        return new FeatureRows(withMti, Standardiser.fit(train));
    }

    /** Standardised rows of {@code domain}, in its row order. */
    double[][] rows(DeepHemDataset ds, Domain domain) {
        double[][] raw = raw(ds, domain, withMti);
        double[][] out = new double[raw.length][];
        for (int i = 0; i < raw.length; i++) out[i] = scaler.apply(raw[i]);
        return out;
    }

    int width() {
        return scaler.mean().length;
    }

    private static double[][] raw(DeepHemDataset ds, Domain d, boolean withMti) {
        if (d.inherent() == null) throw InputError.at(ds.folder(), d.name() + " has no inherent features (run build-dataset)");
        if (withMti && d.mtiPca() == null) throw InputError.at(ds.folder(), d.name() + " has no MTI PCA features (run build-dataset)");
        double[][] out = new double[d.size()][];
        for (int i = 0; i < out.length; i++) {
            double[] a = d.inherent()[i];
            double[] b = withMti ? d.mtiPca()[i] : new double[0];
            double[] row = new double[a.length + b.length];
            System.arraycopy(a, 0, row, 0, a.length);
            System.arraycopy(b, 0, row, a.length, b.length);
            out[i] = row;
        }
        return out;
    }
}
