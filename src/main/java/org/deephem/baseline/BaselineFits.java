package org.deephem.baseline;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.deephem.data.DeepHemDataset;
import org.deephem.io.InputError;
import org.deephem.method.Method;

/**
 * Every baseline fitted on all labelled mouse rows and scoring the human rows: the one place that
 * fits them for a run's report (saved beside the run, run.RunBaselines) and for {@code evaluate}.
 */
public final class BaselineFits {
    private BaselineFits() {}

    /** One fit: the learned baselines once per seed, the single features once (their scores ignore the seed). */
    public record Run(String method, boolean seeded, long seed, double[] human) {}

    /** A baseline the dataset cannot feed (e.g. no MTI features), with why. */
    public record Skipped(String method, String reason) {}

    public record Result(List<Run> runs, List<Skipped> skipped, int labelledRows) {}

    /**
     * Fits {@link Baselines#all()} in table order; a learned baseline once per seed of
     * {@code learnedSeeds}, a single feature once with {@code singleSeed} (its scores do not depend
     * on it). A baseline that refuses the dataset is skipped whole.
     */
    public static Result fit(DeepHemDataset ds, List<Long> learnedSeeds, long singleSeed) {
        int[] all = IntStream.range(0, ds.labels().length).toArray();
        List<Run> runs = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (Method m : Baselines.all()) {
            boolean seeded = Baselines.isSeeded(m);
            for (long s : seeded ? learnedSeeds : List.of(singleSeed)) {
                try {
                    runs.add(new Run(m.name(), seeded, s, m.fit(ds, all, s).score(ds.target())));
                } catch (InputError e) {
                    skipped.add(new Skipped(m.name(), e.getMessage()));
                    break;
                }
            }
        }
        return new Result(runs, skipped, all.length);
    }
}
