package org.deephem.zoo;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.io.output.CloseShieldOutputStream;
import org.deephem.features.Kmers;
import org.deephem.features.MtiPca;
import org.deephem.io.AtomicFiles;
import org.deephem.io.InputError;
import org.deephem.io.Json;
import org.deephem.io.Progress;
import org.deephem.model.DeepHemGraph;
import org.deephem.model.ModelConfig;
import org.deephem.model.Standardiser;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The model zip: {@code format.json} (format name and version), {@code graph.fb} (SameDiff
 * FlatBuffers, no updater state), {@code config.json}, {@code scalers.json},
 * {@code vocabulary.txt}, {@code mti_pca_model.tsv} (if the MTI branch is used; it carries the
 * gene list the components are over), {@code inputs.json} (the inherent feature column names, in
 * order) and {@code provenance.json} (with the training data's file hashes). {@code inputs.json}
 * came later: zips without it still load, and their inherent column names are not checked. Loading accepts only these entry names, each once, refuses
 * path-like names, and counts the bytes it inflates, so a truncated, foreign or hostile zip
 * is refused with one clear line instead of being trusted.
 */
public final class ModelZip {
    public static final String FORMAT = "deephem-j-model";
    public static final int VERSION = 1;
    static final Set<String> ENTRIES = Set.of("format.json", "graph.fb", "config.json", "scalers.json",
            "vocabulary.txt", "mti_pca_model.tsv", "inputs.json", "provenance.json", ReferenceScores.ENTRY);
    static final String INHERENT_NAMES = "inherent_names";
    /**
     * What a scaler of real features can hold. The features are frequencies (0-1), folding
     * energies (tens of kcal/mol), counts and lengths (a precursor the model reads is at most 400
     * nt; no FASTA record is over 10^6 letters), and MTI principal components (at most the square
     * root of the gene count, ~126): the shipped models' means are within ±84 and their spreads
     * 0.07 to 18. A mean beyond ±10^6 or a spread beyond 10^6 is not a feature's, and a spread
     * below {@link Standardiser#MIN_NETWORK_STD} (training takes such a column as constant)
     * scales a feature to millions of sd: every score would be 0 or 1. All are refused, naming the
     * feature.
     */
    static final double MAX_SCALER_MEAN = 1e6, MIN_SCALER_STD = Standardiser.MIN_NETWORK_STD, MAX_SCALER_STD = 1e6;
    /**
     * What a model zip may inflate to, all entries together: 128 MiB. A shipped model with its MTI
     * basis inflates to 11.7 MiB (graph.fb 0.2 MiB, mti_pca_model.tsv 11.5 MiB of 15,879 genes ×
     * 40 components, the rest a few kB); the cap leaves 10× room for wider graphs and bases, and a
     * few MB of zip that inflate to gigabytes are refused after 128 MiB, in well under a second.
     */
    static final long MAX_INFLATED_BYTES = 128L << 20;
    /** Any entry but graph.fb (the basis, 11.5 MiB, is the largest of them). */
    static final long MAX_OTHER_BYTES = 64L << 20;

    private ModelZip() {}

    public static void save(Path zip, TrainedModel m) {
        save(zip, m, null);
    }

    /** As {@link #save(Path, TrainedModel)}, with the model's scores of a reference set (null: none). */
    public static void save(Path zip, TrainedModel m, ReferenceScores reference) {
        AtomicFiles.write(zip, os -> writeTo(os, m, reference));
    }

    /** The zip as bytes (a member of an ensemble zip). */
    /** Refuses a basis whose number of components is not the MTI width the config reads. */
    static void requireFits(Path zip, MtiPca pca, ModelConfig cfg) {
        if (cfg.useMti() && pca.k() != cfg.mtiDim()) throw InputError.at(zip, "PCA basis has " + pca.k() + " components, the config " + cfg.mtiDim());
    }

    static byte[] bytes(TrainedModel m) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try {
            writeTo(b, m, null);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return b.toByteArray();
    }

    private static void writeTo(java.io.OutputStream os, TrainedModel m, ReferenceScores reference) throws IOException {
        try (ZipOutputStream z = new ZipOutputStream(os)) {
            Map<String, Object> fmt = new LinkedHashMap<>();
            fmt.put("format", FORMAT);
            fmt.put("version", VERSION);
            put(z, "format.json", Json.write(fmt).getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("graph.fb"));
            // SameDiff closes the stream it is given; the shield keeps the zip open
            m.graph().save(CloseShieldOutputStream.wrap(z), false);
            z.closeEntry();
            put(z, "config.json", Json.write(ConfigCodec.toMap(m.config())).getBytes(StandardCharsets.UTF_8));
            Map<String, Object> sc = new LinkedHashMap<>();
            if (m.inherentScaler() != null) sc.put("inherent", scaler(m.inherentScaler()));
            if (m.mtiScaler() != null) sc.put("mti", scaler(m.mtiScaler()));
            put(z, "scalers.json", Json.write(sc).getBytes(StandardCharsets.UTF_8));
            put(z, "vocabulary.txt", ("<pad>\n<unk>\n" + String.join("\n", Kmers.words()) + "\n").getBytes(StandardCharsets.UTF_8));
            if (m.pca() != null) put(z, "mti_pca_model.tsv", m.pca().toTsv().getBytes(StandardCharsets.UTF_8));
            if (m.inherentNames() != null) {
                put(z, "inputs.json", Json.write(Map.of(INHERENT_NAMES, m.inherentNames())).getBytes(StandardCharsets.UTF_8));
            }
            put(z, "provenance.json", Json.write(m.provenance()).getBytes(StandardCharsets.UTF_8));
            if (reference != null) put(z, ReferenceScores.ENTRY, reference.toCsv());
        }
    }

    private static Map<String, Object> scaler(Standardiser s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean", s.mean());
        m.put("std", s.std());
        return m;
    }

    private static void put(ZipOutputStream z, String name, byte[] bytes) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(bytes);
        z.closeEntry();
    }

    /** Loads and checks a model zip; any problem is an {@link InputError} naming the file. */
    public static TrainedModel load(Path zip) {
        return load(zip, readEntries(zip));
    }

    /**
     * Loads a model zip held in memory (a member of an ensemble zip); {@code label} names it in
     * every message (e.g. {@code ens.zip/members/seed-1.zip}).
     */
    public static TrainedModel load(Path label, byte[] zipBytes) {
        return load(label, readEntries(label, new ByteArrayInputStream(zipBytes), budget(label)));
    }

    /** As {@link #load(Path, byte[])}, the inflated bytes counting against the ensemble's budget too. */
    static TrainedModel load(Path label, byte[] zipBytes, ZipEntries.Budget ensemble) {
        return load(label, readEntries(label, new ByteArrayInputStream(zipBytes), ensemble.inner(label, MAX_INFLATED_BYTES, "a model zip")));
    }

    private static ZipEntries.Budget budget(Path zip) {
        return new ZipEntries.Budget(zip, MAX_INFLATED_BYTES, "a model zip");
    }

    private static TrainedModel load(Path zip, Map<String, byte[]> entries) {
        org.deephem.model.NdThreads.fromEnvironment(); // the graph loads ND4J, which reads OMP_NUM_THREADS
        for (String need : List.of("format.json", "graph.fb", "config.json", "scalers.json", "provenance.json")) {
            if (!entries.containsKey(need)) throw InputError.at(zip, "not a DeepHEM-J model: entry '" + need + "' is missing");
        }
        try {
            Map<String, Object> fmt = json(entries.get("format.json"));
            if (!FORMAT.equals(fmt.get("format"))) throw InputError.at(zip, "not a DeepHEM-J model (format '" + fmt.get("format") + "')");
            int v = ZipEntries.formatVersion(zip, fmt.get("version"));
            if (v != VERSION) {
                throw InputError.at(zip, "model format version " + v + " is not supported (this build reads version " + VERSION + ")");
            }
            ModelConfig cfg;
            try {
                cfg = ConfigCodec.fromMap(json(entries.get("config.json")));
            } catch (IllegalArgumentException e) {
                throw InputError.at(zip, "config.json, " + e.getMessage());
            }
            List<String> inherentNames = null;
            if (entries.containsKey("inputs.json")) {
                inherentNames = strings(json(entries.get("inputs.json")).get(INHERENT_NAMES), zip);
                if (inherentNames != null && cfg.useInherent() && inherentNames.size() != cfg.inherentDim()) {
                    throw InputError.at(zip, "inputs.json names " + inherentNames.size() + " inherent features, config.json says " + cfg.inherentDim());
                }
            }
            Map<String, Object> sc = json(entries.get("scalers.json"));
            Standardiser inh = scaler(sc.get("inherent"), cfg.useInherent() ? cfg.inherentDim() : -1, zip, "inherent", inherentNames);
            Standardiser mti = scaler(sc.get("mti"), cfg.useMti() ? cfg.mtiDim() : -1, zip, "mti", null);
            MtiPca pca = null;
            if (entries.containsKey("mti_pca_model.tsv")) {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(entries.get("mti_pca_model.tsv")), StandardCharsets.UTF_8))) {
                    pca = MtiPca.read(r, zip.resolve("mti_pca_model.tsv"));
                }
                requireFits(zip, pca, cfg);
            }
            SameDiff sd;
            try {
                sd = SameDiff.load(new ByteArrayInputStream(entries.get("graph.fb")), false);
            } catch (RuntimeException e) {
                throw InputError.at(zip, "graph.fb is not a readable SameDiff graph");
            }
            if (sd == null || !sd.hasVariable(DeepHemGraph.LOGIT)) throw InputError.at(zip, "graph.fb has no '" + DeepHemGraph.LOGIT + "' output");
            String mismatch = DeepHemGraph.configMismatch(sd, cfg);
            if (mismatch != null) throw InputError.at(zip, "config.json, " + mismatch + " (the config does not belong to this graph)");
            Map<String, Object> provenance = json(entries.get("provenance.json"));
            String note = Backend.mismatchNote(zip.toString(), provenance, BuildInfo.current().nd4jVersion(), Backend.inUse());
            if (note != null) Progress.say("%s", note);
            return new TrainedModel(sd, cfg, inh, mti, pca, inherentNames, provenance);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw InputError.at(zip, "invalid model metadata: " + e.getMessage());
        } catch (IOException e) {
            throw InputError.at(zip, "unreadable model metadata: " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static Standardiser scaler(Object o, int dim, Path zip, String what, List<String> names) {
        if (dim < 0) return null;
        if (!(o instanceof Map<?, ?> m)) throw InputError.at(zip, "scalers.json has no '" + what + "' scaler");
        double[] mean = doubles(m.get("mean")), std = doubles(m.get("std"));
        if (mean.length != dim || std.length != dim) throw InputError.at(zip, "scalers.json, '" + what + "': " + mean.length + " columns, expected " + dim);
        for (int j = 0; j < dim; j++) {
            // inherent features by name (inputs.json), MTI components as pc1, pc2, ... (mti_pca_model.tsv)
            String feature = "scalers.json, " + what + " feature " + (names != null ? "'" + names.get(j) + "'" : what.equals("mti") ? "pc" + (j + 1)
                    : "column " + (j + 1)) + " (mean[" + j + "], std[" + j + "])";
            if (!(Math.abs(mean[j]) <= MAX_SCALER_MEAN)) {
                throw InputError.at(zip, feature + ": mean " + mean[j] + " is not within ±" + power(MAX_SCALER_MEAN) + ", as every real feature's is");
            }
            if (!(std[j] >= MIN_SCALER_STD && std[j] <= MAX_SCALER_STD)) {
                throw InputError.at(zip, feature + ": std " + std[j] + " is not between " + power(MIN_SCALER_STD) + " and " + power(MAX_SCALER_STD)
                        + (std[j] < MIN_SCALER_STD ? " (it would scale the feature to millions of sd: every score 0 or 1)" : ""));
            }
        }
        return new Standardiser(mean, std);
    }

    /** 1e6, 1e-6: a bound as it is written. */
    private static String power(double x) {
        return String.format(java.util.Locale.ROOT, "%.0e", x).replace("e+0", "e").replace("e-0", "e-");
    }

    /** A list of non-empty strings, or null when absent. */
    private static List<String> strings(Object o, Path zip) {
        if (o == null) return null;
        if (!(o instanceof List<?> l)) throw InputError.at(zip, "inputs.json: '" + INHERENT_NAMES + "' is not a list of names");
        List<String> out = new java.util.ArrayList<>();
        for (Object x : l) {
            if (!(x instanceof String str) || str.isBlank()) throw InputError.at(zip, "inputs.json: '" + INHERENT_NAMES + "' holds a value that is not a name");
            out.add(str);
        }
        return out;
    }

    private static double[] doubles(Object o) {
        if (!(o instanceof List<?> l)) throw new IllegalArgumentException("expected a list of numbers");
        double[] d = new double[l.size()];
        for (int i = 0; i < d.length; i++) {
            if (!(l.get(i) instanceof Number n)) throw new IllegalArgumentException("expected a list of numbers, found '" + l.get(i) + "'");
            d[i] = n.doubleValue();
        }
        return d;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(byte[] b) throws IOException {
        return Json.mapper().readValue(b, Map.class);
    }

    private static Map<String, byte[]> readEntries(Path zip) {
        try (InputStream fin = Files.newInputStream(zip)) {
            return readEntries(zip, fin, budget(zip));
        } catch (NoSuchFileException e) {
            throw InputError.at(zip, "model file not found");
        } catch (IOException e) {
            throw InputError.at(zip, "could not read model zip: " + e.getMessage());
        }
    }

    private static Map<String, byte[]> readEntries(Path zip, InputStream in, ZipEntries.Budget budget) {
        return ZipEntries.read(zip, in, ENTRIES::contains, name -> name.equals("graph.fb") ? MAX_INFLATED_BYTES : MAX_OTHER_BYTES,
                budget, "not a DeepHEM-J model");
    }
}
