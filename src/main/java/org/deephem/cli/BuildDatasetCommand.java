package org.deephem.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.deephem.data.DatasetBuilder;
import org.deephem.data.DatasetReader;
import org.deephem.data.DatasetWriter;
import org.deephem.io.Outputs;
import org.deephem.data.Inspection;
import org.deephem.io.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "build-dataset", mixinStandardHelpOptions = true,
        description = "Build the DeepHEM-layout dataset from the public raw sources.")
final class BuildDatasetCommand implements Callable<Integer> {
    @Option(names = "--raw", defaultValue = "../shared/data/raw", description = "raw sources folder (default: ${DEFAULT-VALUE})")
    Path raw;

    @Option(names = "--out", defaultValue = "build/dataset", description = "output folder: new, empty or a dataset folder this program wrote, replaced atomically (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--xgem-dataset1", description = "folder for the same dataset with XGEM dataset1 (77 + 77, the PESM/miES/XGEM comparison set) as labelled mouse; like --out, only a new, empty or dataset folder this program wrote is replaced (default: xgem-dataset1 beside --out)")
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

    /** Where the comparison folder goes unless --xgem-dataset1 says: beside --out ({@code -canonical} added for canonical windows). */
    static final String DEFAULT_COMPARISON = "xgem-dataset1";

    private static boolean comparisonSetIn(Path raw) {
        return org.deephem.data.RawSources.COMPARISON_FILES.stream().allMatch(f -> java.nio.file.Files.isRegularFile(raw.resolve(f)));
    }

    @Override
    public Integer call() {
        OptionCheck.range("--pca", pca, 1, org.deephem.model.ModelConfig.MAX_FEATURES);
        int dangleModel = org.deephem.features.Dangles.requireOption(dangles, "--dangles");
        org.deephem.features.WindowRule rule = org.deephem.features.WindowRule.parse(window, "--window");
        String defaultComparison = rule == org.deephem.features.WindowRule.CANONICAL ? DEFAULT_COMPARISON + "-canonical" : DEFAULT_COMPARISON;
        if (comparison != null && noComparison) throw new org.deephem.io.InputError("--xgem-dataset1 and --no-xgem-dataset1: give one of them");
        Path cmp = noComparison ? null : comparison != null ? comparison : out.toAbsolutePath().resolveSibling(defaultComparison);
        // a folder named by --xgem-dataset1 is always checked; the default one only when it will be written (the raw sources have XGEM dataset1)
        boolean checkCmp = cmp != null && (comparison != null || comparisonSetIn(raw));
        String cmpOption = comparison != null ? "--xgem-dataset1" : defaultComparison + " beside --out (or give --xgem-dataset1 DIR or --no-xgem-dataset1)";
        // every output checked before any work: not an input, not each other, not a folder this program may not replace
        Outputs.Input rawIn = Outputs.input("--raw", raw);
        Outputs.requireNotInput("--out", out, rawIn);
        if (checkCmp) {
            Outputs.requireNotInput(cmpOption, cmp, rawIn);
            Outputs.requireApart(Outputs.input("--out", out), Outputs.input(cmpOption, cmp));
        }
        DatasetWriter.requireReplaceable("--out", out);
        if (checkCmp) DatasetWriter.requireReplaceable(cmpOption, cmp);
        Outputs.requireWritable("--out", out, Outputs.Place.REPLACED_FOLDER);
        if (checkCmp) Outputs.requireWritable(cmpOption, cmp, Outputs.Place.REPLACED_FOLDER);
        DatasetBuilder.Summary s = DatasetBuilder.build(new DatasetBuilder.Options(raw, out, pca, seed,
                dangleModel, cmp, rule));
        System.out.print(Json.write(s.manifest().get("counts")));
        org.deephem.data.DeepHemDataset built = DatasetReader.read(out);
        System.out.print(Inspection.summarise(built));
        System.out.print(InspectCommand.windows(built));
        if (cmp != null && java.nio.file.Files.isDirectory(cmp)) System.out.println("XGEM dataset1 comparison folder: " + cmp);
        System.out.printf(java.util.Locale.ROOT, "built %s in %.1f s%n", out, s.millis() / 1000.0);
        return 0;
    }
}
