package org.deephem.scoring;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.deephem.data.DatasetReader;
import org.deephem.data.DeepHemDataset;
import org.deephem.eval.MemberSpread;
import org.deephem.explain.Explainer;
import org.deephem.explain.Explanation;
import org.deephem.explain.ExplanationFiles;
import org.deephem.features.InherentFeatures;
import org.deephem.features.Mature;
import org.deephem.io.Delimited;
import org.deephem.io.Fasta;
import org.deephem.io.InputError;
import org.deephem.io.Outputs;
import org.deephem.io.Progress;
import org.deephem.io.RecordedPath;
import org.deephem.io.TextFiles;
import org.deephem.scorepage.ScoresPage;
import org.deephem.zoo.DatasetCheck;
import org.deephem.zoo.ExpectedScores;
import org.deephem.zoo.ScoresCsv;
import org.deephem.zoo.SequenceTranslator;
import org.deephem.zoo.ShippedModels;
import org.deephem.zoo.TargetsFile;
import org.deephem.zoo.TrainedModel;
import org.deephem.zoo.ZooModel;

/**
 * The scoring stage ({@code score}): a model's scores of a dataset folder's domain or of a
 * FASTA's precursors (checked and read by the model's {@link SequenceTranslator}), written as a
 * scores CSV with the records left out beside it, and optionally their explanations, a page and
 * the model's expected scores. Every output place is checked before anything is read or scored.
 */
public final class ScoringJob {
    private final ScoringSpec spec;
    private final String domain;

    private ScoringJob(ScoringSpec spec) {
        this.spec = spec;
        this.domain = spec.domain().strip().toLowerCase(Locale.ROOT); // any case, like the enum options
    }

    /** Runs {@code spec}; its options were checked against each other by the caller. */
    public static void run(ScoringSpec spec) {
        new ScoringJob(spec).run();
    }

    /** What was scored: IDs, the sequences the model read, logits {@code [member][row]}, and the checked records (FASTA only). */
    private record Scored(List<String> ids, List<String> seqs, double[][] logits, SequenceTranslator.Translation translation,
                          DeepHemDataset ds, Map<String, Set<String>> targets) {}

