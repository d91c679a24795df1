package org.deephem.features;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turner 2004 nearest-neighbour free energies (dcal/mol) read from the one data file
 * {@code turner2004.par} beside this class; its header cites the source of every table.
 * Indices: pair type 0..5 (CG GC GU UG AU UA), base code 0..4 (N A C G U).
 */
public final class EnergyParams {
    public static final int INF = 10_000_000;
    /** Pair types in table order. */
    public static final String[] PAIRS = {"CG", "GC", "GU", "UG", "AU", "UA"};
    /** Longest interior loop (unpaired nt on both sides together), as RNAfold's MAXLOOP. */
    public static final int MAX_LOOP = 30;

    final int[][] stack = new int[6][];
    /** [pair][x][y], see the .par header for which neighbours x and y are. */
    final int[][][] mismatchHairpin;
    final int[][][] mismatchInterior;
    final int[][][] mismatchInterior1n;
    final int[][][] mismatchInterior23;
    final int[][][] mismatchMulti;
    final int[][][] mismatchExterior;
    /** [pair][base]. */
    final int[][] dangle5;
    final int[][] dangle3;
    /** Flat tables, see {@link #i11}, {@link #i21}, {@link #i22} for the index order. */
    final int[] int11;
    final int[] int21;
    final int[] int22;
    final int[] hairpin;
    final int[] bulge;
    final int[] interior;
    final int mlClosing;
    final int mlBranch;
    final int mlUnpaired;
    final int ninio;
    final int ninioMax;
    final int terminalAU;
    final double lxc;
    /** Special hairpins (closing pair included) by {@link #loopKey}: total loop energy. */
    final Map<Long, Integer> specialHairpins = new HashMap<>();

    private static final EnergyParams TURNER_2004 = load("turner2004.par");

    public static EnergyParams turner2004() {
        return TURNER_2004;
    }

    private EnergyParams(Map<String, List<String[]>> s) {
        int[][] st = rows(s, "stack", 6, 6);
        System.arraycopy(st, 0, stack, 0, 6);
        mismatchHairpin = mismatch(s, "mismatch_hairpin");
        mismatchInterior = mismatch(s, "mismatch_interior");
        mismatchInterior1n = mismatch(s, "mismatch_interior_1n");
        mismatchInterior23 = mismatch(s, "mismatch_interior_23");
        mismatchMulti = mismatch(s, "mismatch_multi");
        mismatchExterior = mismatch(s, "mismatch_exterior");
        dangle5 = rows(s, "dangle5", 6, 5);
        dangle3 = rows(s, "dangle3", 6, 5);
        int11 = flat(rows(s, "int11", 6 * 6 * 5, 5));
        int21 = flat(rows(s, "int21", 6 * 6 * 5 * 5, 5));
        // int22 is tabulated for A C G U only; widen to the 5-letter code (N entries = INF).
        int[] i22 = flat(rows(s, "int22", 6 * 6 * 4 * 4 * 4, 4));
        int22 = new int[6 * 6 * 5 * 5 * 5 * 5];
        java.util.Arrays.fill(int22, INF);
        int k = 0;
        for (int t1 = 0; t1 < 6; t1++)
            for (int t2 = 0; t2 < 6; t2++)
                for (int a = 1; a <= 4; a++)
                    for (int b = 1; b <= 4; b++)
                        for (int c = 1; c <= 4; c++)
                            for (int d = 1; d <= 4; d++) int22[i22(t1, t2, a, b, c, d)] = i22[k++];
        hairpin = flat(rows(s, "hairpin", 4, -1));
        bulge = flat(rows(s, "bulge", 4, -1));
        interior = flat(rows(s, "interior", 4, -1));
        if (hairpin.length != 31 || bulge.length != 31 || interior.length != 31) {
            throw new IllegalStateException("loop tables must have 31 entries (sizes 0..30)");
        }
        int[] ml = flat(rows(s, "multiloop", 1, 3));
        mlClosing = ml[0];
        mlBranch = ml[1];
        mlUnpaired = ml[2];
        int[] nin = flat(rows(s, "ninio", 1, 2));
        ninio = nin[0];
        ninioMax = nin[1];
        terminalAU = flat(rows(s, "terminal_au", 1, 1))[0];
        lxc = Double.parseDouble(section(s, "lxc").get(0)[0]);
        for (String name : List.of("triloops", "tetraloops", "hexaloops")) {
            for (String[] row : section(s, name)) {
                int[] codes = new int[row[0].length()];
                for (int i = 0; i < codes.length; i++) codes[i] = code(row[0].charAt(i));
                specialHairpins.put(loopKey(codes, 0, codes.length - 1), Integer.parseInt(row[1]));
            }
        }
    }

