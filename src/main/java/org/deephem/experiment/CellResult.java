package org.deephem.experiment;

import java.util.List;
import java.util.Map;

/**
 * What one finished cell wrote to {@code cells/<id>.json}: its spec and that spec's hash, the
 * human scores, the human correlations (reported only, never used to choose anything), the
 * nested mouse CV figures if the grid asked for them, the kept epoch of a network, provenance and
 * wall time, and a network's per-epoch trace (null for other methods and for files written before traces).
 */
public record CellResult(CellSpec spec, String specSha256, List<String> humanIds, double[] humanScores,
                         List<Corr> correlations, Cv cv, Integer selectedEpoch, Integer epochsRun,
                         Map<String, Object> provenance, double wallSeconds, Trace trace) {

    /**
     * A network cell's training, epoch by epoch, and the epoch each selection rule keeps. The human
     * correlations in it are shown, never used to choose anything.
     */
    public record Trace(List<Epoch> epochs, List<Pick> picks) {}

    /** One epoch: schedules, the mouse-side selection figures, human score spread, and the human correlations (measure → r). */
    public record Epoch(int epoch, double lambda, double alpha, double selectionLogLoss, double selectionAuc, double targetStd,
                        Map<String, Double> human, Double domainAccuracy) {}

    /** The epoch a selection rule keeps ({@code train.KeptEpochs}) and the human scores of that epoch's weights. */
    public record Pick(String rule, int epoch, double[] humanScores) {}

    /** One coefficient of the human scores with one indicator. */
    public record Corr(String indicator, String coefficient, double r, double p, int n, int dropped) {
        /** Column name in the merged tables, e.g. {@code conservation_spearman}. */
        public String measure() {
            return indicator + "_" + coefficient;
        }
    }

    /**
     * Nested CV on the labelled mouse: one AUROC / AUPRC / log-loss per outer fold (folds × repeats;
     * log-loss null in files written before it), and the length-matched AUROC of the pooled
     * outer-fold predictions with its 95 % bootstrap interval ({@code validation.LengthMatchedAuroc};
     * mean over repeats; null in files written before it).
     */
    public record Cv(int folds, int repeats, double[] auroc, double[] auprc, double[] logLoss,
                     Double lmAuroc, Double lmAurocLo, Double lmAurocHi) {
        /** Without the length-matched AUROC (as files written before it read). */
        public Cv(int folds, int repeats, double[] auroc, double[] auprc, double[] logLoss) {
            this(folds, repeats, auroc, auprc, logLoss, null, null, null);
        }

        public double aurocMean() {
            return java.util.Arrays.stream(auroc).average().orElse(Double.NaN);
        }
    }
}
