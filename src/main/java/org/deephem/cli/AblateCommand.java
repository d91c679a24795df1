package org.deephem.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.deephem.data.DeepHemDataset;
import org.deephem.experiment.Grids;
import org.deephem.io.InputError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "ablate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Ablations of the network as one resumable grid: features (seq, mti, inherent and their pairs, all), fusion (ADD, CROSS_ATTENTION, CONCAT), MMD kernel (MULTI, SINGLE), loss (cls only, mmd+cls, adv+cls, full).",
                "Each variant x seed is a cell run in its own JVM and saved in <out>/cells; a restart reuses finished cells. Prints mean ± sd over seeds of the six human correlations (reported only) and, with --cv, of the nested mouse CV AUROC, with the paired Wilcoxon p against the full model."})
final class AblateCommand implements Callable<Integer> {
    @Mixin
    GridOptions grid;
    @Option(names = "--groups", split = ",", defaultValue = "features,fusion,kernel,loss",
            description = "ablation groups, comma-separated (default: ${DEFAULT-VALUE})")
    List<String> groups;

    @Override
    public Integer call() {
        grid.check();
        for (String g : groups) {
            if (!Grids.ABLATION_GROUPS.contains(g.strip())) throw new InputError("--groups: unknown group '" + g + "' (known: " + String.join(", ", Grids.ABLATION_GROUPS) + ")");
        }
        DeepHemDataset ds = grid.dataset();
        List<String> gs = groups.stream().map(String::strip).distinct().toList();
        return grid.run(grid.grid("ablate", Grids.ablation(grid.network(ds), gs), Grids.FULL));
    }
}
