package org.deephem.casestudy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

public class CaseStudyTest {
    @TempDir
    Path tmp;

    @Test
    void namesStemsAndOrthologues() {
        assertEquals("mir-125", CaseStudy.stem("hsa-mir-125b-2"));
        assertEquals("let-7", CaseStudy.stem("hsa-let-7a-1"));
        assertEquals("mir-21", CaseStudy.stem("hsa-mir-21"));
        assertEquals("odd", CaseStudy.stem("odd"));
        assertEquals("mmu-mir-21a", CaseStudy.mouseOrthologue("hsa-mir-21a"));
        assertEquals("demo-mmu-0001", CaseStudy.mouseOrthologue("demo-hsa-0001"));
        // highest first, equal keys in input order
        assertArrayEquals(new int[] {1, 2, 3}, CaseStudy.top(new double[] {1, 3, 3, 2}, 3));
        assertArrayEquals(new int[] {1, 2, 3, 0}, CaseStudy.top(new double[] {1, 3, 3, 2}, 10));
    }

    @Test
    void tableShowsWhatIsKnownAndSaysWhatIsNot() {
        List<String> ids = List.of("hsa-mir-1-1", "hsa-mir-21", "hsa-let-7a-1");
        CaseStudy.Scores s = new CaseStudy.Scores(ids, new double[] {0.2, 0.9, 0.5}, new double[] {-1, 3, 0},
                new double[][] {{0.1, 0.3}, {0.8, 0.95}, {0.4, 0.6}});
        CaseStudy.Annotations a = new CaseStudy.Annotations(Map.of("hsa-mir-21", 12.0), Map.of("hsa-mir-21", 2.0), Map.of("hsa-let-7a-1", 0.25),
                Map.of("hsa-mir-21", "mir-21"), Map.of("hsa-mir-21", List.of("Breast Neoplasms", "Glioma")),
                Map.of("mmu-mir-21", "essential", "mmu-let-7a-1", "unlabelled"));
        Table t = CaseStudy.table(s, a, 2);
        assertEquals(2, t.rowCount());
        assertEquals(List.of("rank", "id", "score", "score_low", "score_high", "family", "family_from", "conservation", "targetscan_class", "dsw",
                "hmdd_disease_count", "hmdd_diseases", "mouse_orthologue", "mouse_label"), t.columnNames());
        assertEquals("hsa-mir-21", t.stringColumn("id").get(0));
        assertEquals(0.9, t.doubleColumn("score").get(0));
        assertEquals(0.95, t.doubleColumn("score_high").get(0));
        assertEquals("mir-21", t.stringColumn("family").get(0));
        assertEquals("miRBase family", t.stringColumn("family_from").get(0));
        assertEquals(12.0, t.doubleColumn("conservation").get(0));
        assertEquals(2, t.intColumn("hmdd_disease_count").get(0));
        assertEquals("Breast Neoplasms; Glioma", t.stringColumn("hmdd_diseases").get(0));
        assertEquals("mmu-mir-21", t.stringColumn("mouse_orthologue").get(0));
        assertEquals("essential", t.stringColumn("mouse_label").get(0));
        // second: no family known (stem), no conservation value (missing, not 0), no diseases
        assertEquals("hsa-let-7a-1", t.stringColumn("id").get(1));
        assertEquals("let-7", t.stringColumn("family").get(1));
        assertEquals("name stem", t.stringColumn("family_from").get(1));
        assertTrue(t.doubleColumn("conservation").isMissing(1));
        assertEquals(0, t.intColumn("hmdd_disease_count").get(1));
        assertEquals("unlabelled", t.stringColumn("mouse_label").get(1));

        // without HMDD and without an interval
        Table plain = CaseStudy.table(new CaseStudy.Scores(ids, s.score(), s.rankKey(), null),
                new CaseStudy.Annotations(null, null, null, null, null, Map.of()), 3);
        assertTrue(!plain.columnNames().contains("score_low"));
        assertEquals(CaseStudy.NOT_AVAILABLE, plain.stringColumn("hmdd_diseases").get(0));
        assertTrue(plain.intColumn("hmdd_disease_count").isMissing(0));
        assertEquals("none", plain.stringColumn("mouse_orthologue").get(2));
    }

