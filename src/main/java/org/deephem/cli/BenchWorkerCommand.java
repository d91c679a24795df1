package org.deephem.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.deephem.bench.Bench;
import org.deephem.bench.OpProfile;
import org.deephem.data.DatasetReader;
import org.deephem.data.DeepHemDataset;
import org.deephem.model.ModelConfig;
import org.deephem.train.EpochLog;
import org.deephem.train.RunSpec;
import org.deephem.train.Seeds;
import org.deephem.train.Trainer;
import org.deephem.train.TrainingRun;
import org.deephem.zoo.ModelZip;
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

    /** The default config, or the PyTorch reference's size (train --width 64 --layers 2 --heads 4 --pool 1). */
    static ModelConfig config(String size, DeepHemDataset ds, int epochs) {
        ModelConfig cfg = TrainingRun.sizedFor(ModelConfig.defaults(), ds).withTraining(epochs, 32, 32, 1e-3, 42)
                .withPatience(0); // time every epoch asked for
        return switch (size.toLowerCase(Locale.ROOT)) {
            case "default" -> cfg;
            case "reference" -> cfg.withSize(cfg.maxLength(), 1, 64, 4, 2, cfg.hidden());
            default -> throw new org.deephem.io.InputError("--size: default or reference (got " + size + ")");
        };
    }

    @Override
    public Integer call() {
        ThreadsOption.applyExecutor(executor);
        org.deephem.zoo.Backend.start();
        System.out.println("native_build=" + org.deephem.zoo.Backend.build());
        DeepHemDataset ds = DatasetReader.read(data);
        ModelConfig cfg = config(size, ds, epochs);
        java.util.function.Consumer<EpochLog> say = e -> org.deephem.io.Progress.say("  epoch %d: %.2f s", e.epoch(), e.seconds());
        if (profile) {
            OpProfile p = byInstance ? OpProfile.byInstance() : new OpProfile();
            org.deephem.model.DeepHemGraph.Ops ops = switch (attention.toLowerCase(Locale.ROOT)) {
                case "basic" -> org.deephem.model.DeepHemGraph.Ops.BASIC;
                case "libnd4j" -> org.deephem.model.DeepHemGraph.Ops.LIBND4J_ATTENTION;
                default -> throw new org.deephem.io.InputError("--attention: basic or libnd4j (got " + attention + ")");
            };
            // the session is profiled by its listeners, the planned executor by its op timer
            boolean planned = org.deephem.model.exec.Executor.current() == org.deephem.model.exec.Executor.PLANNED;
            if (planned) org.deephem.model.exec.OpTimer.use(p);
            Trainer.Result r = planned ? Trainer.train(cfg, ds, null, Seeds.of(42), say, ops) : Trainer.train(cfg, ds, null, Seeds.of(42), say, ops, p);
            org.deephem.model.exec.OpTimer.use(null);
            System.out.println("executor=" + org.deephem.model.exec.Executor.describe());
            System.out.println("seconds_per_epoch=" + perEpoch(r.log(), EpochLog::seconds));
            System.out.println("step_seconds_per_epoch=" + perEpoch(r.log(), EpochLog::stepSeconds));
            System.out.println("profiled_steps=" + p.steps());
            double total = p.rows(true).stream().mapToDouble(OpProfile.Row::cpuSeconds).sum();
            System.out.printf(Locale.ROOT, "step_cpu_ms=%.1f%n", total * 1000);
            System.out.printf(Locale.ROOT, "step_thread_cpu_ms=%.1f%n", p.stepCpuMs());
            System.out.printf(Locale.ROOT, "softmax_share=%.3f%n", p.softmaxShare());
            for (OpProfile.Row row : p.rows(true)) {
                System.out.printf(Locale.ROOT, "op %s calls=%d cpu_ms=%.2f share=%.1f%% out_mib=%.1f%n", row.op(), row.calls(),
                        row.cpuSeconds() * 1000, 100 * row.cpuSeconds() / total, row.outputMiB());
            }
            System.out.println("peak_rss_mib=" + Bench.peakRssMiB());
            return 0;
        }
        if (model == null) throw new org.deephem.io.InputError("--model: needed unless --profile");
        TrainingRun.Outcome r = TrainingRun.run(RunSpec.of("bench", ds, cfg, 42), say);
        ModelZip.save(model, r.model());
        System.out.println("seconds_per_epoch=" + perEpoch(r.log(), EpochLog::seconds));
        System.out.println("step_seconds_per_epoch=" + perEpoch(r.log(), EpochLog::stepSeconds));
        System.out.println("executor=" + org.deephem.model.exec.Executor.describe());
        System.out.println("train_seconds=" + r.provenance().timings().trainSeconds());
        System.out.println("peak_rss_mib=" + Bench.peakRssMiB());
        return 0;
    }

    /** Mean of epochs 2..N (the first carries graph set-up). */
    private static double perEpoch(java.util.List<EpochLog> log, java.util.function.ToDoubleFunction<EpochLog> seconds) {
        double sum = 0;
        int n = 0;
        for (var e : log) {
            if (e.epoch() == 1 && log.size() > 1) continue;
            sum += seconds.applyAsDouble(e);
            n++;
        }
        return sum / n;
    }
}
