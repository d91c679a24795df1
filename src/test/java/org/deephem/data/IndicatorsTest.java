package org.deephem.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deephem.features.Mature;
import org.junit.jupiter.api.Test;

class IndicatorsTest {
    @Test
    void hmddNamesMatchExactlyOrAtFamilyLevel() {
        List<String> pre = List.of("hsa-mir-21", "hsa-mir-125b-1", "hsa-mir-125b-2", "hsa-mir-517a", "hsa-mir-517b",
                "hsa-mir-517c", "hsa-mir-5170", "hsa-let-7a-1");
        Map<String, Set<Integer>> hmdd = new LinkedHashMap<>();
        hmdd.put("hsa-mir-21", Set.of(1, 2, 3));
        hmdd.put("hsa-mir-125b", Set.of(4));
        hmdd.put("hsa-mir-517", Set.of(5, 6));
        hmdd.put("hsa-mir-125b-1", Set.of(7));
        hmdd.put("hsa-mir-9999", Set.of(8));
        Indicators.DswMatch m = Indicators.matchHmdd(hmdd, pre);
        assertEquals(2, m.exact());
        assertEquals(2, m.family());
        assertEquals(List.of("hsa-mir-9999"), m.unmatched());
        assertEquals(Set.of(1, 2, 3), m.diseasesByPrecursor().get("hsa-mir-21"));
        assertEquals(Set.of(4, 7), m.diseasesByPrecursor().get("hsa-mir-125b-1"), "union of exact and family names");
        assertEquals(Set.of(4), m.diseasesByPrecursor().get("hsa-mir-125b-2"));
        assertEquals(Set.of(5, 6), m.diseasesByPrecursor().get("hsa-mir-517c"));
        assertEquals(null, m.diseasesByPrecursor().get("hsa-mir-5170"), "a digit is not a family letter");
    }

    @Test
    void conservationCountsDistinctSpeciesSharingASeed() {
        Map<String, Set<String>> bySeed = Map.of("GAGGUAG", Set.of("hsa", "mmu", "cel"), "UAUACGA", Set.of("hsa", "dre"));
        List<Mature> ms = List.of(new Mature("hsa-x-5p", "UGAGGUAGUAGGUUGUAUAGUU"), new Mature("hsa-x-3p", "CUAUACGACCUGCUGCCUUUCU"));
        assertEquals(4, Indicators.seedConservation(ms, bySeed));
        assertEquals(0, Indicators.seedConservation(List.of(new Mature("n", "AAAAAAAAAA")), bySeed));
        assertEquals(2, Indicators.targetScanClass(ms, Map.of("hsa-x-5p", 2, "hsa-x-3p", 0)));
        assertEquals(-1, Indicators.targetScanClass(ms, Map.of()));
    }
}
