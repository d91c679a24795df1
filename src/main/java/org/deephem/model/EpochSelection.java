package org.deephem.model;

/**
 * How the kept epoch is chosen, on a stratified held-out share of the labelled mouse rows (never
 * from the human indicators). Part of {@link ModelConfig}; the field docs are there.
 *
 * @param rule               the criterion ({@code selection} in the flat form)
 * @param validationFraction share of labelled mouse held out for it
 * @param lengthBalance      labelled mouse rows are weighted so both classes have the same length
 *                           distribution, in the classification loss and the selection log-loss
 */
public record EpochSelection(Selection rule, double validationFraction, boolean lengthBalance) {
    public EpochSelection {
        if (rule == null) throw new ModelConfig.Invalid("selection", "is missing");
        if (!(validationFraction >= 0 && validationFraction < 0.5)) {
            throw new ModelConfig.Invalid("validationFraction", "must be at least 0 and below 0.5 (got " + validationFraction + ")");
        }
    }
}
