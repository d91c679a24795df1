package org.deephem.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.deephem.data.BuildDatasetJob;
import org.deephem.data.DatasetReader;
import org.deephem.data.DeepHemDataset;
import org.deephem.data.Inspection;
import org.deephem.features.WindowRule;
import org.deephem.io.Json;
import org.deephem.validation.WindowLengths;

/**
 * The dataset stage as {@code build-dataset} and {@code all --raw} both run it: build, then
 * describe what was built (counts, the per-class feature summary, length alone's CV AUROC). It sits
 * here, above {@code data} and {@code validation}, because the description needs both.
 */
public final class DatasetStage {
    private DatasetStage() {}

    /** {@code build-dataset}'s defaults, which {@code all --raw} uses: 32 MTI components, PCA seed 42, RNAfold's dangles, annotated windows. */
    public static BuildDatasetJob.Spec defaults(Path raw, Path out) {
        return new BuildDatasetJob.Spec(raw, out, null, false, 32, 42, 2, WindowRule.ANNOTATED);
    }

    /** Builds the dataset and returns what {@code build-dataset} prints about it. */
    public static String build(BuildDatasetJob.Spec spec) {
        BuildDatasetJob.Result r = BuildDatasetJob.run(spec);
        StringBuilder b = new StringBuilder();
        b.append(Json.write(r.summary().manifest().get("counts")));
        DeepHemDataset built = DatasetReader.read(spec.out());
        b.append(Inspection.summarise(built));
        b.append(WindowLengths.describe(built));
        if (r.comparison() != null && Files.isDirectory(r.comparison())) b.append("XGEM dataset1 comparison folder: ").append(r.comparison()).append('\n');
        b.append(String.format(Locale.ROOT, "built %s in %.1f s%n", spec.out(), r.summary().millis() / 1000.0));
        return b.toString();
    }
}
