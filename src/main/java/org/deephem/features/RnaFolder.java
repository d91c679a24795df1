package org.deephem.features;

import static org.deephem.features.EnergyParams.INF;

import java.util.ArrayList;
import java.util.List;

/**
 * Minimum-free-energy RNA secondary structure by the Zuker recursion with Turner 2004
 * nearest-neighbour energies: stacking, hairpin, bulge and internal loops (at most
 * {@value EnergyParams#MAX_LOOP} unpaired nt per internal loop), multiloops with the linear
 * model, terminal AU/GU penalties; no dangles (like RNAfold -d0). Unpaired chain = 0 kcal/mol,
 * so the MFE is never positive. O(n^3) time, O(n^2) memory. Not thread-safe per instance
 * only in the sense that each call allocates its own tables: one instance may be shared.
 */
public final class RnaFolder {
    /** Longest sequence accepted (pre-miRNAs are under 200 nt). */
    public static final int MAX_LENGTH = 400;
    private static final int MIN_HAIRPIN = 3;

    private final EnergyParams P;

    public RnaFolder() {
        this(EnergyParams.turner2004());
    }

    public RnaFolder(EnergyParams params) {
        this.P = params;
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

    int terminal(int type) {
        return EnergyParams.weakPair(type) ? P.terminalAU : 0;
    }

    /** Hairpin loop closed by (i,j). */
    int hairpin(int[] s, int i, int j) {
        int size = j - i - 1;
        if (size < MIN_HAIRPIN) return INF;
        int type = EnergyParams.pairType(s[i], s[j]);
        int e = P.loopExtrapolated(P.hairpin, size);
        if (size == 3) return e + terminal(type);
        return e + P.mismatchHairpin[type][s[i + 1]][s[j - 1]];
    }

    /** Stack, bulge or internal loop closed by outer pair (i,j) and inner pair (p,q). */
    int interior(int[] s, int i, int j, int p, int q) {
        int type = EnergyParams.pairType(s[i], s[j]);
        int type2 = EnergyParams.pairType(s[q], s[p]);
        int n1 = p - i - 1;
        int n2 = j - q - 1;
        int ns = Math.min(n1, n2);
        int nl = Math.max(n1, n2);
        if (nl == 0) return P.stack[type][type2];
        if (ns == 0) {
            int e = P.loopExtrapolated(P.bulge, nl);
            if (nl == 1) return e + P.stack[type][type2];
            return e + terminal(type) + terminal(type2);
        }
        int asym = Math.min(P.ninioMax, (nl - ns) * P.ninio);
        int si = s[i + 1], sj = s[j - 1], sq = s[q + 1], sp = s[p - 1];
        if (ns == 1) {
            int mm = P.mismatchInterior1n[type][si][sj] + P.mismatchInterior1n[type2][sq][sp];
            if (nl == 1) return P.interior1x1 + mm;
            if (nl == 2) return P.interior1x2 + asym + mm;
            return P.loopExtrapolated(P.interior, nl + 1) + asym + mm;
        }
        if (ns == 2 && nl == 3) {
            return P.interior[5] + asym + P.mismatchInterior23[type][si][sj] + P.mismatchInterior23[type2][sq][sp];
        }
        return P.loopExtrapolated(P.interior, n1 + n2) + asym
                + P.mismatchInterior[type][si][sj] + P.mismatchInterior[type2][sq][sp];
    }

    /** Cost of one helix ending in a multiloop (each branch and the closing pair). */
    int branch(int type) {
        return P.mlBranch + terminal(type);
    }

    // ---- independent evaluation of a given structure ----

    /**
     * Free energy (kcal/mol) of {@code structure} on {@code seq}, by decomposing it into loops.
     * Independent of the recursion; used to check it.
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
                e += terminal(EnergyParams.pairType(s[k], s[pt[k]])) + loop(s, pt, k, pt[k]);
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
            return interior(s, i, j, p, pt[p]) + loop(s, pt, p, pt[p]);
        }
        long e = P.mlClosing + branch(EnergyParams.pairType(s[j], s[i])) + (long) unpaired * P.mlUnpaired;
        for (int p : inner) e += branch(EnergyParams.pairType(s[p], s[pt[p]])) + loop(s, pt, p, pt[p]);
        return e;
    }

    // ---- the recursion ----

    private final class Dp {
        final int[] s;
        final int n;
        final int[][] v;   // v[i][j]: best structure with (i,j) paired
        final int[][] wm;  // wm[i][j]: multiloop interior with >= 1 branch
        final int[][] wm1; // wm1[i][j]: exactly one branch starting at i
        final int[] f;     // f[j]: best exterior structure of s[0..j-1]
        final char[] db;

        Dp(int[] s) {
            this.s = s;
            this.n = s.length;
            v = new int[n][n];
            wm = new int[n][n];
            wm1 = new int[n][n];
            f = new int[n + 1];
            db = new char[n];
            java.util.Arrays.fill(db, '.');
        }

        Fold run() {
            for (int[] row : v) java.util.Arrays.fill(row, INF);
            for (int[] row : wm) java.util.Arrays.fill(row, INF);
            for (int[] row : wm1) java.util.Arrays.fill(row, INF);
            for (int d = MIN_HAIRPIN + 1; d < n; d++) {
                for (int i = 0; i + d < n; i++) {
                    int j = i + d;
                    v[i][j] = computeV(i, j);
                    int type = EnergyParams.pairType(s[i], s[j]);
                    int a = v[i][j] < INF ? v[i][j] + branch(type) : INF;
                    int b = wm1[i][j - 1] < INF ? wm1[i][j - 1] + P.mlUnpaired : INF;
                    wm1[i][j] = Math.min(a, b);
                    int best = INF;
                    for (int k = i; k + MIN_HAIRPIN + 1 <= j; k++) {
                        if (wm1[k][j] >= INF) continue;
                        int left = (k - i) * P.mlUnpaired;
                        if (k > i && wm[i][k - 1] < left) left = wm[i][k - 1];
                        best = Math.min(best, left + wm1[k][j]);
                    }
                    wm[i][j] = best;
                }
            }
            f[0] = 0;
            for (int j = 1; j <= n; j++) {
                int best = f[j - 1];
                int jj = j - 1;
                for (int i = 0; i + MIN_HAIRPIN < jj; i++) {
                    if (v[i][jj] >= INF) continue;
                    best = Math.min(best, f[i] + v[i][jj] + terminal(EnergyParams.pairType(s[i], s[jj])));
                }
                f[j] = best;
            }
            traceExterior();
            return new Fold(f[n] / 100.0, new String(db));
        }

        int computeV(int i, int j) {
            int type = EnergyParams.pairType(s[i], s[j]);
            if (type < 0) return INF;
            int best = hairpin(s, i, j);
            for (int p = i + 1; p <= i + EnergyParams.MAX_LOOP + 1 && p < j - MIN_HAIRPIN - 1; p++) {
                int n1 = p - i - 1;
                for (int q = j - 1; q > p + MIN_HAIRPIN; q--) {
                    int n2 = j - q - 1;
                    if (n1 + n2 > EnergyParams.MAX_LOOP) break;
                    if (v[p][q] >= INF) continue;
                    int e = interior(s, i, j, p, q) + v[p][q];
                    if (e < best) best = e;
                }
            }
            int close = P.mlClosing + branch(EnergyParams.pairType(s[j], s[i]));
            for (int k = i + MIN_HAIRPIN + 3; k + MIN_HAIRPIN + 1 < j; k++) {
                if (wm[i + 1][k - 1] >= INF || wm1[k][j - 1] >= INF) continue;
                best = Math.min(best, wm[i + 1][k - 1] + wm1[k][j - 1] + close);
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
                    if (f[i] + v[i][jj] + terminal(EnergyParams.pairType(s[i], s[jj])) == f[j]) {
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
            for (int p = i + 1; p <= i + EnergyParams.MAX_LOOP + 1 && p < j - MIN_HAIRPIN - 1; p++) {
                int n1 = p - i - 1;
                for (int q = j - 1; q > p + MIN_HAIRPIN; q--) {
                    if (n1 + j - q - 1 > EnergyParams.MAX_LOOP) break;
                    if (v[p][q] >= INF) continue;
                    if (interior(s, i, j, p, q) + v[p][q] == target) {
                        traceV(p, q);
                        return;
                    }
                }
            }
            int close = P.mlClosing + branch(EnergyParams.pairType(s[j], s[i]));
            for (int k = i + MIN_HAIRPIN + 3; k + MIN_HAIRPIN + 1 < j; k++) {
                if (wm[i + 1][k - 1] >= INF || wm1[k][j - 1] >= INF) continue;
                if (wm[i + 1][k - 1] + wm1[k][j - 1] + close == target) {
                    traceWm(i + 1, k - 1);
                    traceWm1(k, j - 1);
                    return;
                }
            }
            throw new IllegalStateException("traceback failed at pair " + i + "," + j);
        }

        void traceWm1(int i, int j) {
            while (true) {
                int type = EnergyParams.pairType(s[i], s[j]);
                if (v[i][j] < INF && v[i][j] + branch(type) == wm1[i][j]) {
                    traceV(i, j);
                    return;
                }
                j--;
            }
        }

        void traceWm(int i, int j) {
            int target = wm[i][j];
            for (int k = i; k + MIN_HAIRPIN + 1 <= j; k++) {
                if (wm1[k][j] >= INF) continue;
                if ((k - i) * P.mlUnpaired + wm1[k][j] == target) {
                    traceWm1(k, j);
                    return;
                }
                if (k > i && wm[i][k - 1] < INF && wm[i][k - 1] + wm1[k][j] == target) {
                    traceWm(i, k - 1);
                    traceWm1(k, j);
                    return;
                }
            }
            throw new IllegalStateException("traceback failed in multiloop " + i + "," + j);
        }
    }
}
