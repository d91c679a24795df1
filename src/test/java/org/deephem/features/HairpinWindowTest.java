package org.deephem.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.deephem.features.HairpinWindow.Placement;
import org.junit.jupiter.api.Test;

/**
 * Canonical windows worked by hand on hand-written structures (the rule reads only the pair
 * table, so the sequences need not be complementary; they are written so that every mature
 * occurs once). Positions are 0-based, windows [start, end).
 */
class HairpinWindowTest {
    /**
     * S1, n = 40: 5 unpaired, 12 opening (5..16), a 6-nt loop (17..22), 12 closing (23..34),
     * 5 unpaired (35..39). partner(x) = 39 − x on 5..16 and 23..34; terminal loop closed by
     * (16, 23), middle 19.5 (twice: 39).
     */
    static final String S1 = ".".repeat(5) + "(".repeat(12) + ".".repeat(6) + ")".repeat(12) + ".".repeat(5);
    /** 40 nt in which every 8-mer occurs once (a de Bruijn-like stretch written out by hand). */
    static final String SEQ40 = "ACGUAAGCCAUGGUCUACCGAUUCGGAGUAUCCUAGACGA";

    static Mature at(String name, String seq, int start, int endInclusive) {
        return new Mature(name, seq.substring(start, endInclusive + 1));
    }

    static HairpinWindow window(String seq, String structure, Mature... ms) {
        return HairpinWindow.of(seq, new Fold(-10.0, structure), List.of(ms));
    }

    @Test
    void theHandWrittenFixturesAreWhatTheCommentsSay() {
        assertEquals(40, S1.length());
        assertEquals(40, SEQ40.length());
        int[] pt = Fold.pairTable(S1);
        for (int x = 5; x <= 16; x++) assertEquals(39 - x, pt[x]);
        assertEquals(39, HairpinWindow.terminalLoop(pt));
        for (int s = 0; s + 8 <= 40; s++) assertEquals(s, SEQ40.indexOf(SEQ40.substring(s, s + 8)), "8-mer at " + s + " occurs once");
    }

    @Test
    void bothArmsSpanFrom5pStartTo3pEndWithNoFlank() {
        // 5p [3, 12], 3p [26, 37] -> [3, 38): 35 nt, F = 0
        HairpinWindow w = window(SEQ40, S1, at("m-5p", SEQ40, 3, 12), at("m-3p", SEQ40, 26, 37));
        assertEquals(new HairpinWindow(3, 38, Placement.BOTH_ARMS, false, false, false), w);
        assertEquals(35, w.length());
        assertEquals(SEQ40.substring(3, 38), w.cut(SEQ40));
    }

    @Test
    void matureAtTheAnnotatedEdgesKeepsTheWholePrecursorUnclipped() {
        // 5p [0, 9], 3p [30, 39]: the annotation has no flank at all; window = [0, 40), nothing left the precursor
        HairpinWindow w = window(SEQ40, S1, at("m-3p", SEQ40, 30, 39), at("m-5p", SEQ40, 0, 9));
        assertEquals(new HairpinWindow(0, 40, Placement.BOTH_ARMS, false, false, false), w);
    }

    @Test
    void fivePrimeArmOnlyEndsTwoNucleotidesPastThePartnerOfItsStart() {
        // 5p [6, 15]: centre (6+15)/2 = 10.5 < loop middle 19.5 -> 5p arm.
        // partner(6) = 33; inclusive end 33 + 2 = 35 -> [6, 36)
        HairpinWindow w = window(SEQ40, S1, at("m", SEQ40, 6, 15));
        assertEquals(new HairpinWindow(6, 36, Placement.FIVE_P_ARM, false, false, false), w);
    }

    @Test
    void threePrimeArmOnlyStartsAtThePartnerOfItsThirdLastNucleotide() {
        // 3p [24, 33]: centre 28.5 > 19.5 -> 3p arm. e - 2 = 31, partner(31) = 8 -> [8, 34)
        HairpinWindow w = window(SEQ40, S1, at("m", SEQ40, 24, 33));
        assertEquals(new HairpinWindow(8, 34, Placement.THREE_P_ARM, false, false, false), w);
    }

    @Test
    void anUnpairedOverhangPositionTakesTheNearestPairedOneShifted() {
        // S1 without the pair 8-31: both unpaired
        String s2 = S1.substring(0, 8) + "." + S1.substring(9, 31) + "." + S1.substring(32);
        int[] pt = Fold.pairTable(s2);
        assertEquals(-1, pt[8]);
        assertEquals(-1, pt[31]);
        // 3p [24, 33]: anchor e - 2 = 31 unpaired; distance 1: 30 (5' one first) pairs with 9 < 24.
        // partner(31) ~ partner(30) + (30 - 31) = 9 - 1 = 8 -> [8, 34), as if the helix went on
        assertEquals(new HairpinWindow(8, 34, Placement.THREE_P_ARM, false, false, false), window(SEQ40, s2, at("m", SEQ40, 24, 33)));
        // 5p [8, 15]: s = 8 unpaired; 9 pairs with 30 > 15, distance 1.
        // partner(8) ~ 30 + 1 = 31; inclusive end 31 + 2 = 33 -> [8, 34)
        assertEquals(new HairpinWindow(8, 34, Placement.FIVE_P_ARM, false, false, false), window(SEQ40, s2, at("m", SEQ40, 8, 15)));
    }

