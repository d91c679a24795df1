package org.deephem.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.deephem.features.Kmers;
import org.junit.jupiter.api.Test;

class ExplainNucleotideMapTest {
    private static final int V = Kmers.VOCABULARY;

    /**
     * "AAAAC" has tokens AAA, AAA, AAC (ids 2, 2, 3). With pool 2: window 0 holds both AAA tokens,
     * window 1 holds AAC and a padding share. Cell (0, AAA) = 0.6 → 0.3 per AAA token → 0.1 to
     * each of its 3 nucleotides; cell (1, AAC) = 0.9 → 0.3 to each of nucleotides 3, 4, 5 (1-based).
     */
    @Test
    void handCheckedSplitOfATinyExample() {
        String seq = "AAAAC";
        int[] tokens = Kmers.tokens(seq);
        assertArrayEquals(new int[] {2, 2, 3}, tokens);
        double[] cells = new double[2 * V];
        cells[0 * V + 2] = 0.6;
        cells[1 * V + 3] = 0.9;
        double[] nuc = NucleotideMap.of(seq.length(), tokens, 2, 2, cells);
        // token 0 covers 0,1,2; token 1 covers 1,2,3; token 2 covers 2,3,4
        assertArrayEquals(new double[] {0.1, 0.2, 0.2 + 0.3, 0.1 + 0.3, 0.3}, nuc, 1e-15);
        assertEquals(0.0, NucleotideMap.unassigned(tokens, 2, 2, cells));
    }

    @Test
    void sumOfNucleotidesEqualsSumOfTheCellsThatHoldTokens() {
        Random rnd = new Random(5);
        for (int trial = 0; trial < 50; trial++) {
            int len = 3 + rnd.nextInt(150), pool = 1 + rnd.nextInt(4);
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < len; i++) s.append("ACGUN".charAt(rnd.nextInt(rnd.nextInt(10) == 0 ? 5 : 4)));
            int[] tokens = Kmers.tokens(s.toString());
            int pooled = Math.max(1, (tokens.length + pool - 1) / pool);
            double[] cells = new double[pooled * V];
            double held = 0;
            for (int i = 0; i < tokens.length; i++) {
                int c = (i / pool) * V + tokens[i];
                if (cells[c] == 0) {
                    cells[c] = rnd.nextGaussian();
                    held += cells[c];
                }
            }
            // a cell that holds no token of the sequence is reported as unassigned, not spread
            int stray = pooled * V - 1;
            boolean strayHeld = false;
            for (int i = 0; i < tokens.length; i++) strayHeld |= (i / pool) * V + tokens[i] == stray;
            if (!strayHeld) cells[stray] = 0.25;
            double[] nuc = NucleotideMap.of(len, tokens, pool, pooled, cells);
            double sum = 0;
            for (double v : nuc) sum += v;
            assertEquals(held, sum, 1e-12);
            assertEquals(strayHeld ? 0.0 : 0.25, NucleotideMap.unassigned(tokens, pool, pooled, cells), 1e-15);
        }
    }

    @Test
    void sequencesWithoutTokensGetNothing() {
        assertArrayEquals(new double[] {0, 0}, NucleotideMap.of(2, Kmers.tokens("AC"), 3, 1, new double[V]));
    }
}
