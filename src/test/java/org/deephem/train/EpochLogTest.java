package org.deephem.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EpochLogTest {
    @Test
    void logRoundTripsWithTheStepTime(@TempDir Path dir) throws Exception {
        EpochLog e = new EpochLog(3, 0.2, 0.2, 0.9, 0.5, 0.1, 0.69, 0.55, 0.97, 0.95, 0.21, 0.18, 2.61, 2.08);
        Path f = dir.resolve("training_log.csv");
        Files.writeString(f, EpochLog.header() + "\n" + e.csv() + "\n");
        EpochLog back = EpochLog.read(f).get(0);
        assertEquals(3, back.epoch());
        assertEquals(2.61, back.seconds(), 1e-9);
        assertEquals(2.08, back.stepSeconds(), 1e-9);
        assertEquals(0.21, back.selectionLogLoss(), 1e-9);
    }

    @Test
    void logsWrittenBeforeTheStepTimeStillRead(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("training_log.csv");
        Files.writeString(f, "epoch,lambda,alpha,loss,cls_loss,mmd_loss,adv_loss,domain_acc,train_auc,selection_auc,selection_logloss,target_std,seconds\n"
                + "1,0.0000,0.0000,0.90000,0.50000,0.10000,0.69000,0.5000,0.9000,NaN,0.40000,0.20000,1.50\n");
        List<EpochLog> log = EpochLog.read(f);
        assertEquals(1.5, log.get(0).seconds(), 1e-9);
        assertTrue(Double.isNaN(log.get(0).selectionAuc()));
        assertTrue(Double.isNaN(log.get(0).stepSeconds()));
    }
}