    @Test
    void aFivePrimeArmAtThe5PrimeEdgeIsClippedAtThe3PrimeEnd() {
        // 5p [0, 9]: 0..4 unpaired; the nearest paired position is 5 (partner 34 > 9), distance 5.
        // partner(0) ~ 34 + 5 = 39; inclusive end 39 + 2 = 41 -> [0, 42) leaves the 40 nt: clipped to [0, 40)
        HairpinWindow w = window(SEQ40, S1, at("m", SEQ40, 0, 9));
        assertEquals(new HairpinWindow(0, 40, Placement.FIVE_P_ARM, true, false, false), w);
    }

    @Test
    void aThreePrimeArmAtThe3PrimeEdgeIsPlacedFromItsPairedPart() {
        // 3p [30, 39]: anchor 37 unpaired, as are 36, 38 (distance 1), 35, 39 (distance 2);
        // distance 3: 34 pairs with 5 < 30. partner(37) ~ 5 + (34 - 37) = 2 -> [2, 40), not clipped
        HairpinWindow w = window(SEQ40, S1, at("m", SEQ40, 30, 39));
        assertEquals(new HairpinWindow(2, 40, Placement.THREE_P_ARM, false, false, false), w);
    }

    @Test
    void aThreePrimeArmWhosePartnerLeavesThePrecursorIsClippedAtThe5PrimeEnd() {
        // S3, n = 30: 10 opening (0..9), loop 10..13, 10 closing (14..23), 6 unpaired; partner(x) = 23 - x.
        String s3 = "(".repeat(10) + "...." + ")".repeat(10) + "......";
        String seq = SEQ40.substring(0, 30);
        // 3p [16, 27]: centre 21.5 > loop middle 11.5. Anchor 25 unpaired; 24, 26 unpaired; distance 2: 23 pairs with 0.
        // partner(25) ~ 0 + (23 - 25) = -2 -> [-2, 28) leaves the precursor: clipped to [0, 28)
        HairpinWindow w = window(seq, s3, at("m", seq, 16, 27));
        assertEquals(new HairpinWindow(0, 28, Placement.THREE_P_ARM, true, false, false), w);
    }

    @Test
    void noMatureIsSixtyNucleotidesCentredOnTheTerminalLoop() {
        // n = 100: 20 unpaired, 25 opening (20..44), 10-nt loop (45..54), 25 closing, 20 unpaired.
        // Loop closed by (44, 55), middle 49.5: start = 49.5 - 29.5 = 20 -> [20, 80), centre (20 + 79)/2 = 49.5
        String s = ".".repeat(20) + "(".repeat(25) + ".".repeat(10) + ")".repeat(25) + ".".repeat(20);
        String seq = "ACGU".repeat(25);
        assertEquals(new HairpinWindow(20, 80, Placement.NO_MATURE, false, false, false), window(seq, s));
        // a mature that is not in the precursor is no mature
        assertEquals(new HairpinWindow(20, 80, Placement.NO_MATURE, false, false, false), window(seq, s, new Mature("x", "GGGGGGGG")));
    }

    @Test
    void noMatureWithAnOddLoopHolds30NucleotidesBeforeItsMiddleAnd29After() {
        // n = 99: 20 unpaired, 25 opening (20..44), 9-nt loop (45..53), 25 closing (54..78), 20 unpaired.
        // Loop closed by (44, 54): middle nucleotide 49; window [19, 79): 19..48 (30 nt), 49, 50..78 (29 nt)
        String s = ".".repeat(20) + "(".repeat(25) + ".".repeat(9) + ")".repeat(25) + ".".repeat(20);
        String seq = "ACGU".repeat(25).substring(0, 99);
        HairpinWindow w = window(seq, s);
        assertEquals(new HairpinWindow(19, 79, Placement.NO_MATURE, false, false, false), w);
        assertEquals(60, w.length());
    }

    @Test
    void noMatureOnAShortPrecursorIsClipped() {
        // S1: loop middle 19.5 -> [-10, 50), clipped to [0, 40)
        assertEquals(new HairpinWindow(0, 40, Placement.NO_MATURE, true, false, false), window(SEQ40, S1));
        // an open chain: centred on the precursor's middle 19.5, the same
        assertEquals(new HairpinWindow(0, 40, Placement.NO_MATURE, true, false, false), window(SEQ40, ".".repeat(40)));
    }

