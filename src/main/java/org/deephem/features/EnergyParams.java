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
 * {@code turner2004.par} beside this class; its header cites the source.
 */
public final class EnergyParams {
    public static final int INF = 10_000_000;
    /** Pair types in table order. */
    public static final String[] PAIRS = {"CG", "GC", "GU", "UG", "AU", "UA"};
    /** Extrapolation for loops longer than 30 nt: 1.07856 kcal/mol * ln(n/30). */
    public static final double LXC = 107.856;
    public static final int MAX_LOOP = 30;

    final int[][] stack = new int[6][6];
    /** [pair][base i+1 (0..4, N A C G U)][base j-1]. */
    final int[][][] mismatchHairpin;
    final int[][][] mismatchInterior;
    final int[][][] mismatchInterior1n;
    final int[][][] mismatchInterior23;
    final int[] hairpin;
    final int[] bulge;
    final int[] interior;
    final int interior1x1;
    final int interior1x2;
    final int mlClosing;
    final int mlBranch;
    final int mlUnpaired;
    final int ninio;
    final int ninioMax;
    final int terminalAU;

    private static final EnergyParams TURNER_2004 = load("turner2004.par");

    public static EnergyParams turner2004() {
        return TURNER_2004;
    }

    private EnergyParams(Map<String, List<int[]>> s) {
        List<int[]> st = s.get("stack");
        for (int i = 0; i < 6; i++) stack[i] = st.get(i);
        mismatchHairpin = mismatch(s.get("mismatch_hairpin"));
        mismatchInterior = mismatch(s.get("mismatch_interior"));
        mismatchInterior1n = mismatch(s.get("mismatch_interior_1n"));
        mismatchInterior23 = mismatch(s.get("mismatch_interior_23"));
        hairpin = flat(s.get("hairpin"));
        bulge = flat(s.get("bulge"));
        interior = flat(s.get("interior"));
        int[] small = flat(s.get("interior_small"));
        interior1x1 = small[0];
        interior1x2 = small[1];
        int[] ml = flat(s.get("multiloop"));
        mlClosing = ml[0];
        mlBranch = ml[1];
        mlUnpaired = ml[2];
        int[] nin = flat(s.get("ninio"));
        ninio = nin[0];
        ninioMax = nin[1];
        terminalAU = flat(s.get("terminal_au"))[0];
        if (hairpin.length != 31 || bulge.length != 31 || interior.length != 31) {
            throw new IllegalStateException("loop tables must have 31 entries (sizes 0..30)");
        }
    }

    private static int[][][] mismatch(List<int[]> rows) {
        if (rows.size() != 30) throw new IllegalStateException("mismatch table needs 6 blocks of 5 rows");
        int[][][] m = new int[6][5][];
        for (int p = 0; p < 6; p++) for (int r = 0; r < 5; r++) m[p][r] = rows.get(p * 5 + r);
        return m;
    }

    private static int[] flat(List<int[]> rows) {
        return rows.stream().flatMapToInt(java.util.Arrays::stream).toArray();
    }

    static EnergyParams load(String resource) {
        Map<String, List<int[]>> sections = new HashMap<>();
        try (InputStream in = EnergyParams.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("energy table " + resource + " missing from the jar");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            String line;
            List<int[]> cur = null;
            while ((line = r.readLine()) != null) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) continue;
                if (t.startsWith("[")) {
                    cur = new ArrayList<>();
                    sections.put(t.substring(1, t.length() - 1), cur);
                    continue;
                }
                String[] f = t.split("\\s+");
                int[] v = new int[f.length];
                for (int i = 0; i < f.length; i++) v[i] = f[i].equals("INF") ? INF : Integer.parseInt(f[i]);
                cur.add(v);
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

    int loopExtrapolated(int[] table, int n) {
        if (n <= MAX_LOOP) return table[n];
        return table[MAX_LOOP] + (int) Math.round(LXC * Math.log(n / (double) MAX_LOOP));
    }
}
