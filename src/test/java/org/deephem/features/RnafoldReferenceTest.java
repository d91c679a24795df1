package org.deephem.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.deephem.io.Delimited;
import org.deephem.io.Fasta;
import org.deephem.io.FastaRecord;
import org.deephem.io.Table;
import org.deephem.testutil.TestData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Our folder against ViennaRNA RNAfold 2.7.1 on all 3,151 miRBase 22 human and mouse precursors
 * (../shared/data/reference/rnafold-2.7.1, skipped when absent): the same MFE to 0.01 kcal/mol,
 * and the same structure unless RNAfold's structure has exactly our MFE under our own evaluator
 * (a tie: two structures of equal energy, either is a correct answer).
 */
class RnafoldReferenceTest {

    record Outcome(String id, double ours, double theirs, boolean sameStructure, double theirsUnderOurModel) {}

    @ParameterizedTest(name = "dangles {0} vs {1}")
    @CsvSource({"0, hsa_mmu_d0.tsv", "2, hsa_mmu_d2.tsv"})
    void sameMfeAndStructureAsRnafold(int dangles, String file) {
        Path ref = TestData.rnafoldReferenceOrSkip();
        Path raw = TestData.rawOrSkip();
        Map<String, String> seqs = new LinkedHashMap<>();
        for (String f : List.of("hairpin_hsa.fa", "hairpin_mmu.fa")) {
            for (FastaRecord r : Fasta.readAll(raw.resolve("mirbaseconverter_v22").resolve(f))) seqs.put(r.id(), r.sequence());
        }
        Table t = Delimited.read(ref.resolve(file));
        int cId = t.column("id"), cMfe = t.column("mfe"), cStruct = t.column("structure");
        assertEquals(3151, t.rowCount(), "reference rows");
        RnaFolder folder = new RnaFolder(dangles);
        List<Outcome> out = IntStream.range(0, t.rowCount()).parallel().mapToObj(r -> {
            String id = t.text(r, cId);
            String seq = seqs.get(id);
            assertTrue(seq != null, "no sequence for " + id);
            Fold f = folder.fold(seq);
            String theirs = t.text(r, cStruct);
            assertEquals(f.mfe(), folder.energyOf(seq, f.structure()), 1e-9, "our structure's energy is our MFE for " + id);
            return new Outcome(id, f.mfe(), t.number(r, cMfe), theirs.equals(f.structure()), folder.energyOf(seq, theirs));
        }).toList();

        List<String> energyDiffers = new ArrayList<>();
        List<String> ties = new ArrayList<>();
        for (Outcome o : out) {
            if (Math.abs(o.ours() - o.theirs()) > 0.005) {
                energyDiffers.add(String.format(Locale.ROOT, "%s ours %.2f RNAfold %.2f", o.id(), o.ours(), o.theirs()));
            }
            // RNAfold's own structure evaluated under our model gives the energy RNAfold reports
            assertEquals(o.theirs(), o.theirsUnderOurModel(), 0.005, "our evaluation of RNAfold's structure of " + o.id());
            if (!o.sameStructure()) {
                ties.add(o.id());
                // a different structure is only acceptable as a tie of exactly equal energy
                assertEquals(o.ours(), o.theirsUnderOurModel(), 0.005, "structure differs without a tie for " + o.id());
            }
        }
        System.out.printf(Locale.ROOT, "dangles %d: MFE equal for %d/%d precursors, structure identical for %d; ties %s%n",
                dangles, out.size() - energyDiffers.size(), out.size(), out.size() - ties.size(), ties);
        assertTrue(energyDiffers.size() <= out.size() / 1000, "MFE differs for more than 0.1 %: " + energyDiffers);
    }
}
