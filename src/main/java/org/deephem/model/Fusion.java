package org.deephem.model;

/** How the three branch embeddings become one feature vector. */
public enum Fusion {
    /** Concatenate the enabled branches (the paper's default). */
    CONCAT,
    /** Sum the branch embeddings (all have the same width). */
    ADD,
    /** Sequence tokens attend to the inherent and MTI embeddings; falls back to ADD without the sequence branch. */
    CROSS_ATTENTION
}
