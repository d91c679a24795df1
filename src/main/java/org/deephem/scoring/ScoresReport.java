package org.deephem.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.deephem.eval.MemberSpread;
import org.deephem.explain.Explainer;
import org.deephem.explain.Explanation;
import org.deephem.features.RnaFolder;
import org.deephem.io.InputError;
import org.deephem.scorepage.FeatureAttribution;
import org.deephem.scorepage.PageInput;
import org.deephem.scorepage.ScoredMiRna;
import org.deephem.zoo.SequenceTranslator;
import org.deephem.zoo.ZooModel;

/**
 * Turns a scoring run into the rows of the scores page ({@code score … --report DIR}): each
 * precursor's score, members' range and percentile, and for the ones the page draws (the top N
 * and the IDs the user names) the MFE structure folded as the model's training data was, with the
 * attributions of its explanation.
 */
public final class ScoresReport {
    /** Features listed beside each drawn hairpin. */
    public static final int TOP_FEATURES = 6;

    private ScoresReport() {}

    /** The row indices the page draws: the {@code top} best by logit, then the named IDs (each must be scored). */
    public static int[] drawn(List<String> ids, double[][] memberLogits, int top, List<String> show) {
        double[] logits = MemberSpread.combinedLogits(memberLogits);
        Set<Integer> out = new LinkedHashSet<>();
        IntStream.range(0, ids.size()).boxed().sorted(Comparator.comparingDouble((Integer i) -> -logits[i]))
                .limit(top).forEach(out::add);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) index.put(ids.get(i), i);
        for (String id : show) {
            Integer i = index.get(id);
            if (i == null) throw new InputError("--show: '" + id + "' is not among the scored records");
            out.add(i);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The page's rows.
     *
     * @param drawn        rows to fold and draw ({@link #drawn})
     * @param explanations by ID, for any rows explained (may be empty)
     */
    public static List<ScoredMiRna> rows(ZooModel zm, List<String> ids, List<String> seqs, double[][] memberLogits, int[] drawn,
                                         Map<String, Explanation> explanations) {
        MemberSpread.Band[] bands = MemberSpread.of(memberLogits);
        boolean ensemble = memberLogits.length > 1;
        RnaFolder folder = zm.translator().folder(); // drawn as the model folded its training data
        Set<Integer> draw = new java.util.HashSet<>();
        for (int i : drawn) draw.add(i);
        List<ScoredMiRna> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            MemberSpread.Band b = bands[i];
            double pct = zm.reference() == null ? Double.NaN : zm.reference().percentile(b.logit());
            String structure = draw.contains(i) ? folder.fold(seqs.get(i)).structure() : null;
            Explanation e = explanations.get(ids.get(i));
            double[] nuc = e == null ? null : e.nucleotide();
            List<FeatureAttribution> feats = e == null ? List.of() : Explainer.topFeatures(e, TOP_FEATURES).stream()
                    .map(f -> new FeatureAttribution(f.name(), f.value(), f.attribution(), f.low(), f.high())).toList();
            out.add(new ScoredMiRna(ids.get(i), seqs.get(i), structure, b.score(), ensemble ? b.low() : Double.NaN,
                    ensemble ? b.high() : Double.NaN, pct, nuc, feats));
        }
        return out;
    }

    /** One line on what the model is, for the page's summary. */
    public static String describe(ZooModel zm) {
        boolean mti = zm.readsMti();
        String what = zm.ensemble() ? "ensemble of " + zm.members().size() + " networks" : "one network";
        return what + (mti ? ", reads MTI (predicted targets)" : ", without MTI") + (zm.trainedOnDemo() ? ", trained on the synthetic demo data" : "");
    }

    /** The page input of a scoring run. */
    public static PageInput page(String modelName, ZooModel zm, List<ScoredMiRna> rows, List<String> show, int top,
                                 List<SequenceTranslator.Skip> skipped, Map<String, Object> provenance) {
        List<String> skippedLines = new ArrayList<>();
        for (SequenceTranslator.Skip s : skipped) skippedLines.add(s.id() + " (line " + s.line() + "): " + s.reason());
        return new PageInput(modelName, describe(zm), zm.members().size(), zm.reference() == null ? null : zm.reference().what(),
                rows, new LinkedHashSet<>(show), top, skippedLines, provenance, zm.trainedOnDemo());
    }
}
