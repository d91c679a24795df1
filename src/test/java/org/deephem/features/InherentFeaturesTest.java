package org.deephem.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class InherentFeaturesTest {
    @Test
    void compositionStructureAndMatureFeaturesOnAKnownExample() {
        // 5' flank, 5p mature (22 nt), loop, 3' arm
        String seq = "GGCUGAGGUAGUAGGUUGUAUAGUUAGAAAAUACUAUACAACCUACUACCUCAGCC";
        String structure = "(".repeat(24) + "......" + ")".repeat(24) + "..";
        assertEquals(seq.length(), structure.length());
        Fold fold = new Fold(-30.0, structure);
        List<Mature> ms = List.of(new Mature("m-5p", "UGAGGUAGUAGGUUGUAUAGUU"), new Mature("m-3p", "CUAUACAACCUACUACCUCA"),
                new Mature("elsewhere", "AAAAAAAAAAAAAAAAAAAAAA"));
        double[] f = InherentFeatures.compute(seq, fold, ms);
        int n = seq.length();
        long a = seq.chars().filter(c -> c == 'A').count(), c = seq.chars().filter(ch -> ch == 'C').count();
        long g = seq.chars().filter(ch -> ch == 'G').count(), u = seq.chars().filter(ch -> ch == 'U').count();
        assertEquals(n, f[0]);
        assertEquals((g + c) / (double) n, f[1], 1e-12);
        assertEquals(a / (double) n, f[2], 1e-12);
        assertEquals(u / (double) n, f[5], 1e-12);
        assertEquals(-30.0, f[6]);
        assertEquals(-30.0 / n * 100, f[7], 1e-12);
        assertEquals(f[7] / (f[1] * 100), f[8], 1e-12);
        int pairs = (int) structure.chars().filter(ch -> ch == '(').count();
        assertEquals(2.0 * pairs / n, f[9], 1e-12);
        assertEquals(6, f[11], "terminal loop size");
        assertEquals(pairs, f[12], "one uninterrupted stem");
        assertEquals(0, f[13], "no bulges or internal loops");
        assertEquals(22, f[14]);
        assertEquals(20, f[15]);
        assertEquals(2, f[16], "a mature not inside the precursor is not counted");
        assertEquals(4.0 / 7.0, f[17], 1e-12, "seed GAGGUAG (nt 2-8 of UGAGGUAGU...) has 4 G/C of 7");
    }

    @Test
    void withoutAnnotationMatureFeaturesAreZero() {
        String seq = "GGGAAAACCC";
        double[] f = InherentFeatures.compute(seq, new RnaFolder().fold(seq), List.of());
        assertEquals(0, f[14]);
        assertEquals(0, f[15]);
        assertEquals(0, f[16]);
        assertEquals(0, f[17]);
        assertEquals(18, InherentFeatures.NAMES.size());
    }

    @Test
    void bulgesAndInternalLoopsAreCounted() {
        String seq = "GGACCGAAAGGCC";
        double[] f = InherentFeatures.compute(seq, new Fold(-2.9, "((.((....))))"), List.of());
        assertEquals(1, f[13]);
        assertEquals(2, f[12], "longest run of stacked pairs");
        assertEquals(4, f[11]);
    }
}