    @Test
    void agreementWithXgemIsWorkedByHand() {
        // keys 5 4 3 2 1; XGEM: a=1 b=0 c=1 d=0, e has no call, z is not scored
        XgemAgreement.Result r = XgemAgreement.of(List.of("a", "b", "c", "d", "e"), new double[] {5, 4, 3, 2, 1},
                Map.of("a", 1, "b", 0, "c", 1, "d", 0, "z", 1), 2);
        assertEquals(4, r.n());
        assertEquals(2, r.calledEssential());
        // pairs (positive, negative): 5>4, 5>2, 3<4, 3>2 → 3/4
        assertEquals(0.75, r.auroc(), 1e-15);
        assertEquals(2, r.top());
        assertEquals(1, r.topCalledEssential());
        assertEquals(1.0, r.expectedByChance(), 1e-15);
        assertNull(XgemAgreement.of(List.of("a"), new double[] {1}, Map.of("b", 1), 10));
    }

    /** A raw folder with only what the case study reads, in the layout of ../shared/data/raw. */
    public static Path fakeRaw(Path dir, List<String> hmddNames, Map<String, Integer> xgem) throws IOException {
        Path hmdd = Files.createDirectories(dir.resolve("minimda_hmdd/HMDD v3.2"));
        Files.write(hmdd.resolve("miRNA number.txt"), hmddNames);
        Files.write(hmdd.resolve("disease number.txt"), List.of("Glioma", "Breast Neoplasms", "Leukemia, Myeloid, Acute"));
        // first name: diseases 2 and 3; second: disease 1
        Files.write(hmdd.resolve("known miRNA-disease association.txt"), List.of("1\t2", "1\t3", "2\t1"));
        Path fam = Files.createDirectories(dir.resolve("mirbase_r18"));
        Files.write(fam.resolve("miFam.dat"), List.of("AC   MIPF0000001", "ID   fam-one", "MI   MI9000001  " + hmddNames.get(0), "//",
                "AC   MIPF0000002", "ID   fam-two", "MI   MI9000002  renamed-in-r22", "//"));
        Path mb = Files.createDirectories(dir.resolve("mirbaseconverter_v22"));
        Files.write(mb.resolve("hairpin_hsa.fa"), List.of(">" + hmddNames.get(1) + " MI9000002 renamed", "ACGUACGU"));
        Path x = Files.createDirectories(dir.resolve("xgem/prediction"));
        StringBuilder csv = new StringBuilder("miRNA_name,predict value\n");
        for (var e : xgem.entrySet()) csv.append('>').append(e.getKey()).append(" MI0000000,").append(e.getValue()).append('\n');
        Files.writeString(x.resolve("result.csv"), csv);
        return dir;
    }

    @Test
    void rawAnnotationsMatchDiseasesAndFamiliesByAccessionThenName() throws IOException {
        Path raw = fakeRaw(tmp.resolve("raw"), List.of("hsa-mir-a", "hsa-mir-b"), Map.of("mmu-x", 1, "mmu-y", 0));
        RawAnnotations ra = RawAnnotations.read(raw, List.of("hsa-mir-a", "hsa-mir-b", "hsa-mir-c"));
        assertEquals(List.of("Breast Neoplasms", "Leukemia, Myeloid, Acute"), ra.diseases().get("hsa-mir-a"));
        assertEquals(List.of("Glioma"), ra.diseases().get("hsa-mir-b"));
        assertNull(ra.diseases().get("hsa-mir-c"));
        assertEquals("fam-one", ra.families().get("hsa-mir-a")); // by name
        assertEquals("fam-two", ra.families().get("hsa-mir-b")); // by accession (named differently in miRBase 18)
        assertNull(ra.families().get("hsa-mir-c"));
        assertEquals(Map.of("mmu-x", 1, "mmu-y", 0), ra.xgemCalls());
        assertEquals(List.of(), ra.notes());
        Files.delete(raw.resolve("xgem/prediction/result.csv"));
        RawAnnotations less = RawAnnotations.read(raw, List.of("hsa-mir-a"));
        assertNull(less.xgemCalls());
        assertEquals(Set.of(1), Set.of(less.notes().size()));
    }
}
