package org.deephem.cli;

import org.deephem.io.InputError;

/**
 * Checks of options that are not ModelConfig fields (those are checked by ModelConfig): numeric
 * bounds, and the names of models and runs.
 */
final class OptionCheck {
    private OptionCheck() {}

    /** A model or run name becomes a file or folder name (zoo/NAME.zip, reports/NAME): no folders, no hidden files. */
    static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}");

    /**
     * Refuses a model or run name ({@code train --name}, {@code ensemble --name}, {@code all --name},
     * {@code report --run}) that is not a plain file name, so that no command reads or writes
     * outside the zoo and reports folders it was given.
     */
    static void name(String option, String value) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new InputError(option + " '" + value + "': a model or run name is a plain file name of letters, digits, '.', '_' and '-',"
                    + " not starting with '.' (at most 100 characters)");
        }
    }

    static void range(String option, long value, long lo, long hi) {
        if (value < lo || value > hi) throw new InputError(option + ": must be between " + lo + " and " + hi + " (got " + value + ")");
    }

    /** Training epochs ({@code null} = not given): 1 to ModelConfig.MAX_EPOCHS, checked before any data is read. */
    static void epochs(String option, Integer value) {
        if (value != null) range(option, value, 1, org.deephem.model.ModelConfig.MAX_EPOCHS);
    }

    /** Early-stopping patience ({@code null} = not given): 0 (off) to ModelConfig.MAX_EPOCHS. */
    static void patience(String option, Integer value) {
        if (value != null) range(option, value, 0, org.deephem.model.ModelConfig.MAX_EPOCHS);
    }

    /** A lower bound for an option that may be left out ({@code null} = not given, nothing to check). */
    static void atLeast(String option, Integer value, int lo) {
        if (value != null && value < lo) throw new InputError(option + ": need " + (lo == 0 ? "0 or more" : "at least " + lo) + ", got " + value);
    }
}
