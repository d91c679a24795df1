package org.deephem.zoo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.deephem.features.FeatureCalculator;
import org.deephem.features.Mature;
import org.deephem.features.RnaFolder;
import org.deephem.features.WindowRule;
import org.deephem.io.Fasta;
import org.deephem.io.FastaRecord;
import org.deephem.io.InputError;
import org.deephem.io.Progress;

/**
 * The checks a FASTA's records get before a model scores them, and the inputs they become: one
 * per loaded model ({@link ZooModel#translator()}), so that {@code score}, the scoring page and
 * the explanations read a sequence the same way. In order:
 * <ol>
 *   <li>letters (A/C/G/U; T read as U), empty records and duplicate names ({@link #read}, by {@link Fasta});</li>
 *   <li>the cut to the window the model's training data was cut to ({@link WindowRule#cut}, folded with the model's dangles);</li>
 *   <li>the lengths every member reads, and the longest the folder takes ({@link #check});</li>
 *   <li>folding with the model's dangles, the matures inside the window, and features more than
 *       {@link org.deephem.model.ModelInputs#MAX_SD} sd from a member's training mean ({@link #translate}).</li>
 * </ol>
 * A record that fails stops the run with one line naming file, line and record, or, when the
 * caller skips, is left out and kept as a {@link Skip} with its reason.
 */
public final class SequenceTranslator {
    private final ZooModel model;

    SequenceTranslator(ZooModel model) {
        this.model = model;
    }

    /** Why a record was left out, as counted in the run's last line. */
    public enum Kind {
        INVALID("letters other than A/C/G/U/T or empty"), TOO_LONG_FOR_MODEL("outside the lengths the model reads"),
        TOO_LONG_TO_FOLD("longer than the folder supports"), FAR_FROM_TRAINING("features far outside the model's training data");

        public final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** A record left out: its ID, header line, why (one line) and the kind of reason. */
    public record Skip(String id, long line, String reason, Kind kind) {}

    /**
     * Records as a FASTA gave them, before any cut: each with the matures it contains, and the
     * records the reader already refused ({@code refused}, kept only when {@code skip}).
     *
     * @param maturesGiven whether matures were given at all (a canonical window without them is the no-mature one)
     */
    public record Records(Path source, List<FastaRecord> records, List<List<Mature>> matures, List<Fasta.Invalid> refused,
                          boolean skip, boolean maturesGiven) {}

    /**
     * The records that passed, cut to the model's window ({@code sequences}, {@code matures}),
     * with their header lines and, for what {@code --record-expected} records, the sequences and
     * matures as given; and every record left out.
     */
    public record Checked(Path source, List<String> ids, List<String> sequences, List<List<Mature>> matures, List<Long> lines,
                          List<String> givenSequences, List<List<Mature>> givenMatures, List<Skip> skipped) {
        /** The run's last line: "scored N; skipped M: …" (or "skipped none"). */
        public String summary() {
            return String.format(Locale.ROOT, "scored %d; skipped %s", ids.size(),
                    skipped.isEmpty() ? "none" : skipped.size() + " (" + countsByKind(skipped) + ")");
        }

        private Checked keep(List<Integer> rows, List<Skip> more) {
            List<Skip> all = new ArrayList<>(skipped);
            all.addAll(more);
            return new Checked(source, pick(ids, rows), pick(sequences, rows), pick(matures, rows), pick(lines, rows),
                    pick(givenSequences, rows), pick(givenMatures, rows), all);
        }
    }

    /** What the model reads of the checked records: each member's inputs, rows as in {@code precursors}. */
    public record Translation(Checked precursors, List<Scorer.Prepared> inputs) {
        /** Each member's logits, {@code [member][row]}. */
        public double[][] logits(ZooModel model) {
            double[][] out = new double[inputs.size()][];
            for (int k = 0; k < out.length; k++) out[k] = new Scorer(model.models().get(k)).logits(inputs.get(k));
            return out;
        }
    }

    /** The window the model's training data was cut to. */
    public WindowRule window() {
        return model.window();
    }

    /** The folding setting windows are placed with and structures drawn with (the first member's; members usually agree). */
    public int dangles() {
        return new Scorer(model.models().get(0)).dangles();
    }

    /** The MFE structure of a (cut) sequence, folded as the model's training data was. */
    public RnaFolder folder() {
        return new RnaFolder(dangles());
    }

    /**
     * The records of a FASTA of precursors, each with the matures of {@code matures} (a FASTA,
     * null: none) it contains. With {@code skip} records with bad letters, empty or named twice are
     * kept as refused; without, the first stops the run.
     */
    public static Records read(Path fasta, Path matures, boolean skip) {
        List<Fasta.Invalid> refused = new ArrayList<>();
        List<FastaRecord> recs = Fasta.readAll(fasta, skip ? refused::add : null);
        List<Mature> ms = Mature.readFasta(matures);
        List<List<Mature>> mats = new ArrayList<>();
        for (FastaRecord r : recs) mats.add(Mature.containedIn(r.sequence(), ms));
        return new Records(fasta, recs, mats, refused, skip, matures != null);
    }

