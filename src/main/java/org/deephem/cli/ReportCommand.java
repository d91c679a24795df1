package org.deephem.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.deephem.data.DatasetReader;
import org.deephem.data.DeepHemDataset;
import org.deephem.io.Delimited;
import org.deephem.io.Hashing;
import org.deephem.io.InputError;
import org.deephem.io.Table;
import org.deephem.report.Report;
import org.deephem.report.ReportWriter;
import org.deephem.report.RunReport;
import org.deephem.train.EpochLog;
import org.deephem.validation.CvFiles;
import org.deephem.zoo.ModelZip;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write the HTML report of a trained run, shaped like a results section: the answer first (headline paragraph, figure and",
                "table), then dataset, mouse CV, human correlations, circularity audit, experiments, training, case study, selection, limits;",
                "long tables, configuration and provenance in collapsed appendices. Tables as CSV + xlsx, figures as PNG + SVG + PDF.",
                "Readable offline: images are embedded. Without the model zip, a grid or a select-default folder the page redraws from what it saved."})
final class ReportCommand implements Callable<Integer> {
    @Option(names = "--run", defaultValue = "demo", description = "run name: the model <zoo>/<run>.zip and the folder <reports>/<run> (default: ${DEFAULT-VALUE})")
    String run;
    @Option(names = "--data", defaultValue = "data", description = "dataset folder the run was trained on (default: ${DEFAULT-VALUE})")
    Path data;
    @Option(names = "--zoo", defaultValue = "model-zoo", description = "folder of model zips (default: ${DEFAULT-VALUE})")
    Path zoo;
    @Option(names = "--reports", defaultValue = "notebooks-equivalent-reports", description = "folder of run folders (default: ${DEFAULT-VALUE})")
    Path reports;
    @Option(names = "--scores", description = "id,score CSV of the human miRNAs (default: <run folder>/scores.csv, else human_scores.csv)")
    Path scores;

    @Option(names = "--seed", defaultValue = "42", description = "seed of the baselines fitted for the tables and of the bootstrap (default: ${DEFAULT-VALUE}; `all` passes its own --seed)")
    long seed;

    @Option(names = "--experiments", split = ",", paramLabel = "DIR",
            description = "experiment grid folders (-o of ablate, compare, training-length), comma-separated: each becomes a section of mean ± sd over seeds with the paired Wilcoxon p (default: none)")
    List<Path> experiments;

    @Option(names = "--selection", split = ",", paramLabel = "DIR",
            description = "folders written by select-default (-o), comma-separated, one per round of the protocol (the round is read from each decision.json): "
                    + "a section with every candidate of every round, each round's picks and why, the targets and the baselines that do better (default: none)")
    List<Path> selection;

    @Override
    public Integer call() {
        OptionCheck.name("--run", run);
        Path runDir = reports.resolve(run);
        org.deephem.io.Outputs.requireFolder("--reports", runDir); // the page goes into <reports>/<run>
        // refuse a wrong folder before the long part; a grid or selection folder that is absent is read back from the page's own tables
        if (experiments != null) for (Path dir : experiments) if (savedExperiment(dir, runDir) == null) org.deephem.experiment.Harness.savedGrid(dir);
        if (selection != null) org.deephem.report.SelectionSection.readAll("--selection", selection, runDir);
        Path index = write(run, data, zoo.resolve(run + ".zip"), runDir, scores, null, null, null, seed,
                experiments == null ? List.of() : experiments, selection == null ? List.of() : selection);
        System.out.println("report: " + index);
        return 0;
    }

    /**
     * Builds and writes the report of one run; returns the page. {@code moreRuns}: further network
     * runs (other seeds, the no-MTI twin) beside the saved one and {@code cv} the cross-validation;
     * when both are null they are read back from what an earlier {@code all} left in {@code runDir}
     * (so that {@code report} alone redraws the page {@code all} wrote), else none.
     */
    static Path write(String run, Path data, Path zip, Path runDir, Path scores, List<org.deephem.analysis.NamedScores> moreRuns,
                      org.deephem.validation.CrossValidation.Result cv, org.deephem.validation.CrossValidation.Result comparisonCv, long seed) {
        return write(run, data, zip, runDir, scores, moreRuns, cv, comparisonCv, seed, List.of(), List.of());
    }

