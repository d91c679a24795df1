package org.deephem.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deephem.analysis.NamedScores;
import org.deephem.baseline.BaselineFits;
import org.deephem.data.DeepHemDataset;
import org.deephem.io.AtomicFiles;
import org.deephem.io.Delimited;
import org.deephem.io.Hashing;
import org.deephem.io.InputError;
import org.deephem.io.Json;
import org.deephem.io.RecordedPath;
import org.deephem.io.Table;
import org.deephem.zoo.Provenance;

/**
 * Every baseline's human scores, fitted once per run on all labelled mouse rows and saved beside
 * it ({@value #FILE}: {@code id} and one column per baseline in table order, each value in Java's
 * round-trip decimal form (zoo.ScoresCsv.decimal) so the report reads back the very doubles that were fitted), with a
 * provenance sidecar naming the seed, the dataset's file hashes and the baselines the dataset
 * could not feed. The report reads them and never refits, unless the file is missing or was made
 * with another seed or dataset.
 */
public final class RunBaselines {
    public static final String FILE = "baseline_scores.csv";

    private RunBaselines() {}

    /**
     * The baselines as the report compares them: one run each ("" seed), in table order.
     * {@code skipped}: "name (why)"; {@code fittedBecause}: null when read back, else why they were fitted now.
     */
    public record Saved(List<NamedScores> runs, List<String> skipped, Path file, String fittedBecause) {}

    /** Fits every baseline with {@code seed} and saves it into {@code runDir}, replacing an earlier file. */
    public static Saved fitAndSave(DeepHemDataset ds, Path runDir, long seed) {
        return fitAndSave(ds, runDir, seed, "asked to");
    }

    /** The saved baselines when made with {@code seed} from this dataset; else fitted and saved now (say {@code fittedBecause}). */
    public static Saved readOrFit(DeepHemDataset ds, Path runDir, long seed) {
        Path csv = runDir.resolve(FILE);
        String stale = staleness(ds, csv, seed);
        return stale == null ? read(ds, csv) : fitAndSave(ds, runDir, seed, stale);
    }

    private static Saved fitAndSave(DeepHemDataset ds, Path runDir, long seed, String because) {
        BaselineFits.Result fits = BaselineFits.fit(ds, List.of(seed), seed);
        List<String> ids = ds.target().ids();
        List<String> header = new ArrayList<>(List.of("id"));
        for (BaselineFits.Run r : fits.runs()) header.add(r.method());
        StringBuilder sb = new StringBuilder(Delimited.csvLine(header));
        for (int i = 0; i < ids.size(); i++) {
            List<String> row = new ArrayList<>(List.of(ids.get(i)));
            for (BaselineFits.Run r : fits.runs()) row.add(cell(r.human()[i]));
            sb.append(Delimited.csvLine(row));
        }
        Path csv = runDir.resolve(FILE);
        AtomicFiles.writeString(csv, sb.toString());
        List<Map<String, String>> skipped = new ArrayList<>();
        for (BaselineFits.Skipped s : fits.skipped()) skipped.add(Map.of("method", s.method(), "reason", s.reason()));
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("file", FILE);
        p.put("sha256", Hashing.sha256(csv));
        p.put("what", "human scores of every baseline, fitted on all " + fits.labelledRows() + " labelled mouse rows; read by the report, never refitted");
        p.put("created", java.time.Instant.now().toString());
        p.put("seed", seed);
        p.put("dataset", ds.folder() == null ? null : RecordedPath.of(ds.folder(), runDir));
        p.put("dataset_sha256", hashes(ds));
        p.put("baselines", header.subList(1, header.size()));
        p.put("skipped", skipped);
        p.put("environment", Provenance.environment());
        Json.writeFile(sidecar(csv), p);
        List<NamedScores> runs = new ArrayList<>();
        for (BaselineFits.Run r : fits.runs()) runs.add(new NamedScores(r.method(), "", ids, r.human()));
        return new Saved(runs, skippedLines(skipped), csv, because);
    }

    /** Null when {@code csv} holds the baselines of {@code seed} on this dataset; else why not. */
    private static String staleness(DeepHemDataset ds, Path csv, long seed) {
        if (!Files.isRegularFile(csv) || !Files.isRegularFile(sidecar(csv))) return "the run folder had none";
        Map<?, ?> p = Json.readFile(sidecar(csv), Map.class);
        if (!Hashing.sha256(csv).equals(p.get("sha256"))) return FILE + " does not match its provenance";
        if (!(p.get("seed") instanceof Number n) || n.longValue() != seed) return "the saved ones were fitted with seed " + p.get("seed") + ", not " + seed;
        if (!hashes(ds).equals(p.get("dataset_sha256"))) return "the saved ones were fitted on another dataset";
        return null;
    }

    private static Saved read(DeepHemDataset ds, Path csv) {
        Map<?, ?> p = Json.readFile(sidecar(csv), Map.class);
        Table t = Delimited.read(csv);
        List<String> ids = ds.target().ids();
        if (!t.ids().equals(ids)) throw InputError.at(csv, "its IDs are not the dataset's human miRNAs in order");
        List<NamedScores> runs = new ArrayList<>();
        for (int c = 1; c < t.header().size(); c++) {
            double[] v = new double[ids.size()];
            for (int r = 0; r < v.length; r++) {
                String cell = t.text(r, c);
                v[r] = cell.isEmpty() ? Double.NaN : Double.parseDouble(cell); // our own file, checked by its SHA-256
            }
            runs.add(new NamedScores(t.header().get(c).strip(), "", ids, v));
        }
        List<Map<String, String>> skipped = new ArrayList<>();
        if (p.get("skipped") instanceof List<?> l) {
            for (Object o : l) if (o instanceof Map<?, ?> m) skipped.add(Map.of("method", String.valueOf(m.get("method")), "reason", String.valueOf(m.get("reason"))));
        }
        return new Saved(runs, skippedLines(skipped), csv, null);
    }

    /** Exact: the plain decimal of the double's round-trip form; NaN (a row without the feature) as an empty cell. */
    private static String cell(double v) {
        if (Double.isNaN(v)) return "";
        return Double.isFinite(v) ? org.deephem.zoo.ScoresCsv.decimal(v) : Double.toString(v);
    }

    private static List<String> skippedLines(List<Map<String, String>> skipped) {
        return skipped.stream().map(s -> s.get("method") + " (" + s.get("reason") + ")").toList();
    }

    private static Map<String, String> hashes(DeepHemDataset ds) {
        return ds.folder() == null ? Map.of() : Provenance.datasetHashes(ds.folder());
    }

    private static Path sidecar(Path csv) {
        return csv.resolveSibling(csv.getFileName() + ".provenance.json");
    }
}
