package org.deephem.pipeline;

import java.nio.file.Path;
import java.util.List;
import org.deephem.model.ModelConfig;

/**
 * Everything the {@code all} chain is given, typed. A null means "not given": {@link AllPipeline}
 * then takes the default, which for epochs, seeds, folds and repeats is smaller on the synthetic
 * demo than on real data.
 *
 * @param data            dataset folder (used when {@code raw} is null)
 * @param raw             raw sources to build the real dataset from first, or null
 * @param out             with {@code raw}: where the dataset is built
 * @param name            run name, or null (demo for the demo, deephem-real with {@code raw}, else deephem)
 * @param epochs          training epochs, or null
 * @param seeds           training seeds of deephem and deephem-nomti (the first is the saved model), or null
 * @param folds           cross-validation folds, or null
 * @param repeats         cross-validation repeats, or null
 * @param cvEpochs        network epochs inside each cross-validation fold, or null (= epochs)
 * @param comparisonSet   XGEM's comparison set to cross-validate as well, or null (the folder beside a real dataset)
 * @param noComparisonSet skip the comparison set
 * @param seed            seed of the cross-validation folds and of the baselines
 * @param zoo             where the model zip goes
 * @param reports         folder of run folders
 * @param jobs            trainings side by side, or null ({@link AllPipeline#DEFAULT_JOBS}, or the cores if fewer)
 * @param threads         ND4J threads of each child JVM, or null (the default of the child)
 * @param network         the network's config with every lever given (epochs, seed and size are set by the chain)
 * @param runner          what runs the trainings: local or spark ({@link org.deephem.experiment.CellRunners})
 * @param master          the Spark master, or null
 */
public record AllSpec(Path data, Path raw, Path out, String name, Integer epochs, List<Long> seeds, Integer folds, Integer repeats,
                      Integer cvEpochs, Path comparisonSet, boolean noComparisonSet, long seed, Path zoo, Path reports,
                      Integer jobs, Integer threads, ModelConfig network, String runner, String master) {
    public AllSpec {
        seeds = seeds == null ? null : List.copyOf(seeds);
    }
}
