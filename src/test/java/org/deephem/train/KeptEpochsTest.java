package org.deephem.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deephem.model.Selection;
import org.junit.jupiter.api.Test;

/** The rules replayed on hand-made logs, with the kept epochs worked out by hand. */
class KeptEpochsTest {
    private static List<EpochLog> log(double[] loss, double[] auc, double[] std) {
        List<EpochLog> out = new ArrayList<>();
        for (int i = 0; i < loss.length; i++) out.add(new EpochLog(i + 1, 0.1 * i, 0.1 * i, 1, 1, 0, 0, 0.5, 0.9, auc[i], loss[i], std[i], 1, 0.8));
        return out;
    }

    // epoch 4 has the lowest log-loss so far and the best AUC, but its human scores collapsed (sd 0): never kept
    private static final List<EpochLog> LOG = log(
            new double[] {0.70, 0.60, 0.65, 0.55, 0.62, 0.64, 0.50},
            new double[] {0.60, 0.80, 0.80, 0.90, 0.70, 0.70, 0.75},
            new double[] {0.1, 0.1, 0.1, 0.0, 0.1, 0.1, 0.1});

    @Test
    void eachRuleKeepsTheHandWorkedEpoch() {
        assertEquals(7, KeptEpochs.kept(LOG, Selection.VAL_LOGLOSS, 0));
        assertEquals(2, KeptEpochs.kept(LOG, Selection.VAL_AUC, 0), "ties go to the earlier epoch; the collapsed epoch 4 is skipped");
        assertEquals(7, KeptEpochs.kept(LOG, Selection.LAST, 0));
        // patience 2: best is epoch 2 after epochs 3 and 4 (4 collapsed), so the run stops after epoch 4
        assertEquals(2, KeptEpochs.kept(LOG, Selection.VAL_LOGLOSS, 2));
        assertEquals(7, KeptEpochs.kept(LOG, Selection.VAL_LOGLOSS, 10));
        Map<String, Integer> all = KeptEpochs.all(LOG);
        assertEquals(List.of("VAL_LOGLOSS", "VAL_AUC", "LAST", KeptEpochs.EARLY_STOP), List.copyOf(all.keySet()));
        assertEquals(List.of(7, 2, 7, 7), List.copyOf(all.values()));
    }

    @Test
    void allCollapsedKeepsTheLastEpochRunAndNoValidationKeepsTheLast() {
        List<EpochLog> flat = log(new double[] {0.7, 0.6, 0.5}, new double[] {0.5, 0.6, 0.7}, new double[] {0, 0, 0});
        assertEquals(3, KeptEpochs.kept(flat, Selection.VAL_LOGLOSS, 0));
        List<EpochLog> noVal = log(new double[] {Double.NaN, Double.NaN, Double.NaN}, new double[] {Double.NaN, Double.NaN, Double.NaN},
                new double[] {1, 1, 1});
        assertEquals(3, KeptEpochs.kept(noVal, Selection.VAL_LOGLOSS, 0));
        assertEquals(3, KeptEpochs.kept(noVal, Selection.VAL_AUC, 0));
    }
}
