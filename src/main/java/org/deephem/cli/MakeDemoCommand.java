package org.deephem.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.deephem.data.DatasetReader;
import org.deephem.data.Inspection;
import org.deephem.demo.DemoDataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "make-demo", mixinStandardHelpOptions = true,
        description = {"Write the small synthetic demo dataset (DeepHEM layout) that the quick start runs on.",
                "Synthetic hairpins with a planted essentiality signal and a mouse->human shift; not biology."})
final class MakeDemoCommand implements Callable<Integer> {
    @Option(names = "--out", defaultValue = "data", description = "output folder: new, empty or a dataset folder this program wrote, replaced atomically (default: ${DEFAULT-VALUE})")
    Path out;
    @Option(names = "--seed", defaultValue = "7", description = "seed (default: ${DEFAULT-VALUE})")
    long seed;
    @Option(names = "--pca", defaultValue = "16", description = "MTI principal components (default: ${DEFAULT-VALUE})")
    int pca;

    @Override
    public Integer call() {
        OptionCheck.range("--pca", pca, 1, org.deephem.model.ModelConfig.MAX_FEATURES);
        DemoDataset.make(out, seed, pca);
        System.out.print(Inspection.summarise(DatasetReader.read(out)));
        return 0;
    }
}
