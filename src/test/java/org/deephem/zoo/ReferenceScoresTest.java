package org.deephem.zoo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.deephem.io.InputError;
import org.junit.jupiter.api.Test;

class ReferenceScoresTest {
    private final ReferenceScores ref = new ReferenceScores("four test rows", List.of("a", "b,c", "d", "e"), new double[] {1, 2, 3, 4});

    /** Mid-rank percentile, worked by hand: 100 × (below + ½ equal) / n. */
    @Test
    void percentileIsTheMidRankAmongTheReference() {
        assertEquals(0.0, ref.percentile(0.5));
        assertEquals(37.5, ref.percentile(2.0)); // 1 below, 1 equal: (1 + 0.5) / 4
        assertEquals(50.0, ref.percentile(2.5));
        assertEquals(87.5, ref.percentile(4.0));
        assertEquals(100.0, ref.percentile(9.0));
        // a second hand-worked set, with a tie: {0.1, 0.2, 0.2, 0.4, 0.9}
        ReferenceScores five = new ReferenceScores("five", List.of("a", "b", "c", "d", "e"), new double[] {0.4, 0.1, 0.9, 0.2, 0.2});
        double[] at = {0.05, 0.1, 0.2, 0.3, 0.9, 1.0}, expected = {0, 10, 40, 60, 90, 100};
        for (int i = 0; i < at.length; i++) assertEquals(expected[i], five.percentile(at[i]), 1e-12, "at " + at[i]);
        ReferenceScores ties = new ReferenceScores("ties", List.of("x", "y"), new double[] {7, 7});
        assertEquals(50.0, ties.percentile(7));
    }

    @Test
    void theZipEntryReadsBackExactlyWithQuotedIds() {
        ReferenceScores back = ReferenceScores.parse(Path.of("m.zip"), ref.toCsv());
        assertEquals(ref.what(), back.what());
        assertEquals(ref.ids(), back.ids());
        assertArrayEquals(ref.logits(), back.logits());
        double[] odd = {-0.1 + 0.2 * 1e-17, 1.0 / 3, 37.123456789012345};
        ReferenceScores r = new ReferenceScores("odd", List.of("p", "q", "r"), odd);
        assertArrayEquals(odd, ReferenceScores.parse(Path.of("m.zip"), r.toCsv()).logits());
    }

    @Test
    void aBrokenEntryIsRefusedNamingItsLine() {
        InputError e = assertThrows(InputError.class, () -> ReferenceScores.parse(Path.of("m.zip"),
                "# reference: x\nid,logit\na,1.5\nb,NaN\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(true, e.getMessage().contains("reference_scores.csv") && e.getMessage().contains("line 4"), e.getMessage());
        assertThrows(InputError.class, () -> ReferenceScores.parse(Path.of("m.zip"), "id,logit\n".getBytes(StandardCharsets.UTF_8)));
    }
}
