package org.deephem.model;

/**
 * Which epoch's weights are kept. Every rule looks only at the held-out labelled mouse (and at
 * the human score spread for the collapse guard), never at the human conservation/DSW indicators.
 */
public enum Selection {
    /** Lowest validation log-loss (default: penalises the over-confidence of a memorising model). */
    VAL_LOGLOSS,
    /** Highest validation AUC, ties to the earlier epoch (saturates quickly on this data). */
    VAL_AUC,
    /** The last epoch (the paper's literal recipe). */
    LAST
}
