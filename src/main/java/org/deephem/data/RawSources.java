package org.deephem.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.deephem.features.InherentFeatures;
import org.deephem.features.Mature;
import org.deephem.io.Delimited;
import org.deephem.io.Fasta;
import org.deephem.io.FastaRecord;
import org.deephem.io.InputError;
import org.deephem.io.Table;

/**
 * Parsers for the public raw sources described in {@code shared/data/raw/PROVENANCE.md}:
 * XGEM labels, miRBase 22 precursors and matures, TargetScan predictions and family info,
 * and HMDD v3.2 disease associations.
 */
public final class RawSources {
    /** Relative paths of every raw input the builder reads (hashed into the manifest). */
    public static final List<String> FILES = List.of(
            "xgem/dataset/dataset2/sample/P.fasta",
            "xgem/dataset/dataset2/sample/N.fasta",
            "xgem/dataset/dataset3/sample/remove_experiment_data_1061.fasta",
            "mirbaseconverter_v22/hairpin_hsa.fa",
            "mirbaseconverter_v22/precursor_mature_v22_hsa_mmu.tsv",
            "mirbaseconverter_v22/mature_v22_all_species.fa",
            "norce_targetscan/targets_human.tsv",
            "norce_targetscan/targets_mouse.tsv",
            "targetscan/miR_Family_Info.txt",
            "minimda_hmdd/HMDD v3.2/miRNA number.txt",
            "minimda_hmdd/HMDD v3.2/disease number.txt",
            "minimda_hmdd/HMDD v3.2/known miRNA-disease association.txt");

    /**
     * XGEM dataset1, the 77 + 77 comparison set that PESM, miES and XGEM report on; optional
     * (only the comparison folder needs it).
     */
    public static final List<String> COMPARISON_FILES = List.of(
            "xgem/dataset/dataset1/sample/P_77.fasta",
            "xgem/dataset/dataset1/sample/N_77.fasta");

    /** Optional sources that only the case study reads: XGEM's own calls and miRBase 18 families. */
    public static final String XGEM_PREDICTIONS = "xgem/prediction/result.csv";
    public static final String MIRBASE_FAMILIES = "mirbase_r18/miFam.dat";

    private static final Pattern ISOFORM = Pattern.compile("\\.\\d+$");

    private final Path root;

    public RawSources(Path root) {
        this(root, FILES);
    }

    private RawSources(Path root, List<String> required) {
        this.root = root;
        if (!Files.isDirectory(root)) throw InputError.at(root, "raw data folder not found");
        for (String f : required) {
            if (!Files.isRegularFile(root.resolve(f))) throw InputError.at(root.resolve(f), "raw source file is missing");
        }
    }

    /**
     * For readers of a few sources (the case study): only the given files must be there; the
     * others need not exist ({@link #has} tells the optional ones).
     */
    public static RawSources requiring(Path root, List<String> required) {
        return new RawSources(root, required);
    }

    /** The three HMDD v3.2 files: names, diseases, associations. */
    public static List<String> hmddFiles() {
        return FILES.subList(9, 12);
    }

    public boolean has(String rel) {
        return Files.isRegularFile(root.resolve(rel));
    }

    public Path file(String rel) {
        return root.resolve(rel);
    }

    public List<FastaRecord> essential() {
        return Fasta.readAll(file(FILES.get(0)));
    }

    public List<FastaRecord> nonEssential() {
        return Fasta.readAll(file(FILES.get(1)));
    }

    public boolean hasComparisonSet() {
        return COMPARISON_FILES.stream().allMatch(f -> Files.isRegularFile(root.resolve(f)));
    }

    /** XGEM dataset1: essential (index 0) or non-essential (index 1) records. */
    public List<FastaRecord> comparison(boolean essential) {
        return Fasta.readAll(file(COMPARISON_FILES.get(essential ? 0 : 1)));
    }

    public List<FastaRecord> unlabelledMouse() {
        return Fasta.readAll(file(FILES.get(2)));
    }

    public List<FastaRecord> human() {
        return Fasta.readAll(file(FILES.get(3)));
    }

    /** precursor name → its annotated matures (miRBase 22, human and mouse). */
    public Map<String, List<Mature>> matures() {
        Table t = Delimited.read(file(FILES.get(4)));
        int pre = t.column("precursor");
        int[] names = {t.column("mature1"), t.column("mature2")};
        int[] seqs = {t.column("mature1_seq"), t.column("mature2_seq")};
        Map<String, List<Mature>> out = new HashMap<>();
        for (int r = 0; r < t.rowCount(); r++) {
            List<Mature> ms = new ArrayList<>();
            for (int m = 0; m < 2; m++) {
                String name = t.text(r, names[m]);
                String seq = t.text(r, seqs[m]).toUpperCase(java.util.Locale.ROOT).replace('T', 'U');
                if (!name.isEmpty() && !seq.isEmpty()) ms.add(new Mature(name, seq));
            }
            out.put(t.text(r, pre), ms);
        }
        return out;
    }

    /** Strips TargetScan's isoform suffix ({@code hsa-miR-101-3p.1} → {@code hsa-miR-101-3p}). */
    public static String stripIsoform(String mature) {
        return ISOFORM.matcher(mature).replaceFirst("");
    }

    /** Result of mapping TargetScan predictions onto precursors. */
    public record Targets(Map<String, Set<String>> genesByPrecursor, int targetScanNames, List<String> unmatchedNames) {}

