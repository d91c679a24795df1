package org.deephem.features;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The canonical window of a precursor (docs/SELECTION-PROTOCOL.md, round 2, amendment 3, item 1):
 * the pre-miRNA as Drosha and Dicer cut it, instead of the stretch a miRBase submitter annotated.
 * Positions are 0-based; the window is {@code [start, end)} of the annotated precursor.
 *
 * <p>The rule, given the precursor, its annotated matures (found in it as {@code build-dataset}
 * finds them: {@link Mature#positionIn}, first occurrence; matures not found are ignored) and its
 * MFE structure ({@link RnaFolder}, RNAfold's):
 * <ul>
 * <li><b>Both arms</b> (two or more matures found, the 5′-most and the 3′-most not overlapping):
 *     from the 5′ end of the 5′-most mature to the 3′ end of the 3′-most, with {@link #FLANK}
 *     = 0 nt of flank.</li>
 * <li><b>One arm</b> (one mature, or matures that overlap: their union is the arm). Which arm
 *     it is comes from the terminal loop ({@link #terminalLoop}): a mature whose centre lies 5′
 *     of the loop's middle is the 5p arm, 3′ of it the 3p arm. Only when the loop's middle lies
 *     inside the mature (the MFE structure cannot tell) does its miRBase name decide
 *     ({@code -5p} / {@code -3p}, any case), and failing that the side its centre lies on (a tie:
 *     {@code build-dataset}'s half rule, {@link Mature#startsInFirstHalf}). The missing arm is
 *     placed by the 2-nt 3′ overhang of the Dicer duplex: a known 5p arm [s, e] (inclusive)
 *     ends the window at partner(s) + 2 (inclusive); a known 3p arm [s, e] starts it at
 *     partner(e − 2). If that position is unpaired, or paired with a base on the same side of the
 *     mature, the nearest position of the mature paired across it is used and the result shifted
 *     by the distance (the helix runs antiparallel: partner(x) = partner(p) + (p − x)); ties
 *     between two positions at the same distance go to the 5′ one. A start found inside the 3p
 *     mature is moved to its 5′ end. If no position of the mature pairs across it, the missing
 *     arm cannot be placed: the window is {@link #FALLBACK_LENGTH} nt from the mature's 5′ end
 *     (5p arm) or ending at its 3′ end (3p arm), flagged {@link #noPairInMature}.</li>
 * <li><b>No mature</b>: {@link #FALLBACK_LENGTH} = 60 nt centred on the middle of the terminal
 *     loop; when the loop has an odd number of nucleotides the window holds 30 nt 5′ of the
 *     middle nucleotide and 29 nt 3′ of it. An open chain (no pair) is centred on the
 *     precursor's middle.</li>
 * </ul>
 * A window that would leave the precursor is clipped to it ({@link #clipped}); it is never shifted.
 *
 * @param start          first position of the window (0-based, inclusive)
 * @param end            one past its last position
 * @param placement      how the window was placed
 * @param clipped        true if the rule's window left the precursor and was cut to it
 * @param armByName      one arm only: true if the arm came from the mature's name (the loop's middle lies inside it)
 * @param noPairInMature one arm only: true if no position of the mature pairs across it (fixed-length window from the mature)
 */
public record HairpinWindow(int start, int end, Placement placement, boolean clipped, boolean armByName, boolean noPairInMature) {
    /** Flank (nt) beside the matures of a two-arm window: 0, the pre-miRNA itself. */
    public static final int FLANK = 0;
    /** Length (nt) of the window without an annotated mature: the median two-arm span of miRBase 22 human + mouse. */
    public static final int FALLBACK_LENGTH = 60;
    /** The 3′ overhang (nt) of the Dicer duplex. */
    public static final int OVERHANG = 2;

    /** How a window was placed; {@link #label} is how files and summaries name it. */
    public enum Placement {
        BOTH_ARMS("both_arms"), FIVE_P_ARM("5p_arm_only"), THREE_P_ARM("3p_arm_only"), NO_MATURE("no_mature");

        public final String label;

        Placement(String label) {
            this.label = label;
        }

        public static Placement ofLabel(String s) {
            for (Placement p : values()) if (p.label.equals(s)) return p;
            return null;
        }
    }

    public HairpinWindow {
        if (start < 0 || end <= start) throw new IllegalArgumentException("window [" + start + ", " + end + ")");
    }

    public int length() {
        return end - start;
    }

    /** The window's stretch of the precursor it was placed on. */
    public String cut(String precursor) {
        return precursor.substring(start, end);
    }

    /** The annotated precursor as a window: all of it (what {@code --window annotated} means). */
    public static HairpinWindow whole(int length, Placement placement) {
        return new HairpinWindow(0, length, placement, false, false, false);
    }

    /**
     * The canonical window of a precursor.
     *
     * @param seq      the annotated precursor (A/C/G/U)
     * @param fold     its MFE structure
     * @param matures  its annotated matures (those not found in it are ignored)
     */
    public static HairpinWindow of(String seq, Fold fold, List<Mature> matures) {
        int n = seq.length();
        if (fold.structure().length() != n) throw new IllegalArgumentException("structure and sequence differ in length");
        if (n == 0) throw new IllegalArgumentException("empty precursor");
        int[] pt = fold.pairTable();
        int loop2 = terminalLoop(pt); // twice the loop's middle
        List<int[]> found = new ArrayList<>(); // [start, end inclusive, index in matures]
        for (int k = 0; k < matures.size(); k++) {
            Mature m = matures.get(k);
            int pos = m.positionIn(seq);
            if (pos < 0 || m.sequence().isEmpty()) continue;
            found.add(new int[] {pos, pos + m.sequence().length() - 1, k});
        }
        if (found.isEmpty()) {
            int start = Math.floorDiv(loop2 - (FALLBACK_LENGTH - 1), 2);
            return clip(start, start + FALLBACK_LENGTH, n, Placement.NO_MATURE, false, false);
        }
        int[] first = found.get(0), last = found.get(0);
        for (int[] f : found) {
            if (f[0] < first[0] || (f[0] == first[0] && f[1] < first[1])) first = f;
            if (f[1] > last[1] || (f[1] == last[1] && f[0] > last[0])) last = f;
        }
        if (first[1] < last[0]) { // two arms, disjoint
            return clip(first[0] - FLANK, last[1] + 1 + FLANK, n, Placement.BOTH_ARMS, false, false);
        }
        // one arm: the union of the matures found (they overlap)
        int s = Integer.MAX_VALUE, e = -1;
        String name = null;
        for (int[] f : found) {
            s = Math.min(s, f[0]);
            e = Math.max(e, f[1]);
            if (name == null) name = matures.get(f[2]).name();
        }
        boolean byName = false;
        boolean fivePrime;
        int centre2 = s + e;
        if (loop2 >= 2 * s && loop2 <= 2 * e && armOfName(name) != 0) {
            byName = true;
            fivePrime = armOfName(name) == 5;
        } else if (centre2 != loop2) {
            fivePrime = centre2 < loop2;
        } else {
            fivePrime = Mature.startsInFirstHalf(s, n);
        }
        if (fivePrime) {
            // window end (inclusive) = partner(s) + 2 = partner(p) + (p - s) + 2
            for (int p = s; p <= e; p++) {
                if (pt[p] > e) return clip(s, pt[p] + (p - s) + OVERHANG + 1, n, Placement.FIVE_P_ARM, byName, false);
            }
            return clip(s, s + FALLBACK_LENGTH, n, Placement.FIVE_P_ARM, byName, true);
        }
        int a = Math.max(s, e - OVERHANG);
        // positions of the mature by distance from a, the 5' one first on ties
        for (int d = 0; d <= e - s; d++) {
            for (int p : d == 0 ? new int[] {a} : new int[] {a - d, a + d}) {
                if (p < s || p > e) continue;
                if (pt[p] >= 0 && pt[p] < s) {
                    int start = Math.min(pt[p] + (p - a), s);
                    return clip(start, e + 1, n, Placement.THREE_P_ARM, byName, false);
                }
            }
        }
        return clip(e + 1 - FALLBACK_LENGTH, e + 1, n, Placement.THREE_P_ARM, byName, true);
    }

    private static HairpinWindow clip(int start, int end, int n, Placement p, boolean byName, boolean noPair) {
        boolean clipped = start < 0 || end > n;
        return new HairpinWindow(Math.max(0, start), Math.min(n, end), p, clipped, byName, noPair);
    }

    /** 5 for a name ending in -5p, 3 for -3p (any case, a trailing {@code *} ignored), else 0. */
    static int armOfName(String name) {
        if (name == null) return 0;
        String s = name.toLowerCase(Locale.ROOT);
        if (s.endsWith("*")) s = s.substring(0, s.length() - 1);
        return s.endsWith("-5p") ? 5 : s.endsWith("-3p") ? 3 : 0;
    }

    /**
     * Twice the middle position of the terminal loop: {@code i + j} for the loop closed by the
     * pair (i, j). The terminal loop is the hairpin loop (a pair enclosing no other pair) that
     * closes the main stem: the stem of a hairpin loop is the chain of pairs from its closing
     * pair outwards through stacked pairs, bulges and interior loops (each pair the only one
     * directly inside the next), up to a multiloop or the exterior loop; the main stem is the
     * one with the most pairs. Ties: the loop whose middle is nearest the precursor's middle,
     * then the 5′-most. Without any pair: {@code n − 1}, the precursor's middle.
     */
    public static int terminalLoop(int[] pt) {
        int n = pt.length;
        int best2 = n - 1, bestPairs = 0;
        double bestDist = Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            int j = pt[i];
            if (j <= i) continue;
            boolean hairpin = true;
            for (int k = i + 1; k < j && hairpin; k++) if (pt[k] >= 0) hairpin = false;
            if (!hairpin) continue;
            int pairs = stemPairs(pt, i, j);
            double dist = Math.abs((i + j) - (n - 1)) / 2.0;
            if (pairs > bestPairs || (pairs == bestPairs && dist < bestDist)) {
                bestPairs = pairs;
                bestDist = dist;
                best2 = i + j;
            }
        }
        return best2;
    }

    /** Pairs of the stem closed by the pair (a, b), counted outwards while each pair is the only one directly inside the next. */
    static int stemPairs(int[] pt, int a, int b) {
        int n = pt.length;
        int pairs = 1;
        while (true) {
            int c = a - 1;
            while (c >= 0 && pt[c] < 0) c--;
            if (c < 0 || pt[c] < b) return pairs; // exterior loop, or a sibling helix 5' of (a, b): multiloop
            int d = pt[c];
            for (int k = b + 1; k < d; k++) if (pt[k] >= 0) return pairs; // another helix inside (c, d): multiloop
            pairs++;
            a = c;
            b = d;
            if (a == 0 || b == n - 1) {
                // nothing can enclose it
                return pairs;
            }
        }
    }

    /** "both arms", "5p arm only, clipped", …: for summaries. */
    public String describe() {
        return placement.label + (clipped ? ", clipped" : "") + (armByName ? ", arm by name" : "") + (noPairInMature ? ", no pair in mature" : "");
    }
}
