package org.deephem.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deephem.analysis.NamedScores;
import org.deephem.baseline.Baselines;
import org.deephem.data.DatasetReader;
import org.deephem.data.DeepHemDataset;
import org.deephem.experiment.CellRunner;
import org.deephem.experiment.CellRunners;
import org.deephem.explain.Explainer;
import org.deephem.io.InputError;
import org.deephem.io.Outputs;
import org.deephem.io.Progress;
import org.deephem.method.Method;
import org.deephem.model.ModelConfig;
import org.deephem.report.ReportAssembly;
import org.deephem.report.ReportSpec;
import org.deephem.run.RunBaselines;
import org.deephem.run.RunFolder;
import org.deephem.scoring.ScoringJob;
import org.deephem.scoring.ScoringSpec;
import org.deephem.train.DataLevers;
import org.deephem.train.Seeds;
import org.deephem.train.TrainingRun;
import org.deephem.validation.CrossValidation;
import org.deephem.validation.CvFiles;
import org.deephem.validation.CvJob;
import org.deephem.validation.Folds;
import org.deephem.validation.MethodCatalog;
import org.deephem.zoo.ConfigCodec;
import org.deephem.zoo.ScoresCsv;

/**
 * The {@code all} chain: [build the dataset] → train the saved model, deephem and its no-MTI twin
 * over the seeds and the nested CV of both networks (child JVMs, {@link ChildMain}) → score the
 * human miRNAs with the saved model → the seed runs → merge the networks' CV with every
 * baseline's on the same folds → report. One call, {@link #run}, with a typed {@link AllSpec}.
 */
public final class AllPipeline {
    private AllPipeline() {}


    /** Where the report is, and how long the chain took. */
    public record Result(Path report, double seconds) {}

    /** Smaller on the demo, whose planted signal is learnt in a few epochs: `all` took 9.4 min with these on a busy 2-core machine. */
    public static final int DEMO_EPOCHS = 30, DEMO_CV_EPOCHS = 10, DEMO_FOLDS = 2, DEMO_REPEATS = 1;
    public static final String SEEDS = "1,2,3,4,5", DEMO_SEEDS = "1,2";
    public static final List<String> NETWORKS = List.of("deephem", "deephem-nomti");
    /** Where each network's own CV files go, per network, before they are merged with the baselines'. */
    public static final String CV_PARTS = "cv-networks";
    /** Two trainings side by side were 1.2x faster than one after another on the 2-core machine (docs/PERFORMANCE.md). */
    public static final int DEFAULT_JOBS = 2;

