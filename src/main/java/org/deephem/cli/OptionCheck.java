package org.deephem.cli;

import org.deephem.io.InputError;

/** Bounds of numeric options that are not ModelConfig fields (those are checked by ModelConfig). */
final class OptionCheck {
    private OptionCheck() {}

    static void range(String option, long value, long lo, long hi) {
        if (value < lo || value > hi) throw new InputError(option + ": must be between " + lo + " and " + hi + " (got " + value + ")");
    }
}
