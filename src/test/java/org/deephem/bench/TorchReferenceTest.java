package org.deephem.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TorchReferenceTest {
    @TempDir
    Path tmp;

    @Test
    void readsBenchPyJson() throws Exception {
        String json = "{\"torch\": \"1.13\", \"train\": {\"1\": {\"median_epochs_2_to_N\": 19.9, \"epoch_seconds\": [21.0, 19.9]}},"
                + " \"infer\": {\"1\": {\"seq_per_s\": 251.5}}, \"peak_rss_mb\": 912.0}";
        TorchReference.Run r = TorchReference.parse(json, 1);
        assertEquals(19.9, r.secondsPerEpoch(), 0.0);
        assertEquals(251.5, r.seqPerSecond(), 0.0);
        assertEquals(912.0, r.peakRssMiB(), 0.0);
        assertTrue(Double.isNaN(TorchReference.parse(json, 2).secondsPerEpoch()), "a thread count it did not run is NaN, not 0");
    }

    @Test
    void saysWhyItCannotRun() {
        String why = TorchReference.unavailable(tmp.resolve("no-ref"), tmp.resolve("no-data"));
        assertTrue(why.contains("bench.py not found"), why);
    }
}
