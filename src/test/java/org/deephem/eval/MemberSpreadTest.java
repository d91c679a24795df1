package org.deephem.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Every expected value here is worked by hand (R type 7: h = (n−1)·q, x⌊h⌋ + (h−⌊h⌋)(x⌊h⌋+1 − x⌊h⌋)). */
class MemberSpreadTest {
    private static double logit(double p) {
        return Math.log(p / (1 - p));
    }

    @Test
    void twoMembers() {
        // p = 0.5, 0.75; mean 0.625; logit(0.625) = ln(5/3)
        MemberSpread.Band b = MemberSpread.of(new double[] {0, Math.log(3)});
        assertEquals(0.625, b.score(), 1e-15);
        assertEquals(Math.log(5.0 / 3.0), b.logit(), 1e-14);
        // h = 0.025: 0.5 + 0.025·0.25; h = 0.975: 0.5 + 0.975·0.25
        assertEquals(0.50625, b.low(), 1e-15);
        assertEquals(0.74375, b.high(), 1e-15);
    }

    @Test
    void fiveMembersInAnyOrder() {
        double[] p = {0.9, 0.1, 0.4, 0.2, 0.3};
        double[] l = new double[p.length];
        for (int i = 0; i < p.length; i++) l[i] = logit(p[i]);
        MemberSpread.Band b = MemberSpread.of(l);
        assertEquals(0.38, b.score(), 1e-14);
        assertEquals(logit(0.38), b.logit(), 1e-12);
        // sorted 0.1 0.2 0.3 0.4 0.9; h = 0.1 → 0.1 + 0.1·0.1 = 0.11; h = 3.9 → 0.4 + 0.9·0.5 = 0.85
        assertEquals(0.11, b.low(), 1e-14);
        assertEquals(0.85, b.high(), 1e-14);
    }

    @Test
    void logitStaysExactWhereTheProbabilityRoundsToOne() {
        MemberSpread.Band b = MemberSpread.of(new double[] {40, 50});
        assertEquals(1.0, b.score(), 0.0);
        // mean(1 − p) = (e^−40 + e^−50)/2 to double precision, mean p = 1 − that: logit = ln 2 + 40 − ln(1 + e^−10)
        assertEquals(Math.log(2) + 40 - Math.log1p(Math.exp(-10)), b.logit(), 1e-9);
        // a confident negative member pulls the mean down, and the logit follows it
        MemberSpread.Band mixed = MemberSpread.of(new double[] {-800, 800});
        assertEquals(0.5, mixed.score(), 0.0);
        assertEquals(0.0, mixed.logit(), 1e-12);
    }

    @Test
    void oneMemberIsItsOwnRangeAndRowsAreCombinedPerMiRna() {
        MemberSpread.Band b = MemberSpread.of(new double[] {logit(0.3)});
        assertEquals(0.3, b.score(), 1e-15);
        assertEquals(0.3, b.low(), 1e-15);
        assertEquals(0.3, b.high(), 1e-15);
        MemberSpread.Band[] rows = MemberSpread.of(new double[][] {{0, Math.log(3)}, {Math.log(3), 0}});
        assertEquals(0.625, rows[0].score(), 1e-15);
        assertEquals(0.625, rows[1].score(), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> MemberSpread.of(new double[][] {{0, 1}, {0}}));
        assertThrows(IllegalArgumentException.class, () -> MemberSpread.of(new double[0]));
    }
}
