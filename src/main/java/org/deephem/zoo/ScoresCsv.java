package org.deephem.zoo;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.deephem.eval.MemberSpread;
import org.deephem.io.Delimited;
import org.deephem.io.InputError;
import org.deephem.io.Outputs;
import org.deephem.io.Table;

/**
 * The scores CSV that train and score write (atomically, or to standard output for {@code -};
 * IDs quoted when needed): {@code id,score,logit}. {@code score} is the essentiality
 * probability σ(logit) in double precision, {@code logit} the network's output before the
 * sigmoid. Both are written in shortest round-trip decimal form, so that no two different
 * values print alike; near 1 the probability runs out of double precision (logit above ~37),
 * and the logit still ranks. {@link #read} reads the id and score columns back (for evaluate).
 */
public final class ScoresCsv {
    public static final List<String> COLUMNS = List.of("id", "score", "logit");
    /** An ensemble's file: the same three columns (mean probability, its logit), then the member range. */
    public static final List<String> ENSEMBLE_COLUMNS = List.of("id", "score", "logit", "score_low", "score_high");

    private ScoresCsv() {}

    public static void write(Path file, List<String> ids, double[] logits) {
        write(file, ids, new double[][] {logits}, null);
    }

    /** The column that {@link #write(Path, List, double[][], ReferenceScores)} adds for a model with a reference. */
    public static final String PERCENTILE = "percentile";

    /**
     * One model ({@code memberLogits.length == 1}): exactly {@link #write(Path, List, double[])}.
     * An ensemble: {@link #ENSEMBLE_COLUMNS}, combined by {@link MemberSpread}.
     */
    public static void write(Path file, List<String> ids, double[][] memberLogits) {
        write(file, ids, memberLogits, null);
    }

    /**
     * As above; with a {@code reference} (the model's scores of its reference set), a last column
     * {@link #PERCENTILE}: where each logit falls among the reference's, in percent (mid-rank).
     */
    public static void write(Path file, List<String> ids, double[][] memberLogits, ReferenceScores reference) {
        for (double[] l : memberLogits) {
            if (ids.size() != l.length) throw new IllegalArgumentException("ids and scores differ in length");
            requireFinite(ids, l);
        }
        boolean ensemble = memberLogits.length > 1;
        List<String> header = new java.util.ArrayList<>(ensemble ? ENSEMBLE_COLUMNS : COLUMNS);
        if (reference != null) header.add(PERCENTILE);
        MemberSpread.Band[] bands = ensemble ? MemberSpread.of(memberLogits) : null;
        StringBuilder sb = new StringBuilder(String.join(",", header)).append('\n');
        for (int i = 0; i < ids.size(); i++) {
            List<String> row = new java.util.ArrayList<>();
            row.add(ids.get(i));
            double logit;
            if (ensemble) {
                MemberSpread.Band b = bands[i];
                logit = b.logit();
                row.addAll(List.of(decimal(b.score()), decimal(b.logit()), decimal(b.low()), decimal(b.high())));
            } else {
                logit = memberLogits[0][i];
                row.addAll(List.of(decimal(1.0 / (1.0 + Math.exp(-logit))), decimal(logit)));
            }
            if (reference != null) row.add(String.format(java.util.Locale.ROOT, "%.1f", reference.percentile(logit)));
            sb.append(Delimited.csvLine(row));
        }
        Outputs.writeString(file, sb.toString());
    }

    /**
     * Beside an ensemble's scores file: {@code <file>.provenance.json} with its SHA-256, the
     * ensemble zip (path, SHA-256), how many members and how they were combined.
     */
    public static void writeEnsembleProvenance(Path file, Path zip, int members) {
        java.util.Map<String, Object> p = new java.util.LinkedHashMap<>();
        p.put("file", String.valueOf(file.getFileName()));
        p.put("sha256", org.deephem.io.Hashing.sha256(file));
        p.put("model", org.deephem.io.RecordedPath.of(zip, file.toAbsolutePath().getParent()));
        p.put("model_sha256", org.deephem.io.Hashing.sha256(zip));
        p.put("members", members);
        p.put("score", "mean of the member probabilities");
        p.put("interval", MemberSpread.DEFINITION);
        p.put("software", Provenance.environment());
        org.deephem.io.Json.writeFile(file.resolveSibling(file.getFileName() + ".provenance.json"), p);
    }

    /** Shortest decimal that reads back as the same double, without exponent notation. */
    public static String decimal(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** A NaN or infinite score means broken weights or inputs; it is never written or ranked. */
    public static void requireFinite(List<String> ids, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new InputError("the score of '" + ids.get(i) + "' (row " + (i + 1) + ") is " + values[i]
                        + ": the model or its inputs are broken, nothing was written");
            }
        }
    }

    /** IDs and their scores in file order, and the column they came from. */
    public record Scores(List<String> ids, double[] scores, String column) {}

    /**
     * Reads a scores file (CSV, TSV or xlsx; first column the ID). The {@code logit} column is
     * used when there is one — it keeps the ranking where the probability saturates at 1 —
     * otherwise the {@code score} column. Empty or duplicate IDs and values that are not finite
     * numbers are refused with file, row and column.
     */
    public static Scores read(Path file) {
        Table t = Delimited.readAny(file);
        boolean hasLogit = t.header().stream().anyMatch(h -> h.strip().equalsIgnoreCase("logit"));
        String column = hasLogit ? "logit" : "score";
        int c = t.column(column);
        List<String> ids = t.ids();
        if (ids.isEmpty()) throw InputError.at(file, "no data rows");
        double[] s = new double[ids.size()];
        for (int r = 0; r < s.length; r++) s[r] = t.number(r, c);
        return new Scores(ids, s, column);
    }

    /**
     * The ensemble interval columns of a scores file in file order ({@code [row] = {low, high}}),
     * or null when the file has none (a single model's scores).
     */
    public static double[][] readInterval(Path file) {
        Table t = Delimited.readAny(file);
        boolean has = t.header().stream().anyMatch(h -> h.strip().equalsIgnoreCase("score_low"));
        if (!has) return null;
        int lo = t.column("score_low"), hi = t.column("score_high");
        double[][] out = new double[t.rowCount()][];
        for (int r = 0; r < out.length; r++) out[r] = new double[] {t.number(r, lo), t.number(r, hi)};
        return out;
    }
}
