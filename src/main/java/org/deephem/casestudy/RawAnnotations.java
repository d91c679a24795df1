package org.deephem.casestudy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deephem.data.Indicators;
import org.deephem.data.RawSources;
import org.deephem.io.FastaRecord;

/**
 * What the case study takes from the raw sources ({@code --raw}): each human miRNA's HMDD v3.2
 * diseases (names matched to precursors exactly as for DSW, {@link Indicators#matchHmdd}), its
 * miRBase family (miRBase 18 {@code miFam.dat}, by precursor accession, else by name) and XGEM's
 * own calls on the unlabelled mouse. HMDD is required; the other two are optional, and
 * {@link #notes} says what was missing.
 */
public record RawAnnotations(Map<String, List<String>> diseases, Map<String, String> families, Map<String, Integer> xgemCalls,
                             List<String> notes) {
    static final String HUMAN_HAIRPINS = "mirbaseconverter_v22/hairpin_hsa.fa";

    public static RawAnnotations read(Path raw, List<String> humanIds) {
        RawSources src = RawSources.requiring(raw, RawSources.hmddFiles());
        List<String> notes = new ArrayList<>();
        Indicators.DswMatch match = Indicators.matchHmdd(src.hmddDiseases(), humanIds);
        Map<String, List<String>> diseases = CaseStudy.diseaseNames(match.diseasesByPrecursor(), src.hmddDiseaseNames());
        Map<String, String> families = null;
        if (src.has(RawSources.MIRBASE_FAMILIES)) {
            Map<String, String> byKey = src.mirbaseFamilies();
            Map<String, String> accession = new HashMap<>();
            if (src.has(HUMAN_HAIRPINS)) {
                for (FastaRecord r : org.deephem.io.Fasta.readAll(src.file(HUMAN_HAIRPINS))) {
                    String d = r.description().strip();
                    if (!d.isEmpty()) accession.put(r.id(), d.split("\\s+")[0]);
                }
            }
            families = new HashMap<>();
            for (String id : humanIds) {
                String f = byKey.get(accession.getOrDefault(id, ""));
                if (f == null) f = byKey.get(id);
                if (f != null) families.put(id, f);
            }
        } else {
            notes.add("no " + RawSources.MIRBASE_FAMILIES + " under " + raw + ": families are name stems");
        }
        Map<String, Integer> calls = null;
        if (src.has(RawSources.XGEM_PREDICTIONS)) calls = src.xgemCalls();
        else notes.add("no " + RawSources.XGEM_PREDICTIONS + " under " + raw + ": no comparison with XGEM's calls");
        return new RawAnnotations(diseases, families, calls, notes);
    }
}
