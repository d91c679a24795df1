package org.deephem.cli;

import org.deephem.io.InputError;

/** Bounds of numeric options that are not ModelConfig fields (those are checked by ModelConfig). */
final class OptionCheck {
    private OptionCheck() {}

    static void range(String option, long value, long lo, long hi) {
        if (value < lo || value > hi) throw new InputError(option + ": must be between " + lo + " and " + hi + " (got " + value + ")");
    }

    /** A lower bound for an option that may be left out ({@code null} = not given, nothing to check). */
    static void atLeast(String option, Integer value, int lo) {
        if (value != null && value < lo) throw new InputError(option + ": need " + (lo == 0 ? "0 or more" : "at least " + lo) + ", got " + value);
    }
}
