package org.deephem.zoo;

import java.util.List;
import java.util.Map;
import org.deephem.features.MtiPca;
import org.deephem.model.ModelConfig;
import org.deephem.model.Standardiser;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * A model ready to score: the graph plus everything needed to turn raw miRNAs into its inputs
 * (scalers, the MTI PCA basis, the names and order of the inherent feature columns) and its
 * provenance.
 *
 * @param pca           may be null when the model does not use the MTI branch
 * @param inherentNames the inherent feature columns in training order; null for zips written
 *                      before they were stored (then column names and order are not checked)
 */
public record TrainedModel(SameDiff graph, ModelConfig config, Standardiser inherentScaler, Standardiser mtiScaler,
                           MtiPca pca, List<String> inherentNames, Map<String, Object> provenance) {
    public TrainedModel {
        inherentNames = inherentNames == null ? null : List.copyOf(inherentNames);
    }

    /** The same model with another MTI PCA basis (null: none), e.g. when an ensemble stores one basis for all members. */
    public TrainedModel withPca(MtiPca basis) {
        return new TrainedModel(graph, config, inherentScaler, mtiScaler, basis, inherentNames, provenance);
    }
}
