package org.deephem.model;

/**
 * Column-wise z-scoring. Fitted on the training rows only (labelled-mouse training split plus
 * the unlabelled human rows: no labels are looked at) and stored in the model zip, so scoring
 * applies exactly the training transform. Constant columns are centred and left unscaled.
 */
public record Standardiser(double[] mean, double[] std) {
    public static Standardiser fit(double[][] rows) {
        int c = rows[0].length;
        double[] mean = new double[c], std = new double[c];
        for (double[] r : rows) for (int j = 0; j < c; j++) mean[j] += r[j] / rows.length;
        for (double[] r : rows) for (int j = 0; j < c; j++) std[j] += (r[j] - mean[j]) * (r[j] - mean[j]) / rows.length;
        for (int j = 0; j < c; j++) {
            std[j] = Math.sqrt(std[j]);
            if (std[j] < 1e-12) std[j] = 1.0;
        }
        return new Standardiser(mean, std);
    }

    public double[] apply(double[] row) {
        double[] out = new double[row.length];
        for (int j = 0; j < row.length; j++) out[j] = (row[j] - mean[j]) / std[j];
        return out;
    }
}
