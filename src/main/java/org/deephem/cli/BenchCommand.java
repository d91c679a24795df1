package org.deephem.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.deephem.bench.BenchRun;
import org.deephem.bench.BenchSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure speed and memory against the project's targets and print a table.",
                "Builds the real dataset from --raw first when --dataset does not exist yet.",
                "Training and the score command run in child JVMs (OMP_NUM_THREADS set per run)."})
final class BenchCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    ThreadsOption threadsOption = new ThreadsOption();
    @Option(names = "--raw", defaultValue = "../shared/data/raw", description = "raw sources (default: ${DEFAULT-VALUE})")
    Path raw;
    @Option(names = "--dataset", defaultValue = "build/dataset", description = "DeepHEM-layout dataset (default: ${DEFAULT-VALUE})")
    Path dataset;
    @Option(names = "--epochs", defaultValue = "3", description = "epochs per thread setting for seconds/epoch (default: ${DEFAULT-VALUE})")
    int epochs;
    @Option(names = "--full", description = "also run the full default training (100 epochs) once")
    boolean full;
    @Option(names = "--skip-training", description = "only folding, features, PCA and scoring")
    boolean skipTraining;
    @Option(names = "--folding-only", description = "only the folding rows (incl. RNAfold beside ours)")
    boolean foldingOnly;
    @Option(names = "--rnafold", paramLabel = "PATH", description = "RNAfold executable to time beside ours (default: RNAfold on PATH, if any)")
    Path rnafold;
    @Option(names = "--pairs", defaultValue = "3", description = "alternating DeepHEM-J / PyTorch runs at the reference size; medians and ranges are reported (default: ${DEFAULT-VALUE})")
    int pairs;
    @Option(names = "--builds", paramLabel = "LIST", defaultValue = "shipped",
            description = {"native builds of ND4J to measure side by side: shipped (the one this jar starts with), all, or some of "
                    + "generic, avx2, avx512, onednn, onednn-avx2, onednn-avx512, separated by commas (default: ${DEFAULT-VALUE}).",
                    "A build the jar does not carry is run from its Maven jar in --native-jars."})
    String buildSpec;
    @Option(names = "--native-jars", paramLabel = "DIR",
            description = "folder of the nd4j-native-VERSION-linux-x86_64-*.jar files for --builds (default: the local Maven repository's)")
    Path nativeJars;
    @Option(names = "--executors", paramLabel = "LIST", defaultValue = "planned,session", split = ",",
            description = "executors measured side by side, each training and scoring row once per executor (default: ${DEFAULT-VALUE})")
    List<String> executorSpec;
    @Option(names = "--top-ops", defaultValue = "12", paramLabel = "N",
            description = "op instances listed per build under the table, from the last reference-size run (default: ${DEFAULT-VALUE})")
    int topOps;
    @Option(names = "--torch-data", paramLabel = "DIR", defaultValue = "/tmp/deephem-ref-data",
            description = "dataset of the PyTorch reference (its build_dataset.py; default: ${DEFAULT-VALUE})")
    Path torchData;
    @Option(names = "--torch-ref", paramLabel = "DIR", defaultValue = "../shared/bench/torch-ref",
            description = "the PyTorch reference's folder (default: ${DEFAULT-VALUE})")
    Path torchRef;

    @Override
    public Integer call() throws Exception {
        threadsOption.apply();
        OptionCheck.range("--epochs", epochs, 1, org.deephem.model.ModelConfig.MAX_EPOCHS);
        OptionCheck.range("--pairs", pairs, 1, 20);
        BenchRun.Result r = BenchRun.run(new BenchSpec(raw, dataset, epochs, full, skipTraining, foldingOnly, rnafold, pairs,
                threadsOption.threads, buildSpec, nativeJars, executorSpec, topOps, torchData, torchRef));
        System.out.println();
        System.out.print(r.table().render());
        System.out.print(r.opsByInstance());
        return 0;
    }
}
