package org.deephem.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deephem.analysis.NamedScores;
import org.deephem.io.Delimited;
import org.deephem.io.InputError;
import org.deephem.io.Table;
import org.deephem.train.EpochLog;
import org.deephem.train.RunProvenance;
import org.deephem.validation.CrossValidation;
import org.deephem.validation.CvFiles;
import org.deephem.zoo.EnsembleZip;
import org.deephem.zoo.ModelZip;
import org.deephem.zoo.ZooModel;

/**
 * A run folder ({@code <reports>/<run>}) as {@code all} leaves it and {@code report} reads it: the
 * human scores, the training log, the further seed runs, the cross-validations, the saved
 * baselines, a case study, the page's own record, every file by its name in this one place.
 */
public record RunFolder(Path dir) {
    /** Sub-folder with the human scores of every further seed run of `all`. */
    public static final String SEEDS_DIR = "seeds";
    /** Sub-folder with the cross-validation on XGEM's comparison set (dataset1). */
    public static final String COMPARISON_DIR = "xgem-dataset1";
    /** Sub-folder with a case study (case-study -o), shown as a section of the page when present. */
    public static final String CASE_STUDY_DIR = "case-study";
    public static final String TRAINING_LOG = "training_log.csv";
    public static final String CV_FOLDS = "cv_folds.csv";

    public static RunFolder of(Path dir) {
        return new RunFolder(dir);
    }

    /** The saved run's human scores: scores.csv, else human_scores.csv (the name before it). */
    public Path scoresFile() {
        Path now = dir.resolve("scores.csv");
        return Files.exists(now) ? now : dir.resolve("human_scores.csv");
    }

    public Path trainingLog() {
        return dir.resolve(TRAINING_LOG);
    }

    /** The epoch log of the saved run; none when the folder has no log. */
    public List<EpochLog> epochs() {
        return Files.exists(trainingLog()) ? EpochLog.read(trainingLog()) : List.of();
    }

    public Path seedsDir() {
        return dir.resolve(SEEDS_DIR);
    }

    public static String seedFile(String method, String seed) {
        return method + "_seed" + seed + "_human_scores.csv";
    }

    public Path seedScores(String method, String seed) {
        return seedsDir().resolve(seedFile(method, seed));
    }

    private static final Pattern SEED_FILE = Pattern.compile("(deephem(?:-nomti)?)_seed(-?\\d+)_human_scores\\.csv");

    /** The seed runs an earlier `all` wrote ({@link #seedFile}), deephem before deephem-nomti, by seed; none if the folder is absent. */
    public List<NamedScores> seedRuns(List<String> humanIds) {
        Path seeds = seedsDir();
        if (!Files.isDirectory(seeds)) return List.of();
        List<Path> files;
        try (var s = Files.list(seeds)) {
            files = s.filter(p -> SEED_FILE.matcher(p.getFileName().toString()).matches()).toList();
        } catch (java.io.IOException e) {
            throw InputError.at(seeds, "cannot list (" + e.getMessage() + ")");
        }
        List<NamedScores> out = new ArrayList<>();
        for (Path f : files) {
            Matcher m = SEED_FILE.matcher(f.getFileName().toString());
            m.matches();
            out.add(new NamedScores(m.group(1), m.group(2), humanIds, humanScores(f, humanIds)));
        }
        out.sort(Comparator.comparing(NamedScores::method).thenComparingLong(n -> Long.parseLong(n.seed())));
        return out;
    }

    /** The networks' nested mouse cross-validation `all` saved here; null when there is none. */
    public CrossValidation.Result cv() {
        return CvFiles.read(dir);
    }

    /** The same on XGEM's comparison set; null when there is none. */
    public CrossValidation.Result comparisonCv() {
        return CvFiles.read(dir.resolve(COMPARISON_DIR));
    }

    /** The folder of a case study with its table; null when there is none. */
    public Path caseStudy() {
        Path cs = dir.resolve(CASE_STUDY_DIR);
        return Files.isRegularFile(cs.resolve("case_study.csv")) ? cs : null;
    }

    /** The file a page saves the long summary of experiment grid {@code name} in (without extension). */
    public static String experimentStem(String name) {
        return "experiment_" + name.replaceAll("[^A-Za-z0-9_-]", "_") + "_summary";
    }

    /**
     * The page's own saved summary of an experiment grid ({@code experiment_<folder name>_summary.csv})
     * when the grid folder itself is absent; null when the folder is there (or nothing was saved).
     */
    public Path savedExperiment(Path gridDir) {
        if (Files.exists(gridDir)) return null;
        Path csv = dir.resolve(experimentStem(String.valueOf(gridDir.getFileName())) + ".csv");
        return Files.isRegularFile(csv) ? csv : null;
    }

    /** Whether an earlier page left its record here (index.provenance.json). */
    public boolean hasPage() {
        return PageProvenance.available(dir);
    }

    public PageProvenance.Recorded page() {
        return PageProvenance.read(dir);
    }

    /**
     * Scores in the dataset's human order; every human ID must have exactly one finite score.
     * The logit is used when the file has one: it ranks like the probability but does not saturate
     * at 1.0, where probabilities would tie.
     */
    public static double[] humanScores(Path csv, List<String> humanIds) {
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

    /**
     * The provenance the report shows for a model zip. For an ensemble: its first member's (config,
     * dataset, software: the same for every member that `ensemble` bundles), the member seeds in place
     * of one seed, and no per-member selection metrics (each member kept its own epoch).
     */
    public static Map<String, Object> modelProvenance(Path zip) {
        if (!EnsembleZip.isEnsemble(zip)) return ModelZip.load(zip).provenance();
        ZooModel z = ZooModel.load(zip);
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
    public static String seedOf(Map<String, Object> modelProvenance) {
        if (!(modelProvenance.get("seeds") instanceof Map<?, ?> s)) return "";
        Set<String> distinct = new HashSet<>();
        for (Object v : s.values()) distinct.add(String.valueOf(v));
        return distinct.size() == 1 ? distinct.iterator().next() : "";
    }

    /**
     * The typed record behind a provenance as the report shows it ({@link #modelProvenance}, or a
     * page's record). The configuration is left to the page as recorded (pages before
     * {@code model_config} kept only part of it), and an ensemble's seeds ("mean of N members")
     * are not one run's, so both are read as absent.
     */
    public static RunProvenance typed(Map<String, Object> shown) {
        Map<String, Object> m = new LinkedHashMap<>(shown);
        m.remove("config");
        if (!(m.get("seeds") instanceof Map<?, ?> s && s.containsKey("split"))) m.remove("seeds");
        return RunProvenance.fromMap(m);
    }
}
