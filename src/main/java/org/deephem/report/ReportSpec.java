package org.deephem.report;

import java.nio.file.Path;
import java.util.List;
import org.deephem.analysis.NamedScores;
import org.deephem.validation.CrossValidation;

/**
 * What one report page is made from. {@code zip}: the model (when absent, the page's own record
 * is read back); {@code scores}: the saved run's human scores (null: the run folder's).
 * {@code moreRuns}: further network runs (other seeds, the no-MTI twin) beside the saved one and
 * {@code cv} the cross-validation; when both are null they are read back from what an earlier
 * {@code all} left in {@code runDir} (so that {@code report} alone redraws the page {@code all}
 * wrote). {@code seed}: the baselines' fits and the bootstrap. {@code experiments}: grid folders,
 * one section each; {@code selection}: select-default folders, one per protocol round.
 */
public record ReportSpec(String run, Path data, Path zip, Path runDir, Path scores, List<NamedScores> moreRuns,
                         CrossValidation.Result cv, CrossValidation.Result comparisonCv, long seed,
                         List<Path> experiments, List<Path> selection) {
    public ReportSpec {
        experiments = experiments == null ? List.of() : List.copyOf(experiments);
        selection = selection == null ? List.of() : List.copyOf(selection);
    }

    /** `report`: everything else read back from the run folder. */
    public static ReportSpec redraw(String run, Path data, Path zip, Path runDir, Path scores, long seed, List<Path> experiments, List<Path> selection) {
        return new ReportSpec(run, data, zip, runDir, scores, null, null, null, seed, experiments, selection);
    }

    /** The last step of `all`: the runs and cross-validations it has just made. */
    public static ReportSpec afterAll(String run, Path data, Path zip, Path runDir, Path scores, List<NamedScores> moreRuns,
                                      CrossValidation.Result cv, CrossValidation.Result comparisonCv, long seed) {
        return new ReportSpec(run, data, zip, runDir, scores, moreRuns, cv, comparisonCv, seed, List.of(), List.of());
    }
}
