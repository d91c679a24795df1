package org.deephem.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.deephem.data.DatasetReader;
import org.deephem.data.DeepHemDataset;
import org.deephem.eval.MemberSpread;
import org.deephem.features.InherentFeatures;
import org.deephem.features.Mature;
import org.deephem.io.Delimited;
import org.deephem.io.Fasta;
import org.deephem.io.FastaRecord;
import org.deephem.io.InputError;
import org.deephem.io.Outputs;
import org.deephem.io.Progress;
import org.deephem.io.RecordedPath;
import org.deephem.io.TextFiles;
import org.deephem.explain.Explainer;
import org.deephem.explain.Explanation;
import org.deephem.explain.ExplanationFiles;
import org.deephem.scorepage.ScoresPage;
import org.deephem.scoring.ScoresReport;
import org.deephem.scoring.MirbaseSpecies;
import org.deephem.scoring.Precursors;
import org.deephem.zoo.DatasetCheck;
import org.deephem.zoo.ExpectedScores;
import org.deephem.zoo.ScoresCsv;
import org.deephem.zoo.ShippedModels;
import org.deephem.zoo.TargetsFile;
import org.deephem.zoo.TrainedModel;
import org.deephem.zoo.ZooModel;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "score", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Score miRNAs with a saved model zip; writes an id,score,logit CSV (higher = more likely essential).",
                "score is the probability, logit the network output before the sigmoid (it still ranks where the probability rounds to 1).",
                "An ensemble zip (see the ensemble command) adds score_low,score_high: the 2.5-97.5 %% range of its members' probabilities; score is their mean.",
                "A model that stores reference scores (the shipped ones: the 1,917 human precursors) adds percentile: where each score falls among them.",
                "Without --model the shipped no-MTI default is used (it rides in the jar)."})
