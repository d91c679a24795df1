package org.deephem.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.deephem.features.InherentFeatures;
import org.deephem.features.Mature;

/** The two human biological indicators: seed conservation and disease spectrum width. */
public final class Indicators {
    private Indicators() {}

    /**
     * Number of distinct miRBase species with a mature whose seed (nt 2–8) equals the seed of
     * one of the precursor's matures.
     */
    public static int seedConservation(List<Mature> matures, Map<String, Set<String>> speciesBySeed) {
        Set<String> species = new HashSet<>();
        for (Mature m : matures) {
            Set<String> s = speciesBySeed.get(InherentFeatures.seed(m.sequence()));
            if (s != null) species.addAll(s);
        }
        return species.size();
    }

    /** TargetScan family conservation class: max over the precursor's matures, −1 if absent. */
    public static int targetScanClass(List<Mature> matures, Map<String, Integer> classByMature) {
        int best = -1;
        for (Mature m : matures) best = Math.max(best, classByMature.getOrDefault(m.name(), -1));
        return best;
    }

    /** How HMDD names were matched to miRBase precursors. */
    public record DswMatch(Map<String, Set<Integer>> diseasesByPrecursor, int exact, int family, List<String> unmatched) {
        public int matched() {
            return exact + family;
        }
    }

    /**
     * Maps HMDD miRNA names onto miRBase precursors: exactly (ignoring case), or, when no
     * precursor has that exact name, at family level: the name followed by optional letters and
     * an optional {@code -N} suffix ({@code hsa-mir-125b} → {@code hsa-mir-125b-1};
     * {@code hsa-mir-517} → {@code hsa-mir-517a}, {@code hsa-mir-517b}). A precursor matched by
     * several names gets the union of their diseases.
     */
    public static DswMatch matchHmdd(Map<String, Set<Integer>> hmdd, List<String> precursors) {
        Map<String, String> byLower = new HashMap<>();
        for (String p : precursors) byLower.put(p.toLowerCase(Locale.ROOT), p);
        Map<String, Set<Integer>> out = new HashMap<>();
        int exact = 0, family = 0;
        List<String> unmatched = new ArrayList<>();
        for (var e : hmdd.entrySet()) {
            String name = e.getKey().toLowerCase(Locale.ROOT);
            String hit = byLower.get(name);
            if (hit != null) {
                exact++;
                out.computeIfAbsent(hit, k -> new HashSet<>()).addAll(e.getValue());
                continue;
            }
            Pattern fam = Pattern.compile(Pattern.quote(name) + "[a-z]*(-\\d+)?");
            boolean any = false;
            for (var p : byLower.entrySet()) {
                if (fam.matcher(p.getKey()).matches()) {
                    any = true;
                    out.computeIfAbsent(p.getValue(), k -> new HashSet<>()).addAll(e.getValue());
                }
            }
            if (any) family++;
            else unmatched.add(e.getKey());
        }
        return new DswMatch(out, exact, family, unmatched);
    }
}
