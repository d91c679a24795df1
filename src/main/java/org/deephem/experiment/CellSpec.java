package org.deephem.experiment;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.deephem.ensemble.EnsembleMethod;
import org.deephem.io.Hashing;
import org.deephem.io.Json;
import org.deephem.method.Method;
import org.deephem.model.ModelConfig;
import org.deephem.train.NetworkMethod;
import org.deephem.validation.MethodCatalog;
import org.deephem.zoo.ConfigCodec;
import org.deephem.zoo.Provenance;

/**
 * Everything that defines one cell of an experiment grid, and nothing else: its result depends on
 * these fields only, so their hash ({@link #sha256()}) decides whether a finished cell file can be
 * reused. The dataset enters by content ({@code dataSha256}), not by path, so a cell can be run
 * from another folder or machine.
 *
 * @param experiment grid name (ablate, compare)
 * @param id         file-safe cell name, {@code <method key>-s<seed>}
 * @param method     a {@link MethodCatalog} name, or the variant's name when {@code network} is given
 * @param network    the network's full config ({@link ConfigCodec} map), null for other methods
 * @param seed       seed of the fit (all three network seeds) and of the CV folds
 * @param cvFolds    nested mouse CV folds, 0 = no CV
 * @param cvRepeats  CV repeats (ignored when cvFolds = 0)
 * @param dataSha256 hash of the dataset folder's files ({@link #datasetSha256})
 * @param ensembleSeeds null for one model; n = the method is the mean of n fits with seeds drawn
 *                   from {@code seed} ({@link EnsembleMethod#ofSeeds}). Left out of the JSON when
 *                   null, so the hash of every single-model cell is what it was before ensembles.
 */
public record CellSpec(String experiment, String id, String method, Map<String, Object> network, long seed,
                       int cvFolds, int cvRepeats, String dataSha256,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Integer ensembleSeeds) {

    /** A single-model cell. */
    public CellSpec(String experiment, String id, String method, Map<String, Object> network, long seed,
                    int cvFolds, int cvRepeats, String dataSha256) {
        this(experiment, id, method, network, seed, cvFolds, cvRepeats, dataSha256, null);
    }

    /** SHA-256 of the spec's canonical JSON (sorted map keys, record field order). */
    public String sha256() {
        return Hashing.sha256(Json.write(this).getBytes(StandardCharsets.UTF_8));
    }

    /** The method this cell fits. */
    public Method toMethod() {
        Method one = network != null ? new NetworkMethod(method, ConfigCodec.fromMap(network)) : MethodCatalog.create(method, ModelConfig.defaults());
        return ensembleSeeds == null ? one : EnsembleMethod.ofSeeds(method, one, ensembleSeeds);
    }

    /** One hash over the SHA-256 of every file of a dataset folder. */
    public static String datasetSha256(Path folder) {
        return Hashing.sha256(Json.write(Provenance.datasetHashes(folder)).getBytes(StandardCharsets.UTF_8));
    }
}
