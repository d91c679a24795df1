package org.deephem.model;

/**
 * Column-wise z-scoring. Fitted on the training rows only (labelled-mouse training split plus
 * the unlabelled human rows: no labels are looked at) and stored in the model zip, so scoring
 * applies exactly the training transform. Constant columns are centred and left unscaled.
 */
public record Standardiser(double[] mean, double[] std) {
    /**
     * The least spread a network's feature column is scaled by; a column that varies less is
     * taken as constant. The features are frequencies, energies, counts and lengths: a column
     * where one row of several thousand differs from the rest by one step (1/400 of a fraction,
     * 0.01 kcal/mol) still has a spread above 3e-5, so 1e-6 is below every real one, and a model
     * zip whose scaler divides by less is refused ({@code ModelZip}): it would scale a feature
     * to ±1e6 sd and more, and every score to 0 or 1.
     */
    public static final double MIN_NETWORK_STD = 1e-6;

    public static Standardiser fit(double[][] rows) {
        return fit(rows, 1e-12);
    }

    /** As {@link #fit(double[][])}, columns with a spread below {@code minStd} left unscaled. */
    public static Standardiser fit(double[][] rows, double minStd) {
        int c = rows[0].length;
        double[] mean = new double[c], std = new double[c];
        for (double[] r : rows) for (int j = 0; j < c; j++) mean[j] += r[j] / rows.length;
        for (double[] r : rows) for (int j = 0; j < c; j++) std[j] += (r[j] - mean[j]) * (r[j] - mean[j]) / rows.length;
        for (int j = 0; j < c; j++) {
            std[j] = Math.sqrt(std[j]);
            if (std[j] < minStd) std[j] = 1.0;
        }
        return new Standardiser(mean, std);
    }

    public double[] apply(double[] row) {
        double[] out = new double[row.length];
        for (int j = 0; j < row.length; j++) out[j] = (row[j] - mean[j]) / std[j];
        return out;
    }
}
