package org.deephem.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RnaFolderTest {
    // default model (dangles = 2). The hand calculations below that span the whole sequence are the
    // same with and without dangles: a helix end at both sequence ends has no neighbour to dangle.
    private final RnaFolder folder = new RnaFolder();
    private final RnaFolder noDangles = new RnaFolder(0);

    @Test
    void smallHairpinEqualsHandCalculationFromTheTables() {
        // (((....))) on GGGAAAACCC: two GG/CC stacks (stack[GC][CG] = -3.3 each), a 4-nt hairpin
        // closed by G-C (initiation 5.6 + terminal mismatch GC,A,A -1.1), no terminal AU penalty.
        double hand = -3.3 - 3.3 + 5.6 - 1.1;
        assertEquals(hand, folder.energyOf("GGGAAAACCC", "(((....)))"), 1e-9);
        Fold f = folder.fold("GGGAAAACCC");
        assertEquals("(((....)))", f.structure());
        assertEquals(hand, f.mfe(), 1e-9);
    }

    @Test
    void auClosedHairpinAndBulgeByHand() {
        // GCAAGAAAUUGC as ((((....)))): G-C, C-G, A-U, A-U closing the loop GAAA
        String s = "GCAAGAAAUUGC";
        // stacks: GC/CG: i=G j=C, p=C q=G -> stack[GC][pair(G,C)=GC] = -3.4
        //         CA/GU: i=C j=G, p=A q=U -> stack[CG][pair(U,A)=UA] = -2.1
        //         AA/UU: i=A j=U, p=A q=U -> stack[AU][UA] = -0.9
        // hairpin closed by A-U (size 4): 5.6 + mismatch AU,G,A = -1.2
        double hand = -3.4 - 2.1 - 0.9 + 5.6 - 1.2;
        assertEquals(hand, folder.energyOf(s, "((((....))))"), 1e-9);
        // a 1-nt bulge: GG A CC GAAA GG CC as ((.((....))))
        // stack GG/CC -3.3; bulge(1) 3.8 + stack across it [GC][GC] -3.4; stack CC/GG -3.3;
        // hairpin GAAA closed by C-G: 5.6 + mismatch CG,G,A -2.3
        double bulge = -3.3 + (3.8 - 3.4) - 3.3 + (5.6 - 2.3);
        assertEquals(bulge, folder.energyOf("GGACCGAAAGGCC", "((.((....))))"), 1e-9);
    }

    @Test
    void specialTetraloopReplacesTheGenericHairpinRule() {
        // GGCUUCGGCC as (((....))): C-G closing the UUCG loop, "CUUCGG" is a Turner 2004 tetraloop with
        // total energy 3.7 (generic rule: 5.6 + mismatch CG,U,G -1.0 = 4.6). Stacks: G-C on G-C read
        // (C,G): stack[GC][CG] -3.3; G-C on C-G read (G,C): stack[GC][GC] -3.4.
        double hand = -3.3 - 3.4 + 3.7;
        assertEquals(hand, noDangles.energyOf("GGCUUCGGCC", "(((....)))"), 1e-9);
        assertEquals(hand, noDangles.fold("GGCUUCGGCC").mfe(), 1e-9);
    }

    @Test
    void oneByOneLoopComesFromTheTable() {
        // CGGCGAAAACGGCG as ((.((....)).)): a 1x1 loop with a G.G mismatch between G-C (1,12) and
        // C-G (3,10) = int11[GC][GC][G][G] = -2.3 (the generic model had +0.5 + 2 mismatches).
        // stacks C-G/G-C read (C,G): stack[CG][CG] -2.4, twice; hairpin AAAA closed by G-C:
        // 5.6 + mismatch GC,A,A -1.1.
        double hand = -2.4 - 2.3 - 2.4 + (5.6 - 1.1);
        assertEquals(hand, noDangles.energyOf("CGGCGAAAACGGCG", "((.((....)).))"), 1e-9);
        assertEquals(hand, folder.energyOf("CGGCGAAAACGGCG", "((.((....)).))"), 1e-9, "no neighbours, no dangles");
    }

    @Test
    void danglesTwoAddTheExteriorMismatchOfBothNeighbours() {
        // AGGGAAAACCCA as .(((....))).: the GGGAAAACCC hairpin above (-2.1) plus, with dangles = 2, the
        // exterior mismatch of G-C (1,10) with A on its 5' side and A on its 3' side: -1.5.
        assertEquals(-2.1, noDangles.energyOf("AGGGAAAACCCA", ".(((....)))."), 1e-9);
        assertEquals(-2.1 - 1.5, folder.energyOf("AGGGAAAACCCA", ".(((....)))."), 1e-9);
        assertEquals(-3.6, folder.fold("AGGGAAAACCCA").mfe(), 1e-9);
        // at a sequence end only one neighbour: dangle3[GC][A] = -1.7 alone
        assertEquals(-2.1 - 1.7, folder.energyOf("GGGAAAACCCA", "(((....)))."), 1e-9);
    }

    @Test
    void onlyDanglesZeroOrTwo() {
        assertThrows(IllegalArgumentException.class, () -> new RnaFolder(1));
        assertThrows(IllegalArgumentException.class, () -> new RnaFolder(3));
    }

    @Test
    void recursionAgreesWithIndependentEvaluationOnRandomSequences() {
        Random r = new Random(42);
        for (int t = 0; t < 60; t++) {
            int n = 20 + r.nextInt(140);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < n; i++) sb.append("ACGU".charAt(r.nextInt(4)));
            String s = sb.toString();
            for (RnaFolder fo : new RnaFolder[] {folder, noDangles}) {
                Fold g = fo.fold(s);
                assertTrue(g.mfe() <= 0.0, "MFE never above 0");
                assertEquals(g.mfe(), fo.energyOf(s, g.structure()), 1e-9, "structure energy equals reported MFE for " + s);
            }
            Fold f = folder.fold(s);
            int[] pt = f.pairTable();
            for (int i = 0; i < n; i++) {
                if (pt[i] > i) {
                    String pair = "" + s.charAt(i) + s.charAt(pt[i]);
                    assertTrue(pair.matches("AU|UA|GC|CG|GU|UG"), "non-canonical pair " + pair);
                    assertTrue(pt[i] - i > 3, "hairpin shorter than 3");
                }
            }
        }
    }

    @Test
    void unfoldableSequenceIsOpenChainAtZero() {
        Fold f = folder.fold("AAAAAAAAAAAAAAAAAAAA");
        assertEquals(0.0, f.mfe());
        assertEquals(".".repeat(20), f.structure());
    }

    @Test
    void realPreMirnaFoldsIntoOneLongStemLoop() {
        // hsa-let-7a-1 (miRBase MI0000060)
        String s = "UGGGAUGAGGUAGUAGGUUGUAUAGUUUUAGGGUCACACCCACCACUGGGAGAUAACUAUACAAUCUACUGUCUUUCCUA";
        Fold f = folder.fold(s);
        int[] pt = f.pairTable();
        int hairpins = 0, pairs = 0;
        for (int i = 0; i < pt.length; i++) {
            if (pt[i] > i) {
                pairs++;
                boolean inner = true;
                for (int k = i + 1; k < pt[i]; k++) if (pt[k] >= 0) inner = false;
                if (inner) hairpins++;
            }
        }
        assertEquals(1, hairpins, "one terminal loop: " + f.structure());
        assertTrue(2.0 * pairs / s.length() > 0.6, "mostly paired: " + f.structure());
        assertTrue(f.mfe() < -25, "let-7a-1 is a stable hairpin: " + f.mfe());
    }

    @Test
    void tooLongOrNonRnaIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> folder.fold("A".repeat(RnaFolder.MAX_LENGTH + 1)));
        assertThrows(IllegalArgumentException.class, () -> folder.fold("ACGTN"));
    }
}