    private void run() {
        Path out = spec.out(), report = spec.report(), model = spec.model();
        Path nucleotides = spec.explain() ? beside(out, "nucleotides") : null, features = spec.explain() ? beside(out, "features") : null;
        if (TextFiles.isStdin(spec.fasta()) && TextFiles.isStdin(spec.matures())) throw new InputError("--fasta and --matures cannot both read standard input");
        Path expected = spec.recordExpected() ? ExpectedScores.fileFor(model) : null;
        Outputs.Input[] inputs = {Outputs.input("--model", model), Outputs.input("--data", spec.data()),
                Outputs.input("--fasta", spec.fasta()), Outputs.input("--matures", spec.matures()), Outputs.input("--targets", spec.targets())};
        if (out != null) Outputs.requireNotInput("-o", out, inputs);
        if (spec.explain()) {
            Outputs.requireNotInput("--explain", nucleotides, inputs);
            Outputs.requireNotInput("--explain", features, inputs);
        }
        if (report != null) Outputs.requireNotInput("--report", report, inputs);
        if (expected != null) Outputs.requireNotInput("--record-expected", expected, inputs);
        // a place where nothing can be saved is refused before anything is read or scored
        Outputs.requireWritable("-o", out, Outputs.Place.FILE);
        if (report != null) Outputs.requireFolder("--report", report);
        if (expected != null) Outputs.requireWritable("--record-expected", expected, Outputs.Place.FILE);
        org.deephem.zoo.Backend.start();
        long t0 = System.nanoTime();
        Path zip = model;
        if (zip == null) {
            Progress.say("%s", ShippedModels.defaultNote());
            zip = ShippedModels.defaultModel();
        }
        ZooModel zm = ZooModel.load(zip);
        if (zm.ensemble()) Progress.say("ensemble of %d members: score = their mean probability, score_low/score_high = %s", zm.members().size(), MemberSpread.DEFINITION);
        if (zm.reference() != null) Progress.say("percentile: among the %s", zm.reference());
        Scored s = spec.data() != null ? ofFolder(zm) : ofFasta(zm, expected);
        SequenceTranslator.Checked checked = s.translation() == null ? null : s.translation().precursors();
        List<SequenceTranslator.Skip> skipped = checked == null ? List.of() : checked.skipped();
        if (out != null) {
            ScoresCsv.write(out, s.ids(), s.logits(), zm.reference());
            if (zm.ensemble() && !Outputs.isStdout(out)) ScoresCsv.writeEnsembleProvenance(out, zip, zm.members().size());
            if (!skipped.isEmpty() && !Outputs.isStdout(out)) writeSkipped(out, skipped);
        }
        Progress.say("scored %d miRNAs in %.2f s -> %s", s.ids().size(), (System.nanoTime() - t0) / 1e9, out == null ? expected : Outputs.describe(out));
        int[] drawn = report == null ? new int[0] : ScoresReport.drawn(s.ids(), s.logits(), spec.top(), spec.show());
        Map<String, Explanation> explained = new HashMap<>();
        if (spec.explain() || drawn.length > 0) {
            // --explain explains every record; a page alone only the ones it draws
            int[] rows = spec.explain() ? IntStream.range(0, s.ids().size()).toArray() : drawn;
            long t1 = System.nanoTime();
            List<Explanation> ex = explanations(zm, s, rows);
            for (Explanation e : ex) explained.put(e.id(), e);
            if (spec.explain()) {
                ExplanationFiles.write(nucleotides, features, ex, zm);
                Progress.say("explained %d miRNAs in %.1f s -> %s, %s", ex.size(), (System.nanoTime() - t1) / 1e9, nucleotides, features);
            }
        }
        if (report != null) {
            Map<String, Object> prov = new LinkedHashMap<>();
            prov.put("model", model == null ? "shipped default " + ShippedModels.DEFAULT : RecordedPath.of(model, report));
            prov.put("model_sha256", org.deephem.io.Hashing.sha256(zip));
            prov.put("input", spec.data() != null ? RecordedPath.of(spec.data(), report) + " (" + domain + ")" : RecordedPath.of(spec.fasta(), report));
            if (spec.species() != null) prov.put("species", spec.species());
            if (spec.matures() != null) prov.put("matures", RecordedPath.of(spec.matures(), report));
            if (spec.targets() != null) prov.put("targets", RecordedPath.of(spec.targets(), report));
            String name = model == null ? ShippedModels.DEFAULT : String.valueOf(model.getFileName());
            Path page = ScoresPage.write(report, ScoresReport.page(name, zm, ScoresReport.rows(zm, s.ids(), s.seqs(), s.logits(), drawn, explained),
                    spec.show(), spec.top(), skipped, prov));
            Progress.say("page of the scores -> %s", page);
        }
        if (checked != null) Progress.say("%s", checked.summary());
    }

    /** A dataset folder's domain, scored from its stored features. */
    private Scored ofFolder(ZooModel zm) {
        Path data = spec.data();
        DeepHemDataset ds = DatasetReader.read(data);
        if (!ds.window().equals(zm.window().label)) {
            throw InputError.at(data, "holds " + ds.window() + " windows, but the model was trained on " + zm.window().label
                    + " windows (build-dataset --window " + zm.window().label + " makes such a folder)");
        }
        Progress.say("window: %s (the folder's features, as the model's training data)", ds.window());
        if (zm.trainedOnDemo() && !DatasetReader.isSynthetic(data)) warnDemo(data.toString());
        return new Scored(ZooModel.domain(ds, domain).ids(), ZooModel.domain(ds, domain).sequences(), zm.logitsOfFolder(ds, domain), null, ds, Map.of());
    }

    /** A FASTA's precursors (or a species' of miRBase's files), through the model's translator. */
    private Scored ofFasta(ZooModel zm, Path expected) {
        if (zm.trainedOnDemo()) warnDemo(spec.fasta().toString());
        SequenceTranslator translator = zm.translator();
        SequenceTranslator.Checked checked = translator.check(records(zm));
        Map<String, Set<String>> tg = targets(zm, checked.ids());
        SequenceTranslator.Translation t = translator.translate(checked, tg, spec.skipInvalid() || spec.species() != null);
        checked = t.precursors(); // less the records whose features are far outside the training data
        double[][] logits = t.logits(zm);
        List<String> ids = checked.ids();
        if (expected != null) {
            // the records as given, not their windows: re-scoring them checks the window cut too
            ExpectedScores.write(expected, spec.model(), ids, checked.givenSequences(), checked.givenMatures(), tg, ZooModel.scores(logits));
            Progress.say("recorded the expected scores of %d records -> %s", ids.size(), expected);
        }
        return new Scored(ids, checked.sequences(), logits, t, null, tg);
    }

