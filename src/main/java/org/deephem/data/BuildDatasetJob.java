package org.deephem.data;

import java.nio.file.Files;
import java.nio.file.Path;
import org.deephem.features.WindowRule;
import org.deephem.io.Outputs;

/**
 * The dataset stage ({@code build-dataset}): the DeepHEM-layout folder built from the raw
 * sources, and beside it the XGEM dataset1 comparison folder when the raw sources hold it. Every
 * output is checked before any work: not an input, not each other, not a folder this program may
 * not replace.
 */
public final class BuildDatasetJob {
    private BuildDatasetJob() {}

    /** Where the comparison folder goes unless the spec says: beside {@code out} ({@code -canonical} added for canonical windows). */
    public static final String DEFAULT_COMPARISON = "xgem-dataset1";

    /**
     * What to build.
     *
     * @param comparison   the XGEM dataset1 folder; null: the default beside {@code out} (unless {@code noComparison})
     * @param noComparison build no comparison folder
     * @param pca          MTI principal components (checked)
     * @param dangles      folding setting (checked)
     */
    public record Spec(Path raw, Path out, Path comparison, boolean noComparison, int pca, long seed, int dangles, WindowRule window) {}

    /** What was built: the builder's summary, and the comparison folder (null: none asked for). */
    public record Result(DatasetBuilder.Summary summary, Path comparison) {}

    private static boolean comparisonSetIn(Path raw) {
        return RawSources.COMPARISON_FILES.stream().allMatch(f -> Files.isRegularFile(raw.resolve(f)));
    }

    public static Result run(Spec spec) {
        Path raw = spec.raw(), out = spec.out(), comparison = spec.comparison();
        String defaultComparison = spec.window() == WindowRule.CANONICAL ? DEFAULT_COMPARISON + "-canonical" : DEFAULT_COMPARISON;
        Path cmp = spec.noComparison() ? null : comparison != null ? comparison : out.toAbsolutePath().resolveSibling(defaultComparison);
        // a folder named by --xgem-dataset1 is always checked; the default one only when it will be written (the raw sources have XGEM dataset1)
        boolean checkCmp = cmp != null && (comparison != null || comparisonSetIn(raw));
        String cmpOption = comparison != null ? "--xgem-dataset1" : defaultComparison + " beside --out (or give --xgem-dataset1 DIR or --no-xgem-dataset1)";
        Outputs.Input rawIn = Outputs.input("--raw", raw);
        Outputs.requireNotInput("--out", out, rawIn);
        if (checkCmp) {
            Outputs.requireNotInput(cmpOption, cmp, rawIn);
            Outputs.requireApart(Outputs.input("--out", out), Outputs.input(cmpOption, cmp));
        }
        DatasetWriter.requireReplaceable("--out", out);
        if (checkCmp) DatasetWriter.requireReplaceable(cmpOption, cmp);
        Outputs.requireWritable("--out", out, Outputs.Place.REPLACED_FOLDER);
        if (checkCmp) Outputs.requireWritable(cmpOption, cmp, Outputs.Place.REPLACED_FOLDER);
        DatasetBuilder.Summary s = DatasetBuilder.build(new DatasetBuilder.Options(raw, out, spec.pca(), spec.seed(), spec.dangles(), cmp, spec.window()));
        return new Result(s, cmp);
    }
}
