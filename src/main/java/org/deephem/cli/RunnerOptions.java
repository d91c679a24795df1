package org.deephem.cli;

import org.deephem.experiment.CellRunners;
import picocli.CommandLine.Option;

/**
 * {@code --runner local|spark} and {@code --master URL}: what runs the cells of a grid
 * ({@code ablate}, {@code compare}, {@code select-default}, {@code training-length}) and the
 * trainings of {@code all} (a picocli mixin). Local child JVMs by default; Spark only in a jar
 * built with {@code -Pspark}.
 */
final class RunnerOptions {
    @Option(names = "--runner", defaultValue = CellRunners.LOCAL, paramLabel = "local|spark",
            description = "what runs the cells: local (child JVMs on this machine, --jobs at a time) or spark (one Spark task per cell, "
                    + "as many at a time as the executors have cores; needs a jar built with -Pspark) (default: ${DEFAULT-VALUE})")
    String runner;
    @Option(names = "--master", paramLabel = "URL",
            description = "with --runner spark: the Spark master, e.g. local[2], spark://host:7077, yarn (default: spark-submit's --master, else local[*])")
    String master;

    /** Whether the cells run on Spark (there a cell's --threads default to 1: the executors' cores are the parallelism). */
    boolean spark() {
        return runner != null && runner.strip().equalsIgnoreCase(CellRunners.SPARK);
    }

    /** Refuses an unknown runner, or Spark in a jar without it, before any work (one line, exit 2). */
    void check() {
        CellRunners.check(runner, master);
    }
}
