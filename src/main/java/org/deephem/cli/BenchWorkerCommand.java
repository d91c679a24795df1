package org.deephem.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.deephem.bench.Bench;
import org.deephem.data.DatasetReader;
import org.deephem.data.DeepHemDataset;
import org.deephem.model.ModelConfig;
import org.deephem.train.RunSpec;
import org.deephem.train.TrainingRun;
import org.deephem.zoo.ModelZip;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Child process of {@code bench}: trains with the default config and reports key=value lines. */
@Command(name = "bench-worker", hidden = true, description = "internal: one timed training run for bench")
final class BenchWorkerCommand implements Callable<Integer> {
    @Option(names = "--data", required = true)
    Path data;
    @Option(names = "--epochs", defaultValue = "3")
    int epochs;
    @Option(names = "--model", required = true)
    Path model;

    @Override
    public Integer call() {
        org.deephem.zoo.Backend.start();
        DeepHemDataset ds = DatasetReader.read(data);
        ModelConfig cfg = ModelConfig.defaults().withTraining(epochs, 32, 32, 1e-3, 42)
                .withMtiDim(ds.pcaNames().size()).withPatience(0); // time every epoch asked for
        TrainingRun.Outcome r = TrainingRun.run(RunSpec.of("bench", ds, cfg, 42),
                e -> org.deephem.io.Progress.say("  epoch %d: %.2f s", e.epoch(), e.seconds()));
        double total = r.provenance().timings().trainSeconds();
        double sum = 0;
        int n = 0;
        for (var e : r.log()) {
            if (e.epoch() == 1 && r.log().size() > 1) continue; // first epoch carries graph set-up
            sum += e.seconds();
            n++;
        }
        ModelZip.save(model, r.model());
        System.out.println("seconds_per_epoch=" + sum / n);
        System.out.println("train_seconds=" + total);
        System.out.println("peak_rss_mib=" + Bench.peakRssMiB());
        return 0;
    }
}