    /** The FASTA's records (or the species' of a miRBase file), as read, before any check of the model's. */
    private SequenceTranslator.Records records(ZooModel zm) {
        for (TrainedModel m : zm.models()) DatasetCheck.requireInherentNames(m, InherentFeatures.NAMES, "the features this build computes from sequences");
        Path fasta = spec.fasta(), matures = spec.matures();
        if (spec.species() == null) return SequenceTranslator.read(fasta, matures, spec.skipInvalid());
        List<Fasta.Invalid> invalid = new ArrayList<>();
        MirbaseSpecies.Selection sel = MirbaseSpecies.select(fasta, matures, spec.species(), invalid::add);
        Progress.say("--species %s: %d precursors of %s%s", spec.species(), sel.precursors().size() + invalid.size(), fasta,
                matures == null ? " (no --matures: features 15-18 are 0)" : ", " + sel.maturesOfSpecies() + " matures of " + matures);
        // a whole species has records no model reads: they are listed, not fatal
        return new SequenceTranslator.Records(fasta, sel.precursors(), sel.matures(), invalid, true, matures != null);
    }

    private Map<String, Set<String>> targets(ZooModel zm, List<String> ids) {
        Path targets = spec.targets();
        if (targets != null) {
            TargetsFile tf = TargetsFile.read(targets);
            int matched = tf.matched(ids);
            Progress.say("--targets: %d pairs for %d IDs; %d of %d records have targets", tf.pairs(), tf.genes().size(), matched, ids.size());
            if (matched == 0) {
                throw InputError.at(targets, "none of its " + tf.genes().size() + " IDs matches a record of " + spec.fasta()
                        + " (IDs are the first word of each FASTA header)");
            }
            zm.requireKnownGenes(tf.genes(), targets.toString());
            return tf.genes();
        }
        if (zm.readsMti()) Progress.say("note: no --targets given; every sequence is scored as having no predicted targets");
        return Map.of();
    }

    /** Explanations of the given rows, computed as they were scored (dataset folder or sequences). */
    private List<Explanation> explanations(ZooModel zm, Scored s, int[] rows) {
        if (s.ds() != null) return Explainer.explain(zm, s.ds(), domain, spec.explainSteps(), rows); // a folder's rows keep their stored features
        List<String> i = new ArrayList<>(), q = new ArrayList<>();
        List<List<Mature>> m = new ArrayList<>();
        for (int r : rows) {
            i.add(s.ids().get(r));
            q.add(s.seqs().get(r));
            m.add(s.translation().precursors().matures().get(r));
        }
        return Explainer.explain(zm, i, q, m, s.targets(), spec.explainSteps());
    }

    private static void warnDemo(String what) {
        Progress.say("warning: this model was trained on the synthetic demo data; its scores of %s mean nothing", what);
    }

    /** A file beside -o: {@code scores.csv} → {@code scores.<what>.csv}. */
    public static Path beside(Path out, String what) {
        String n = String.valueOf(out.getFileName());
        String stem = n.toLowerCase(Locale.ROOT).endsWith(".csv") ? n.substring(0, n.length() - 4) : n;
        return out.resolveSibling(stem + "." + what + ".csv");
    }

    /** {@code <out>.skipped.csv}: every record left out, with its header line and reason. */
    static void writeSkipped(Path out, List<SequenceTranslator.Skip> skipped) {
        StringBuilder sb = new StringBuilder("id,line,reason\n");
        for (SequenceTranslator.Skip s : skipped) sb.append(Delimited.csvLine(List.of(s.id(), Long.toString(s.line()), s.reason())));
        Path f = beside(out, "skipped");
        Outputs.writeString(f, sb.toString());
        Progress.say("records left out, with reasons -> %s", f);
    }
}
