package org.deephem.scorepage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.deephem.data.DatasetReader;
import org.deephem.data.DeepHemDataset;
import org.deephem.features.InherentFeatures;
import org.deephem.features.RnaFolder;
import org.deephem.testutil.TestData;

/**
 * A page from synthetic rows, for the page tests and for looking at it:
 * {@code java -cp target/deephem.jar:target/test-classes org.deephem.scorepage.SampleScoresPage DIR}.
 * Sequences are the demo's human precursors; scores, ranges and attributions are made up (seeded).
 */
public final class SampleScoresPage {
    /** An ID full of markup: it must reach the page escaped. */
    public static final String HOSTILE_ID = "<img src=x onerror=alert(1)>&\"'";
    public static final int TOP_N = 4;

    private SampleScoresPage() {}

    /**
     * {@code rows} rows of the demo's human precursors, an ensemble of 5 with a reference; the
     * hostile ID is named for drawing (ranked low), and so is an ID that was not scored.
     * Every third row has no attribution, and rows after the 8th have no structure (folded only if drawn).
     */
    public static PageInput sample(int rows, boolean demo) {
        DeepHemDataset ds = DatasetReader.read(TestData.demo());
        Random rnd = new Random(7);
        RnaFolder folder = new RnaFolder();
        List<ScoredMiRna> out = new ArrayList<>();
        double[] reference = new double[200];
        for (int i = 0; i < reference.length; i++) reference[i] = 1 / (1 + Math.exp(-2 * rnd.nextGaussian()));
        org.deephem.zoo.ReferenceScores pct = new org.deephem.zoo.ReferenceScores("sample", java.util.Collections.nCopies(200, "r"), reference);
        for (int i = 0; i < rows; i++) {
            String seq = ds.target().sequences().get(i % ds.target().size());
            String id = i == rows - 1 ? HOSTILE_ID : ds.target().ids().get(i % ds.target().size());
            double score = i == rows - 1 ? 0.01 : 1 / (1 + Math.exp(-2 * rnd.nextGaussian()));
            double spread = 0.02 + 0.1 * rnd.nextDouble();
            double low = Math.max(0, score - spread), high = Math.min(1, score + spread * 0.8);
            double[] att = null;
            List<FeatureAttribution> feats = List.of();
            if (i % 3 != 2) {
                att = new double[seq.length()];
                double phase = rnd.nextDouble() * 6;
                for (int k = 0; k < att.length; k++) att[k] = 0.03 * Math.sin(k / 6.0 + phase) + 0.008 * rnd.nextGaussian();
                feats = new ArrayList<>();
                for (int f = 0; f < 6; f++) {
                    double a = 0.2 * rnd.nextGaussian();
                    feats.add(new FeatureAttribution(InherentFeatures.NAMES.get((f * 5 + i) % InherentFeatures.NAMES.size()),
                            Math.round(rnd.nextDouble() * 1000) / 100.0, a, a - 0.05, a + 0.04));
                }
            }
            String structure = i < 8 ? folder.fold(seq).structure() : null;
            out.add(new ScoredMiRna(id, seq, structure, score, low, high, pct.percentile(score), att, feats));
        }
        Set<String> named = new LinkedHashSet<>(List.of(HOSTILE_ID, "not-scored-<b>"));
        Map<String, Object> prov = new LinkedHashMap<>();
        prov.put("model", "model-zoo/demo-ensemble.zip");
        prov.put("model_sha256", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
        prov.put("input", Map.of("file", "my precursors.fa", "sha256", "fedcba9876543210"));
        prov.put("options", List.of("--top", "4", "--explain"));
        List<String> skipped = List.of("my precursors.fa, line 12: record 'x-1': 512 nt is longer than the supported 400 nt",
                "my precursors.fa, line 40: record '<y>': letter 'N' at position 3 is not A, C, G, U (or T)");
        return new PageInput("demo-ensemble", "Demo ensemble of 5 DeepHEM networks (seeds 1–5)", 5,
                "200 synthetic reference precursors scored by this model", out, named, TOP_N, skipped, prov, demo);
    }

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/scores-page-sample");
        System.out.println(ScoresPage.write(dir, sample(args.length > 1 ? Integer.parseInt(args[1]) : 60, true)).toAbsolutePath());
    }
}
