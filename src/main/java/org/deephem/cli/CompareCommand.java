package org.deephem.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.deephem.data.DeepHemDataset;
import org.deephem.experiment.Grid;
import org.deephem.experiment.Grids;
import org.deephem.io.InputError;
import org.deephem.validation.MethodCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The network beside domain-adaptation baselines on one resumable grid: DDC (single-kernel MMD, one layer), DAN (multi-kernel MMD on the fused and classifier hidden layers), source-only (no adaptation), TCA + logistic regression, and every single-feature and learned baseline.",
                "Same cells, resume, --jobs and tables as ablate; the reference of the paired test is the first method (deephem by default)."})
final class CompareCommand implements Callable<Integer> {
    @Mixin
    GridOptions grid;
    @Option(names = "--methods", split = ",",
            description = "methods, comma-separated; the first is the reference of the paired test (default: deephem, ddc, dan, source-only, tca and every baseline)")
    List<String> methods;

    @Override
    public Integer call() {
        grid.check();
        List<String> ms = new ArrayList<>();
        for (String m : methods != null ? methods : Grids.comparisonMethods()) {
            String name = m.strip();
            if (!MethodCatalog.names().contains(name)) throw new InputError("--methods: unknown method '" + name + "' (known: " + String.join(", ", MethodCatalog.names()) + ")");
            if (!ms.contains(name)) ms.add(name);
        }
        DeepHemDataset ds = grid.dataset();
        List<Grid.Row> rows = Grids.comparison(grid.network(ds), ms);
        return grid.run(grid.grid("compare", rows, rows.get(0).key()));
    }
}
