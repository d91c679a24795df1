package org.deephem.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.deephem.io.Progress;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "all", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The whole pipeline in one command: [build the dataset from --raw] -> train -> score -> report.",
                "Prints where the report is."})
final class AllCommand implements Callable<Integer> {
    @Option(names = "--data", defaultValue = "data", description = "DeepHEM-layout dataset folder (default: ${DEFAULT-VALUE}, the synthetic demo)")
    Path data;
    @Option(names = "--raw", description = "build the real dataset from these raw sources first (into --out), then use it")
    Path raw;
    @Option(names = "--out", defaultValue = "build/dataset", description = "with --raw: where the dataset is built (default: ${DEFAULT-VALUE})")
    Path out;
    @Option(names = "--name", description = "run name (default: demo for the demo data, deephem-real with --raw, else deephem)")
    String name;
    @Option(names = "--epochs", description = "training epochs (default: " + DEMO_EPOCHS + " on the synthetic demo, to stay quick; else the train command's 100)")
    Integer epochs;
    @Option(names = "--seed", defaultValue = "42", description = "seed (default: ${DEFAULT-VALUE})")
    long seed;
    @Option(names = "--zoo", defaultValue = "model-zoo", description = "where the model zip goes (default: ${DEFAULT-VALUE})")
    Path zoo;
    @Option(names = "--reports", defaultValue = "notebooks-equivalent-reports", description = "folder of run folders (default: ${DEFAULT-VALUE})")
    Path reports;

    /** The demo's planted signal is learnt in a few epochs; this keeps `all` on it within about a minute. */
    static final int DEMO_EPOCHS = 30;

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        Path dataset = data;
        if (raw != null) {
            Progress.say("== 1/4 build the dataset from %s", raw);
            sub(new BuildDatasetCommand(), "--raw", raw.toString(), "--out", out.toString());
            dataset = out;
        } else {
            Progress.say("== 1/4 dataset %s (already built)", dataset);
        }
        String run = name != null ? name : raw != null ? "deephem-real" : isDemo(dataset) ? "demo" : "deephem";
        Path runDir = reports.resolve(run);
        Progress.say("== 2/4 train %s", run);
        List<String> train = new ArrayList<>(List.of("--data", dataset.toString(), "--name", run, "--zoo", zoo.toString(),
                "--out", runDir.toString(), "--seed", Long.toString(seed)));
        Integer n = epochs != null ? epochs : isDemo(dataset) ? Integer.valueOf(DEMO_EPOCHS) : null;
        if (n != null) train.addAll(List.of("--epochs", n.toString()));
        sub(new TrainCommand(), train.toArray(String[]::new));
        Progress.say("== 3/4 score the human miRNAs with the saved model");
        Path zip = zoo.resolve(run + ".zip");
        sub(new ScoreCommand(), "--model", zip.toString(), "--data", dataset.toString(), "-o", runDir.resolve("scores.csv").toString());
        Progress.say("== 4/4 report");
        Path index = ReportCommand.write(run, dataset, zip, runDir, runDir.resolve("scores.csv"));
        System.out.printf(java.util.Locale.ROOT, "all done in %.0f s%nreport: %s%n", (System.nanoTime() - t0) / 1e9, index.toAbsolutePath().normalize());
        return 0;
    }

    /** The synthetic demo (make-demo) names its manifest's source so; real data is built by build-dataset. */
    static boolean isDemo(Path dataset) {
        return org.deephem.demo.DemoDataset.isDemo(dataset);
    }

    /** Runs another command in-process with its own option parsing; its failures propagate unchanged. */
    private static void sub(Callable<Integer> command, String... args) throws Exception {
        new CommandLine(command).parseArgs(args);
        int code = command.call();
        if (code != 0) throw new IllegalStateException("step failed with exit code " + code);
    }
}
