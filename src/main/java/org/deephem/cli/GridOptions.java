package org.deephem.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.deephem.data.DatasetReader;
import org.deephem.data.DeepHemDataset;
import org.deephem.experiment.Grid;
import org.deephem.experiment.Harness;
import org.deephem.io.InputError;
import org.deephem.model.ModelConfig;
import org.deephem.train.TrainingRun;
import org.deephem.validation.Folds;
import picocli.CommandLine.Option;

/** The options every experiment grid shares ({@code ablate}, {@code compare}). */
final class GridOptions {
    /** {@code --quick}: few epochs, 2 seeds, tiny CV (tests, CI, a first look). */
    static final int QUICK_EPOCHS = 2;
    static final List<Long> QUICK_SEEDS = List.of(1L, 2L);
    static final String QUICK_CV = "2x1";
    /** {@code --quick} network: transformer width and MLP hidden size 8 (the default grid keeps the full size). */
    static final int QUICK_WIDTH = 8, QUICK_HIDDEN = 8;
    static final List<Long> SEEDS = List.of(1L, 2L, 3L, 4L, 5L);

    @picocli.CommandLine.Mixin
    DataOption dataOption = new DataOption();
    @Option(names = {"-o", "--out"}, required = true, description = "output folder: cells/ (one result file per cell), tables, summary")
    Path out;
    @Option(names = "--seeds", split = ",", description = "seeds, comma-separated (default: 1,2,3,4,5; --quick: 1,2)")
    List<Long> seeds;
    @Option(names = "--cv", description = "nested mouse CV in every cell as FOLDSxREPEATS (e.g. 5x2), 0 = none (default: 0; --quick: 2x1)")
    String cv;
    @Option(names = "--cv-seeds", defaultValue = "all",
            description = "which seeds run the --cv: all, or first (one CV per method, on the first seed: its outer folds give the CV AUROC's mean ± sd and the paired test; default: ${DEFAULT-VALUE})")
    String cvSeeds;
    @Option(names = "--epochs", description = "network epochs (default: 100; --quick: 2)")
    Integer epochs;
    @Option(names = "--patience", description = "network early stopping, 0 = off (default: 10; --quick: 0)")
    Integer patience;
    @Option(names = "--jobs", defaultValue = "1", description = "local runner: cells run at once, each in its own JVM (default: ${DEFAULT-VALUE})")
    int jobs;
    @Option(names = "--threads", description = "ND4J/OpenMP threads per cell (default: cores / jobs, at least 1; --runner spark: 1)")
    Integer threads;
    @Option(names = "--ensemble", paramLabel = "N",
            description = "also run the reference method as an ensemble: per grid seed, the mean of N fits with their own seeds (a row of its own; default: none)")
    Integer ensemble;
    @picocli.CommandLine.Mixin
    RunnerOptions runner = new RunnerOptions();
    @Option(names = "--quick", description = "a small network (width 8, hidden 8), 2 epochs, 2 seeds, tiny CV: for tests and CI, not for conclusions")
    boolean quick;

    /** The CV without --cv or --quick: none for ablate and compare; a command may set its own before {@link #check}. */
    String defaultCv = "0";

    /** Checks the options that are not config fields, before any data is read. */
    void check() {
        OptionCheck.range("--jobs", jobs, 1, 64);
        if (ensemble != null) OptionCheck.range("--ensemble", ensemble, 2, 100);
        if (threads != null) OptionCheck.range("--threads", threads, 1, 256);
        OptionCheck.epochs("--epochs", epochs);
        OptionCheck.patience("--patience", patience);
        if (seeds != null && seeds.isEmpty()) throw new InputError("--seeds: give at least one seed");
        if (seeds != null && seeds.stream().distinct().count() != seeds.size()) throw new InputError("--seeds: a seed is given twice");
        if (seeds != null) for (long s : seeds) OptionCheck.range("--seeds", s, 0, Integer.MAX_VALUE);
        cvFoldsRepeats();
        cvFirstSeedOnly();
        runner.check();
        org.deephem.io.Outputs.requireFolder("-o", out);
    }

    /** {@code --cv-seeds first}: only each method's first seed runs the CV. */
    boolean cvFirstSeedOnly() {
        String v = cvSeeds == null ? "all" : cvSeeds.strip().toLowerCase(Locale.ROOT);
        if (v.equals("all")) return false;
        if (v.equals("first")) return true;
        throw new InputError("--cv-seeds: give all or first (got '" + cvSeeds + "')");
    }

