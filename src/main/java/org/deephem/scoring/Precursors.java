package org.deephem.scoring;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deephem.features.Mature;
import org.deephem.features.RnaFolder;
import org.deephem.io.Fasta;
import org.deephem.io.FastaRecord;
import org.deephem.io.InputError;
import org.deephem.zoo.Scorer;
import org.deephem.zoo.TrainedModel;
import org.deephem.zoo.ZooModel;

/**
 * The precursors a model will score, after the checks every record gets before scoring: letters
 * (A/C/G/U/T), the folder's longest sequence, and the longest the model reads (a longer precursor
 * is left out with its reason, never cut). What is left out is kept with its reason, so a run can
 * end with "scored N, skipped M: …" and list them.
 */
public record Precursors(List<String> ids, List<String> sequences, List<List<Mature>> matures, List<Skip> skipped) {
    /** A record left out: its ID, header line, why (one line) and the kind of reason, for counting. */
    public record Skip(String id, long line, String reason, String kind) {}

    public static final String INVALID = "letters other than A/C/G/U/T or empty",
            TOO_LONG_FOR_MODEL = "outside the lengths the model reads", TOO_LONG_TO_FOLD = "longer than the folder supports";

    /**
     * Checks records against every member of the model. With {@code skip} false the first bad
     * record stops the run with one line naming the file and line; with {@code skip} true it is
     * left out (and {@code invalid}, the records the reader already refused, are kept as skipped).
     */
    public static Precursors check(ZooModel model, Path source, List<FastaRecord> records, List<List<Mature>> matures,
                                   List<Fasta.Invalid> invalid, boolean skip) {
        List<String> ids = new ArrayList<>(), seqs = new ArrayList<>();
        List<List<Mature>> ms = new ArrayList<>();
        List<Skip> skipped = new ArrayList<>();
        for (Fasta.Invalid r : invalid) skipped.add(new Skip(r.id(), r.line(), reason(r.problem()), INVALID));
        for (int i = 0; i < records.size(); i++) {
            FastaRecord r = records.get(i);
            String problem = null, kind = null;
            for (TrainedModel m : model.models()) {
                if (problem == null) problem = new Scorer(m).lengthProblem(r.id(), r.sequence().length());
            }
            if (problem != null) kind = TOO_LONG_FOR_MODEL;
            try {
                RnaFolder.requireSupported(source, r);
            } catch (InputError e) {
                problem = reason(e.getMessage());
                kind = TOO_LONG_TO_FOLD;
            }
            if (problem != null) {
                if (!skip) throw InputError.atLine(source, r.line(), problem + "; --skip-invalid leaves such records out");
                skipped.add(new Skip(r.id(), r.line(), problem, kind));
                continue;
            }
            ids.add(r.id());
            seqs.add(r.sequence());
            ms.add(matures.get(i));
        }
        if (ids.isEmpty()) throw InputError.at(source, "no record left to score" + (skipped.isEmpty() ? "" : " (" + countsByKind(skipped) + ")"));
        return new Precursors(ids, seqs, ms, skipped);
    }

    /** "3 too long for the model, 1 letters other than …": the skipped counted by kind. */
    public static String countsByKind(List<Skip> skipped) {
        Map<String, Integer> n = new LinkedHashMap<>();
        for (Skip s : skipped) n.merge(s.kind(), 1, Integer::sum);
        List<String> parts = new ArrayList<>();
        n.forEach((k, v) -> parts.add(String.format(Locale.ROOT, "%d %s", v, k)));
        return String.join(", ", parts);
    }

    /** The run's last line: "scored N; skipped M: …" (or "skipped none"). */
    public String summary() {
        return String.format(Locale.ROOT, "scored %d; skipped %s", ids.size(),
                skipped.isEmpty() ? "none" : skipped.size() + " (" + countsByKind(skipped) + ")");
    }

    /** The part of a one-line error after its location prefix ("file, line N: record 'x': "). */
    static String reason(String message) {
        int i = message.lastIndexOf(": ");
        return i < 0 ? message : message.substring(i + 2);
    }
}