    /** As above, with a section per experiment grid folder in {@code experiments} and one for the select-default folders of {@code selection} (one per round; may be empty). */
    static Path write(String run, Path data, Path zip, Path runDir, Path scores, List<org.deephem.analysis.NamedScores> moreRuns,
                      org.deephem.validation.CrossValidation.Result cv, org.deephem.validation.CrossValidation.Result comparisonCv, long seed,
                      List<Path> experiments, List<Path> selection) {
        boolean zipHere = Files.isRegularFile(zip);
        if (!zipHere && !org.deephem.report.PageProvenance.available(runDir)) throw InputError.at(zip, "model not found (train it first, or give --zoo/--run)");
        Path scoreFile = scores != null ? scores : Files.exists(runDir.resolve("scores.csv")) ? runDir.resolve("scores.csv") : runDir.resolve("human_scores.csv");
        DeepHemDataset ds = DatasetReader.read(data);
        double[] humanScores = humanScores(scoreFile, ds.target().ids());
        if (moreRuns == null && cv == null) {
            moreRuns = seedRuns(runDir.resolve(SEEDS_DIR), ds.target().ids());
            cv = CvFiles.read(runDir);
            comparisonCv = CvFiles.read(runDir.resolve(COMPARISON_DIR));
        } else if (moreRuns == null) {
            moreRuns = List.of();
        }
        Path log = runDir.resolve("training_log.csv");
        List<EpochLog> epochs = Files.exists(log) ? EpochLog.read(log) : List.of();
        Map<String, Object> inputs = new LinkedHashMap<>();
        org.deephem.report.PageProvenance.Recorded recorded = zipHere ? null : org.deephem.report.PageProvenance.read(runDir);
        if (zipHere) {
            inputs.put("model_zip", file(zip, runDir));
        } else {
            // the zip is not at hand (a committed page whose zip is not committed): the model as this page recorded it before
            inputs.put("model_zip", recorded.zipFile());
            inputs.put("model_record", "read back from this page's index.provenance.json: " + zip.getFileName() + " was not at hand");
            System.err.println("report: " + zip + " not found; the model's configuration and provenance are read back from " + runDir.resolve("index.provenance.json"));
        }
        inputs.put("scores_csv", file(scoreFile, runDir));
        if (Files.exists(log)) inputs.put("training_log_csv", file(log, runDir));
        for (org.deephem.analysis.NamedScores m : moreRuns) {
            Path f = runDir.resolve(SEEDS_DIR).resolve(seedFile(m.method(), m.seed()));
            if (Files.exists(f)) inputs.put("seed_scores_" + m.method() + "_" + m.seed(), file(f, runDir));
        }
        if (cv != null && Files.exists(runDir.resolve("cv_folds.csv"))) inputs.put("cv_folds_csv", file(runDir.resolve("cv_folds.csv"), runDir));
        Map<String, Object> prov = new LinkedHashMap<>(zipHere ? modelProvenance(zip) : recorded.model());
        // a zip made before paths were recorded relatively holds its dataset's absolute folder
        if (prov.containsKey("dataset")) prov.put("dataset", org.deephem.io.RecordedPath.recorded(prov.get("dataset"), runDir));
        Report r = RunReport.build(new RunReport.Inputs(run, ds, DatasetReader.targetScanClass(data, ds.target().ids()),
                networkRuns(new org.deephem.analysis.NamedScores("deephem", seedOf(prov), ds.target().ids(), humanScores), moreRuns),
                epochs, prov, inputs, org.deephem.baseline.Baselines.all(), org.deephem.eval.Correlations.DEFAULT_RESAMPLES, cv, comparisonCv, seed));
        for (Path dir : experiments) {
            Path saved = savedExperiment(dir, runDir);
            if (saved == null) org.deephem.report.ExperimentSection.add(r, dir, data);
            else org.deephem.report.ExperimentSection.addSaved(r, saved, dir.getFileName().toString());
        }
        Path caseStudy = runDir.resolve(CASE_STUDY_DIR);
        if (Files.isRegularFile(caseStudy.resolve("case_study.csv"))) org.deephem.report.CaseStudySection.addSaved(r, caseStudy);
        if (!selection.isEmpty()) org.deephem.report.SelectionSection.add(r, org.deephem.report.SelectionSection.readAll("--selection", selection, runDir));
        return ReportWriter.write(runDir, r);
    }

    /** Sub-folder of a run folder with a case study (case-study -o), shown as a section of the page when present. */
    static final String CASE_STUDY_DIR = "case-study";

    /**
     * The page's own saved summary of an experiment grid ({@code experiment_<folder name>_summary.csv})
     * when the grid folder itself is absent; null when the folder is there (or nothing was saved).
     */
    static Path savedExperiment(Path dir, Path runDir) {
        if (Files.exists(dir)) return null;
        Path csv = runDir.resolve(org.deephem.report.ExperimentSection.stem(String.valueOf(dir.getFileName())) + ".csv");
        return Files.isRegularFile(csv) ? csv : null;
    }

    /** Sub-folder of a run folder with the human scores of every further seed run of `all`. */
    static final String SEEDS_DIR = "seeds";

