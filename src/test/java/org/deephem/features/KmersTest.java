package org.deephem.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KmersTest {
    @Test
    void vocabularyIsTheSixtyFourWordsInAlphabeticalOrder() {
        List<String> w = Kmers.words();
        assertEquals(64, w.size());
        assertEquals("AAA", w.get(0));
        assertEquals("AAC", w.get(1));
        assertEquals("UUU", w.get(63));
        assertEquals(w.stream().sorted().toList(), w, "CountVectorizer sorts its vocabulary");
        assertEquals(66, Kmers.VOCABULARY);
    }

    @Test
    void tokensAreOverlappingThreeMersShiftedPastPadAndUnknown() {
        assertArrayEquals(new int[] {2 + 6, 2 + 27, 2 + 44}, Kmers.tokens("ACGUA")); // ACG, CGU, GUA
        assertArrayEquals(new int[0], Kmers.tokens("AC"));
        assertArrayEquals(new int[] {Kmers.UNKNOWN, 2, 2}, Kmers.tokens("NAAAA")); // NAA, AAA, AAA
    }

    @Test
    void countsEqualANaiveSubstringCount() {
        Random r = new Random(5);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 150; i++) sb.append("ACGU".charAt(r.nextInt(4)));
        String s = sb.toString();
        int[] c = Kmers.counts(s);
        List<String> w = Kmers.words();
        int total = 0;
        for (int k = 0; k < 64; k++) {
            int naive = 0;
            for (int i = 0; i + 3 <= s.length(); i++) if (s.startsWith(w.get(k), i)) naive++;
            assertEquals(naive, c[k], w.get(k));
            total += c[k];
        }
        assertEquals(s.length() - 2, total);
    }
}
