package org.deephem.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deephem.features.Mature;
import org.deephem.io.Delimited;
import org.deephem.io.Fasta;
import org.deephem.io.InputError;
import org.deephem.io.Table;
import org.deephem.testutil.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MirbaseSpeciesTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static List<String> names(List<Mature> ms) {
        return ms.stream().map(Mature::name).toList();
    }

    @Test
    void maturesAreFoundByNameStemAndContainment() throws IOException {
        String let7a2 = "AGGUUGAGGUAGUAGGUUGUAUAGUUUAGAAUUACAUCAAGGGAGAUAACUGUACAGCCUCCUAGCUUUCCU";
        String mir10a = "GAUCUGUCUGUCUUCUGUAUAUACCCUGUAGAUCCGAAUUUGUGUAAGGAAUUUUGUGGUCACAAAUUCGUAUCUAGGGGAAUAUGUAGUUGACAUAAACACUCCGCUCU";
        String mir1 = "ACCUACUCAGAGUACAUACUUCUUUAUGUACCCAUAUGAACAUACAAUGCUAUGGAAUGUAAAGAAGUAUGUAUUUUUGGUAGGC";
        Path hairpins = write("hairpin.fa", ">hsa-let-7a-2 MI0000061\n" + let7a2 + "\n>hsa-mir-10a MI0000266\n" + mir10a
                + "\n>hsa-mir-1-1 MI0000651\n" + mir1 + "\n>mmu-mir-1a-1 MI0000139\n" + mir1 + "\n>hsa-mir-bad\nACGUNNACGU\n");
        Path matures = write("mature.fa", String.join("\n",
                ">hsa-let-7a-5p MIMAT0000062", "UGAGGUAGUAGGUUGUAUAGUU",
                ">hsa-let-7a-2-3p MIMAT0010195", "CUGUACAGCCUCCUAGCUUUCC",
                ">hsa-miR-10a-5p MIMAT0000253", "UACCCUGUAGAUCCGAAUUUGUG",
                // a stem that is a prefix of hsa-mir-10a but not at a dash: must not be taken
                ">hsa-miR-10-5p MIMAT9999999", "UACCCUGUAGAUCCGAAUUUGUG",
                ">hsa-miR-1-3p MIMAT0000416", "UGGAAUGUAAAGAAGUAUGUAU",
                // right name, but not in the precursor: not taken
                ">hsa-miR-1-5p MIMAT0031892", "ACAUACUUCUUUAUAUGCCCAU",
                ">mmu-miR-1a-3p MIMAT0000123", "UGGAAUGUAAAGAAGUAUGUAU", ""));
        List<Fasta.Invalid> invalid = new ArrayList<>();
        MirbaseSpecies.Selection s = MirbaseSpecies.select(hairpins, matures, "hsa", invalid::add);
        assertEquals(List.of("hsa-let-7a-2", "hsa-mir-10a", "hsa-mir-1-1"), s.precursors().stream().map(r -> r.id()).toList());
        assertEquals(List.of("hsa-mir-bad"), invalid.stream().map(Fasta.Invalid::id).toList());
        assertEquals(6, s.maturesOfSpecies());
        // 5' arm first (by position), then the 3' arm
        assertEquals(List.of("hsa-let-7a-5p", "hsa-let-7a-2-3p"), names(s.matures().get(0)));
        assertEquals(List.of("hsa-miR-10a-5p"), names(s.matures().get(1)));
        assertEquals(List.of("hsa-miR-1-3p"), names(s.matures().get(2)));

        MirbaseSpecies.Selection m = MirbaseSpecies.select(hairpins, matures, "mmu", r -> {});
        assertEquals(List.of("mmu-mir-1a-1"), m.precursors().stream().map(r -> r.id()).toList());
        assertEquals(List.of("mmu-miR-1a-3p"), names(m.matures().get(0)));
    }

    @Test
    void stemsDropTheArmAndTheStarOfOlderReleases() {
        assertEquals("hsa-mir-21", MirbaseSpecies.stem("hsa-miR-21-5p"));
        assertEquals("hsa-mir-21", MirbaseSpecies.stem("hsa-miR-21*"));
        assertEquals("hsa-let-7a-2", MirbaseSpecies.stem("hsa-let-7a-2-3p"));
        assertEquals("hsa-mir-3180", MirbaseSpecies.stem("hsa-miR-3180"));
    }

    @Test
    void aSpeciesThatIsNotThereOrNotAPrefixIsRefusedInOneLine() throws IOException {
        Path hairpins = write("hairpin.fa", ">hsa-mir-1 x\nACGUACGUACGU\n>mmu-mir-1 x\nACGUACGUACGU\n");
        InputError e = assertThrows(InputError.class, () -> MirbaseSpecies.select(hairpins, null, "gga", r -> {}));
        assertTrue(e.getMessage().contains("hairpin.fa") && e.getMessage().contains("'gga-'") && e.getMessage().contains("hsa, mmu"), e.getMessage());
        InputError p = assertThrows(InputError.class, () -> MirbaseSpecies.requirePrefix("Homo sapiens"));
        assertTrue(p.getMessage().startsWith("--species must be a miRBase species prefix"), p.getMessage());
    }

    /**
     * On miRBase 22's human and mouse files, the name-and-position rule gives the matures that
     * miRBase's own precursor–mature table (what build-dataset reads) lists, for nearly every precursor.
     */
    @Test
    void onMirbase22TheRuleAgreesWithBuildDatasetsTable() {
        Path raw = TestData.rawOrSkip().resolve("mirbaseconverter_v22");
        Table t = Delimited.read(raw.resolve("precursor_mature_v22_hsa_mmu.tsv"));
        Map<String, Set<String>> table = new HashMap<>();
        int pre = t.column("precursor"), m1 = t.column("mature1"), m2 = t.column("mature2");
        for (int r = 0; r < t.rowCount(); r++) {
            Set<String> ms = new HashSet<>();
            for (int c : new int[] {m1, m2}) if (!t.text(r, c).isEmpty()) ms.add(t.text(r, c));
            table.put(t.text(r, pre), ms);
        }
        for (String sp : List.of("hsa", "mmu")) {
            MirbaseSpecies.Selection s = MirbaseSpecies.select(raw.resolve("hairpin_" + sp + ".fa"), raw.resolve("mature_" + sp + ".fa"), sp, r -> {});
            int n = s.precursors().size(), agree = 0;
            for (int i = 0; i < n; i++) {
                if (new HashSet<>(names(s.matures().get(i))).equals(table.get(s.precursors().get(i).id()))) agree++;
            }
            System.out.printf("%s: matures agree with miRBase's table for %d of %d precursors%n", sp, agree, n);
            assertEquals(sp.equals("hsa") ? 1917 : 1234, n);
            assertTrue(agree >= 0.99 * n, sp + ": only " + agree + " of " + n + " agree");
        }
    }

    /** A third species, from miRBase release 18's all-species files: chicken. */
    @Test
    void aThirdSpeciesFromAnAllSpeciesRelease() {
        Path raw = TestData.rawOrSkip().resolve("mirbase_r18");
        MirbaseSpecies.Selection s = MirbaseSpecies.select(raw.resolve("hairpin.fa"), raw.resolve("mature.fa"), "gga", r -> {});
        int withMatures = (int) s.matures().stream().filter(l -> !l.isEmpty()).count();
        System.out.printf("gga (miRBase 18): %d precursors, %d with a mature found%n", s.precursors().size(), withMatures);
        assertTrue(s.precursors().size() > 400, "gga precursors: " + s.precursors().size());
        assertTrue(s.precursors().stream().allMatch(r -> r.id().startsWith("gga-")));
        assertTrue(withMatures >= 0.95 * s.precursors().size(), withMatures + " of " + s.precursors().size());
    }
}
