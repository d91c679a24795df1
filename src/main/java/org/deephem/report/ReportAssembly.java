package org.deephem.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deephem.analysis.NamedScores;
import org.deephem.data.DatasetReader;
import org.deephem.data.DeepHemDataset;
import org.deephem.eval.Correlations;
import org.deephem.io.InputError;
import org.deephem.io.RecordedPath;
import org.deephem.run.PageProvenance;
import org.deephem.run.RunBaselines;
import org.deephem.run.RunFolder;
import org.deephem.train.EpochLog;
import org.deephem.validation.CrossValidation;

/**
 * The report of one run as one call: reads the run folder (run.RunFolder), the dataset and the
 * model's record, takes the baselines the run saved (fitting and saving them once if an older run
 * folder has none), gathers the page (RunReport) and its optional sections, and writes it.
 */
public final class ReportAssembly {
    private ReportAssembly() {}

    /**
     * Refuses a wrong grid or selection folder before the long part, in one line; a folder that
     * is absent is read back from the page's own tables.
     */
    public static void check(ReportSpec spec) {
        RunFolder folder = RunFolder.of(spec.runDir());
        for (Path dir : spec.experiments()) if (folder.savedExperiment(dir) == null) org.deephem.experiment.Harness.savedGrid(dir);
        if (!spec.selection().isEmpty()) SelectionSection.readAll("--selection", spec.selection(), spec.runDir());
    }

    /** Builds and writes the page; returns it ({@code <runDir>/index.html}). */
    public static Path run(ReportSpec spec) {
        check(spec);
        Path zip = spec.zip(), runDir = spec.runDir();
        RunFolder folder = RunFolder.of(runDir);
        boolean zipHere = Files.isRegularFile(zip);
        if (!zipHere && !folder.hasPage()) throw InputError.at(zip, "model not found (train it first, or give --zoo/--run)");
        Path scoreFile = spec.scores() != null ? spec.scores() : folder.scoresFile();
        DeepHemDataset ds = DatasetReader.read(spec.data());
        List<String> ids = ds.target().ids();
        double[] humanScores = RunFolder.humanScores(scoreFile, ids);
        List<NamedScores> moreRuns = spec.moreRuns();
        CrossValidation.Result cv = spec.cv(), comparisonCv = spec.comparisonCv();
        if (moreRuns == null && cv == null) {
            moreRuns = folder.seedRuns(ids);
            cv = folder.cv();
            comparisonCv = folder.comparisonCv();
        } else if (moreRuns == null) {
            moreRuns = List.of();
        }
        Path log = folder.trainingLog();
        List<EpochLog> epochs = folder.epochs();
        Map<String, Object> inputs = new LinkedHashMap<>();
        PageProvenance.Recorded recorded = zipHere ? null : folder.page();
        if (zipHere) {
            inputs.put("model_zip", RecordedPath.file(zip, runDir));
        } else {
            // the zip is not at hand (a committed page whose zip is not committed): the model as this page recorded it before
            inputs.put("model_zip", recorded.zipFile());
            inputs.put("model_record", "read back from this page's index.provenance.json: " + zip.getFileName() + " was not at hand");
            System.err.println("report: " + zip + " not found; the model's configuration and provenance are read back from " + runDir.resolve("index.provenance.json"));
        }
        inputs.put("scores_csv", RecordedPath.file(scoreFile, runDir));
        if (Files.exists(log)) inputs.put("training_log_csv", RecordedPath.file(log, runDir));
        for (NamedScores m : moreRuns) {
            Path f = folder.seedScores(m.method(), m.seed());
            if (Files.exists(f)) inputs.put("seed_scores_" + m.method() + "_" + m.seed(), RecordedPath.file(f, runDir));
        }
        if (cv != null && Files.exists(runDir.resolve(RunFolder.CV_FOLDS))) inputs.put("cv_folds_csv", RecordedPath.file(runDir.resolve(RunFolder.CV_FOLDS), runDir));
        RunBaselines.Saved baselines = RunBaselines.readOrFit(ds, runDir, spec.seed());
        if (baselines.fittedBecause() != null) {
            System.err.println("report: the baselines were fitted once and saved to " + baselines.file() + " (" + baselines.fittedBecause() + "); later reports read them");
        }
        inputs.put("baseline_scores_csv", RecordedPath.file(baselines.file(), runDir));
        Map<String, Object> prov = new LinkedHashMap<>(zipHere ? RunFolder.modelProvenance(zip) : recorded.model());
        // a zip made before paths were recorded relatively holds its dataset's absolute folder
        if (prov.containsKey("dataset")) prov.put("dataset", RecordedPath.recorded(prov.get("dataset"), runDir));
        List<NamedScores> networks = new ArrayList<>(List.of(new NamedScores("deephem", RunFolder.seedOf(prov), ids, humanScores)));
        networks.addAll(moreRuns);
        Report r = RunReport.build(new RunReport.Inputs(spec.run(), ds, DatasetReader.targetScanClass(spec.data(), ids), networks,
                epochs, prov, inputs, baselines.runs(), baselines.skipped(), Correlations.DEFAULT_RESAMPLES, cv, comparisonCv, spec.seed()));
        for (Path dir : spec.experiments()) {
            Path saved = folder.savedExperiment(dir);
            if (saved == null) ExperimentSection.add(r, dir, spec.data());
            else ExperimentSection.addSaved(r, saved, dir.getFileName().toString());
        }
        Path caseStudy = folder.caseStudy();
        if (caseStudy != null) CaseStudySection.addSaved(r, caseStudy);
        if (!spec.selection().isEmpty()) SelectionSection.add(r, SelectionSection.readAll("--selection", spec.selection(), runDir));
        return ReportWriter.write(runDir, r);
    }
}
