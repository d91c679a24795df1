package org.deephem.features;

import java.util.ArrayList;
import java.util.List;

/**
 * Overlapping 3-mers over {A,C,G,U}, as scikit-learn's {@code CountVectorizer(analyzer='char',
 * ngram_range=(3,3))} analyses a sequence: the 64 words in alphabetical order form a fixed
 * vocabulary; token ids are shifted by two so that 0 = padding and 1 = unknown.
 */
public final class Kmers {
    public static final int K = 3;
    public static final int PAD = 0;
    public static final int UNKNOWN = 1;
    public static final int WORDS = 64;
    /** Vocabulary size including padding and unknown. */
    public static final int VOCABULARY = WORDS + 2;
    private static final String ALPHABET = "ACGU";

    private Kmers() {}

    /** The 64 3-mers in vocabulary order (AAA, AAC, … UUU). */
    public static List<String> words() {
        List<String> out = new ArrayList<>(WORDS);
        for (int w = 0; w < WORDS; w++) {
            out.add("" + ALPHABET.charAt(w / 16) + ALPHABET.charAt((w / 4) % 4) + ALPHABET.charAt(w % 4));
        }
        return out;
    }

    private static int base(char c) {
        return ALPHABET.indexOf(c);
    }

    /** Index 0..63 of the 3-mer starting at {@code i}, or -1 if it holds a non-ACGU letter. */
    static int wordAt(String seq, int i) {
        int a = base(seq.charAt(i)), b = base(seq.charAt(i + 1)), c = base(seq.charAt(i + 2));
        if (a < 0 || b < 0 || c < 0) return -1;
        return a * 16 + b * 4 + c;
    }

    /** Token ids (2..65, or UNKNOWN) of the overlapping 3-mers; length = n - 2 (0 if n < 3). */
    public static int[] tokens(String seq) {
        int m = Math.max(0, seq.length() - K + 1);
        int[] out = new int[m];
        for (int i = 0; i < m; i++) {
            int w = wordAt(seq, i);
            out[i] = w < 0 ? UNKNOWN : w + 2;
        }
        return out;
    }

    /** Counts of the 64 3-mers (unknown ones are not counted). */
    public static int[] counts(String seq) {
        int[] c = new int[WORDS];
        for (int i = 0; i + K <= seq.length(); i++) {
            int w = wordAt(seq, i);
            if (w >= 0) c[w]++;
        }
        return c;
    }
}
