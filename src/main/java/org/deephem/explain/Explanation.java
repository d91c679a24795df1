package org.deephem.explain;

import java.util.List;

/**
 * Why one precursor's logit is what it is: integrated-gradient attributions of the logit to each
 * nucleotide and each feature the model reads, relative to the baseline ({@link IntegratedGradients}).
 * For an ensemble every number is the mean over its members (their logits' mean is explained,
 * not the logit of their mean probability), and {@code low}/{@code high} are the members'
 * minimum and maximum; for one model the three are equal. Arrays are shared, not copied: do
 * not change them.
 *
 * @param id              the precursor's ID
 * @param sequence        the precursor as scored (position i of the arrays is its nucleotide i, 0-based)
 * @param nucleotide      attribution of each nucleotide (all 0 for a model without the sequence branch)
 * @param nucleotideLow   members' minimum per nucleotide
 * @param nucleotideHigh  members' maximum per nucleotide
 * @param features        the inherent features, then the MTI components (those any member reads)
 * @param logit           the logit F(x) (mean over members)
 * @param baselineLogit   the logit F(x′) of the baseline (mean over members)
 * @param residual        Σ nucleotide + Σ feature attributions − (logit − baselineLogit): the completeness gap
 * @param tolerance       what the residual is held to ({@link IntegratedGradients#tolerance}; mean over members)
 * @param withinTolerance every member's residual is within its tolerance
 * @param steps           most quadrature points any member needed
 * @param members         how many models were explained
 */
public record Explanation(String id, String sequence, double[] nucleotide, double[] nucleotideLow, double[] nucleotideHigh,
                          List<Feature> features, double logit, double baselineLogit, double residual, double tolerance,
                          boolean withinTolerance, int steps, int members) {
    public Explanation {
        features = List.copyOf(features);
    }

    /**
     * One feature's attribution.
     *
     * @param name        an inherent feature name, or mti_pc1 … mti_pck
     * @param value       the feature as computed or read, before the model's standardisation
     * @param attribution mean over members
     * @param low         members' minimum
     * @param high        members' maximum
     */
    public record Feature(String name, double value, double attribution, double low, double high) {}

    /** Σ of the nucleotide attributions: what the sequence branch contributes. */
    public double sequenceTotal() {
        double s = 0;
        for (double v : nucleotide) s += v;
        return s;
    }

    /** Σ of the feature attributions. */
    public double featureTotal() {
        double s = 0;
        for (Feature f : features) s += f.attribution();
        return s;
    }
}
