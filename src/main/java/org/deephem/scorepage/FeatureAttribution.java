package org.deephem.scorepage;

/**
 * One input feature of a precursor and how much it moved the model's logit.
 *
 * @param name        feature name as the model knows it
 * @param value       the feature's value for this precursor (as given to the model, before scaling)
 * @param attribution integrated-gradients attribution to the logit (mean over members for an ensemble)
 * @param low         lower end of the members' range; NaN for a single model
 * @param high        upper end of the members' range; NaN for a single model
 */
public record FeatureAttribution(String name, double value, double attribution, double low, double high) {
    public FeatureAttribution {
        if (name == null) throw new IllegalArgumentException("a feature attribution needs a name");
    }

    /** True when the members' range is known (an ensemble). */
    public boolean hasRange() {
        return Double.isFinite(low) && Double.isFinite(high);
    }
}
