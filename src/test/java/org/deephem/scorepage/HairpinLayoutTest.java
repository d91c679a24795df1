package org.deephem.scorepage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.deephem.data.DatasetReader;
import org.deephem.data.DeepHemDataset;
import org.deephem.features.RnaFolder;
import org.deephem.testutil.TestData;
import org.junit.jupiter.api.Test;

/** The hairpin layout: unit backbone steps, fixed pair distance, no crowding on real folds. */
class HairpinLayoutTest {
    /** Closest two nucleotides may come: circles of radius {@link HairpinSvg#NODE} do not touch. */
    static final double MIN_GAP = 2 * HairpinSvg.NODE + 0.05;

    /** A stem closing a multiloop of three hairpins, with flanks, a bulge and an interior loop. */
    static final String MULTI = "..((((..((((....))))...(((.((...)).)))..((((.....)))).))))...";

    @Test
    void distancesHoldOnHandWrittenStructures() {
        for (String db : List.of(MULTI, "..........", "(((...)))", "((((....))))..((((....))))", "(...)", ".", "..",
                "((((((((((((((((((((....))))))))))))))))))))", ".(.(.(.(.(...).).).).).")) {
            HairpinLayout.Coordinates c = HairpinLayout.of(db);
            checkDistances(db, c);
        }
    }

    @Test
    void demoHairpinsFoldedByRnaFolderAreUncrowded() {
        DeepHemDataset ds = DatasetReader.read(TestData.demo());
        RnaFolder folder = new RnaFolder();
        List<String> seqs = new ArrayList<>();
        // every 12th precursor of each domain: mouse and the longer-flanked human ones
        for (int i = 0; i < ds.source().size(); i += 12) seqs.add(ds.source().sequences().get(i));
        for (int i = 0; i < ds.target().size(); i += 12) seqs.add(ds.target().sequences().get(i));
        for (String s : seqs) {
            String db = folder.fold(s).structure();
            assertTrue(db.indexOf('(') >= 0, "the demo precursors fold into hairpins: " + db);
            checkDistances(db, HairpinLayout.of(db));
        }
        assertTrue(seqs.size() >= 25, "enough hairpins tried: " + seqs.size());
    }

    /**
     * All 3,151 human and mouse miRBase 22 precursors as RNAfold 2.7.1 folds them (shared
     * reference; skipped without it). The radial layout can curl a long stem with many
     * one-sided loops back onto itself, or let two branches meet: a handful do (6 when this was
     * written); more than 0.5 % would mean the layout got worse.
     */
    @Test
    void realPrecursorsAreAlmostAllUncrowded() throws java.io.IOException {
        java.nio.file.Path ref = TestData.rnafoldReferenceOrSkip().resolve("hsa_mmu_d2.tsv");
        List<String> lines = java.nio.file.Files.readAllLines(ref);
        List<String> crowded = new ArrayList<>();
        int total = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            String db = f[3];
            HairpinLayout.Coordinates c = HairpinLayout.of(db);
            total++;
            double min = minDistance(c);
            if (min < MIN_GAP) crowded.add(f[0] + " (" + String.format(java.util.Locale.ROOT, "%.2f", min) + ")");
            for (int k = 0; k + 1 < db.length(); k++) assertEquals(1.0, c.distance(k, k + 1), 1e-9, f[0]);
        }
        assertEquals(3151, total, "every precursor of the reference read");
        System.err.println("hairpin layout: " + crowded.size() + " of " + total + " miRBase folds have nucleotides closer than "
                + MIN_GAP + ": " + crowded);
        assertTrue(crowded.size() <= total / 200, crowded.size() + " crowded: " + crowded);
    }

    static double minDistance(HairpinLayout.Coordinates c) {
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < c.size(); i++) for (int j = i + 1; j < c.size(); j++) min = Math.min(min, c.distance(i, j));
        return min;
    }

    private static void checkDistances(String db, HairpinLayout.Coordinates c) {
        int n = db.length();
        assertEquals(n, c.size());
        int[] pt = org.deephem.features.Fold.pairTable(db);
        for (int k = 0; k + 1 < n; k++) {
            assertEquals(HairpinLayout.BACKBONE, c.distance(k, k + 1), 1e-9, db + ": backbone step " + (k + 1) + "-" + (k + 2));
        }
        for (int k = 0; k < n; k++) {
            if (pt[k] > k) assertEquals(HairpinLayout.PAIR, c.distance(k, pt[k]), 1e-9, db + ": pair " + (k + 1) + "-" + (pt[k] + 1));
            assertEquals(1.0, Math.hypot(c.outX()[k], c.outY()[k]), 1e-9, db + ": label direction of " + (k + 1));
            assertTrue(Double.isFinite(c.x()[k]) && Double.isFinite(c.y()[k]), db + ": position " + (k + 1));
        }
        double min = Double.POSITIVE_INFINITY;
        int mi = -1, mj = -1;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (c.distance(i, j) < min) {
                    min = c.distance(i, j);
                    mi = i;
                    mj = j;
                }
            }
        }
        if (n > 1) assertTrue(min >= MIN_GAP, db + ": nucleotides " + (mi + 1) + " and " + (mj + 1) + " are only " + min + " apart");
    }

    @Test
    void hairpinReadsLikeMiRBase() {
        // 5′ arm on top (smaller screen y), terminal loop on the right of the ends
        String db = "....((((((((....))))))))....";
        HairpinLayout.Coordinates c = HairpinLayout.of(db);
        double arm5 = 0, arm3 = 0;
        for (int k = 4; k < 12; k++) arm5 += c.y()[k];
        for (int k = 16; k < 24; k++) arm3 += c.y()[k];
        assertTrue(arm5 < arm3, "5′ arm above the 3′ arm");
        double loopX = (c.x()[13] + c.x()[14]) / 2;
        assertTrue(loopX > c.x()[0] + 5 && loopX > c.x()[27] + 5, "terminal loop to the right of both ends");
        // the stem is a straight, horizontal ladder
        for (int k = 5; k < 12; k++) assertEquals(c.y()[4], c.y()[k], 1e-6, "5′ arm straight at " + (k + 1));
    }

    @Test
    void centralAnglesCloseTheCircle() {
        double[] square = HairpinLayout.centralAngles(new double[] {1, 1, 1, 1});
        for (double a : square) assertEquals(Math.PI / 2, a, 1e-9);
        double[] rect = HairpinLayout.centralAngles(new double[] {1, 1.5, 1, 1.5});
        assertEquals(2 * Math.PI, rect[0] + rect[1] + rect[2] + rect[3], 1e-9);
        assertEquals(2 * Math.atan(1 / 1.5), rect[0], 1e-9, "a 1 × 1.5 rectangle's short side");
        // a long edge that needs more than a half circle: the centre is outside, its angle negative
        double[] flat = HairpinLayout.centralAngles(new double[] {1, 1, 1.9});
        assertTrue(flat[2] < 0, "longest edge's angle is negative");
        assertEquals(0, flat[0] + flat[1] + flat[2], 1e-9);
    }

    @Test
    void badDotBracketIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> HairpinLayout.of("((..)"));
        assertThrows(IllegalArgumentException.class, () -> HairpinLayout.of("(..))"));
        assertThrows(IllegalArgumentException.class, () -> HairpinLayout.of("(..x)"));
        assertEquals(0, HairpinLayout.of("").size());
    }
}
