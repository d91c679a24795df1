package org.deephem.model;

/** Gaussian kernel(s) of the MMD term. */
public enum MmdKernel {
    /** One Gaussian, bandwidth = mean pairwise squared distance of the batch. */
    SINGLE(new double[] {1.0}),
    /** Average of five Gaussians at 1/4, 1/2, 1, 2, 4 times that bandwidth (DAN's MK-MMD with equal weights). */
    MULTI(new double[] {0.25, 0.5, 1.0, 2.0, 4.0});

    private final double[] multipliers;

    MmdKernel(double[] multipliers) {
        this.multipliers = multipliers;
    }

    public double[] multipliers() {
        return multipliers.clone();
    }
}