    @Test
    void theTerminalLoopClosesTheStemWithTheMostPairsThroughBulgesAndInteriorLoops() {
        // "((((.((....)).))))": pairs 6-11, 5-12, then a 1x1 interior loop, 3-14, 2-15, 1-16, 0-17: a 6-pair stem.
        // "(((((...)))))" at 18..30: a 5-pair stem, nearer the middle (15) of the 31 nt. The longer stem wins: 6 + 11 = 17
        String s = "((((.((....)).))))" + "(((((...)))))";
        int[] pt = Fold.pairTable(s);
        assertEquals(6, HairpinWindow.stemPairs(pt, 6, 11));
        assertEquals(5, HairpinWindow.stemPairs(pt, 22, 26));
        assertEquals(17, HairpinWindow.terminalLoop(pt));
        // a multiloop ends a stem: both branches have 2 pairs, their loops (5, 9) and (14, 18) have middles 7 and 16,
        // both 4.5 from the middle (11.5) of the 24 nt
        String multi = "((..((...))..((...))..))";
        int[] mt = Fold.pairTable(multi);
        assertEquals(2, HairpinWindow.stemPairs(mt, 5, 9));
        assertEquals(2, HairpinWindow.stemPairs(mt, 14, 18));
        assertEquals(14, HairpinWindow.terminalLoop(mt), "the two are 4.5 from the middle: the 5'-most");
    }

    @Test
    void aLoneMatureAcrossTheLoopTakesItsArmFromItsName() {
        // S1, mature [15, 24] holds the loop middle 19.5: the structure cannot tell its arm.
        // "-5p": no position of 15..24 pairs beyond 24 (15-24 and 16-23 pair inside it, 17..22 is the loop):
        // the missing arm cannot be placed -> 60 nt from its start, [15, 75) clipped to [15, 40)
        HairpinWindow five = window(SEQ40, S1, at("m-5p", SEQ40, 15, 24));
        assertEquals(new HairpinWindow(15, 40, Placement.FIVE_P_ARM, true, true, true), five);
        // "-3P" (any case): anchor e - 2 = 22 (loop); 21 (loop), 23 (pairs 16, inside the mature); 20, 24 (pairs 15, inside);
        // 19..17 (loop), 16, 15 (pair inside): nothing pairs 5' of 15 -> 60 nt ending at 24, [-35, 25) clipped to [0, 25)
        HairpinWindow three = window(SEQ40, S1, at("M-3P", SEQ40, 15, 24));
        assertEquals(new HairpinWindow(0, 25, Placement.THREE_P_ARM, true, true, true), three);
        // no suffix: its centre 19.5 is the loop's middle -> build-dataset's half rule: starts at 15 < 20 -> 5p
        HairpinWindow none = window(SEQ40, S1, at("m", SEQ40, 15, 24));
        assertEquals(Placement.FIVE_P_ARM, none.placement());
        assertFalse(none.armByName());
    }

    @Test
    void aNameNeverOverridesAClearSide() {
        // 3p [24, 33] named "-5p": the loop says 3p, as without a name -> [8, 34)
        assertEquals(new HairpinWindow(8, 34, Placement.THREE_P_ARM, false, false, false), window(SEQ40, S1, at("m-5p", SEQ40, 24, 33)));
    }

    @Test
    void overlappingMaturesAreOneArm() {
        // [6, 15] and [8, 17] overlap: one 5p arm [6, 17]; partner(6) = 33 -> [6, 36)
        HairpinWindow w = window(SEQ40, S1, at("a", SEQ40, 6, 15), at("b", SEQ40, 8, 17));
        assertEquals(new HairpinWindow(6, 36, Placement.FIVE_P_ARM, false, false, false), w);
    }

    @Test
    void onARealFoldOneArmAloneFindsAlmostTheTwoArmWindow() {
        // hsa-let-7a-1 (miRBase 22, MI0000060), folded by our RNAfold-equivalent folder
        String seq = "UGGGAUGAGGUAGUAGGUUGUAUAGUUUUAGGGUCACACCCACCACUGGGAGAUAACUAUACAAUCUACUGUCUUUCCUA";
        Mature m5 = new Mature("hsa-let-7a-5p", "UGAGGUAGUAGGUUGUAUAGUU");
        Mature m3 = new Mature("hsa-let-7a-3p", "CUAUACAAUCUACUGUCUUUC");
        Fold fold = new RnaFolder().fold(seq);
        HairpinWindow both = HairpinWindow.of(seq, fold, List.of(m5, m3));
        assertEquals(new HairpinWindow(5, 77, Placement.BOTH_ARMS, false, false, false), both);
        HairpinWindow five = HairpinWindow.of(seq, fold, List.of(m5));
        HairpinWindow three = HairpinWindow.of(seq, fold, List.of(m3));
        // one arm alone lands within 1 nt of the two-arm window (the MFE duplex is not a perfect helix: bulges shift it)
        assertEquals(new HairpinWindow(5, 78, Placement.FIVE_P_ARM, false, false, false), five);
        assertEquals(new HairpinWindow(6, 77, Placement.THREE_P_ARM, false, false, false), three);
    }
}