    /** Runs the whole chain. */
    public static Result run(AllSpec s) {
        long t0 = System.nanoTime();
        checkPlaces(s);
        Path dataset = s.data();
        if (s.raw() != null) {
            Progress.say("== 1/6 build the dataset from %s", s.raw());
            System.out.print(DatasetStage.build(DatasetStage.defaults(s.raw(), s.out())));
            dataset = s.out();
        } else {
            Progress.say("== 1/6 dataset %s (already built)", dataset);
        }
        boolean demo = isDemo(dataset);
        List<Long> seedList = s.seeds() != null ? s.seeds() : parse(demo ? DEMO_SEEDS : SEEDS);
        String run = runName(s, dataset);
        Path runDir = s.reports().resolve(run);
        Integer n = s.epochs() != null ? s.epochs() : demo ? Integer.valueOf(DEMO_EPOCHS) : null;
        DeepHemDataset ds = DatasetReader.read(dataset);
        ModelConfig options = n != null ? withEpochs(s.network(), n) : s.network(); // before sizing: what each child is given
        DataLevers.check(options, ds, dataset);
        ModelConfig net = TrainingRun.sizedFor(options, ds);
        int k = s.folds() != null ? s.folds() : demo ? DEMO_FOLDS : 5, rep = s.repeats() != null ? s.repeats() : demo ? DEMO_REPEATS : 2;
        Integer cvN = s.cvEpochs() != null ? s.cvEpochs() : demo ? Integer.valueOf(DEMO_CV_EPOCHS) : n;
        CrossValidation.Options cvOptions = new CrossValidation.Options(k, rep, s.seed());
        checkFolds(ds, dataset, cvOptions);
        Path comparison = comparisonSet(s, dataset, demo);
        DeepHemDataset cds = comparison == null ? null : DatasetReader.read(comparison);
        if (cds != null) checkFolds(cds, comparison, cvOptions);

        // every network training runs in a child JVM: memory is returned after each, and `jobs` run side by side
        int nJobs = s.jobs() != null ? s.jobs() : Math.min(DEFAULT_JOBS, Runtime.getRuntime().availableProcessors());
        int childThreads = s.threads() != null ? s.threads() : org.deephem.model.NdThreads.DEFAULT;
        ModelConfig cvOptionsNet = cvN != null ? withEpochs(s.network(), cvN) : s.network();
        Path seedDir = runDir.resolve(RunFolder.SEEDS_DIR), logs = runDir.resolve("logs");
        List<CellRunner.Job> tasks = new ArrayList<>(); // the longest (a whole CV of one network) first, so the pool ends together
        tasks.addAll(cvTasks(dataset, cvOptions, runDir.resolve(CV_PARTS), cvOptionsNet, s.threads(), logs, ""));
        if (cds != null) tasks.addAll(cvTasks(comparison, cvOptions, runDir.resolve(RunFolder.COMPARISON_DIR).resolve(CV_PARTS), cvOptionsNet, s.threads(), logs, "xgem-"));
        tasks.add(trainTask("train-" + run, dataset, run, s.zoo(), runDir, seedList.get(0), "deephem", options, s.threads(), logs, s.zoo().resolve(run + ".zip")));
        for (String method : NETWORKS) {
            for (long seed : seedList) {
                if (method.equals("deephem") && seed == seedList.get(0)) continue; // the saved model is this run
                String id = method + "_seed" + seed;
                tasks.add(trainTask(id, dataset, id, seedDir.resolve("models"), seedDir.resolve(id), seed, method, options, s.threads(), logs,
                        seedDir.resolve(id).resolve("human_scores.csv")));
            }
        }
        try (CellRunner r = CellRunners.create(s.runner(), s.master(), nJobs, childThreads)) {
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
        Path zip = s.zoo().resolve(run + ".zip");
        Path scores = runDir.resolve("scores.csv");
        // the score stage itself, as `score --model ZIP --data DIR -o scores.csv` (same checks, lines and file)
        ScoringJob.run(new ScoringSpec(zip, dataset, "human", null, null, null, null, false, scores, false, Explainer.DEFAULT_STEPS,
                null, 0, List.of(), false));

        Progress.say("== 4/6 the seed runs of deephem and deephem-nomti (%s)", seedList);
        List<NamedScores> runs = seedRuns(ds, seedList, scores, seedDir);

        ModelConfig cvNet = cvN == null ? net : withEpochs(net, cvN);
        Progress.say("== 5/6 nested mouse cross-validation: %d-fold x %d repeat(s): the networks' folds, then every baseline on the same folds", k, rep);
        CrossValidation.Result cv = crossValidate(ds, dataset, cvNet, cvOptions, runDir, runDir.resolve(CV_PARTS));
        CrossValidation.Result comparisonCv = null;
        if (cds != null) {
            Path cmpDir = runDir.resolve(RunFolder.COMPARISON_DIR);
            comparisonCv = crossValidate(cds, comparison, TrainingRun.sizedFor(cvNet, cds), cvOptions, cmpDir, cmpDir.resolve(CV_PARTS));
        }

        Progress.say("== 6/6 report");
        // the baselines are fitted once per run and saved beside it; the report (and every redraw) reads them
        RunBaselines.fitAndSave(ds, runDir, s.seed());
        Path index = ReportAssembly.run(ReportSpec.afterAll(run, dataset, zip, runDir, scores, runs.subList(1, runs.size()), cv, comparisonCv, s.seed()));
        return new Result(index, (System.nanoTime() - t0) / 1e9);
    }

    /** One child cv per network on {@code dataset}, each writing its cv_* files to {@code parts}/&lt;network&gt;. */
    private static List<CellRunner.Job> cvTasks(Path dataset, CrossValidation.Options o, Path parts, ModelConfig network, Integer threads,
                                                Path logs, String prefix) {
        List<CellRunner.Job> out = new ArrayList<>();
        for (String m : NETWORKS) {
            Path dir = parts.resolve(m);
            CvJob.Spec spec = new CvJob.Spec(dataset, o, List.of(m), network, dir);
            out.add(new CellRunner.Job(prefix + "cv-" + m, ChildMain.class.getName(), ChildMain.args(spec, threads),
                    logs.resolve(prefix + "cv-" + m + ".log"), dir.resolve("cv_folds.csv")));
        }
        return out;
    }

    /** One child training of {@code method} (deephem, or deephem-nomti = without the MTI branch) at seed {@code s}. */
    private static CellRunner.Job trainTask(String id, Path dataset, String model, Path modelZoo, Path out, long s, String method,
                                            ModelConfig options, Integer threads, Path logs, Path result) {
        TrainingJob.Spec spec = new TrainingJob.Spec(model, dataset, modelZoo, out, "--out", true, trainingConfig(options, s, method), Seeds.of(s));
        return new CellRunner.Job(id, ChildMain.class.getName(), ChildMain.args(spec, threads), logs.resolve(id + ".log"), result);
    }

    /** The config of one training of {@code method} at seed {@code seed}: deephem-nomti is deephem without the MTI branch. */
    public static ModelConfig trainingConfig(ModelConfig options, long seed, String method) {
        ModelConfig c = options.withTraining(options.epochs(), options.sourceBatch(), options.targetBatch(), options.learningRate(), seed);
        return method.equals("deephem-nomti") ? c.withBranches(true, true, false) : c;
    }

    private static void checkFolds(DeepHemDataset ds, Path dataset, CrossValidation.Options o) {
        try {
            Folds.stratified(ds.labels(), o.folds(), o.repeats(), o.seed());
        } catch (IllegalArgumentException e) {
            throw new InputError("--folds " + o.folds() + " on " + dataset + ": " + e.getMessage());
        }
    }

    /**
     * XGEM's comparison set to cross-validate as well: the one given, else the xgem-dataset1
     * folder build-dataset writes beside the dataset (real data only), unless none is wanted.
     */
    private static Path comparisonSet(AllSpec s, Path dataset, boolean demo) {
        if (s.noComparisonSet()) return null;
        if (s.comparisonSet() != null) return s.comparisonSet();
        Path sibling = dataset.toAbsolutePath().normalize().resolveSibling(RunFolder.COMPARISON_DIR);
        return !demo && Files.isDirectory(sibling) ? sibling : null;
    }

    /** The places of the chain, checked before any work, so that a refusal is one line and nothing is half done. */
    private static void checkPlaces(AllSpec s) {
        if (s.raw() != null) {
            // the dataset folder is replaced as a whole: no run output may be it or inside it (or hold it)
            String run = s.name() != null ? s.name() : "deephem-real";
            Outputs.Input dataset = Outputs.input("--out", s.out());
            Outputs.requireApart(dataset, Outputs.input("--reports", s.reports().resolve(run)));
            Outputs.requireApart(dataset, Outputs.input("--zoo", s.zoo().resolve(run + ".zip")));
        }
        if (s.comparisonSet() != null && !Files.isDirectory(s.comparisonSet())) throw new InputError("--comparison-set " + s.comparisonSet() + ": no such dataset folder");
        // output places that cannot be written are found now, not after the trainings
        Outputs.requireFolder("--reports", s.reports().resolve(runName(s, s.raw() != null ? s.out() : s.data())));
        Outputs.requireFolder("--zoo", s.zoo());
        if (s.raw() != null) Outputs.requireWritable("--out", s.out(), Outputs.Place.REPLACED_FOLDER);
    }

    /** The run's name: the one given, else deephem-real with raw sources, demo for the demo data, else deephem (only the manifest is read). */
    public static String runName(AllSpec s, Path dataset) {
        return s.name() != null ? s.name() : s.raw() != null ? "deephem-real" : isDemo(dataset) ? "demo" : "deephem";
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
     * each trained on all labelled mouse by a child training; deephem at the first seed is the
     * saved model's scores. Each run's scores are also written beside the others in {@code dir}
     * (the file names the report reads back).
     */
    private static List<NamedScores> seedRuns(DeepHemDataset ds, List<Long> seeds, Path savedScores, Path dir) {
        List<String> ids = ds.target().ids();
        List<NamedScores> runs = new ArrayList<>();
        runs.add(new NamedScores("deephem", Long.toString(seeds.get(0)), ids, humanScores(savedScores, ids)));
        for (String method : NETWORKS) {
            for (long s : seeds) {
                if (method.equals("deephem") && s == seeds.get(0)) continue;
                Path trained = dir.resolve(method + "_seed" + s).resolve("human_scores.csv");
                double[] logits = humanScores(trained, ids);
                ScoresCsv.write(dir.resolve(RunFolder.seedFile(method, Long.toString(s))), ids, logits);
                runs.add(new NamedScores(method, Long.toString(s), ids, logits));
            }
        }
        return runs;
    }

    /** A scores file's logits in the dataset's human order; every human ID must have one. */
    static double[] humanScores(Path csv, List<String> humanIds) {
        ScoresCsv.Scores read = ScoresCsv.read(csv);
        Map<String, Double> byId = new HashMap<>();
        for (int r = 0; r < read.ids().size(); r++) byId.put(read.ids().get(r), read.scores()[r]);
        double[] out = new double[humanIds.size()];
        for (int i = 0; i < out.length; i++) {
            Double v = byId.get(humanIds.get(i));
            if (v == null) throw InputError.at(csv, "human miRNA '" + humanIds.get(i) + "' of the dataset has no score");
            out[i] = v;
        }
        return out;
    }

    /**
     * The networks' folds (written by the child cv runs under {@code parts}) and every baseline
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
            settings.put(m, ConfigCodec.toMap(MethodCatalog.create(m, net).networkConfig().orElseThrow()));
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
    public static boolean isDemo(Path dataset) {
        return org.deephem.demo.DemoDataset.isDemo(dataset);
    }
}