    /**
     * Cuts the records to the model's window and checks each against every member (lengths) and
     * the folder; says which window and, if any were left out, the first few of them.
     */
    public Checked check(Records in) {
        WindowRule rule = window();
        Progress.say("%s: the model's training data was cut so%s", rule.describe(),
                rule == WindowRule.CANONICAL && !in.maturesGiven() ? "; no --matures: every record gets the no-mature window" : "");
        List<FastaRecord> records = in.records();
        WindowRule.Cut cut = cut(rule, records, in.matures());
        Path source = in.source();
        List<String> ids = new ArrayList<>(), seqs = new ArrayList<>(), given = new ArrayList<>();
        List<List<Mature>> ms = new ArrayList<>(), givenMs = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        List<Skip> skipped = new ArrayList<>();
        for (Fasta.Invalid r : in.refused()) skipped.add(new Skip(r.id(), r.line(), reason(r.problem()), Kind.INVALID));
        for (int i = 0; i < records.size(); i++) {
            FastaRecord r = records.get(i);
            String seq = cut.sequences().get(i);
            String problem = null;
            Kind kind = null;
            for (TrainedModel m : model.models()) {
                if (problem == null) problem = new Scorer(m).lengthProblem(r.id(), seq.length());
            }
            if (problem != null) kind = Kind.TOO_LONG_FOR_MODEL;
            try {
                RnaFolder.requireSupported(source, new FastaRecord(r.id(), r.description(), seq, r.line()));
            } catch (InputError e) {
                problem = reason(e.getMessage());
                kind = Kind.TOO_LONG_TO_FOLD;
            }
            if (problem != null) {
                if (!in.skip()) throw InputError.atLine(source, r.line(), problem + "; --skip-invalid leaves such records out");
                skipped.add(new Skip(r.id(), r.line(), problem, kind));
                continue;
            }
            ids.add(r.id());
            seqs.add(seq);
            ms.add(cut.matures().get(i));
            lines.add(r.line());
            given.add(r.sequence());
            givenMs.add(in.matures().get(i));
        }
        if (ids.isEmpty()) throw InputError.at(source, "no record left to score" + (skipped.isEmpty() ? "" : " (" + countsByKind(skipped) + ")"));
        if (!skipped.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < Math.min(5, skipped.size()); i++) {
                Skip s = skipped.get(i);
                sb.append(i > 0 ? "; " : "").append(s.id()).append(" (line ").append(s.line()).append(": ").append(s.reason()).append(')');
            }
            Progress.say("skipped %d invalid record%s of %s: %s%s", skipped.size(), skipped.size() == 1 ? "" : "s", source, sb,
                    skipped.size() > 5 ? "; ... (all in the skipped file beside -o)" : "");
        }
        return new Checked(source, ids, seqs, ms, lines, given, givenMs, skipped);
    }

