package org.deephem.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.deephem.data.BuildDatasetJob;
import org.deephem.features.Dangles;
import org.deephem.features.WindowRule;
import org.deephem.io.InputError;
import org.deephem.pipeline.DatasetStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "build-dataset", mixinStandardHelpOptions = true,
        description = "Build the DeepHEM-layout dataset from the public raw sources.")
final class BuildDatasetCommand implements Callable<Integer> {
    @Option(names = "--raw", defaultValue = "../shared/data/raw", description = "raw sources folder (default: ${DEFAULT-VALUE})")
    Path raw;

    @Option(names = "--out", defaultValue = "build/dataset", description = "output folder: new, empty or a dataset folder this program wrote, replaced atomically (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--xgem-dataset1", description = "folder for the same dataset with XGEM dataset1 (77 + 77, the PESM/miES/XGEM comparison set) as labelled mouse; like --out, only a new, empty or dataset folder this program wrote is replaced (default: " + BuildDatasetJob.DEFAULT_COMPARISON + " beside --out)")
    Path comparison;

    @Option(names = "--no-xgem-dataset1", description = "do not build the XGEM dataset1 folder")
    boolean noComparison;

    @Option(names = "--pca", defaultValue = "32", description = "MTI principal components (default: ${DEFAULT-VALUE})")
    int pca;

    @Option(names = "--seed", defaultValue = "42", description = "seed of the PCA start (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--dangles", defaultValue = "2", paramLabel = "0|2",
            description = "dangling-end energies of the folding: 2 = RNAfold's default, 0 = none like RNAfold -d0; recorded in dataset.json (default: ${DEFAULT-VALUE})")
    int dangles;

    @Option(names = "--window", defaultValue = "annotated", paramLabel = "annotated|canonical",
            description = {"which stretch of each precursor the dataset holds: annotated = miRBase's hairpin as given;",
                    "canonical = re-cut to the pre-miRNA (5p mature start .. 3p mature end; one arm: the other placed by the 2-nt overhang",
                    "on the MFE structure; no mature: 60 nt centred on the terminal loop), with folding, features and tokens recomputed on it;",
                    "recorded in dataset.json, with each row's window and annotated length in windows.tsv (default: ${DEFAULT-VALUE})"})
    String window;

    @Override
    public Integer call() {
        OptionCheck.range("--pca", pca, 1, org.deephem.model.ModelConfig.MAX_FEATURES);
        int dangleModel = Dangles.requireOption(dangles, "--dangles");
        WindowRule rule = WindowRule.parse(window, "--window");
        if (comparison != null && noComparison) throw new InputError("--xgem-dataset1 and --no-xgem-dataset1: give one of them");
        System.out.print(DatasetStage.build(new BuildDatasetJob.Spec(raw, out, comparison, noComparison, pca, seed, dangleModel, rule)));
        return 0;
    }
}
