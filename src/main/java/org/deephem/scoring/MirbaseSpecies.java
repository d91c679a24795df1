package org.deephem.scoring;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.deephem.features.Mature;
import org.deephem.io.Fasta;
import org.deephem.io.FastaRecord;
import org.deephem.io.InputError;

/**
 * One species of miRBase's own files: its precursors from {@code hairpin.fa} (IDs start with the
 * species prefix, e.g. {@code hsa-}) and, for each, its matures from {@code mature.fa} found by
 * <b>name and position</b>: a mature belongs to a precursor when its name, without the arm
 * suffix ({@code -5p}/{@code -3p}, or the {@code *} of older releases) and compared without case,
 * is the precursor's name or a dash-delimited start of it ({@code hsa-miR-21-5p} → {@code
 * hsa-mir-21}; {@code hsa-let-7a-5p} → {@code hsa-let-7a-1}, {@code -2}, {@code -3}), and its
 * sequence lies in the precursor. The arm is then decided where {@code build-dataset}'s features
 * decide it, by the mature's position (5′ half or 3′ half). On miRBase 22 this rule gives the
 * same matures as miRBase's own precursor–mature table (which {@code build-dataset} reads) for
 * 1,908 of 1,917 human and 1,227 of 1,234 mouse precursors (MirbaseSpeciesTest); the others are
 * family matures named without the paralog letter (hsa-miR-517-5p of hsa-mir-517a) or extra
 * isomiR-like entries.
 */
public final class MirbaseSpecies {
    /** miRBase species prefixes: three or four lower-case letters (hsa, mmu, gga, dre, …). */
    static final Pattern PREFIX = Pattern.compile("[a-z]{3,4}");

    private MirbaseSpecies() {}

    /** The species' precursors with their matures; {@code invalid} takes records with letters other than ACGU/T. */
    public record Selection(String species, List<FastaRecord> precursors, List<List<Mature>> matures, int maturesOfSpecies) {}

    public static String requirePrefix(String species) {
        String s = species.strip();
        if (!PREFIX.matcher(s).matches()) {
            throw new InputError("--species must be a miRBase species prefix such as hsa, mmu, gga or dre, not '" + species + "'");
        }
        return s;
    }

    /**
     * Reads the species' records of a miRBase hairpin FASTA (plain, gzip, or {@code -} for
     * standard input) and matches each to its matures from a miRBase mature FASTA (may be null:
     * then no matures).
     */
    public static Selection select(Path hairpins, Path matureFasta, String species, Consumer<Fasta.Invalid> invalid) {
        String prefix = requirePrefix(species) + "-";
        List<FastaRecord> pre = new ArrayList<>();
        Map<String, Integer> otherPrefixes = new TreeMap<>();
        Fasta.read(hairpins, r -> {
            if (r.id().startsWith(prefix)) pre.add(r);
            else otherPrefixes.merge(prefixOf(r.id()), 1, Integer::sum);
        }, r -> {
            if (r.id().startsWith(prefix)) invalid.accept(r);
        });
        if (pre.isEmpty()) {
            throw InputError.at(hairpins, "no precursor of species '" + species + "' (IDs starting with '" + prefix + "'); it has "
                    + describe(otherPrefixes));
        }
        Map<String, List<Mature>> byStem = new LinkedHashMap<>();
        int[] ofSpecies = {0};
        if (matureFasta != null) {
            Fasta.read(matureFasta, r -> {
                if (!r.id().startsWith(prefix)) return;
                ofSpecies[0]++;
                byStem.computeIfAbsent(stem(r.id()), k -> new ArrayList<>()).add(new Mature(r.id(), r.sequence()));
            }, r -> { /* a mature with IUPAC letters cannot lie in a valid precursor: leave it out */ });
            if (ofSpecies[0] == 0) throw InputError.at(matureFasta, "no mature of species '" + species + "' (IDs starting with '" + prefix + "')");
        }
        List<List<Mature>> matures = new ArrayList<>();
        for (FastaRecord r : pre) matures.add(maturesOf(r.id(), r.sequence(), byStem));
        return new Selection(species, pre, matures, ofSpecies[0]);
    }

    /** A mature's name as the precursor name it comes from: lower case, without arm suffix or star. */
    static String stem(String matureName) {
        String s = matureName.toLowerCase(Locale.ROOT);
        if (s.endsWith("*")) s = s.substring(0, s.length() - 1);
        if (s.endsWith("-5p") || s.endsWith("-3p")) s = s.substring(0, s.length() - 3);
        return s;
    }

    /**
     * The matures of one precursor: those whose stem is the precursor's name or a dash-delimited
     * start of it, and whose sequence lies in the precursor; 5′-arm ones first (by position).
     */
    static List<Mature> maturesOf(String precursorId, String sequence, Map<String, List<Mature>> byStem) {
        String name = precursorId.toLowerCase(Locale.ROOT);
        List<Mature> out = new ArrayList<>();
        for (int end = name.indexOf('-'); end >= 0; end = name.indexOf('-', end + 1)) addContained(out, byStem.get(name.substring(0, end)), sequence);
        addContained(out, byStem.get(name), sequence);
        out.sort(java.util.Comparator.comparingInt(m -> sequence.indexOf(m.sequence())));
        return out;
    }

    private static void addContained(List<Mature> out, List<Mature> candidates, String sequence) {
        if (candidates == null) return;
        for (Mature m : candidates) if (sequence.contains(m.sequence()) && !out.contains(m)) out.add(m);
    }

    private static String prefixOf(String id) {
        int dash = id.indexOf('-');
        return dash < 0 ? id : id.substring(0, dash);
    }

    private static String describe(Map<String, Integer> prefixes) {
        if (prefixes.isEmpty()) return "no other records";
        List<Map.Entry<String, Integer>> top = new ArrayList<>(prefixes.entrySet());
        top.sort((a, b) -> b.getValue() - a.getValue());
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(8, top.size()); i++) sb.append(i == 0 ? "" : ", ").append(top.get(i).getKey());
        return prefixes.size() + " other prefixes (" + sb + (top.size() > 8 ? ", …" : "") + ")";
    }
}