final class ScoreCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    ThreadsOption threadsOption = new ThreadsOption();
    @Option(names = "--model", description = "model or ensemble zip (default: the shipped no-MTI default, " + ShippedModels.DEFAULT + ")")
    Path model;

    @ArgGroup(multiplicity = "1")
    Input input;

    static final class Input {
        @Option(names = "--data", description = "DeepHEM-layout folder")
        Path data;
        @Option(names = "--fasta", description = "FASTA of precursors (plain or gzip-compressed; - for standard input)")
        Path fasta;
    }

    @Option(names = "--species", description = "with --fasta: score only this species' precursors of a miRBase hairpin.fa (its prefix: hsa, mmu, gga, dre, …), "
            + "each with its matures from --matures (a miRBase mature.fa) found by name and position; records the model cannot read are left out and listed")
    String species;
    @Option(names = "--domain", defaultValue = "human", description = "with --data: human, mouse (labelled), unlabelled-mouse (default: ${DEFAULT-VALUE})")
    String domain;
    @Option(names = "--matures", description = "with --fasta: FASTA of matures (features 15-18 are 0 without it)")
    Path matures;
    @Option(names = "--targets", description = "with --fasta: tab-separated, header line ID<TAB>gene, then one predicted target per line (without it: no targets)")
    Path targets;
    @Option(names = "--skip-invalid", description = "with --fasta: leave out records that cannot be scored (letters other than A/C/G/U/T, empty, too long, features over 1000 sd from the model's training mean) and name them on stderr, instead of stopping at the first (always on with --species)")
    boolean skipInvalid;
    @Option(names = {"-o", "--out"}, description = "output CSV (- for standard output); required unless --record-expected. Records left out are listed beside it (scores.csv -> scores.skipped.csv)")
    Path out;
    @Option(names = "--explain", description = "also write, per precursor, the attribution of its logit to each nucleotide and each feature (integrated gradients on the model's graph against a stated baseline): <out>.nucleotides.csv and <out>.features.csv beside -o")
    boolean explain;
    @Option(names = "--explain-steps", defaultValue = "" + Explainer.DEFAULT_STEPS, description = "quadrature points of the integrated gradients (doubled per precursor until the attributions add up to the score's difference from the baseline; default: ${DEFAULT-VALUE})")
    int explainSteps;
    @Option(names = "--report", description = "also write an offline HTML page of these scores into this folder: a sortable table and the hairpins of the --top N and of the --show IDs, coloured by attribution")
    Path report;
    @Option(names = "--top", defaultValue = "10", description = "with --report: how many of the best-scored precursors to draw (default: ${DEFAULT-VALUE})")
    int top;
    @Option(names = "--show", split = ",", description = "with --report: IDs to draw besides the top N, comma-separated")
    List<String> show = new ArrayList<>();
    @Option(names = "--record-expected", description = "with --fasta: also write <model>.expected.csv beside the model (inputs and scores of these records), which the shipped-model test checks every later build against")
    boolean recordExpected;

    @Override
    public Integer call() {
        threadsOption.apply();
        if (out == null && !recordExpected) throw new InputError("-o/--out is required (or --record-expected)");
        if (recordExpected && input.fasta == null) throw new InputError("--record-expected goes with --fasta (the expected file records the sequences it scored)");
        if (recordExpected && model == null) throw new InputError("--record-expected needs --model (it writes beside that zip)");
        if (input.data != null && (matures != null || targets != null || skipInvalid || species != null)) {
            throw new InputError("--matures, --targets, --skip-invalid and --species go with --fasta, not --data");
        }
        if (species != null) MirbaseSpecies.requirePrefix(species);
        if (explain && (out == null || Outputs.isStdout(out))) throw new InputError("--explain writes its files beside -o: give -o a file");
        if (report == null && (!show.isEmpty() || top != 10)) throw new InputError("--top and --show go with --report");
        OptionCheck.range("--top", top, 0, 1000);
        OptionCheck.range("--explain-steps", explainSteps, 2, Explainer.MAX_STEPS);
        Path nucleotides = explain ? beside(out, "nucleotides") : null, features = explain ? beside(out, "features") : null;
        if (TextFiles.isStdin(input.fasta) && TextFiles.isStdin(matures)) throw new InputError("--fasta and --matures cannot both read standard input");
        Path expected = recordExpected ? ExpectedScores.fileFor(model) : null;
        Outputs.Input[] inputs = {Outputs.input("--model", model), Outputs.input("--data", input.data),
                Outputs.input("--fasta", input.fasta), Outputs.input("--matures", matures), Outputs.input("--targets", targets)};
        if (out != null) Outputs.requireNotInput("-o", out, inputs);
        if (explain) {
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
        domain = domain.strip().toLowerCase(java.util.Locale.ROOT); // any case, like the enum options
        long t0 = System.nanoTime();
        Path zip = model;
        if (zip == null) {
            Progress.say("%s", ShippedModels.defaultNote());
            zip = ShippedModels.defaultModel();
        }
        ZooModel zm = ZooModel.load(zip);
        if (zm.ensemble()) Progress.say("ensemble of %d members: score = their mean probability, score_low/score_high = %s", zm.members().size(), MemberSpread.DEFINITION);
        if (zm.reference() != null) Progress.say("percentile: among the %s", zm.reference());
        List<String> ids, seqs;
        double[][] logits;
        Precursors checked = null;
        DeepHemDataset ds = null;
        Map<String, Set<String>> tg = Map.of();
        if (input.data != null) {
            ds = DatasetReader.read(input.data);
            if (!ds.window().equals(zm.window().label)) {
                throw InputError.at(input.data, "holds " + ds.window() + " windows, but the model was trained on " + zm.window().label
                        + " windows (build-dataset --window " + zm.window().label + " makes such a folder)");
            }
            Progress.say("window: %s (the folder's features, as the model's training data)", ds.window());
            if (zm.trainedOnDemo() && !DatasetReader.isSynthetic(input.data)) warnDemo(input.data.toString());
            ids = ZooModel.domain(ds, domain).ids();
            seqs = ZooModel.domain(ds, domain).sequences();
            logits = zm.logitsOfFolder(ds, domain);
        } else {
            if (zm.trainedOnDemo()) warnDemo(input.fasta.toString());
            checked = precursors(zm);
            ids = checked.ids();
            seqs = checked.sequences();
            tg = targets(zm, ids);
            Precursors.Scored scored = checked.score(zm, input.fasta, tg, skipInvalid || species != null);
            checked = scored.precursors(); // less the records whose features are far outside the training data
            ids = checked.ids();
            seqs = checked.sequences();
            logits = scored.logits();
            if (expected != null) {
                // the records as given, not their windows: re-scoring them checks the window cut too
                ExpectedScores.write(expected, model, ids, ids.stream().map(id -> asGiven.get(id).sequence()).toList(),
                        ids.stream().map(id -> asGiven.get(id).matures()).toList(), tg, ZooModel.scores(logits));
                Progress.say("recorded the expected scores of %d records -> %s", ids.size(), expected);
            }
        }
        if (out != null) {
            ScoresCsv.write(out, ids, logits, zm.reference());
            if (zm.ensemble() && !Outputs.isStdout(out)) ScoresCsv.writeEnsembleProvenance(out, zip, zm.members().size());
            if (checked != null && !checked.skipped().isEmpty() && !Outputs.isStdout(out)) writeSkipped(out, checked.skipped());
        }
        Progress.say("scored %d miRNAs in %.2f s -> %s", ids.size(), (System.nanoTime() - t0) / 1e9, out == null ? expected : Outputs.describe(out));
        int[] drawn = report == null ? new int[0] : ScoresReport.drawn(ids, logits, top, show);
        Map<String, Explanation> explained = new java.util.HashMap<>();
        if (explain || drawn.length > 0) {
            // --explain explains every record; a page alone only the ones it draws
            int[] rows = explain ? java.util.stream.IntStream.range(0, ids.size()).toArray() : drawn;
            long t1 = System.nanoTime();
            List<Explanation> ex = explanations(zm, ds, rows, ids, seqs, checked, tg);
            for (Explanation e : ex) explained.put(e.id(), e);
            if (explain) {
                ExplanationFiles.write(nucleotides, features, ex, zm);
                Progress.say("explained %d miRNAs in %.1f s -> %s, %s", ex.size(), (System.nanoTime() - t1) / 1e9, nucleotides, features);
            }
        }
        if (report != null) {
            Map<String, Object> prov = new java.util.LinkedHashMap<>();
            prov.put("model", model == null ? "shipped default " + ShippedModels.DEFAULT : RecordedPath.of(model, report));
            prov.put("model_sha256", org.deephem.io.Hashing.sha256(zip));
            prov.put("input", input.data != null ? RecordedPath.of(input.data, report) + " (" + domain + ")" : RecordedPath.of(input.fasta, report));
            if (species != null) prov.put("species", species);
            if (matures != null) prov.put("matures", RecordedPath.of(matures, report));
            if (targets != null) prov.put("targets", RecordedPath.of(targets, report));
            String name = model == null ? ShippedModels.DEFAULT : String.valueOf(model.getFileName());
            Path page = ScoresPage.write(report, ScoresReport.page(name, zm, ScoresReport.rows(zm, ids, seqs, logits, drawn, explained),
                    show, top, checked == null ? List.of() : checked.skipped(), prov));
            Progress.say("page of the scores -> %s", page);
        }
        if (checked != null) Progress.say("%s", checked.summary());
        return 0;
    }

    /** Explanations of the given rows, computed as they were scored (dataset folder or sequences). */
    private List<Explanation> explanations(ZooModel zm, DeepHemDataset ds, int[] rows, List<String> ids, List<String> seqs,
                                           Precursors checked, Map<String, Set<String>> tg) {
        if (ds != null) return Explainer.explain(zm, ds, domain, explainSteps, rows); // a folder's rows keep their stored features
        List<String> i = new ArrayList<>(), s = new ArrayList<>();
        List<List<Mature>> m = new ArrayList<>();
        for (int r : rows) {
            i.add(ids.get(r));
            s.add(seqs.get(r));
            m.add(checked.matures().get(r));
        }
        return Explainer.explain(zm, i, s, m, tg, explainSteps);
    }

    /** A file beside -o: {@code scores.csv} → {@code scores.<what>.csv}. */
    static Path beside(Path out, String what) {
        String n = String.valueOf(out.getFileName());
        String stem = n.toLowerCase(java.util.Locale.ROOT).endsWith(".csv") ? n.substring(0, n.length() - 4) : n;
        return out.resolveSibling(stem + "." + what + ".csv");
    }

    private static void warnDemo(String what) {
        Progress.say("warning: this model was trained on the synthetic demo data; its scores of %s mean nothing", what);
    }

    /** Each record's sequence and matures as the FASTA gave them, before any window cut: what --record-expected records. */
    private record Given(String sequence, List<Mature> matures) {}

    private final Map<String, Given> asGiven = new java.util.HashMap<>();

    /** The FASTA's records (or the species' of a miRBase file), checked as every record is before scoring. */
    private Precursors precursors(ZooModel zm) {
        for (TrainedModel m : zm.models()) DatasetCheck.requireInherentNames(m, InherentFeatures.NAMES, "the features this build computes from sequences");
        List<Fasta.Invalid> invalid = new ArrayList<>();
        List<FastaRecord> recs;
        List<List<Mature>> mats;
        boolean skip = skipInvalid;
        if (species != null) {
            MirbaseSpecies.Selection sel = MirbaseSpecies.select(input.fasta, matures, species, invalid::add);
            Progress.say("--species %s: %d precursors of %s%s", species, sel.precursors().size() + invalid.size(), input.fasta,
                    matures == null ? " (no --matures: features 15-18 are 0)" : ", " + sel.maturesOfSpecies() + " matures of " + matures);
            recs = sel.precursors();
            mats = sel.matures();
            skip = true; // a whole species has records no model reads: they are listed, not fatal
        } else {
            recs = Fasta.readAll(input.fasta, skipInvalid ? invalid::add : null);
            List<Mature> ms = Mature.readFasta(matures);
            mats = new ArrayList<>();
            for (FastaRecord r : recs) mats.add(Mature.containedIn(r.sequence(), ms));
        }
        // cut as the model's training data was cut (canonical windows are placed on the annotated record's MFE structure)
        org.deephem.features.WindowRule rule = zm.window();
        Progress.say("%s: the model's training data was cut so%s", rule.describe(),
                rule == org.deephem.features.WindowRule.CANONICAL && matures == null ? "; no --matures: every record gets the no-mature window" : "");
        for (int i = 0; i < recs.size(); i++) asGiven.put(recs.get(i).id(), new Given(recs.get(i).sequence(), mats.get(i)));
        Precursors.Windowed cut = Precursors.window(rule, new org.deephem.zoo.Scorer(zm.models().get(0)).dangles(), recs, mats);
        Precursors p = Precursors.check(zm, input.fasta, cut.records(), cut.matures(), invalid, skip);
        if (!p.skipped().isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < Math.min(5, p.skipped().size()); i++) {
                Precursors.Skip s = p.skipped().get(i);
                sb.append(i > 0 ? "; " : "").append(s.id()).append(" (line ").append(s.line()).append(": ").append(s.reason()).append(')');
            }
            Progress.say("skipped %d invalid record%s of %s: %s%s", p.skipped().size(), p.skipped().size() == 1 ? "" : "s", input.fasta, sb,
                    p.skipped().size() > 5 ? "; ... (all in the skipped file beside -o)" : "");
        }
        return p;
    }

    private Map<String, Set<String>> targets(ZooModel zm, List<String> ids) {
        if (targets != null) {
            TargetsFile tf = TargetsFile.read(targets);
            int matched = tf.matched(ids);
            Progress.say("--targets: %d pairs for %d IDs; %d of %d records have targets", tf.pairs(), tf.genes().size(), matched, ids.size());
            if (matched == 0) {
                throw InputError.at(targets, "none of its " + tf.genes().size() + " IDs matches a record of " + input.fasta
                        + " (IDs are the first word of each FASTA header)");
            }
            zm.requireKnownGenes(tf.genes(), targets.toString());
            return tf.genes();
        }
        if (zm.readsMti()) Progress.say("note: no --targets given; every sequence is scored as having no predicted targets");
        return Map.of();
    }

    /** {@code <out>.skipped.csv}: every record left out, with its header line and reason. */
    static void writeSkipped(Path out, List<Precursors.Skip> skipped) {
        StringBuilder sb = new StringBuilder("id,line,reason\n");
        for (Precursors.Skip s : skipped) sb.append(Delimited.csvLine(List.of(s.id(), Long.toString(s.line()), s.reason())));
        Path f = beside(out, "skipped");
        Outputs.writeString(f, sb.toString());
        Progress.say("records left out, with reasons -> %s", f);
    }
}
