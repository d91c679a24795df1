package org.deephem.analysis;

import java.nio.file.Path;
import java.util.List;
import org.deephem.io.InputError;

/**
 * What {@code evaluate} correlates: the dataset with the human indicators, score files (each a
 * method, optionally one seed of it), whether to add every baseline (learned ones once per
 * {@code baselineSeeds}), the bootstrap's resamples and seed, and the output folder.
 */
public record EvaluationSpec(Path data, List<ScoreFile> scores, boolean baselines, List<Long> baselineSeeds,
                            int resamples, long seed, Path out) {
    public EvaluationSpec {
        scores = List.copyOf(scores);
        baselineSeeds = List.copyOf(baselineSeeds);
    }

    /** One scores file as a method (and seed, "" for none) of the tables. */
    public record ScoreFile(String method, String seed, Path path) {
        /** [METHOD[@SEED]=]FILE; METHOD defaults to the file name without extension. */
        public static ScoreFile parse(String spec) {
            String method = null, seed = "";
            String file = spec;
            int eq = spec.indexOf('=');
            if (eq >= 0) {
                method = spec.substring(0, eq);
                file = spec.substring(eq + 1);
                int at = method.indexOf('@');
                if (at >= 0) {
                    seed = method.substring(at + 1);
                    method = method.substring(0, at);
                }
                if (method.isBlank()) throw new InputError("--scores: empty method name in '" + spec + "'");
            }
            if (file.isBlank()) throw new InputError("--scores: no file in '" + spec + "'");
            Path path = Path.of(file);
            if (method == null) {
                String name = path.getFileName().toString();
                int dot = name.lastIndexOf('.');
                method = dot > 0 ? name.substring(0, dot) : name;
            }
            return new ScoreFile(method, seed, path);
        }
    }
}
