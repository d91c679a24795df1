package org.deephem.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.deephem.analysis.NamedScores;
import org.deephem.baseline.Baselines;
import org.deephem.data.DatasetReader;
import org.deephem.data.DeepHemDataset;
import org.deephem.experiment.CellRunner;
import org.deephem.io.InputError;
import org.deephem.io.Progress;
import org.deephem.method.Method;
import org.deephem.model.ModelConfig;
import org.deephem.train.NetworkMethod;
import org.deephem.train.TrainingRun;
import org.deephem.validation.CrossValidation;
import org.deephem.validation.CvFiles;
import org.deephem.validation.Folds;
import org.deephem.validation.MethodCatalog;
import org.deephem.zoo.ConfigCodec;
import org.deephem.zoo.Scorer;
import org.deephem.zoo.ScoresCsv;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "all", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The whole pipeline in one command: [build the dataset from --raw] -> train the network and its no-MTI twin over --seeds -> score -> nested mouse cross-validation -> report.",
                "Prints where the report is."})
final class AllCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    ThreadsOption threadsOption = new ThreadsOption();
    @Option(names = "--data", defaultValue = "data", description = "DeepHEM-layout dataset folder (default: ${DEFAULT-VALUE}, the synthetic demo)")
    Path data;
    @Option(names = "--raw", description = "build the real dataset from these raw sources first (into --out), then use it")
    Path raw;
    @Option(names = "--out", defaultValue = "build/dataset", description = "with --raw: where the dataset is built (default: ${DEFAULT-VALUE})")
    Path out;
    @Option(names = "--name", description = "run name (default: demo for the demo data, deephem-real with --raw, else deephem)")
    String name;
    @Option(names = "--epochs", description = "training epochs (default: " + DEMO_EPOCHS + " on the synthetic demo, to stay quick; else the train command's 100)")
    Integer epochs;
    @Option(names = "--seeds", split = ",", description = "training seeds of deephem and deephem-nomti; the first is the saved model (default: " + SEEDS + "; " + DEMO_SEEDS + " on the demo)")
    List<Long> seeds;
    @Option(names = "--folds", description = "cross-validation folds (default: 5; " + DEMO_FOLDS + " on the demo)")
    Integer folds;
    @Option(names = "--repeats", description = "cross-validation repeats (default: 2; " + DEMO_REPEATS + " on the demo)")
    Integer repeats;
    @Option(names = "--cv-epochs", description = "network epochs inside each cross-validation fold (default: --epochs; " + DEMO_CV_EPOCHS + " on the demo)")
    Integer cvEpochs;
    @Option(names = "--comparison-set", description = "also cross-validate on this dataset folder (XGEM dataset1; default: the xgem-dataset1 folder build-dataset writes beside a real dataset)")
    Path comparisonSet;
    @Option(names = "--no-comparison-set", description = "skip the cross-validation on XGEM's comparison set")
    boolean noComparisonSet;
    @Option(names = "--seed", defaultValue = "42", description = "seed of the cross-validation folds and of the baselines (default: ${DEFAULT-VALUE})")
    long seed;
    @Option(names = "--zoo", defaultValue = "model-zoo", description = "where the model zip goes (default: ${DEFAULT-VALUE})")
    Path zoo;
    @Option(names = "--reports", defaultValue = "notebooks-equivalent-reports", description = "folder of run folders (default: ${DEFAULT-VALUE})")
    Path reports;
    @Option(names = "--jobs", description = "trainings run side by side, each in its own JVM (default: " + DEFAULT_JOBS + ", or the number of cores if fewer)")
    Integer jobs;
    @picocli.CommandLine.Mixin
    LeverOptions levers = new LeverOptions();
    @picocli.CommandLine.Mixin
    RunnerOptions runner = new RunnerOptions();

    /** Smaller on the demo, whose planted signal is learnt in a few epochs: `all` took 9.4 min with these on a busy 2-core machine. */
    static final int DEMO_EPOCHS = 30, DEMO_CV_EPOCHS = 10, DEMO_FOLDS = 2, DEMO_REPEATS = 1;
    static final String SEEDS = "1,2,3,4,5", DEMO_SEEDS = "1,2";

    @Override
    public Integer call() throws Exception {
        threadsOption.apply();
        long t0 = System.nanoTime();
        check();
        Path dataset = data;
        if (raw != null) {
            Progress.say("== 1/6 build the dataset from %s", raw);
            sub(new BuildDatasetCommand(), "--raw", raw.toString(), "--out", out.toString());
            dataset = out;
        } else {
            Progress.say("== 1/6 dataset %s (already built)", dataset);
        }
        boolean demo = isDemo(dataset);
        List<Long> seedList = seeds != null ? seeds : parse(demo ? DEMO_SEEDS : SEEDS);
        String run = runName(dataset);
        Path runDir = reports.resolve(run);
        Integer n = epochs != null ? epochs : demo ? Integer.valueOf(DEMO_EPOCHS) : null;
        DeepHemDataset ds = DatasetReader.read(dataset);
        ModelConfig net = levers.apply(ModelConfig.defaults());
        if (n != null) net = withEpochs(net, n);
        LeverOptions.checkData(net, ds, dataset);
        net = TrainingRun.sizedFor(net, ds);
        int k = folds != null ? folds : demo ? DEMO_FOLDS : 5, rep = repeats != null ? repeats : demo ? DEMO_REPEATS : 2;
        Integer cvN = cvEpochs != null ? cvEpochs : demo ? Integer.valueOf(DEMO_CV_EPOCHS) : n;
        CrossValidation.Options cvOptions = new CrossValidation.Options(k, rep, seed);
        checkFolds(ds, dataset, cvOptions);
        Path comparison = comparisonSet(dataset, demo);
        DeepHemDataset cds = comparison == null ? null : DatasetReader.read(comparison);
        if (cds != null) checkFolds(cds, comparison, cvOptions);

        // every network training runs in a child JVM: memory is returned after each, and `--jobs` run side by side
        int nJobs = jobs != null ? jobs : Math.min(DEFAULT_JOBS, Runtime.getRuntime().availableProcessors());
        int childThreads = threadsOption.threads != null ? threadsOption.threads : org.deephem.model.NdThreads.DEFAULT;
        List<String> trainArgs = new ArrayList<>(levers.args());
        if (n != null) trainArgs.addAll(List.of("--epochs", n.toString()));
        List<String> cvArgs = new ArrayList<>(levers.args());
        if (cvN != null) cvArgs.addAll(List.of("--epochs", cvN.toString()));
        Path seedDir = runDir.resolve(ReportCommand.SEEDS_DIR), logs = runDir.resolve("logs");
        List<CellRunner.Job> tasks = new ArrayList<>(); // the longest (a whole CV of one network) first, so the pool ends together
        tasks.addAll(cvTasks(dataset, cvOptions, runDir.resolve(CV_PARTS), cvArgs, logs, ""));
        if (cds != null) tasks.addAll(cvTasks(comparison, cvOptions, runDir.resolve(ReportCommand.COMPARISON_DIR).resolve(CV_PARTS), cvArgs, logs, "xgem-"));
        tasks.add(trainTask("train-" + run, dataset, run, zoo, runDir, seedList.get(0), "deephem", trainArgs, logs, zoo.resolve(run + ".zip")));
        for (String method : NETWORKS) {
            for (long s : seedList) {
                if (method.equals("deephem") && s == seedList.get(0)) continue; // the saved model is this run
                String id = method + "_seed" + s;
                tasks.add(trainTask(id, dataset, id, seedDir.resolve("models"), seedDir.resolve(id), s, method, trainArgs, logs,
                        seedDir.resolve(id).resolve("human_scores.csv")));
            }
        }
        try (CellRunner r = runner.create(nJobs, childThreads)) {
            Progress.say("== 2/6 train %s (seed %d, the saved model), deephem and deephem-nomti over seeds %s, and the nested %d-fold x %d CV of both networks%s:"
                            + " %d child JVMs, %s (logs: %s)", run, seedList.get(0), seedList, k, rep, cds == null ? "" : " (also on " + comparison + ")",
                    tasks.size(), r.describe(), logs);
            try (Progress.Bar bar = Progress.bar("trainings", tasks.size(), true)) {
                r.run(tasks, (t, secs) -> {
                    synchronized (bar) {
                        bar.step(String.format(Locale.ROOT, "%s: %.0f s", t.id(), secs));
                    }
                });
            }
        }

        Progress.say("== 3/6 score the human miRNAs with the saved model");
        Path zip = zoo.resolve(run + ".zip");
        Path scores = runDir.resolve("scores.csv");
        sub(new ScoreCommand(), "--model", zip.toString(), "--data", dataset.toString(), "-o", scores.toString());

        Progress.say("== 4/6 the seed runs of deephem and deephem-nomti (%s)", seedList);
        List<NamedScores> runs = seedRuns(ds, seedList, scores, seedDir);

        ModelConfig cvNet = cvN == null ? net : withEpochs(net, cvN);
        Progress.say("== 5/6 nested mouse cross-validation: %d-fold x %d repeat(s): the networks' folds, then every baseline on the same folds", k, rep);
        CrossValidation.Result cv = crossValidate(ds, dataset, cvNet, cvOptions, runDir, runDir.resolve(CV_PARTS));
        CrossValidation.Result comparisonCv = null;
        if (cds != null) {
            Path cmpDir = runDir.resolve(ReportCommand.COMPARISON_DIR);
            comparisonCv = crossValidate(cds, comparison, TrainingRun.sizedFor(cvNet, cds), cvOptions, cmpDir, cmpDir.resolve(CV_PARTS));
        }

        Progress.say("== 6/6 report");
        Path index = ReportCommand.write(run, dataset, zip, runDir, scores, runs.subList(1, runs.size()), cv, comparisonCv, seed);
        System.out.printf(Locale.ROOT, "all done in %.0f s%nreport: %s%n", (System.nanoTime() - t0) / 1e9, index.toAbsolutePath().normalize());
        return 0;
    }

    static final List<String> NETWORKS = List.of("deephem", "deephem-nomti");
    /** The trainings of `all` are this program's own commands (train, cv), each in a fresh JVM. */
    private static final String MAIN = Main.class.getName();
    /** Where each network's own CV files go, per network, before they are merged with the baselines'. */
    static final String CV_PARTS = "cv-networks";
    /** Two trainings side by side were 1.2x faster than one after another on the 2-core machine (docs/PERFORMANCE.md). */
    static final int DEFAULT_JOBS = 2;

    /** One child `cv` per network on {@code dataset}, each writing its cv_* files to {@code parts}/&lt;network&gt;. */
    private List<CellRunner.Job> cvTasks(Path dataset, CrossValidation.Options o, Path parts, List<String> cvArgs, Path logs, String prefix) {
        List<CellRunner.Job> out = new ArrayList<>();
        for (String m : NETWORKS) {
            Path dir = parts.resolve(m);
            List<String> a = new ArrayList<>(List.of("cv", "--data", dataset.toString(), "--folds", Integer.toString(o.folds()),
                    "--repeats", Integer.toString(o.repeats()), "--seed", Long.toString(o.seed()), "--methods", m, "-o", dir.toString()));
            a.addAll(cvArgs);
            a.addAll(threadArgs());
            out.add(new CellRunner.Job(prefix + "cv-" + m, MAIN, a, logs.resolve(prefix + "cv-" + m + ".log"), dir.resolve("cv_folds.csv")));
        }
        return out;
    }

    /** One child `train` of {@code method} (deephem, or deephem-nomti = without the MTI branch) at seed {@code s}. */
    private CellRunner.Job trainTask(String id, Path dataset, String model, Path modelZoo, Path out, long s, String method,
                                     List<String> trainArgs, Path logs, Path result) {
        List<String> a = new ArrayList<>(List.of("train", "--data", dataset.toString(), "--name", model, "--zoo", modelZoo.toString(),
                "--out", out.toString(), "--seed", Long.toString(s), "--into-run-folder"));
        if (method.equals("deephem-nomti")) a.addAll(List.of("--branches", "seq,inherent"));
        a.addAll(trainArgs);
        a.addAll(threadArgs());
        return new CellRunner.Job(id, MAIN, a, logs.resolve(id + ".log"), result);
    }

    private List<String> threadArgs() {
        return threadsOption.threads == null ? List.of() : List.of("--threads", threadsOption.threads.toString());
    }

    private static void checkFolds(DeepHemDataset ds, Path dataset, CrossValidation.Options o) {
        try {
            Folds.stratified(ds.labels(), o.folds(), o.repeats(), o.seed());
        } catch (IllegalArgumentException e) {
            throw new InputError("--folds " + o.folds() + " on " + dataset + ": " + e.getMessage());
        }
    }

    /**
     * XGEM's comparison set to cross-validate as well: --comparison-set, else the xgem-dataset1
     * folder build-dataset writes beside the dataset (real data only), unless --no-comparison-set.
     */
    private Path comparisonSet(Path dataset, boolean demo) {
        if (noComparisonSet) return null;
        if (comparisonSet != null) return comparisonSet;
        Path sibling = dataset.toAbsolutePath().normalize().resolveSibling(ReportCommand.COMPARISON_DIR);
        return !demo && Files.isDirectory(sibling) ? sibling : null;
    }

    /** Option checks before any work, so that a refusal is one line and nothing is half done. */
    private void check() {
        if (name != null) OptionCheck.name("--name", name);
        if (raw != null) {
            // the dataset folder is replaced as a whole: no run output may be it or inside it (or hold it)
            String run = name != null ? name : "deephem-real";
            org.deephem.io.Outputs.Input dataset = org.deephem.io.Outputs.input("--out", out);
            org.deephem.io.Outputs.requireApart(dataset, org.deephem.io.Outputs.input("--reports", reports.resolve(run)));
            org.deephem.io.Outputs.requireApart(dataset, org.deephem.io.Outputs.input("--zoo", zoo.resolve(run + ".zip")));
        }
        if (seeds != null && seeds.isEmpty()) throw new InputError("--seeds: give at least one seed");
        if (seeds != null && seeds.stream().distinct().count() != seeds.size()) throw new InputError("--seeds: a seed is given twice");
        if (comparisonSet != null && noComparisonSet) throw new InputError("--comparison-set and --no-comparison-set: give one of them");
        if (comparisonSet != null && !Files.isDirectory(comparisonSet)) throw new InputError("--comparison-set " + comparisonSet + ": no such dataset folder");
        OptionCheck.atLeast("--folds", folds, 2);
        OptionCheck.atLeast("--repeats", repeats, 1);
        OptionCheck.epochs("--epochs", epochs);
        OptionCheck.epochs("--cv-epochs", cvEpochs);
        if (jobs != null) OptionCheck.range("--jobs", jobs, 1, 64);
        runner.check();
        levers.apply(ModelConfig.defaults());
        // output places that cannot be written are found now, not after the trainings
        org.deephem.io.Outputs.requireFolder("--reports", reports.resolve(runName(raw != null ? out : data)));
        org.deephem.io.Outputs.requireFolder("--zoo", zoo);
        if (raw != null) org.deephem.io.Outputs.requireWritable("--out", out, org.deephem.io.Outputs.Place.REPLACED_FOLDER);
    }

    /** The run's name: --name, else deephem-real with --raw, demo for the demo data, else deephem (only the manifest is read). */
    private String runName(Path dataset) {
        return name != null ? name : raw != null ? "deephem-real" : isDemo(dataset) ? "demo" : "deephem";
    }

    private static List<Long> parse(String s) {
        List<Long> out = new ArrayList<>();
        for (String x : s.split(",")) out.add(Long.parseLong(x));
        return out;
    }

    private static ModelConfig withEpochs(ModelConfig c, int epochs) {
        return c.withTraining(epochs, c.sourceBatch(), c.targetBatch(), c.learningRate(), c.seed());
    }

    /**
     * Human scores (logits, as the saved model's) of deephem and deephem-nomti for every seed,
     * each trained on all labelled mouse by a child `train`; deephem at the first seed is the
     * saved model's scores. Each run's scores are also written beside the others in {@code dir}
     * (the file names `report` reads back).
     */
    private static List<NamedScores> seedRuns(DeepHemDataset ds, List<Long> seeds, Path savedScores, Path dir) {
        List<String> ids = ds.target().ids();
        List<NamedScores> runs = new ArrayList<>();
        runs.add(new NamedScores("deephem", Long.toString(seeds.get(0)), ids, ReportCommand.humanScores(savedScores, ids)));
        for (String method : NETWORKS) {
            for (long s : seeds) {
                if (method.equals("deephem") && s == seeds.get(0)) continue;
                Path trained = dir.resolve(method + "_seed" + s).resolve("human_scores.csv");
                double[] logits = ReportCommand.humanScores(trained, ids);
                ScoresCsv.write(dir.resolve(ReportCommand.seedFile(method, Long.toString(s))), ids, logits);
                runs.add(new NamedScores(method, Long.toString(s), ids, logits));
            }
        }
        return runs;
    }

    /**
     * The networks' folds (written by the child `cv` runs under {@code parts}) and every baseline
     * on the same folds, merged into one result; the cv_* files go beside the report.
     */
    private static CrossValidation.Result crossValidate(DeepHemDataset ds, Path dataset, ModelConfig net, CrossValidation.Options o,
                                                        Path runDir, Path parts) {
        List<CrossValidation.FoldResult> folds = new ArrayList<>();
        List<CrossValidation.Prediction> preds = new ArrayList<>();
        double seconds = 0;
        Map<String, Object> settings = new LinkedHashMap<>();
        for (String m : NETWORKS) {
            CrossValidation.Result part = CvFiles.read(parts.resolve(m));
            if (part == null || !part.options().equals(o)) throw new IllegalStateException("the " + m + " cross-validation in " + parts.resolve(m) + " is missing or of other folds");
            folds.addAll(part.folds());
            preds.addAll(part.predictions());
            seconds += part.seconds();
            settings.put(m, ConfigCodec.toMap(((NetworkMethod) MethodCatalog.create(m, net)).config()));
        }
        List<Method> methods = new ArrayList<>();
        for (Method b : Baselines.all()) {
            if (b.name().equals("has_mti_target") && (ds.mouseTargets() == null || ds.humanTargets() == null)) continue; // no gene sets: nothing to look up
            methods.add(b);
            settings.put(b.name(), Map.of());
        }
        CrossValidation.Result baselines;
        try (Progress.Bar bar = Progress.bar("baseline folds", (long) o.folds() * o.repeats() * methods.size(), false)) {
            baselines = CrossValidation.run(ds, methods, o, f -> bar.step(String.format(Locale.ROOT, "%s repeat %d fold %d: AUROC %.3f",
                    f.method(), f.repeat(), f.fold(), f.auroc())));
        }
        folds.addAll(baselines.folds());
        preds.addAll(baselines.predictions());
        CrossValidation.Result r = new CrossValidation.Result(o, folds, preds, seconds + baselines.seconds());
        CvFiles.write(runDir, r, dataset, settings);
        return r;
    }

    /** The synthetic demo (make-demo) names its manifest's source so; real data is built by build-dataset. */
    static boolean isDemo(Path dataset) {
        return org.deephem.demo.DemoDataset.isDemo(dataset);
    }

    /** Runs another command in-process with its own option parsing; its failures propagate unchanged. */
    private static void sub(Callable<Integer> command, String... args) throws Exception {
        new CommandLine(command).parseArgs(args);
        int code = command.call();
        if (code != 0) throw new IllegalStateException("step failed with exit code " + code);
    }
}
