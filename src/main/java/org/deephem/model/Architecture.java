package org.deephem.model;

import static org.deephem.model.ModelConfig.range;

/**
 * The graph's shape: which branches read the miRNA, how their embeddings are fused, and the sizes.
 * Part of {@link ModelConfig}; the field docs are there.
 */
public record Architecture(boolean useSequence, boolean useInherent, boolean useMti, Fusion fusion,
                           int maxLength, int tokenPool, int width, int heads, int layers, int hidden,
                           int inherentDim, int mtiDim, boolean doublePrecision) {
    public Architecture {
        if (!useSequence && !useInherent && !useMti) throw new ModelConfig.Invalid("useSequence", "is off, as are useInherent and useMti: at least one branch must be on");
        if (fusion == null) throw new ModelConfig.Invalid("fusion", "is missing");
        range("maxLength", maxLength, 3, ModelConfig.MAX_LENGTH);
        range("tokenPool", tokenPool, 1, ModelConfig.MAX_POOL);
        range("width", width, 1, ModelConfig.MAX_WIDTH);
        range("heads", heads, 1, ModelConfig.MAX_HEADS);
        if (width % heads != 0) throw new ModelConfig.Invalid("heads", "must divide width " + width + " (got " + heads + ")");
        range("layers", layers, 1, ModelConfig.MAX_LAYERS);
        range("hidden", hidden, 1, ModelConfig.MAX_WIDTH);
        range("inherentDim", inherentDim, 1, ModelConfig.MAX_FEATURES);
        range("mtiDim", mtiDim, 1, ModelConfig.MAX_FEATURES);
    }
}
