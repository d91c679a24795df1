package org.deephem.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Internal commands of the experiment harness: {@code cell-worker} runs one cell in this JVM (the runners start {@link org.deephem.experiment.CellWorker} itself). */
@Command(name = "experiment", hidden = true, description = "internal: the experiment harness's child processes",
        subcommands = {ExperimentCommand.CellWorker.class})
final class ExperimentCommand implements Runnable {
    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    /** One cell in this JVM, as {@link org.deephem.experiment.CellWorker} (the entry point the runners start) computes it. */
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
            org.deephem.experiment.CellWorker.run(spec, data, out);
            return 0;
        }
    }
}
