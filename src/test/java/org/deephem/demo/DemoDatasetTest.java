package org.deephem.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.deephem.data.DatasetReader;
import org.deephem.data.DeepHemDataset;
import org.deephem.data.Domain;
import org.deephem.testutil.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoDatasetTest {
    @TempDir
    Path tmp;

    @Test
    void committedDemoDataIsWhatTheGeneratorMakes() {
        Path out = tmp.resolve("demo");
        DemoDataset.write(out, DemoDataset.Sizes.standard(), 7, 16);
        DeepHemDataset fresh = DatasetReader.read(out);
        DeepHemDataset shipped = DatasetReader.read(TestData.demo());
        assertArrayEquals(shipped.labels(), fresh.labels());
        same(shipped.source(), fresh.source());
        same(shipped.unlabelledMouse(), fresh.unlabelledMouse());
        same(shipped.target(), fresh.target());
        assertEquals(shipped.humanTargets(), fresh.humanTargets());
        assertEquals(shipped.conservation(), fresh.conservation());
        assertEquals(shipped.dsw(), fresh.dsw());
    }

    private static void same(Domain a, Domain b) {
        assertEquals(a.ids(), b.ids());
        assertEquals(a.sequences(), b.sequences());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.inherent()[i], b.inherent()[i], 0.0, a.ids().get(i));
            assertArrayEquals(a.mtiPca()[i], b.mtiPca()[i], 1e-12, a.ids().get(i));
        }
    }

    @Test
    void theDomainsAreShiftedAndTheSignalIsPlanted() {
        DeepHemDataset d = DatasetReader.read(TestData.demo());
        double mouseGc = 0, humanGc = 0;
        for (double[] r : d.source().inherent()) mouseGc += r[1] / d.source().size();
        for (double[] r : d.target().inherent()) humanGc += r[1] / d.target().size();
        assertTrue(humanGc > mouseGc + 0.01, "human GC " + humanGc + " vs mouse " + mouseGc);
        double lenE = 0, lenN = 0;
        for (int i = 0; i < d.source().size(); i++) {
            if (d.labels()[i] == 1) lenE += d.source().inherent()[i][0] / 60;
            else lenN += d.source().inherent()[i][0] / 60;
        }
        assertTrue(lenE < lenN, "essential-like hairpins are shorter");
    }
}
