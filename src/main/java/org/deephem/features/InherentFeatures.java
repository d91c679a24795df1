package org.deephem.features;

import java.util.List;

/**
 * The 18 inherent features of a precursor (DATASET.md): composition, folding (MFE and
 * structure), and mature annotation. A precursor without annotation gets 0 for 15–18.
 */
public final class InherentFeatures {
    public static final List<String> NAMES = List.of(
            "length", "gc_content", "a_fraction", "c_fraction", "g_fraction", "u_fraction",
            "mfe", "amfe", "mfei", "paired_fraction", "gu_pair_fraction", "terminal_loop_size",
            "longest_stem", "bulges_internal_loops", "mature5p_length", "mature3p_length",
            "mature_count", "seed_gc");
    public static final int COUNT = 18;

    private final RnaFolder folder;

    public InherentFeatures(RnaFolder folder) {
        this.folder = folder;
    }

    /** Features of a precursor given its fold (so callers can fold once and keep the structure). */
    public static double[] compute(String seq, Fold fold, List<Mature> matures) {
        int n = seq.length();
        double[] f = new double[COUNT];
        int a = 0, c = 0, g = 0, u = 0;
        for (int i = 0; i < n; i++) {
            switch (seq.charAt(i)) {
                case 'A' -> a++;
                case 'C' -> c++;
                case 'G' -> g++;
                default -> u++;
            }
        }
        double gc = (g + c) / (double) n;
        f[0] = n;
        f[1] = gc;
        f[2] = a / (double) n;
        f[3] = c / (double) n;
        f[4] = g / (double) n;
        f[5] = u / (double) n;
        f[6] = fold.mfe();
        f[7] = fold.mfe() / n * 100.0;
        f[8] = gc > 0 ? f[7] / (gc * 100.0) : 0.0;
        Structure st = Structure.of(seq, fold.pairTable());
        f[9] = 2.0 * st.pairs / n;
        f[10] = st.pairs > 0 ? st.guPairs / (double) st.pairs : 0.0;
        f[11] = st.terminalLoop;
        f[12] = st.longestStem;
        f[13] = st.bulgesAndInternalLoops;
        int len5 = 0, len3 = 0, count = 0;
        String seed5 = null, seed3 = null;
        for (Mature m : matures) {
            int pos = m.positionIn(seq);
            if (pos < 0) continue;
            count++;
            boolean fivePrime = Mature.startsInFirstHalf(pos, n);
            if (fivePrime && len5 == 0) {
                len5 = m.sequence().length();
                seed5 = seed(m.sequence());
            } else if (!fivePrime && len3 == 0) {
                len3 = m.sequence().length();
                seed3 = seed(m.sequence());
            }
        }
        f[14] = len5;
        f[15] = len3;
        f[16] = count;
        String seed = seed5 != null ? seed5 : seed3;
        f[17] = seed == null ? 0.0 : gcFraction(seed);
        return f;
    }

    /** Folds and computes. */
    public double[] compute(String seq, List<Mature> matures) {
        return compute(seq, folder.fold(seq), matures);
    }

    /** Seed = nucleotides 2–8 of the mature (shorter matures give what they have). */
    public static String seed(String mature) {
        return mature.length() < 2 ? "" : mature.substring(1, Math.min(8, mature.length()));
    }

    static double gcFraction(String s) {
        if (s.isEmpty()) return 0.0;
        int gc = 0;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == 'G' || s.charAt(i) == 'C') gc++;
        return gc / (double) s.length();
    }

    /** Structure descriptors read off a pair table. */
    record Structure(int pairs, int guPairs, int terminalLoop, int longestStem, int bulgesAndInternalLoops) {
        static Structure of(String seq, int[] pt) {
            int n = pt.length;
            int pairs = 0, gu = 0, longest = 0, loops = 0;
            int terminal = 0;
            double bestDist = Double.MAX_VALUE;
            for (int i = 0; i < n; i++) {
                int j = pt[i];
                if (j <= i) continue;
                pairs++;
                char x = seq.charAt(i), y = seq.charAt(j);
                if ((x == 'G' && y == 'U') || (x == 'U' && y == 'G')) gu++;
                // a helix starts here if the outer neighbour pair (i-1, j+1) is absent
                boolean starts = i == 0 || j == n - 1 || pt[i - 1] != j + 1;
                if (starts) {
                    int len = 1;
                    while (i + len < n && pt[i + len] == j - len && j - len > i + len) len++;
                    longest = Math.max(longest, len);
                }
                // what does pair (i,j) enclose?
                int inner = 0, p = -1;
                for (int k = i + 1; k < j; ) {
                    if (pt[k] > k) {
                        inner++;
                        p = k;
                        k = pt[k] + 1;
                    } else {
                        k++;
                    }
                }
                if (inner == 0) {
                    double dist = Math.abs((i + j) / 2.0 - (n - 1) / 2.0);
                    if (dist < bestDist) {
                        bestDist = dist;
                        terminal = j - i - 1;
                    }
                } else if (inner == 1 && !(p == i + 1 && pt[p] == j - 1)) {
                    loops++;
                }
            }
            return new Structure(pairs, gu, terminal, longest, loops);
        }
    }
}
