package org.deephem.features;

import static org.deephem.features.EnergyParams.INF;
import static org.deephem.features.EnergyParams.MAX_LOOP;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Minimum-free-energy RNA secondary structure by the Zuker recursion with the full Turner 2004
 * model as ViennaRNA RNAfold 2.7.1 applies it (docs/ARCHITECTURE.md, "Folding"): stacks;
 * hairpins with terminal mismatches and the special tri-/tetra-/hexaloops; bulges; interior
 * loops with the 1×1, 1×2 and 2×2 tables, 1×n, 2×3 and generic mismatches and Ninio asymmetry
 * (at most {@value EnergyParams#MAX_LOOP} unpaired nt); linear multiloops; terminal AU/GU
 * penalties; lonely pairs allowed. Dangles: 2 (RNAfold's default: every helix end in the
 * exterior loop or a multiloop gets the mismatch energy of both neighbours, paired or not; a
 * single dangle at a sequence end) or 0 ({@code RNAfold -d0}). All sums are integer dcal/mol.
 * O(n³) time, O(n²) memory; each call allocates its own tables, so one instance may be shared
 * between threads.
 */
public final class RnaFolder {
    /** Longest sequence accepted (pre-miRNAs are under 200 nt). */
    public static final int MAX_LENGTH = 400;
    /** RNAfold's default dangle model. */
    public static final int DEFAULT_DANGLES = 2;
    private static final int MIN_HAIRPIN = 3;

    private final EnergyParams P;
    private final int dangles;
    /** Ninio asymmetry penalty by |n1 - n2| (capped), precomputed for the recursion's inner loop. */
    private final int[] ninioTerm = new int[MAX_LOOP + 1];

    /** The default model: Turner 2004 with dangles = 2. */
    public RnaFolder() {
        this(DEFAULT_DANGLES);
    }

    public RnaFolder(int dangles) {
        this(EnergyParams.turner2004(), dangles);
    }

    public RnaFolder(EnergyParams params, int dangles) {
        if (!supportedDangles(dangles)) throw new IllegalArgumentException("dangles must be 0 or 2, not " + dangles);
        this.P = params;
        this.dangles = dangles;
        for (int d = 0; d <= MAX_LOOP; d++) ninioTerm[d] = Math.min(P.ninioMax, d * P.ninio);
    }

    public static boolean supportedDangles(int dangles) {
        return dangles == 0 || dangles == 2;
    }

    public int dangles() {
        return dangles;
    }

    /** Folds an upper-case ACGU sequence. */
    public Fold fold(String seq) {
        int n = seq.length();
        if (n > MAX_LENGTH) throw new IllegalArgumentException("sequence of " + n + " nt is longer than the supported " + MAX_LENGTH);
        return new Dp(encode(seq)).run();
    }

    /** A FASTA record this folder can take, or a one-line error naming file, line and record. */
    public static org.deephem.io.FastaRecord requireSupported(java.nio.file.Path file, org.deephem.io.FastaRecord r) {
        if (r.sequence().length() > MAX_LENGTH) {
            throw org.deephem.io.InputError.atLine(file, r.line(), "record '" + r.id() + "': " + r.sequence().length()
                    + " nt is longer than the supported " + MAX_LENGTH + " nt");
        }
        return r;
    }

    static int[] encode(String seq) {
        int[] s = new int[seq.length()];
        for (int i = 0; i < s.length; i++) {
            s[i] = EnergyParams.code(seq.charAt(i));
            if (s[i] == 0) throw new IllegalArgumentException("letter '" + seq.charAt(i) + "' is not A, C, G or U");
        }
        return s;
    }

    // ---- loop energies (shared by the recursion and by the independent evaluator) ----

    private int terminal(int type) {
        return EnergyParams.weakPair(type) ? P.terminalAU : 0;
    }

    /** Hairpin loop closed by (i,j). */
    int hairpin(int[] s, int i, int j) {
        int size = j - i - 1;
        if (size < MIN_HAIRPIN) return INF;
        int type = EnergyParams.pairType(s[i], s[j]);
        if (size == 3 || size == 4 || size == 6) {
            // special loops carry their total energy (Turner 2004 tri-/tetra-/hexaloop tables)
            Integer special = P.specialHairpins.get(EnergyParams.loopKey(s, i, j));
            if (special != null) return special;
        }
        int e = P.loopExtrapolated(P.hairpin, size);
        // a 3-nt loop is too tight for a terminal mismatch: it pays the AU/GU penalty instead
        if (size == 3) return e + terminal(type);
        return e + P.mismatchHairpin[type][s[i + 1]][s[j - 1]];
    }

    /** Stack, bulge or interior loop closed by outer pair (i,j) and inner pair (p,q). */
    int interior(int[] s, int i, int j, int p, int q) {
        return interior(EnergyParams.pairType(s[i], s[j]), EnergyParams.pairType(s[q], s[p]), p - i - 1, j - q - 1,
                s[i + 1], s[j - 1], s[p - 1], s[q + 1]);
    }

    /**
     * The same from its parts: outer type, inner type read (q,p), n1 = p-i-1, n2 = j-q-1 unpaired
     * nt, and the bases si = s[i+1], sj = s[j-1], sp = s[p-1], sq = s[q+1].
     */
    private int interior(int type, int type2, int n1, int n2, int si, int sj, int sp, int sq) {
        int ns, nl;
        if (n1 < n2) {
            ns = n1;
            nl = n2;
        } else {
            ns = n2;
            nl = n1;
        }
        if (nl == 0) return P.stack[type][type2];
        if (ns == 0) {
            int e = P.loopExtrapolated(P.bulge, nl);
            if (nl == 1) return e + P.stack[type][type2]; // a 1-nt bulge keeps the stack across it
            return e + terminal(type) + terminal(type2);
        }
        if (ns == 1) {
            if (nl == 1) return P.int11[EnergyParams.i11(type, type2, si, sj)];
            if (nl == 2) {
                // table indexed with the single unpaired base first: flip the loop when it is on the 3' side
                return n1 == 1 ? P.int21[EnergyParams.i21(type, type2, si, sq, sj)]
                        : P.int21[EnergyParams.i21(type2, type, sq, si, sp)];
            }
            return P.loopExtrapolated(P.interior, nl + 1) + Math.min(P.ninioMax, (nl - ns) * P.ninio)
                    + P.mismatchInterior1n[type][si][sj] + P.mismatchInterior1n[type2][sq][sp];
        }
        if (ns == 2) {
            if (nl == 2) return P.int22[EnergyParams.i22(type, type2, si, sp, sq, sj)];
            if (nl == 3) {
                return P.interior[5] + P.ninio
                        + P.mismatchInterior23[type][si][sj] + P.mismatchInterior23[type2][sq][sp];
            }
        }
        return P.loopExtrapolated(P.interior, nl + ns) + Math.min(P.ninioMax, (nl - ns) * P.ninio)
                + P.mismatchInterior[type][si][sj] + P.mismatchInterior[type2][sq][sp];
    }

    /**
     * Dangle / mismatch energy of a helix end whose pair (of this type, seen from the loop) has
     * 5' neighbour n5 and 3' neighbour n3 (-1: none, at a sequence end). 0 with dangles = 0.
     */
    private int dangle(int[][][] mismatch, int type, int n5, int n3) {
        if (dangles == 0) return 0;
        if (n5 >= 0 && n3 >= 0) return mismatch[type][n5][n3];
        if (n5 >= 0) return P.dangle5[type][n5];
        if (n3 >= 0) return P.dangle3[type][n3];
        return 0;
    }

    /** A helix (i,j) ending in the exterior loop: AU/GU penalty and dangles. */
    private int exteriorStem(int[] s, int i, int j) {
        int type = EnergyParams.pairType(s[i], s[j]);
        return terminal(type) + dangle(P.mismatchExterior, type, i > 0 ? s[i - 1] : -1, j < s.length - 1 ? s[j + 1] : -1);
    }

    /** A helix ending in a multiloop, pair of this type seen from the loop, neighbours n5 and n3. */
    private int multiStem(int type, int n5, int n3) {
        return P.mlBranch + terminal(type) + dangle(P.mismatchMulti, type, n5, n3);
    }

    /** Branch (i,j) inside a multiloop. */
    private int branchStem(int[] s, int i, int j) {
        return multiStem(EnergyParams.pairType(s[i], s[j]), i > 0 ? s[i - 1] : -1, j < s.length - 1 ? s[j + 1] : -1);
    }

    /** Closing pair (i,j) of a multiloop, with its closing penalty; seen from inside it is (j,i). */
    private int multiClosing(int[] s, int i, int j) {
        return P.mlClosing + multiStem(EnergyParams.pairType(s[j], s[i]), s[j - 1], s[i + 1]);
    }

    // ---- independent evaluation of a given structure ----

    /**
     * Free energy (kcal/mol) of {@code structure} on {@code seq} under this folder's model, by
     * decomposing it into loops. Independent of the recursion; used to check it.
     */
    public double energyOf(String seq, String structure) {
        if (seq.length() != structure.length()) throw new IllegalArgumentException("sequence and structure differ in length");
        int[] s = encode(seq);
        int[] pt = Fold.pairTable(structure);
        for (int i = 0; i < pt.length; i++) {
            if (pt[i] > i && EnergyParams.pairType(s[i], s[pt[i]]) < 0) {
                throw new IllegalArgumentException("pair " + (i + 1) + "-" + (pt[i] + 1) + " is not canonical");
            }
        }
        long e = 0;
        for (int k = 0; k < pt.length; ) {
            if (pt[k] > k) {
                e += exteriorStem(s, k, pt[k]) + loop(s, pt, k, pt[k]);
                k = pt[k] + 1;
            } else {
                k++;
            }
        }
        return e / 100.0;
    }

    private long loop(int[] s, int[] pt, int i, int j) {
        List<Integer> inner = new ArrayList<>();
        int unpaired = 0;
        for (int k = i + 1; k < j; ) {
            if (pt[k] > k) {
                inner.add(k);
                k = pt[k] + 1;
            } else {
                unpaired++;
                k++;
            }
        }
        if (inner.isEmpty()) return hairpin(s, i, j);
        if (inner.size() == 1) {
            int p = inner.get(0);
            if (p - i - 1 + j - pt[p] - 1 > MAX_LOOP) return INF; // the model has no such loop
            return interior(s, i, j, p, pt[p]) + loop(s, pt, p, pt[p]);
        }
        long e = multiClosing(s, i, j) + (long) unpaired * P.mlUnpaired;
        for (int p : inner) e += branchStem(s, p, pt[p]) + loop(s, pt, p, pt[p]);
        return e;
    }

    // ---- the recursion ----

    private final class Dp {
        final int[] s;
        final int n;
        final int[][] type; // type[i][j]: pair type of (i,j), -1 if they cannot pair
        final int[][] v;    // v[i][j]: best structure of s[i..j] with (i,j) paired
        final int[][] wm;   // wm[i][j]: part of a multiloop interior with >= 1 branch
        final int[][] wm1T; // wm1T[j][i]: exactly one branch, starting at i, ending at or before j (stored by column)
        final int[] f;      // f[j]: best exterior structure of s[0..j-1]
        final char[] db;

        Dp(int[] s) {
            this.s = s;
            this.n = s.length;
            type = new int[n][n];
            v = new int[n][n];
            wm = new int[n][n];
            wm1T = new int[n][n];
            f = new int[n + 1];
            db = new char[n];
            Arrays.fill(db, '.');
        }

        Fold run() {
            for (int i = 0; i < n; i++) {
                Arrays.fill(v[i], INF);
                Arrays.fill(wm[i], INF);
                Arrays.fill(wm1T[i], INF);
                for (int j = 0; j < n; j++) type[i][j] = EnergyParams.pairType(s[i], s[j]);
            }
            // rows from the 3' end: everything (p,q) with i < p <= q <= j is known when (i,j) is reached
            for (int i = n - 1; i >= 0; i--) {
                for (int j = i + MIN_HAIRPIN + 1; j < n; j++) {
                    int vij = computeV(i, j);
                    v[i][j] = vij;
                    int a = vij < INF ? vij + branchStem(s, i, j) : INF;
                    int b = wm1T[j - 1][i] < INF ? wm1T[j - 1][i] + P.mlUnpaired : INF;
                    wm1T[j][i] = Math.min(a, b);
                    wm[i][j] = computeWm(i, j);
                }
            }
            f[0] = 0;
            for (int j = 1; j <= n; j++) {
                int best = f[j - 1];
                int jj = j - 1;
                for (int i = 0; i + MIN_HAIRPIN < jj; i++) {
                    if (v[i][jj] >= INF) continue;
                    best = Math.min(best, f[i] + v[i][jj] + exteriorStem(s, i, jj));
                }
                f[j] = best;
            }
            traceExterior();
            return new Fold(f[n] / 100.0, new String(db));
        }

        int computeWm(int i, int j) {
            int best = INF;
            int[] wmi = wm[i];
            int[] col = wm1T[j];
            for (int k = i; k + MIN_HAIRPIN + 1 <= j; k++) {
                int w1 = col[k];
                if (w1 >= INF) continue;
                int left = (k - i) * P.mlUnpaired;
                if (k > i && wmi[k - 1] < left) left = wmi[k - 1];
                if (left + w1 < best) best = left + w1;
            }
            return best;
        }

        int computeV(int i, int j) {
            int t = type[i][j];
            if (t < 0) return INF;
            int best = hairpin(s, i, j);
            int si = s[i + 1], sj = s[j - 1];
            // the outer half of a generic interior loop's energy is the same for every inner pair
            int outerGeneric = P.mismatchInterior[t][si][sj];
            int outerTerminal = terminal(t);
            int[][][] mmI = P.mismatchInterior;
            int maxP = Math.min(i + MAX_LOOP + 1, j - MIN_HAIRPIN - 2);
            for (int p = i + 1; p <= maxP; p++) {
                int n1 = p - i - 1;
                int[] vp = v[p];
                int[] tp = type[p];
                int sp = s[p - 1];
                int minQ = Math.max(p + MIN_HAIRPIN + 1, j - 1 - (MAX_LOOP - n1));
                for (int q = j - 1; q >= minQ; q--) {
                    int vpq = vp[q];
                    if (vpq >= INF) continue;
                    int n2 = j - q - 1;
                    int t2 = reverse(tp[q]);
                    int e;
                    if (n1 >= 2 && n2 >= 2 && n1 + n2 >= 6) {
                        // generic loop (not 2x2, 2x3): fast path, same sum as interior()
                        e = vpq + P.interior[n1 + n2] + ninioTerm[Math.abs(n1 - n2)] + outerGeneric + mmI[t2][s[q + 1]][sp];
                    } else if (n1 == 0 || n2 == 0) {
                        // stack or bulge: fast path, same sum as interior()
                        int nb = n1 + n2;
                        if (nb == 0) e = vpq + P.stack[t][t2];
                        else if (nb == 1) e = vpq + P.bulge[1] + P.stack[t][t2];
                        else e = vpq + P.bulge[nb] + outerTerminal + terminal(t2);
                    } else {
                        e = vpq + interior(t, t2, n1, n2, si, sj, sp, s[q + 1]);
                    }
                    if (e < best) best = e;
                }
            }
            int ml = multiloopInterior(i, j);
            if (ml < INF) best = Math.min(best, ml + multiClosing(s, i, j));
            return best;
        }

        /** Best split of s[i+1..j-1] into >= 2 branches (wm on the left, one branch on the right). */
        int multiloopInterior(int i, int j) {
            int best = INF;
            int[] left = wm[i + 1];
            int[] right = wm1T[j - 1];
            for (int k = i + MIN_HAIRPIN + 3; k + MIN_HAIRPIN + 1 < j; k++) {
                int a = left[k - 1], b = right[k];
                if (a >= INF || b >= INF) continue;
                if (a + b < best) best = a + b;
            }
            return best;
        }

        void traceExterior() {
            int j = n;
            while (j > 0) {
                if (f[j] == f[j - 1]) {
                    j--;
                    continue;
                }
                int jj = j - 1;
                boolean found = false;
                for (int i = 0; i + MIN_HAIRPIN < jj; i++) {
                    if (v[i][jj] >= INF) continue;
                    if (f[i] + v[i][jj] + exteriorStem(s, i, jj) == f[j]) {
                        traceV(i, jj);
                        j = i;
                        found = true;
                        break;
                    }
                }
                if (!found) throw new IllegalStateException("traceback failed in exterior loop");
            }
        }

        void traceV(int i, int j) {
            db[i] = '(';
            db[j] = ')';
            int target = v[i][j];
            if (hairpin(s, i, j) == target) return;
            int maxP = Math.min(i + MAX_LOOP + 1, j - MIN_HAIRPIN - 2);
            for (int p = i + 1; p <= maxP; p++) {
                int n1 = p - i - 1;
                int minQ = Math.max(p + MIN_HAIRPIN + 1, j - 1 - (MAX_LOOP - n1));
                for (int q = j - 1; q >= minQ; q--) {
                    if (v[p][q] >= INF) continue;
                    if (interior(s, i, j, p, q) + v[p][q] == target) {
                        traceV(p, q);
                        return;
                    }
                }
            }
            int close = multiClosing(s, i, j);
            for (int k = i + MIN_HAIRPIN + 3; k + MIN_HAIRPIN + 1 < j; k++) {
                int a = wm[i + 1][k - 1], b = wm1T[j - 1][k];
                if (a >= INF || b >= INF) continue;
                if (a + b + close == target) {
                    traceWm(i + 1, k - 1);
                    traceWm1(k, j - 1);
                    return;
                }
            }
            throw new IllegalStateException("traceback failed at pair " + i + "," + j);
        }

        void traceWm1(int i, int j) {
            while (true) {
                if (v[i][j] < INF && v[i][j] + branchStem(s, i, j) == wm1T[j][i]) {
                    traceV(i, j);
                    return;
                }
                j--;
            }
        }

        void traceWm(int i, int j) {
            int target = wm[i][j];
            for (int k = i; k + MIN_HAIRPIN + 1 <= j; k++) {
                int w1 = wm1T[j][k];
                if (w1 >= INF) continue;
                if ((k - i) * P.mlUnpaired + w1 == target) {
                    traceWm1(k, j);
                    return;
                }
                if (k > i && wm[i][k - 1] < INF && wm[i][k - 1] + w1 == target) {
                    traceWm(i, k - 1);
                    traceWm1(k, j);
                    return;
                }
            }
            throw new IllegalStateException("traceback failed in multiloop " + i + "," + j);
        }
    }

    /** Type of the pair read the other way round (CG <-> GC, GU <-> UG, AU <-> UA). */
    private static int reverse(int type) {
        return type ^ 1;
    }
}
