package org.deephem.zoo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.deephem.eval.MemberSpread;
import org.deephem.features.MtiPca;
import org.deephem.io.AtomicFiles;
import org.deephem.io.InputError;
import org.deephem.io.Json;

/**
 * An ensemble in the model zoo: one zip holding {@code format.json} (format
 * {@code deephem-j-ensemble}, version 1), {@code ensemble.json} (member names in order, how they
 * are combined, provenance) and each member as a complete model zip under
 * {@code members/<name>.zip}, byte for byte what {@link ModelZip#save} writes. A member is loaded
 * by {@link ModelZip} with all its checks; a bad one is refused with a line naming it.
 *
 * <p>Version 2 differs in one thing: when every member carries the same MTI PCA basis (members
 * trained on one dataset always do; on the real data it is 11 MB of text, 5 MB zipped), it is
 * stored once as {@code shared/mti_pca_model.tsv} and left out of the member zips, and the loader
 * gives it back to each member. Ensembles without a basis are still written as version 1, and
 * both versions are read.
 */
public final class EnsembleZip {
    public static final String FORMAT = "deephem-j-ensemble";
    public static final int VERSION = 1, SHARED_BASIS_VERSION = 2;
    static final String MEMBERS = "members/", SHARED_PCA = "shared/mti_pca_model.tsv";
    /** A member name becomes an entry name: no folders, no hidden files. */
    static final Pattern MEMBER_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}");
    static final int MAX_MEMBERS = 1000;
    /**
     * What an ensemble zip may inflate to, its own entries and its members' entries together:
     * 256 MiB. The shipped MTI ensemble inflates to 13.1 MiB (12.1 MiB of entries, the shared
     * basis being 11.5 MiB of them, and 0.2 MiB inside each of its 5 members); a version-1
     * ensemble of 10 MTI members that each carry their own basis would be about 170 MiB. A
     * member zip is also held to {@link ModelZip#MAX_INFLATED_BYTES} on its own.
     */
    static final long MAX_INFLATED_BYTES = 256L << 20;

    private EnsembleZip() {}

    /** A member: its name in the ensemble and the trained model. */
    public record Member(String name, TrainedModel model) {}

    /** Saves members (at least 2, distinct names) and provenance of how they were made. */
    public static void save(Path zip, List<Member> members, Map<String, Object> provenance) {
        save(zip, members, provenance, null);
    }

    /** As above, with the ensemble's scores of a reference set (null: none), see {@link ReferenceScores}. */
    public static void save(Path zip, List<Member> members, Map<String, Object> provenance, ReferenceScores reference) {
        if (members.size() < 2) throw new IllegalArgumentException("an ensemble needs at least 2 members, got " + members.size());
        List<String> names = new ArrayList<>();
        for (Member m : members) {
            if (!MEMBER_NAME.matcher(m.name()).matches()) throw new IllegalArgumentException("member name '" + m.name() + "' is not a plain file name");
            if (names.contains(m.name())) throw new IllegalArgumentException("member name '" + m.name() + "' appears twice");
            names.add(m.name());
        }
        requireSameMti(members, Member::name, "ensemble");
        String basis = sharedBasis(members);
        // each member as the bytes of a model zip, written by the one model writer (without the basis when it is shared)
        List<byte[]> bytes = new ArrayList<>();
        for (Member m : members) bytes.add(ModelZip.bytes(basis == null ? m.model() : m.model().withPca(null)));
        AtomicFiles.write(zip, os -> {
            try (ZipOutputStream z = new ZipOutputStream(os)) {
                put(z, "format.json", Json.write(Map.of("format", FORMAT, "version", basis == null ? VERSION : SHARED_BASIS_VERSION)));
                if (basis != null) put(z, SHARED_PCA, basis);
                Map<String, Object> manifest = new LinkedHashMap<>();
                manifest.put("members", names);
                manifest.put("score", "mean of the member probabilities");
                manifest.put("interval", MemberSpread.DEFINITION);
                manifest.put("provenance", provenance);
                put(z, "ensemble.json", Json.write(manifest));
                if (reference != null) {
                    z.putNextEntry(new ZipEntry(ReferenceScores.ENTRY));
                    z.write(reference.toCsv());
                    z.closeEntry();
                }
                for (int i = 0; i < names.size(); i++) {
                    z.putNextEntry(new ZipEntry(MEMBERS + names.get(i) + ".zip"));
                    z.write(bytes.get(i));
                    z.closeEntry();
                }
            }
        });
    }

    /**
     * Refuses members that do not all read MTI or all not: their mean would mix a model that reads
     * a miRNA's predicted targets with one that does not know them (with --targets only some
     * members would use them; without, the MTI members score every miRNA as target-less). Names
     * each side; {@code label} names a member in the message (its file, or its name).
     */
    public static <T> void requireSameMti(List<T> members, java.util.function.Function<T, String> label,
                                          java.util.function.Function<T, TrainedModel> model, String what) {
        List<String> mti = new ArrayList<>(), none = new ArrayList<>();
        for (T m : members) (model.apply(m).config().useMti() ? mti : none).add(label.apply(m));
        if (mti.isEmpty() || none.isEmpty()) return;
        throw new InputError(what + ": " + String.join(", ", mti) + (mti.size() == 1 ? " reads" : " read") + " MTI (predicted targets) but "
                + String.join(", ", none) + (none.size() == 1 ? " does" : " do") + " not; the members of an ensemble must all read MTI or all not"
                + " (bundle the MTI and the no-MTI models separately)");
    }

    private static void requireSameMti(List<Member> members, java.util.function.Function<Member, String> label, String what) {
        requireSameMti(members, label, Member::model, what);
    }

    /**
     * The reference scores of an ensemble: its logit of the mean member probability for each
     * human row of {@code ds}, after the same dataset checks as {@code score --data}.
     */
    public static ReferenceScores reference(List<Member> members, org.deephem.data.DeepHemDataset ds) {
        double[][] logits = new ZooModel(null, members, true, Map.of()).logitsOfFolder(ds, "human");
        return ReferenceScores.ofDataset(ds, MemberSpread.combinedLogits(logits));
    }

    /** The members' MTI PCA basis as text when every member has one and they are all the same, else null. */
    private static String sharedBasis(List<Member> members) {
        String first = null;
        for (Member m : members) {
            if (m.model().pca() == null) return null;
            String t = m.model().pca().toTsv();
            if (first == null) first = t;
            else if (!first.equals(t)) return null;
        }
        return first;
    }

    private static void put(ZipOutputStream z, String name, String text) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(text.getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
    }

    /**
     * True if the file is an ensemble zip (it has {@code ensemble.json}); false for anything else.
     * Reaching the next entry means inflating the one before it, so the look stops (false) after
     * {@link ModelZip#MAX_INFLATED_BYTES}: the model loader then refuses the zip for its size.
     */
    public static boolean isEnsemble(Path zip) {
        if (!Files.isRegularFile(zip)) return false;
        try (InputStream in = Files.newInputStream(zip); java.util.zip.ZipInputStream z = new java.util.zip.ZipInputStream(in)) {
            ZipEntry e;
            byte[] skip = new byte[1 << 16];
            long inflated = 0;
            while ((e = z.getNextEntry()) != null) {
                if (e.getName().equals("ensemble.json")) return true;
                for (int n; (n = z.read(skip)) > 0; ) if ((inflated += n) > ModelZip.MAX_INFLATED_BYTES) return false;
            }
        } catch (IOException e) {
            return false; // not a readable zip: the model loader says why
        }
        return false;
    }

    /** A loaded ensemble: members in their stored order, with the manifest's provenance. */
    public record Loaded(List<Member> members, Map<String, Object> manifest) {}

    @SuppressWarnings("unchecked")
    public static Loaded load(Path zip) {
        Map<String, byte[]> entries;
        ZipEntries.Budget budget = new ZipEntries.Budget(zip, MAX_INFLATED_BYTES, "an ensemble zip with its members");
        try (InputStream in = Files.newInputStream(zip)) {
            entries = ZipEntries.read(zip, in, n -> n.equals("format.json") || n.equals("ensemble.json") || n.equals(SHARED_PCA) || n.equals(ReferenceScores.ENTRY)
                            || (n.startsWith(MEMBERS) && n.endsWith(".zip") && MEMBER_NAME.matcher(n.substring(MEMBERS.length(), n.length() - 4)).matches()),
                    n -> ModelZip.MAX_INFLATED_BYTES, budget, "not a DeepHEM-J ensemble");
        } catch (NoSuchFileException e) {
            throw InputError.at(zip, "model file not found");
        } catch (IOException e) {
            throw InputError.at(zip, "could not read ensemble zip: " + e.getMessage());
        }
        for (String need : List.of("format.json", "ensemble.json")) {
            if (!entries.containsKey(need)) throw InputError.at(zip, "not a DeepHEM-J ensemble: entry '" + need + "' is missing");
        }
        Map<String, Object> fmt, manifest;
        try {
            fmt = Json.mapper().readValue(entries.get("format.json"), Map.class);
            manifest = Json.mapper().readValue(entries.get("ensemble.json"), Map.class);
        } catch (IOException e) {
            throw InputError.at(zip, "unreadable ensemble metadata: " + e.getMessage());
        }
        if (!FORMAT.equals(fmt.get("format"))) throw InputError.at(zip, "not a DeepHEM-J ensemble (format '" + fmt.get("format") + "')");
        int v = ZipEntries.formatVersion(zip, fmt.get("version"));
        if (v != VERSION && v != SHARED_BASIS_VERSION) {
            throw InputError.at(zip, "ensemble format version " + v + " is not supported (this build reads versions "
                    + VERSION + " and " + SHARED_BASIS_VERSION + ")");
        }
        MtiPca shared = null;
        if (v == SHARED_BASIS_VERSION) {
            byte[] b = entries.get(SHARED_PCA);
            if (b == null) throw InputError.at(zip, "ensemble format version 2 but entry '" + SHARED_PCA + "' is missing");
            try (java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(new java.io.ByteArrayInputStream(b), StandardCharsets.UTF_8))) {
                shared = MtiPca.read(r, zip.resolve(SHARED_PCA));
            } catch (IOException e) {
                throw InputError.at(zip.resolve(SHARED_PCA), "unreadable: " + e.getMessage());
            }
        } else if (entries.containsKey(SHARED_PCA)) {
            throw InputError.at(zip, "holds '" + SHARED_PCA + "', which only format version 2 has");
        }
        if (!(manifest.get("members") instanceof List<?> names) || names.size() < 2 || names.size() > MAX_MEMBERS) {
            throw InputError.at(zip, "ensemble.json: 'members' must list 2 to " + MAX_MEMBERS + " member names");
        }
        List<Member> out = new ArrayList<>();
        for (Object o : names) {
            String entry = MEMBERS + o + ".zip";
            if (!(o instanceof String name) || !MEMBER_NAME.matcher(name).matches()) throw InputError.at(zip, "ensemble.json: member name '" + o + "' is not a plain file name");
            if (out.stream().anyMatch(m -> m.name().equals(name))) throw InputError.at(zip, "ensemble.json: member '" + name + "' is listed twice");
            byte[] b = entries.get(entry);
            if (b == null) throw InputError.at(zip, "member '" + name + "' is listed in ensemble.json but " + entry + " is missing");
            // a member's problems are reported under zip/members/<name>.zip
            TrainedModel m = ModelZip.load(zip.resolve(entry), b, budget);
            if (shared != null) {
                if (m.pca() != null) throw InputError.at(zip.resolve(entry), "carries its own MTI PCA basis although the ensemble shares one");
                ModelZip.requireFits(zip.resolve(entry), shared, m.config());
                m = m.withPca(shared);
            }
            out.add(new Member(name, m));
        }
        if (entries.keySet().stream().filter(n -> n.startsWith(MEMBERS)).count() != out.size()) {
            throw InputError.at(zip, "holds member zips that ensemble.json does not list");
        }
        return new Loaded(out, manifest);
    }
}