    /** Sub-folder of a run folder with the cross-validation on XGEM's comparison set (dataset1). */
    static final String COMPARISON_DIR = "xgem-dataset1";

    static String seedFile(String method, String seed) {
        return method + "_seed" + seed + "_human_scores.csv";
    }

    private static final java.util.regex.Pattern SEED_FILE = java.util.regex.Pattern.compile("(deephem(?:-nomti)?)_seed(-?\\d+)_human_scores\\.csv");

    /** The seed runs an earlier `all` wrote ({@link #seedFile}), deephem before deephem-nomti, by seed; none if the folder is absent. */
    static List<org.deephem.analysis.NamedScores> seedRuns(Path dir, List<String> humanIds) {
        if (!Files.isDirectory(dir)) return List.of();
        List<Path> files;
        try (var s = Files.list(dir)) {
            files = s.filter(p -> SEED_FILE.matcher(p.getFileName().toString()).matches()).toList();
        } catch (java.io.IOException e) {
            throw InputError.at(dir, "cannot list (" + e.getMessage() + ")");
        }
        List<org.deephem.analysis.NamedScores> out = new ArrayList<>();
        for (Path f : files) {
            var m = SEED_FILE.matcher(f.getFileName().toString());
            m.matches();
            out.add(new org.deephem.analysis.NamedScores(m.group(1), m.group(2), humanIds, humanScores(f, humanIds)));
        }
        out.sort(java.util.Comparator.comparing((org.deephem.analysis.NamedScores n) -> n.method())
                .thenComparingLong(n -> Long.parseLong(n.seed())));
        return out;
    }

    private static List<org.deephem.analysis.NamedScores> networkRuns(org.deephem.analysis.NamedScores saved, List<org.deephem.analysis.NamedScores> more) {
        List<org.deephem.analysis.NamedScores> all = new ArrayList<>(List.of(saved));
        all.addAll(more);
        return all;
    }

    /**
     * The provenance the report shows for a model zip. For an ensemble: its first member's (config,
     * dataset, software: the same for every member that `ensemble` bundles), the member seeds in place
     * of one seed, and no per-member selection metrics (each member kept its own epoch).
     */
    static Map<String, Object> modelProvenance(Path zip) {
        if (!org.deephem.zoo.EnsembleZip.isEnsemble(zip)) return ModelZip.load(zip).provenance();
        org.deephem.zoo.ZooModel z = org.deephem.zoo.ZooModel.load(zip);
        Map<String, Object> prov = new LinkedHashMap<>(z.members().get(0).model().provenance());
        List<String> seeds = new ArrayList<>();
        for (var m : z.members()) seeds.add(seedOf(m.model().provenance()));
        prov.put("name", String.valueOf(zip.getFileName()));
        prov.put("seeds", Map.of("ensemble", "mean of " + z.members().size() + " members, seeds " + String.join(",", seeds)));
        prov.remove("metrics");
        prov.remove("tags");
        return prov;
    }

    /** The run's seed as the tables name it: the one --seed when split, init and order share it, else "". */
    static String seedOf(Map<String, Object> modelProvenance) {
        if (!(modelProvenance.get("seeds") instanceof Map<?, ?> s)) return "";
        java.util.Set<String> distinct = new java.util.HashSet<>();
        for (Object v : s.values()) distinct.add(String.valueOf(v));
        return distinct.size() == 1 ? distinct.iterator().next() : "";
    }

    /** A file the report was made from, named from the run folder (see RecordedPath), with its SHA-256. */
    private static Map<String, String> file(Path p, Path runDir) {
        return org.deephem.io.RecordedPath.file(p, runDir);
    }

    /**
     * Scores in the dataset's human order; every human ID must have exactly one finite score.
     * The logit is used when the file has one: it ranks like the probability but does not saturate
     * at 1.0, where probabilities would tie.
     */
    static double[] humanScores(Path csv, List<String> humanIds) {
        Table t = Delimited.read(csv);
        int sc = t.header().stream().anyMatch(h -> h.strip().equalsIgnoreCase("logit")) ? t.column("logit") : t.column("score");
        List<String> ids = t.ids();
        Map<String, Double> byId = new HashMap<>();
        for (int r = 0; r < ids.size(); r++) byId.put(ids.get(r), t.number(r, sc));
        List<String> missing = new ArrayList<>();
        double[] out = new double[humanIds.size()];
        for (int i = 0; i < out.length; i++) {
            Double v = byId.get(humanIds.get(i));
            if (v == null) missing.add(humanIds.get(i));
            else out[i] = v;
        }
        if (!missing.isEmpty()) {
            throw InputError.at(csv, missing.size() + " human miRNAs of the dataset have no score (first: '" + missing.get(0) + "')");
        }
        return out;
    }
}
