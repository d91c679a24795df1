package org.deephem.zoo;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
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

    private ScoresCsv() {}

    public static void write(Path file, List<String> ids, double[] logits) {
        if (ids.size() != logits.length) throw new IllegalArgumentException("ids and scores differ in length");
        requireFinite(ids, logits);
        StringBuilder sb = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        for (int i = 0; i < ids.size(); i++) {
            double p = 1.0 / (1.0 + Math.exp(-logits[i]));
            sb.append(Delimited.csvLine(List.of(ids.get(i), decimal(p), decimal(logits[i]))));
        }
        Outputs.writeString(file, sb.toString());
    }

    /** Shortest decimal that reads back as the same double, without exponent notation. */
    static String decimal(double v) {
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
}
