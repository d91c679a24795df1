package org.deephem.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deephem.model.Selection;

/**
 * Which epoch each selection rule would keep, read off one full run's epoch log (early stopping
 * off): the trainer's own rule and stopping test ({@link Trainer#criterion}, {@link Trainer#shouldStop})
 * replayed epoch by epoch. A run stopped early with patience P goes through exactly the same
 * epochs as the full run up to its stop (the λ/α schedule depends on the configured epochs, not
 * on P), so one training per seed gives every rule's pick. Only mouse-side figures are read.
 */
public final class KeptEpochs {
    private KeptEpochs() {}

    /** The rules compared by {@code training-length}, in table order. */
    public static final int EARLY_STOP_PATIENCE = 10;
    public static final String EARLY_STOP = "EARLY_STOP_" + EARLY_STOP_PATIENCE + "_LOGLOSS";

    /** Rule name → kept epoch (1-based): VAL_LOGLOSS, VAL_AUC, LAST (all epochs), and early stopping (patience 10, log-loss). */
    public static Map<String, Integer> all(List<EpochLog> log) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Selection s : List.of(Selection.VAL_LOGLOSS, Selection.VAL_AUC, Selection.LAST)) out.put(s.name(), kept(log, s, 0));
        out.put(EARLY_STOP, kept(log, Selection.VAL_LOGLOSS, EARLY_STOP_PATIENCE));
        return out;
    }

    /**
     * The epoch the trainer keeps under {@code rule} and {@code patience} (0 = none), among epochs
     * whose human scores are not collapsed; the last epoch run when every epoch collapsed.
     */
    public static int kept(List<EpochLog> log, Selection rule, int patience) {
        double best = Double.POSITIVE_INFINITY;
        int bestEpoch = -1, run = 0;
        for (int i = 0; i < log.size(); i++) {
            EpochLog e = log.get(i);
            run = i + 1;
            // the trainer has validation rows exactly when it could compute a log-loss
            double c = Trainer.criterion(rule, !Double.isNaN(e.selectionLogLoss()), e.selectionLogLoss(), e.selectionAuc(), i);
            if (e.targetStd() > Trainer.COLLAPSE_STD && c < best) {
                best = c;
                bestEpoch = i + 1;
            }
            if (Trainer.shouldStop(patience, bestEpoch, i + 1)) break;
        }
        return bestEpoch > 0 ? bestEpoch : run;
    }
}
