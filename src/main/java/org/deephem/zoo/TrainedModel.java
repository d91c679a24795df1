package org.deephem.zoo;

import java.util.Map;
import org.deephem.features.MtiPca;
import org.deephem.model.ModelConfig;
import org.deephem.model.Standardiser;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * A model ready to score: the graph plus everything needed to turn raw miRNAs into its inputs
 * (scalers, the MTI PCA basis) and its provenance.
 *
 * @param pca may be null when the model does not use the MTI branch
 */
public record TrainedModel(SameDiff graph, ModelConfig config, Standardiser inherentScaler, Standardiser mtiScaler,
                           MtiPca pca, Map<String, Object> provenance) {}