    /** The grid of this run's seeds, CV and CV seeds. */
    Grid grid(String name, List<Grid.Row> rows, String reference) {
        int[] cv = cvFoldsRepeats();
        return new Grid(name, withEnsemble(rows, reference), reference, seeds(), cv[0], cv[1], cvFirstSeedOnly());
    }

    List<Long> seeds() {
        return seeds != null ? seeds : quick ? QUICK_SEEDS : SEEDS;
    }

    /** {folds, repeats}; {0, 0} = no CV. */
    int[] cvFoldsRepeats() {
        String v = cv != null ? cv.strip().toLowerCase(Locale.ROOT) : quick ? QUICK_CV : defaultCv;
        if (v.equals("0")) return new int[] {0, 0};
        String[] p = v.split("x", -1);
        try {
            if (p.length == 2) {
                int f = Integer.parseInt(p[0].strip()), r = Integer.parseInt(p[1].strip());
                OptionCheck.range("--cv folds", f, 2, 100);
                OptionCheck.range("--cv repeats", r, 1, 100);
                return new int[] {f, r};
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new InputError("--cv: give FOLDSxREPEATS such as 5x2, or 0 for none (got '" + cv + "')");
    }

    int threads() {
        return threads != null ? threads : Math.max(1, Runtime.getRuntime().availableProcessors() / jobs);
    }

    /** The --data folder. */
    Path data() {
        return dataOption.data;
    }

    /** The --data dataset, refused early when it has no features or too few rows for the CV asked. */
    DeepHemDataset dataset() {
        return dataset(data());
    }

    /** The dataset of {@code data}, with the same checks as {@link #dataset()}. */
    DeepHemDataset dataset(Path data) {
        DeepHemDataset ds = DatasetReader.read(data);
        if (!ds.hasFeatures()) throw new InputError(data + ": the dataset has no feature files (run build-dataset)");
        int[] cv = cvFoldsRepeats();
        if (cv[0] > 0) {
            try {
                Folds.stratified(ds.labels(), cv[0], cv[1], 1);
            } catch (IllegalArgumentException e) {
                throw new InputError("--cv " + cv[0] + "x" + cv[1] + " on " + data + ": " + e.getMessage());
            }
        }
        return ds;
    }

    /** The default network config with this run's epochs and patience, sized for the dataset. */
    ModelConfig network(DeepHemDataset ds) {
        ModelConfig c = ModelConfig.defaults();
        int e = epochs != null ? epochs : quick ? QUICK_EPOCHS : c.epochs();
        int p = patience != null ? patience : quick ? 0 : c.patience();
        try {
            c = c.withTraining(e, c.sourceBatch(), c.targetBatch(), c.learningRate(), c.seed()).withPatience(p);
            // a smoke run trains a small network, so that tests and CI stay fast under load
            if (quick) c = c.withSize(c.maxLength(), c.tokenPool(), QUICK_WIDTH, c.heads(), 1, QUICK_HIDDEN);
        } catch (ModelConfig.Invalid bad) {
            throw new InputError("--" + bad.field() + ": " + bad.problem());
        }
        return TrainingRun.sizedFor(c, ds);
    }

    /** The rows with the {@code --ensemble} row of the reference added (unchanged without the option). */
    private List<Grid.Row> withEnsemble(List<Grid.Row> rows, String reference) {
        return ensemble == null ? rows : org.deephem.experiment.Grids.withEnsemble(rows, reference, ensemble);
    }

    /** The runner of {@code --runner} (local: {@code --jobs} at a time), {@code --threads} per cell (Spark: 1 unless given), made when a grid starts. */
    org.deephem.experiment.RunnerChoice runnerChoice() {
        return new org.deephem.experiment.RunnerChoice(runner.runner, runner.master, jobs, threads == null && runner.spark() ? 1 : threads());
    }

    /** Runs the grid and prints its short text on standard output. */
    int run(Grid grid) {
        Harness.Outcome o = Harness.run(grid, data(), out, runnerChoice());
        System.out.print(o.merged().text());
        System.out.println("tables: " + out.resolve(grid.name() + "_summary.csv") + " (and _cells, .xlsx, provenance)");
        return 0;
    }
}
