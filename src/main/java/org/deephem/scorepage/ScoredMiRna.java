package org.deephem.scorepage;

import java.util.List;

/**
 * One scored precursor as the page shows it.
 *
 * @param id                    the user's ID (any text; the page escapes it)
 * @param sequence              the precursor's sequence
 * @param structure             its MFE dot-bracket; null to have the page fold it (RNAfold defaults) when it is drawn
 * @param score                 the score: the model's probability, or the members' mean probability
 * @param low                   lower end of the members' range; NaN for a single model
 * @param high                  upper end of the members' range; NaN for a single model
 * @param percentile            percentile among the model's reference scores (org.deephem.zoo.ReferenceScores#percentile); NaN without a reference
 * @param nucleotideAttribution one attribution per nucleotide (integrated gradients of the logit); null if not explained
 * @param topFeatures           the features with the largest attributions; empty if not explained
 */
public record ScoredMiRna(String id, String sequence, String structure, double score, double low, double high,
                          double percentile, double[] nucleotideAttribution, List<FeatureAttribution> topFeatures) {
    public ScoredMiRna {
        if (id == null) throw new IllegalArgumentException("a scored precursor needs an ID");
        if (sequence == null) throw new IllegalArgumentException("'" + id + "': no sequence");
        if (!Double.isFinite(score)) throw new IllegalArgumentException("'" + id + "': the score is " + score);
        if (structure != null) {
            if (structure.length() != sequence.length()) {
                throw new IllegalArgumentException("'" + id + "': the structure has " + structure.length() + " characters for "
                        + sequence.length() + " nt");
            }
            try {
                org.deephem.features.Fold.pairTable(structure);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + id + "': the structure is not a dot-bracket: " + e.getMessage(), e);
            }
        }
        if (nucleotideAttribution != null) {
            if (nucleotideAttribution.length != sequence.length()) {
                throw new IllegalArgumentException("'" + id + "': " + nucleotideAttribution.length + " nucleotide attributions for "
                        + sequence.length() + " nt");
            }
            nucleotideAttribution = nucleotideAttribution.clone();
        }
        topFeatures = topFeatures == null ? List.of() : List.copyOf(topFeatures);
    }

    /** A score without explanation, range or percentile: what a single model without a reference gives. */
    public static ScoredMiRna plain(String id, String sequence, double score) {
        return new ScoredMiRna(id, sequence, null, score, Double.NaN, Double.NaN, Double.NaN, null, List.of());
    }

    @Override
    public double[] nucleotideAttribution() {
        return nucleotideAttribution == null ? null : nucleotideAttribution.clone();
    }

    /** True when the members' range is known (an ensemble). */
    public boolean hasRange() {
        return Double.isFinite(low) && Double.isFinite(high);
    }

    public int length() {
        return sequence.length();
    }
}