    /**
     * Genes (upper-case symbols) targeted by any mature of each precursor.
     *
     * @param human true for {@code targets_human.tsv}, false for mouse
     */
    public Targets targets(boolean human, Map<String, List<Mature>> matures) {
        Map<String, List<String>> precursorsOfMature = new HashMap<>();
        for (var e : matures.entrySet()) {
            for (Mature m : e.getValue()) precursorsOfMature.computeIfAbsent(m.name(), k -> new ArrayList<>()).add(e.getKey());
        }
        Path f = file(FILES.get(human ? 6 : 7));
        Map<String, Set<String>> out = new TreeMap<>();
        Set<String> names = new HashSet<>();
        Set<String> unmatched = new java.util.TreeSet<>();
        try (BufferedReader in = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null || !header.startsWith("gene_id")) throw InputError.at(f, 1, "unexpected header " + header);
            String line;
            long n = 1;
            while ((line = in.readLine()) != null) {
                n++;
                String[] c = line.split("\t", -1);
                if (c.length < 4) throw InputError.at(f, n, "expected 4 columns");
                String mature = c[3];
                names.add(mature);
                List<String> pres = precursorsOfMature.get(stripIsoform(mature));
                if (pres == null) {
                    unmatched.add(mature);
                    continue;
                }
                String gene = c[1].strip().toUpperCase(java.util.Locale.ROOT);
                if (gene.isEmpty()) continue;
                for (String p : pres) out.computeIfAbsent(p, k -> new HashSet<>()).add(gene);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Targets(out, names.size(), new ArrayList<>(unmatched));
    }

    /** species code → set of seeds (nt 2–8) of its matures, inverted to seed → species. */
    public Map<String, Set<String>> speciesBySeed() {
        Map<String, Set<String>> out = new HashMap<>();
        Fasta.read(file(FILES.get(5)), r -> {
            String id = r.id();
            int dash = id.indexOf('-');
            String species = dash > 0 ? id.substring(0, dash) : id;
            String seed = InherentFeatures.seed(r.sequence());
            if (seed.length() == 7) out.computeIfAbsent(seed, k -> new HashSet<>()).add(species);
        });
        return out;
    }

    /** Human mature name (isoform suffix stripped) → TargetScan family conservation class. */
    public Map<String, Integer> targetScanHumanClass() {
        Table t = Delimited.read(file(FILES.get(8)));
        int sp = t.column("Species_ID");
        int id = t.column("MiRBase_ID");
        int cl = t.column("Family_Conservation?");
        Map<String, Integer> out = new HashMap<>();
        for (int r = 0; r < t.rowCount(); r++) {
            if (!t.text(r, sp).equals("9606")) continue;
            int c = (int) t.number(r, cl);
            out.merge(stripIsoform(t.text(r, id)), c, Math::max);
        }
        return out;
    }

    /** HMDD v3.2: miRNA name → set of disease indices. */
    public Map<String, Set<Integer>> hmddDiseases() {
        List<String> names = lines(file(FILES.get(9)));
        Map<String, Set<Integer>> out = new LinkedHashMap<>();
        for (String nm : names) out.put(nm.strip(), new HashSet<>());
        Path assoc = file(FILES.get(11));
        List<String> rows = lines(assoc);
        for (int i = 0; i < rows.size(); i++) {
            String[] c = rows.get(i).strip().split("\\s+");
            if (c.length < 2) throw InputError.at(assoc, i + 1, "expected two indices");
            int m, d;
            try {
                m = Integer.parseInt(c[0]);
                d = Integer.parseInt(c[1]);
            } catch (NumberFormatException e) {
                throw InputError.at(assoc, i + 1, "indices must be whole numbers");
            }
            if (m < 1 || m > names.size()) throw InputError.at(assoc, i + 1, "miRNA index " + m + " out of range");
            out.get(names.get(m - 1).strip()).add(d);
        }
        return out;
    }

    /** HMDD v3.2 disease names; disease index i (1-based) is element i − 1. */
    public List<String> hmddDiseaseNames() {
        return lines(file(FILES.get(10))).stream().map(String::strip).toList();
    }

    /**
     * XGEM's own 0/1 calls on the unlabelled mouse precursors ({@value #XGEM_PREDICTIONS}, rows
     * {@code >mmu-let-7g MI0000137,0}): precursor name → call.
     */
    public Map<String, Integer> xgemCalls() {
        Path f = file(XGEM_PREDICTIONS);
        Table t = Delimited.read(f);
        int value = t.column("predict value");
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int r = 0; r < t.rowCount(); r++) {
            String[] words = t.text(r, 0).strip().replaceFirst("^>", "").split("\\s+");
            double v = t.number(r, value);
            if (v != 0 && v != 1) throw InputError.at(f, Table.sheetRow(r), "predict value", "expected 0 or 1, found " + t.text(r, value));
            if (words[0].isEmpty()) throw InputError.at(f, Table.sheetRow(r), "miRNA_name", "empty name");
            out.put(words[0], (int) v);
        }
        return out;
    }

    /**
     * miRBase 18 families ({@value #MIRBASE_FAMILIES}): precursor accession ({@code MI…}) and,
     * as a fallback, precursor name → family ID ({@code mir-17}).
     */
    public Map<String, String> mirbaseFamilies() {
        Map<String, String> out = new HashMap<>();
        String family = null;
        for (String l : lines(file(MIRBASE_FAMILIES))) {
            String[] w = l.strip().split("\\s+");
            if (w[0].equals("//")) family = null;
            else if (w[0].equals("ID") && w.length > 1) family = w[1];
            else if (w[0].equals("MI") && family != null) {
                for (int i = 1; i < w.length; i++) out.put(w[i], family);
            }
        }
        return out;
    }

    public int hmddDiseaseCount() {
        return lines(file(FILES.get(10))).size();
    }

    private static List<String> lines(Path f) {
        try {
            List<String> out = new ArrayList<>();
            for (String l : Files.readAllLines(f, StandardCharsets.UTF_8)) if (!l.isBlank()) out.add(l);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