    static int i11(int t1, int t2, int a, int b) {
        return ((t1 * 6 + t2) * 5 + a) * 5 + b;
    }

    static int i21(int t1, int t2, int a, int b, int c) {
        return (((t1 * 6 + t2) * 5 + a) * 5 + b) * 5 + c;
    }

    static int i22(int t1, int t2, int a, int b, int c, int d) {
        return ((((t1 * 6 + t2) * 5 + a) * 5 + b) * 5 + c) * 5 + d;
    }

    /** Key of the bases s[i..j] for the special-hairpin lookup: length and base-5 digits. */
    static long loopKey(int[] s, int i, int j) {
        long key = j - i + 1;
        for (int k = i; k <= j; k++) key = key * 5 + s[k];
        return key;
    }

    private static List<String[]> section(Map<String, List<String[]>> s, String name) {
        List<String[]> rows = s.get(name);
        if (rows == null) throw new IllegalStateException("energy table [" + name + "] missing");
        return rows;
    }

    /** A table of {@code n} rows of {@code width} numbers (width -1: any). */
    private static int[][] rows(Map<String, List<String[]>> s, String name, int n, int width) {
        List<String[]> rows = section(s, name);
        if (rows.size() != n) throw new IllegalStateException("[" + name + "] needs " + n + " rows, has " + rows.size());
        int[][] out = new int[n][];
        for (int r = 0; r < n; r++) {
            String[] f = rows.get(r);
            if (width >= 0 && f.length != width) throw new IllegalStateException("[" + name + "] row " + (r + 1) + " needs " + width + " numbers");
            out[r] = new int[f.length];
            for (int i = 0; i < f.length; i++) out[r][i] = f[i].equals("INF") ? INF : Integer.parseInt(f[i]);
        }
        return out;
    }

    private static int[][][] mismatch(Map<String, List<String[]>> s, String name) {
        int[][] rows = rows(s, name, 30, 5);
        int[][][] m = new int[6][5][];
        for (int p = 0; p < 6; p++) for (int r = 0; r < 5; r++) m[p][r] = rows[p * 5 + r];
        return m;
    }

    private static int[] flat(int[][] rows) {
        return java.util.Arrays.stream(rows).flatMapToInt(java.util.Arrays::stream).toArray();
    }

    static EnergyParams load(String resource) {
        Map<String, List<String[]>> sections = new HashMap<>();
        try (InputStream in = EnergyParams.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("energy table " + resource + " missing from the jar");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            String line;
            List<String[]> cur = null;
            while ((line = r.readLine()) != null) {
                int hash = line.indexOf('#');
                String t = (hash >= 0 ? line.substring(0, hash) : line).strip();
                if (t.isEmpty()) continue;
                if (t.startsWith("[")) {
                    cur = new ArrayList<>();
                    sections.put(t.substring(1, t.length() - 1), cur);
                    continue;
                }
                cur.add(t.split("\\s+"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new EnergyParams(sections);
    }

    /** Base code: A=1, C=2, G=3, U=4. */
    static int code(char c) {
        return switch (c) {
            case 'A' -> 1;
            case 'C' -> 2;
            case 'G' -> 3;
            case 'U' -> 4;
            default -> 0;
        };
    }

    /** Pair type index (CG=0 … UA=5), or -1 if the bases cannot pair. */
    static int pairType(int a, int b) {
        return switch (a * 5 + b) {
            case 2 * 5 + 3 -> 0; // CG
            case 3 * 5 + 2 -> 1; // GC
            case 3 * 5 + 4 -> 2; // GU
            case 4 * 5 + 3 -> 3; // UG
            case 1 * 5 + 4 -> 4; // AU
            case 4 * 5 + 1 -> 5; // UA
            default -> -1;
        };
    }

    /** True for AU, UA, GU, UG (the pairs that pay the terminal penalty). */
    static boolean weakPair(int type) {
        return type >= 2;
    }

    /**
     * Initiation of a loop of n nt; beyond the table value(30) + lxc·ln(n/30), truncated toward
     * zero to whole dcal/mol as RNAfold does (so integer sums match its output exactly).
     */
    int loopExtrapolated(int[] table, int n) {
        if (n <= MAX_LOOP) return table[n];
        return table[MAX_LOOP] + (int) (lxc * Math.log(n / (double) MAX_LOOP));
    }
}
