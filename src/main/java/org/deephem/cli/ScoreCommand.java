package org.deephem.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.deephem.data.DatasetReader;
import org.deephem.data.DeepHemDataset;
import org.deephem.features.InherentFeatures;
import org.deephem.features.Mature;
import org.deephem.features.RnaFolder;
import org.deephem.io.Fasta;
import org.deephem.io.FastaRecord;
import org.deephem.io.InputError;
import org.deephem.io.Outputs;
import org.deephem.io.Progress;
import org.deephem.zoo.DatasetCheck;
import org.deephem.zoo.Scorer;
import org.deephem.zoo.ExpectedScores;
import org.deephem.zoo.ZooModel;
import org.deephem.eval.MemberSpread;
import org.deephem.zoo.ScoresCsv;
import org.deephem.zoo.TargetsFile;
import org.deephem.zoo.TrainedModel;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "score", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Score miRNAs with a saved model zip; writes an id,score,logit CSV (higher = more likely essential).",
                "score is the probability, logit the network output before the sigmoid (it still ranks where the probability rounds to 1).",
                "An ensemble zip (see the ensemble command) adds score_low,score_high: the 2.5-97.5 %% range of its members' probabilities; score is their mean."})
final class ScoreCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    ThreadsOption threadsOption = new ThreadsOption();
    @Option(names = "--model", required = true, description = "model zip")
    Path model;

    @ArgGroup(multiplicity = "1")
    Input input;

    static final class Input {
        @Option(names = "--data", description = "DeepHEM-layout folder")
        Path data;
        @Option(names = "--fasta", description = "FASTA of precursors (plain or gzip-compressed)")
        Path fasta;
    }

    @Option(names = "--domain", defaultValue = "human", description = "with --data: human, mouse (labelled), unlabelled-mouse (default: ${DEFAULT-VALUE})")
    String domain;
    @Option(names = "--matures", description = "with --fasta: FASTA of matures (features 15-18 are 0 without it)")
    Path matures;
    @Option(names = "--targets", description = "with --fasta: tab-separated, header line ID<TAB>gene, then one predicted target per line (without it: no targets)")
    Path targets;
    @Option(names = "--skip-invalid", description = "with --fasta: leave out records that cannot be scored (letters other than A/C/G/U/T, empty, too long) and name them on stderr, instead of stopping at the first")
    boolean skipInvalid;
    @Option(names = {"-o", "--out"}, description = "output CSV (- for standard output); required unless --record-expected")
    Path out;
    @Option(names = "--record-expected", description = "with --fasta: also write <model>.expected.csv beside the model (inputs and scores of these records), which the shipped-model test checks every later build against")
    boolean recordExpected;

    @Override
    public Integer call() {
        threadsOption.apply();
        if (out == null && !recordExpected) throw new InputError("-o/--out is required (or --record-expected)");
        if (recordExpected && input.fasta == null) throw new InputError("--record-expected goes with --fasta (the expected file records the sequences it scored)");
        Path expected = recordExpected ? ExpectedScores.fileFor(model) : null;
        Outputs.Input[] inputs = {Outputs.input("--model", model), Outputs.input("--data", input.data),
                Outputs.input("--fasta", input.fasta), Outputs.input("--matures", matures), Outputs.input("--targets", targets)};
        if (out != null) Outputs.requireNotInput("-o", out, inputs);
        if (expected != null) Outputs.requireNotInput("--record-expected", expected, inputs);
        if (input.data != null && (matures != null || targets != null || skipInvalid)) {
            throw new InputError("--matures, --targets and --skip-invalid go with --fasta, not --data");
        }
        org.deephem.zoo.Backend.start();
        domain = domain.strip().toLowerCase(java.util.Locale.ROOT); // any case, like the enum options
        long t0 = System.nanoTime();
        ZooModel zm = ZooModel.load(model);
        if (zm.ensemble()) Progress.say("ensemble of %d members: score = their mean probability, score_low/score_high = %s", zm.members().size(), MemberSpread.DEFINITION);
        List<String> ids;
        double[][] logits = new double[zm.members().size()][];
        if (input.data != null) {
            DeepHemDataset ds = DatasetReader.read(input.data);
            ids = ZooModel.domain(ds, domain).ids();
            logits = zm.logitsOfFolder(ds, domain);
        } else {
            Skipped skipped = new Skipped();
            List<FastaRecord> recs = Fasta.readAll(input.fasta, skipInvalid ? skipped::add : null);
            List<Mature> ms = Mature.readFasta(matures);
            for (TrainedModel m : zm.models()) DatasetCheck.requireInherentNames(m, InherentFeatures.NAMES, "the features this build computes from sequences");
            ids = new ArrayList<>();
            List<String> seqs = new ArrayList<>();
            List<List<Mature>> mats = new ArrayList<>();
            for (FastaRecord r : recs) {
                String tooLong = null;
                for (TrainedModel m : zm.models()) if (tooLong == null) tooLong = new Scorer(m).lengthProblem(r.id(), r.sequence().length());
                try {
                    RnaFolder.requireSupported(input.fasta, r);
                    if (tooLong != null) throw InputError.atLine(input.fasta, r.line(), tooLong + "; --skip-invalid leaves such records out");
                } catch (InputError e) {
                    if (!skipInvalid) throw e;
                    skipped.add(new Fasta.Invalid(r.id(), r.line(), tooLong != null ? tooLong : e.getMessage()));
                    continue;
                }
                ids.add(r.id());
                seqs.add(r.sequence());
                mats.add(Mature.containedIn(r.sequence(), ms));
            }
            skipped.report(input.fasta);
            if (ids.isEmpty()) throw InputError.at(input.fasta, "no record left to score");
            Map<String, Set<String>> tg = Map.of();
            if (targets != null) {
                TargetsFile tf = TargetsFile.read(targets);
                int matched = tf.matched(ids);
                Progress.say("--targets: %d pairs for %d IDs; %d of %d records have targets", tf.pairs(), tf.genes().size(), matched, ids.size());
                if (matched == 0) {
                    throw InputError.at(targets, "none of its " + tf.genes().size() + " IDs matches a record of " + input.fasta
                            + " (IDs are the first word of each FASTA header)");
                }
                tg = tf.genes();
                zm.requireKnownGenes(tg, targets.toString());
            } else if (zm.models().stream().anyMatch(m -> m.config().useMti())) {
                Progress.say("note: no --targets given; every sequence is scored as having no predicted targets");
            }
            logits = zm.logitsOfSequences(ids, seqs, mats, tg);
            if (expected != null) {
                ExpectedScores.write(expected, model, ids, seqs, mats, tg, ZooModel.scores(logits));
                Progress.say("recorded the expected scores of %d records -> %s", ids.size(), expected);
            }
        }
        if (out != null) {
            ScoresCsv.write(out, ids, logits);
            if (zm.ensemble() && !Outputs.isStdout(out)) ScoresCsv.writeEnsembleProvenance(out, model, zm.members().size());
        }
        Progress.say("scored %d miRNAs in %.2f s -> %s", ids.size(), (System.nanoTime() - t0) / 1e9, out == null ? expected : Outputs.describe(out));
        return 0;
    }
}
