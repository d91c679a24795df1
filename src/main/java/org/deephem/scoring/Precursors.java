package org.deephem.scoring;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deephem.features.Mature;
import org.deephem.features.RnaFolder;
import org.deephem.features.WindowRule;
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
 * end with "scored N, skipped M: …" and list them. {@code lines} are the kept records' header
 * lines, for messages about them after these checks ({@link #score}).
 */
public record Precursors(List<String> ids, List<String> sequences, List<List<Mature>> matures, List<Skip> skipped, List<Long> lines) {
    /** A record left out: its ID, header line, why (one line) and the kind of reason, for counting. */
    public record Skip(String id, long line, String reason, String kind) {}

    public static final String INVALID = "letters other than A/C/G/U/T or empty",
            TOO_LONG_FOR_MODEL = "outside the lengths the model reads", TOO_LONG_TO_FOLD = "longer than the folder supports",
            FAR_FROM_TRAINING = "features far outside the model's training data";

    /** The precursors scored (those left out with far features added to the skipped) and each member's logits of them, [member][row]. */
    public record Scored(Precursors precursors, double[][] logits) {}

    /**
     * Scores these precursors with every member of {@code model}, folding once per folding setting
     * (an ensemble's members usually share one). A record with a feature more than
     * {@link org.deephem.model.ModelInputs#MAX_SD} sd from a member's training mean (e.g. a
     * mature count from a --matures file of thousands of short matures) stops the run with one
     * line naming the file, line, record and feature, or with {@code skip} is left out and kept
     * with its reason.
     */
    public Scored score(ZooModel model, Path source, Map<String, java.util.Set<String>> targets, boolean skip) {
        List<TrainedModel> members = model.models();
        Map<Integer, double[][]> folded = new java.util.HashMap<>();
        double[][][] inherent = new double[members.size()][][];
        String[] far = new String[ids.size()];
        for (int k = 0; k < members.size(); k++) {
            Scorer s = new Scorer(members.get(k));
            if (members.get(k).config().useInherent()) inherent[k] = folded.computeIfAbsent(s.dangles(), d -> s.inherentOf(sequences, matures));
            String[] p = s.farProblems(ids, inherent[k], targets);
            for (int i = 0; i < far.length; i++) if (far[i] == null) far[i] = p[i];
        }
        List<Integer> keep = new ArrayList<>();
        List<Skip> left = new ArrayList<>();
        for (int i = 0; i < far.length; i++) {
            if (far[i] == null) {
                keep.add(i);
            } else if (!skip) {
                throw InputError.atLine(source, lines.get(i), "record '" + ids.get(i) + "': " + far[i] + "; --skip-invalid leaves such records out");
            } else {
                left.add(new Skip(ids.get(i), lines.get(i), far[i], FAR_FROM_TRAINING));
            }
        }
        Precursors kept = this;
        if (!left.isEmpty()) {
            List<Skip> all = new ArrayList<>(skipped);
            all.addAll(left);
            if (keep.isEmpty()) throw InputError.at(source, "no record left to score (" + countsByKind(all) + ")");
            kept = new Precursors(pick(ids, keep), pick(sequences, keep), pick(matures, keep), all, pick(lines, keep));
            for (int k = 0; k < inherent.length; k++) inherent[k] = inherent[k] == null ? null : pick(inherent[k], keep);
            Skip first = left.get(0);
            org.deephem.io.Progress.say("skipped %d record%s of %s with %s: %s (line %d: %s)%s", left.size(), left.size() == 1 ? "" : "s", source,
                    FAR_FROM_TRAINING, first.id(), first.line(), first.reason(), left.size() > 1 ? "; ... (all in the skipped file beside -o)" : "");
        }
        double[][] logits = new double[members.size()][];
        for (int k = 0; k < logits.length; k++) {
            Scorer s = new Scorer(members.get(k));
            logits[k] = s.logits(s.prepareSequences(kept.ids(), kept.sequences(), inherent[k], targets));
        }
        return new Scored(kept, logits);
    }

    private static <T> List<T> pick(List<T> all, List<Integer> rows) {
        List<T> out = new ArrayList<>(rows.size());
        for (int i : rows) out.add(all.get(i));
        return out;
    }

    private static double[][] pick(double[][] all, List<Integer> rows) {
        double[][] out = new double[rows.size()][];
        for (int i = 0; i < out.length; i++) out[i] = all[rows.get(i)];
        return out;
    }

    /**
     * Checks records against every member of the model. With {@code skip} false the first bad
     * record stops the run with one line naming the file and line; with {@code skip} true it is
     * left out (and {@code invalid}, the records the reader already refused, are kept as skipped).
     */
    public static Precursors check(ZooModel model, Path source, List<FastaRecord> records, List<List<Mature>> matures,
                                   List<Fasta.Invalid> invalid, boolean skip) {
        List<String> ids = new ArrayList<>(), seqs = new ArrayList<>();
        List<List<Mature>> ms = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
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
            lines.add(r.line());
        }
        if (ids.isEmpty()) throw InputError.at(source, "no record left to score" + (skipped.isEmpty() ? "" : " (" + countsByKind(skipped) + ")"));
        return new Precursors(ids, seqs, ms, skipped, lines);
    }

    /** Records and their matures after {@link #window}. */
    public record Windowed(List<FastaRecord> records, List<List<Mature>> matures) {}

    /**
     * The records cut to a model's window: as they are ({@link WindowRule#ANNOTATED}), or each
     * re-cut to its canonical window ({@link org.deephem.features.HairpinWindow}: folded with
     * {@code dangles}, placed by its matures, the no-mature rule without any), keeping the
     * matures that lie in the window. Records the folder cannot take (too long) are left as they
     * are, for {@link #check} to leave out or refuse with its reason.
     */
    public static Windowed window(WindowRule rule, int dangles, List<FastaRecord> records, List<List<Mature>> matures) {
        if (rule == WindowRule.ANNOTATED) return new Windowed(records, matures);
        List<Integer> rows = new ArrayList<>();
        List<String> seqs = new ArrayList<>();
        List<List<Mature>> ms = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            String s = records.get(i).sequence();
            if (s.isEmpty() || s.length() > RnaFolder.MAX_LENGTH) continue;
            rows.add(i);
            seqs.add(s);
            ms.add(matures.get(i));
        }
        WindowRule.Cut cut = rule.cut(seqs, ms, new org.deephem.features.FeatureCalculator(dangles), "records");
        List<FastaRecord> outRecs = new ArrayList<>(records);
        List<List<Mature>> outMats = new ArrayList<>(matures);
        for (int k = 0; k < rows.size(); k++) {
            int i = rows.get(k);
            FastaRecord r = records.get(i);
            outRecs.set(i, new FastaRecord(r.id(), r.description(), cut.sequences().get(k), r.line()));
            outMats.set(i, cut.matures().get(k));
        }
        return new Windowed(outRecs, outMats);
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
