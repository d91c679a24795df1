package org.deephem.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.deephem.testutil.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds the real dataset from ../shared/data/raw (skipped with a message when absent). */
class RealDatasetTest {
    @TempDir
    static Path tmp;
    static DeepHemDataset ds;
    static Map<String, Object> manifest;
    static Path out;
    static DeepHemDataset xgem1;

    @BeforeAll
    static void build() {
        if (!TestData.rawPresent()) return; // each test then reports itself skipped, with the reason
        Path raw = TestData.rawLocation();
        out = tmp.resolve("dataset");
        manifest = DatasetBuilder.build(new DatasetBuilder.Options(raw, out, 32, 42, org.deephem.features.RnaFolder.DEFAULT_DANGLES, tmp.resolve("xgem-dataset1"))).manifest();
        ds = DatasetReader.read(out);
        xgem1 = DatasetReader.read(tmp.resolve("xgem-dataset1"));
    }

    @BeforeEach
    void needsRawData() {
        TestData.rawOrSkip();
    }

    @Test
    void countsMatchTheRecipe() {
        assertEquals(173, ds.source().size());
        assertEquals(85, Arrays.stream(ds.labels()).sum());
        assertEquals(1061, ds.unlabelledMouse().size());
        assertEquals(1917, ds.target().size());
    }

    @Test
    void mtiCoverageMatchesDatasetMd() {
        assertEquals(373, ds.humanTargets().size(), "human precursors with any target (isoform suffix stripped)");
        long essentialWithTargets = 0, nonEssentialWithTargets = 0;
        for (int i = 0; i < ds.source().size(); i++) {
            if (!ds.mouseTargets().containsKey(ds.source().ids().get(i))) continue;
            if (ds.labels()[i] == 1) essentialWithTargets++;
            else nonEssentialWithTargets++;
        }
        assertEquals(83, essentialWithTargets);
        assertEquals(44, nonEssentialWithTargets);
        @SuppressWarnings("unchecked")
        Map<String, Object> counts = (Map<String, Object>) manifest.get("counts");
        assertEquals(9, ((Number) counts.get("targetscan_human_names_unmatched")).intValue());
    }

    @Test
    void foldingUsesRnafoldsDefaultDanglesAndRecordsIt() {
        assertEquals(2, DatasetReader.foldingDangles(out), "dataset.json records the dangles");
        // RNAfold 2.7.1 (default -d2) folds hsa-mir-21 to -34.60 kcal/mol (../shared/data/reference)
        assertEquals(-34.6, ds.target().inherent()[ds.target().ids().indexOf("hsa-mir-21")][6], 1e-9);
    }

    @Test
    void dswAndHmddMatching() {
        int i = ds.target().ids().indexOf("hsa-mir-21");
        assertEquals(147.0 / 374.0, ds.dsw().get("hsa-mir-21"), 1e-12);
        assertTrue(i >= 0);
        @SuppressWarnings("unchecked")
        Map<String, Object> counts = (Map<String, Object>) manifest.get("counts");
        int matched = ((Number) counts.get("hmdd_matched_exact")).intValue() + ((Number) counts.get("hmdd_matched_family")).intValue();
        assertTrue(matched >= 700, "HMDD names matched: " + matched);
        assertEquals(121.0 / 374.0, ds.dsw().get("hsa-mir-155"), 1e-12);
    }

    @Test
    void everyRowHasAllFeaturesWithoutNaN() {
        for (Domain d : new Domain[] {ds.source(), ds.unlabelledMouse(), ds.target()}) {
            for (int r = 0; r < d.size(); r++) {
                assertEquals(18, d.inherent()[r].length);
                assertEquals(32, d.mtiPca()[r].length);
                for (double v : d.inherent()[r]) assertTrue(Double.isFinite(v), d.ids().get(r));
                for (double v : d.mtiPca()[r]) assertTrue(Double.isFinite(v), d.ids().get(r));
            }
        }
        // conservation: every human precursor's own seed is in miRBase, so at least 1 species
        assertTrue(ds.conservation().values().stream().allMatch(v -> v >= 1));
    }

    @Test
    void xgemDataset1IsASecondLabelledSetWithTheSameFeatures() {
        assertEquals(154, xgem1.source().size());
        assertEquals(77, Arrays.stream(xgem1.labels()).sum());
        assertEquals(1234 - 154, xgem1.unlabelledMouse().size(), "every other mouse precursor is unlabelled");
        assertEquals(ds.target().ids(), xgem1.target().ids());
        int inDataset2 = 0;
        for (int r = 0; r < xgem1.source().size(); r++) {
            String id = xgem1.source().ids().get(r);
            int i = ds.source().ids().indexOf(id);
            Domain where = i >= 0 ? ds.source() : ds.unlabelledMouse();
            int j = i >= 0 ? i : ds.unlabelledMouse().ids().indexOf(id);
            assertTrue(j >= 0, id);
            assertTrue(Arrays.equals(where.inherent()[j], xgem1.source().inherent()[r]), id);
            assertTrue(Arrays.equals(where.mtiPca()[j], xgem1.source().mtiPca()[r]), id);
            if (i >= 0) {
                inDataset2++;
                assertEquals(ds.labels()[i], xgem1.labels()[r], "dataset1 and dataset2 agree on " + id);
            }
        }
        assertEquals(72 + 77, inDataset2, "PROVENANCE.md: 72 of P_77 and all of N_77 are in dataset2");
        long essentialWithTargets = 0;
        for (int r = 0; r < xgem1.source().size(); r++) {
            if (xgem1.labels()[r] == 1 && xgem1.mouseTargets().containsKey(xgem1.source().ids().get(r))) essentialWithTargets++;
        }
        assertEquals(77, essentialWithTargets, "every dataset1 essential precursor has TargetScan targets");
    }
}
