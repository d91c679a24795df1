package org.deephem.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.deephem.analysis.Evaluation;
import org.deephem.analysis.EvaluationSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tech.tablesaw.api.Table;

@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Correlate human scores with the dataset's conservation and DSW indicators (Pearson, Spearman, Kendall tau-b; two-sided p; bootstrap 95%% interval; n and dropped) and run the circularity audit (partial Spearman controlling for 'has any MTI target' and for precursor length).",
                "Writes correlations, correlations_summary (mean and sd over seeds), circularity_audit and circularity_audit_summary to -o, each as .csv and .xlsx with a .provenance.json beside every file.",
                "Human miRNAs without a score or without an indicator value are left out and counted in 'dropped', never filled in."})
final class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "DeepHEM-layout dataset folder with the human indicators")
    Path data;
    @Option(names = "--scores", split = ",", paramLabel = "[METHOD[@SEED]=]FILE",
            description = "scores files as written by score/train (the logit column if present, else score); METHOD defaults to the file name without extension; runs of one METHOD with different SEEDs are summarised together")
    List<String> scores = new ArrayList<>();
    @Option(names = "--baselines", description = "also fit every baseline (has_mti_target, mature_count, neg_length, gc_content, neg_mfe, logistic, random_forest, and both without MTI features) on all labelled mouse and score human")
    boolean baselines;
    @Option(names = "--baseline-seeds", split = ",", defaultValue = "42", description = "seeds of the learned baselines, one run each (default: ${DEFAULT-VALUE})")
    List<Long> baselineSeeds;
    /**
     * The most bootstrap resamples: 10,000, ten times the default. The percentile interval's
     * Monte-Carlo error at 1,000 is already well below its width; each resample re-ranks every
     * row for every score vector, indicator and coefficient, so an unbounded count ran for hours
     * and held one double per resample.
     */
    static final int MAX_RESAMPLES = 10_000;
    @Option(names = "--resamples", defaultValue = "1000", description = "bootstrap resamples for the 95%% intervals, 0 = none, at most "
            + MAX_RESAMPLES + " (default: ${DEFAULT-VALUE})")
    int resamples;
    @Option(names = "--seed", defaultValue = "42", description = "bootstrap seed (default: ${DEFAULT-VALUE})")
    long seed;
    @Option(names = {"-o", "--out"}, required = true, description = "output folder")
    Path out;

    @Override
    public Integer call() {
        if (scores.isEmpty() && !baselines) throw new org.deephem.io.InputError(Evaluation.NOTHING_TO_EVALUATE);
        OptionCheck.range("--resamples", resamples, 0, MAX_RESAMPLES);
        org.deephem.io.Outputs.requireFolder("-o", out);
        List<EvaluationSpec.ScoreFile> files = scores.stream().map(EvaluationSpec.ScoreFile::parse).toList();
        Evaluation.Result r = Evaluation.run(new EvaluationSpec(data, files, baselines, baselineSeeds, resamples, seed, out));
        printSpearman(r.correlationsSummary());
        System.out.printf(Locale.ROOT, "tables: %s (%.1f s)%n", r.out(), r.seconds());
        return 0;
    }

    private static void printSpearman(Table summary) {
        System.out.println("Spearman with the human indicators (mean ± sd over seeds; read-out, never used for any choice):");
        for (int r = 0; r < summary.rowCount(); r++) {
            if (!summary.stringColumn("correlation").get(r).equals("spearman")) continue;
            double sd = summary.doubleColumn("r_sd").getDouble(r);
            System.out.printf(Locale.ROOT, "  %-22s %-13s %7.3f%s  (seeds %d, n %d)%n",
                    summary.stringColumn("method").get(r), summary.stringColumn("indicator").get(r),
                    summary.doubleColumn("r_mean").getDouble(r), Double.isNaN(sd) ? "        " : String.format(Locale.ROOT, " ± %.3f", sd),
                    summary.intColumn("seeds").getInt(r), summary.intColumn("n_min").getInt(r));
        }
    }
}