    /**
     * The records cut to the window: as they are ({@link WindowRule#ANNOTATED}), or each re-cut
     * to its canonical window, keeping the matures that lie in it. Records the folder cannot take
     * (empty, too long) are left as they are, for {@link #check} to leave out or refuse.
     */
    private WindowRule.Cut cut(WindowRule rule, List<FastaRecord> records, List<List<Mature>> matures) {
        List<String> all = records.stream().map(FastaRecord::sequence).toList();
        if (rule == WindowRule.ANNOTATED) return new WindowRule.Cut(all, matures);
        List<Integer> rows = new ArrayList<>();
        List<String> seqs = new ArrayList<>();
        List<List<Mature>> ms = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            String s = all.get(i);
            if (s.isEmpty() || s.length() > RnaFolder.MAX_LENGTH) continue;
            rows.add(i);
            seqs.add(s);
            ms.add(matures.get(i));
        }
        WindowRule.Cut cut = rule.cut(seqs, ms, new FeatureCalculator(dangles()), "records");
        List<String> outSeqs = new ArrayList<>(all);
        List<List<Mature>> outMats = new ArrayList<>(matures);
        for (int k = 0; k < rows.size(); k++) {
            outSeqs.set(rows.get(k), cut.sequences().get(k));
            outMats.set(rows.get(k), cut.matures().get(k));
        }
        return new WindowRule.Cut(outSeqs, outMats);
    }

    /**
     * The model's inputs of checked records, folding once per folding setting (an ensemble's
     * members usually share one). {@code targetsOf} gives the predicted targets of the checked IDs
     * (read after the checks, so that its counts are of the records scored). A record with a
     * feature far from a member's training mean (e.g. a mature count from a --matures file of
     * thousands of short matures) stops the run with one line naming file, line, record and
     * feature, or with {@code skip} is left out and kept with its reason.
     */
    public Translation translate(Checked checked, Map<String, Set<String>> targets, boolean skip) {
        List<TrainedModel> members = model.models();
        List<String> ids = checked.ids();
        double[][][] inherent = inherent(checked.sequences(), checked.matures());
        String[] far = new String[ids.size()];
        for (int k = 0; k < members.size(); k++) {
            String[] p = new Scorer(members.get(k)).farProblems(ids, inherent[k], targets);
            for (int i = 0; i < far.length; i++) if (far[i] == null) far[i] = p[i];
        }
        List<Integer> keep = new ArrayList<>();
        List<Skip> left = new ArrayList<>();
        Path source = checked.source();
        for (int i = 0; i < far.length; i++) {
            if (far[i] == null) {
                keep.add(i);
            } else if (!skip) {
                throw InputError.atLine(source, checked.lines().get(i), "record '" + ids.get(i) + "': " + far[i] + "; --skip-invalid leaves such records out");
            } else {
                left.add(new Skip(ids.get(i), checked.lines().get(i), far[i], Kind.FAR_FROM_TRAINING));
            }
        }
        Checked kept = checked;
        if (!left.isEmpty()) {
            kept = checked.keep(keep, left);
            if (keep.isEmpty()) throw InputError.at(source, "no record left to score (" + countsByKind(kept.skipped()) + ")");
            for (int k = 0; k < inherent.length; k++) inherent[k] = inherent[k] == null ? null : pick(inherent[k], keep);
            Skip first = left.get(0);
            Progress.say("skipped %d record%s of %s with %s: %s (line %d: %s)%s", left.size(), left.size() == 1 ? "" : "s", source,
                    Kind.FAR_FROM_TRAINING.label, first.id(), first.line(), first.reason(), left.size() > 1 ? "; ... (all in the skipped file beside -o)" : "");
        }
        return new Translation(kept, prepared(kept.ids(), kept.sequences(), inherent, targets));
    }

    /**
     * Each member's inputs of sequences already cut to the window, every one required to fit
     * (a sequence a member cannot read stops with one line naming it, before any folding).
     */
    public List<Scorer.Prepared> inputs(List<String> ids, List<String> seqs, List<List<Mature>> matures, Map<String, Set<String>> targets) {
        for (TrainedModel m : model.models()) {
            Scorer s = new Scorer(m);
            for (int i = 0; i < ids.size(); i++) { // before folding: fail fast
                String tooLong = s.lengthProblem(ids.get(i), seqs.get(i).length());
                if (tooLong != null) throw new InputError(tooLong);
            }
        }
        return prepared(ids, seqs, inherent(seqs, matures), targets);
    }

    /**
     * Sequences as given, cut to the model's window here (placed with the model's folding):
     * the window's sequences and matures.
     */
    public WindowRule.Cut cut(List<String> seqs, List<List<Mature>> matures) {
        return window().cut(seqs, matures, new FeatureCalculator(dangles()), "sequences");
    }

    /** Each member's 18 inherent features of the sequences (null for a member that reads none), folded once per setting. */
    private double[][][] inherent(List<String> seqs, List<List<Mature>> matures) {
        List<TrainedModel> members = model.models();
        Map<Integer, double[][]> folded = new HashMap<>();
        double[][][] out = new double[members.size()][][];
        for (int k = 0; k < members.size(); k++) {
            Scorer s = new Scorer(members.get(k));
            if (members.get(k).config().useInherent()) out[k] = folded.computeIfAbsent(s.dangles(), d -> s.inherentOf(seqs, matures));
        }
        return out;
    }

    private List<Scorer.Prepared> prepared(List<String> ids, List<String> seqs, double[][][] inherent, Map<String, Set<String>> targets) {
        List<Scorer.Prepared> out = new ArrayList<>();
        for (int k = 0; k < inherent.length; k++) out.add(new Scorer(model.models().get(k)).prepareSequences(ids, seqs, inherent[k], targets));
        return out;
    }

    /** "3 outside the lengths the model reads, 1 letters other than …": the skipped counted by kind. */
    public static String countsByKind(List<Skip> skipped) {
        Map<Kind, Integer> n = new LinkedHashMap<>();
        for (Skip s : skipped) n.merge(s.kind(), 1, Integer::sum);
        List<String> parts = new ArrayList<>();
        n.forEach((k, v) -> parts.add(String.format(Locale.ROOT, "%d %s", v, k.label)));
        return String.join(", ", parts);
    }

    /** The part of a one-line error after its location prefix ("file, line N: record 'x': "). */
    static String reason(String message) {
        int i = message.lastIndexOf(": ");
        return i < 0 ? message : message.substring(i + 2);
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
}
