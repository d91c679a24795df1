package org.deephem.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.deephem.bench.Worker;
import org.deephem.bench.WorkerSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Child process of {@code bench}: trains at one size and reports key=value lines. */
@Command(name = "bench-worker", hidden = true, description = "internal: one timed training run for bench")
final class BenchWorkerCommand implements Callable<Integer> {
    @Option(names = "--data", required = true)
    Path data;
    @Option(names = "--epochs", defaultValue = "3")
    int epochs;
    @Option(names = "--model", description = "where to save the model (not with --profile)")
    Path model;
    @Option(names = "--size", defaultValue = "default", description = "default, or reference (the PyTorch reference's size)")
    String size;
    @Option(names = "--profile", description = "time every op of the training steps and print the top ones per step")
    boolean profile;
    @Option(names = "--executor", description = "session or planned (default: the process's, -Ddeephem.executor or " + org.deephem.model.exec.Executor.DEFAULT_ID + "); --profile times the planned executor by its op timer, the session by SameDiff's listeners")
    String executor;
    @Option(names = "--by-instance", description = "with --profile: one row per op instance of the graph (add_17, softmax_1, ...) instead of per op type")
    boolean byInstance;
    @Option(names = "--attention", defaultValue = "basic", description = "with --profile: basic (the default graph) or libnd4j (the fused op, measured slower)")
    String attention;

    @Override
    public Integer call() {
        ThreadsOption.applyExecutor(executor);
        Worker.run(new WorkerSpec(data, epochs, model, size, profile, byInstance, attention), System.out::println);
        return 0;
    }
}
