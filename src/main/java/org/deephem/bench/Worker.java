package org.deephem.bench;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import org.deephem.data.DatasetReader;
import org.deephem.data.DeepHemDataset;
import org.deephem.model.DeepHemGraph;
import org.deephem.model.ModelConfig;
import org.deephem.model.exec.Executor;
import org.deephem.model.exec.OpTimer;
import org.deephem.train.EpochLog;
import org.deephem.train.RunSpec;
import org.deephem.train.Seeds;
import org.deephem.train.Trainer;
import org.deephem.train.TrainingRun;
import org.deephem.zoo.ModelZip;

/**
 * One {@code bench-worker} child: trains at one size and reports {@code key=value} lines, which
 * {@link BenchRun} reads back from the child's standard output ({@link Bench#value}).
 */
public final class Worker {
    private Worker() {}

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

    /**
     * Runs the training of {@code spec} and hands each report line to {@code out} as soon as it is
     * known (the native build first, so that a child that fails still names it).
     */
    public static void run(WorkerSpec spec, Consumer<String> out) {
        org.deephem.zoo.Backend.start();
        out.accept("native_build=" + org.deephem.zoo.Backend.build());
        DeepHemDataset ds = DatasetReader.read(spec.data());
        ModelConfig cfg = config(spec.size(), ds, spec.epochs());
        Consumer<EpochLog> say = e -> org.deephem.io.Progress.say("  epoch %d: %.2f s", e.epoch(), e.seconds());
        if (spec.profile()) {
            OpProfile p = spec.byInstance() ? OpProfile.byInstance() : new OpProfile();
            DeepHemGraph.Ops ops = switch (spec.attention().toLowerCase(Locale.ROOT)) {
                case "basic" -> DeepHemGraph.Ops.BASIC;
                case "libnd4j" -> DeepHemGraph.Ops.LIBND4J_ATTENTION;
                default -> throw new org.deephem.io.InputError("--attention: basic or libnd4j (got " + spec.attention() + ")");
            };
            // the session is profiled by its listeners, the planned executor by its op timer
            boolean planned = Executor.current() == Executor.PLANNED;
            if (planned) OpTimer.use(p);
            Trainer.Result r = planned ? Trainer.train(cfg, ds, null, Seeds.of(42), say, ops) : Trainer.train(cfg, ds, null, Seeds.of(42), say, ops, p);
            OpTimer.use(null);
            out.accept("executor=" + Executor.describe());
            out.accept("seconds_per_epoch=" + perEpoch(r.log(), EpochLog::seconds));
            out.accept("step_seconds_per_epoch=" + perEpoch(r.log(), EpochLog::stepSeconds));
            out.accept("profiled_steps=" + p.steps());
            double total = p.rows(true).stream().mapToDouble(OpProfile.Row::cpuSeconds).sum();
            out.accept(Bench.fmt("step_cpu_ms=%.1f", total * 1000));
            out.accept(Bench.fmt("step_thread_cpu_ms=%.1f", p.stepCpuMs()));
            out.accept(Bench.fmt("softmax_share=%.3f", p.softmaxShare()));
            for (OpProfile.Row row : p.rows(true)) {
                out.accept(Bench.fmt("op %s calls=%d cpu_ms=%.2f share=%.1f%% out_mib=%.1f", row.op(), row.calls(),
                        row.cpuSeconds() * 1000, 100 * row.cpuSeconds() / total, row.outputMiB()));
            }
            out.accept("peak_rss_mib=" + Bench.peakRssMiB());
            return;
        }
        if (spec.model() == null) throw new org.deephem.io.InputError("--model: needed unless --profile");
        TrainingRun.Outcome r = TrainingRun.run(RunSpec.of("bench", ds, cfg, 42), say);
        ModelZip.save(spec.model(), r.model());
        out.accept("seconds_per_epoch=" + perEpoch(r.log(), EpochLog::seconds));
        out.accept("step_seconds_per_epoch=" + perEpoch(r.log(), EpochLog::stepSeconds));
        out.accept("executor=" + Executor.describe());
        out.accept("train_seconds=" + r.provenance().timings().trainSeconds());
        out.accept("peak_rss_mib=" + Bench.peakRssMiB());
    }

    /** Mean of epochs 2..N (the first carries graph set-up). */
    private static double perEpoch(List<EpochLog> log, ToDoubleFunction<EpochLog> seconds) {
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
