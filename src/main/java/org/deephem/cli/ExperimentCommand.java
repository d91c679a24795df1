package org.deephem.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.deephem.data.DatasetReader;
import org.deephem.data.DeepHemDataset;
import org.deephem.experiment.CellResult;
import org.deephem.experiment.CellRun;
import org.deephem.experiment.CellSpec;
import org.deephem.io.InputError;
import org.deephem.io.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Internal commands of the experiment harness ({@code ablate}, {@code compare}). */
@Command(name = "experiment", hidden = true, description = "internal: the experiment harness's child processes",
        subcommands = {ExperimentCommand.CellWorker.class})
final class ExperimentCommand implements Runnable {
    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    /** One cell in a fresh JVM: reads its spec, checks the data's hash, computes, writes the result atomically. */
    @Command(name = "cell-worker", description = "internal: computes one experiment cell")
    static final class CellWorker implements Callable<Integer> {
        @Option(names = "--spec", required = true)
        Path spec;
        @Option(names = "--data", required = true)
        Path data;
        @Option(names = "--out", required = true)
        Path out;

        @Override
        public Integer call() {
            CellSpec s = Json.readFile(spec, CellSpec.class);
            String sha = CellSpec.datasetSha256(data);
            if (!sha.equals(s.dataSha256())) throw InputError.at(data, "differs from the dataset the cell was made for (its files' hashes changed)");
            if (s.network() != null) org.deephem.zoo.Backend.start(); // baselines never touch ND4J: spare its start-up
            DeepHemDataset ds = DatasetReader.read(data);
            CellResult r = CellRun.compute(s, ds);
            Json.writeFile(out, r);
            return 0;
        }
    }
}
