package org.deephem.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.deephem.data.DatasetReader;
import org.deephem.data.DeepHemDataset;
import org.deephem.data.Domain;
import org.deephem.data.Layout;
import org.deephem.features.InherentFeatures;
import org.deephem.features.Mature;
import org.deephem.features.RnaFolder;
import org.deephem.io.Fasta;
import org.deephem.io.FastaRecord;
import org.deephem.io.InputError;
import org.deephem.io.Outputs;
import org.deephem.io.Progress;
import org.deephem.zoo.DatasetCheck;
import org.deephem.zoo.ModelZip;
import org.deephem.zoo.Scorer;
import org.deephem.zoo.ScoresCsv;
import org.deephem.zoo.TargetsFile;
import org.deephem.zoo.TrainedModel;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "score", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Score miRNAs with a saved model zip; writes an id,score,logit CSV (higher = more likely essential).",
                "score is the probability, logit the network output before the sigmoid (it still ranks where the probability rounds to 1)."})
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
    @Option(names = {"-o", "--out"}, required = true, description = "output CSV (- for standard output)")
    Path out;

    @Override
    public Integer call() {
        threadsOption.apply();
        Outputs.requireNotInput("-o", out, Outputs.input("--model", model), Outputs.input("--data", input.data),
                Outputs.input("--fasta", input.fasta), Outputs.input("--matures", matures), Outputs.input("--targets", targets));
        if (input.data != null && (matures != null || targets != null || skipInvalid)) {
            throw new InputError("--matures, --targets and --skip-invalid go with --fasta, not --data");
        }
        org.deephem.zoo.Backend.start();
        domain = domain.strip().toLowerCase(java.util.Locale.ROOT); // any case, like the enum options
        long t0 = System.nanoTime();
        TrainedModel m = ModelZip.load(model);
        Scorer scorer = new Scorer(m);
        List<String> ids;
        double[] logits;
        if (input.data != null) {
            DeepHemDataset ds = DatasetReader.read(input.data);
            Domain d = switch (domain) {
                case "human" -> ds.target();
                case "mouse" -> ds.source();
                case "unlabelled-mouse" -> ds.unlabelledMouse();
                default -> throw new InputError("--domain must be human, mouse or unlabelled-mouse, not '" + domain + "'");
            };
            if (m.config().useInherent() && d.inherent() == null) throw InputError.at(input.data, "no inherent feature file for " + domain);
            DatasetCheck.requireInherentNames(m, ds.inherentNames(), input.data.resolve(domain.equals("human") ? Layout.HSA_FEATURE : Layout.MMU_FEATURE).toString());
            Map<String, Set<String>> tg = domain.equals("human") ? ds.humanTargets() : ds.mouseTargets();
            if (m.config().useMti()) {
                if (d.mtiPca() == null && (tg == null || m.pca() == null)) throw InputError.at(input.data, "no MTI features for " + domain);
                if (m.pca() != null && tg != null) {
                    say(DatasetCheck.requireKnownGenes(m, tg, input.data.toString()));
                } else {
                    say(DatasetCheck.requireSameBasis(m, ds));
                }
            }
            say(DatasetCheck.hashWarning(m, input.data));
            ids = d.ids();
            logits = scorer.logits(d, tg);
        } else {
            Skipped skipped = new Skipped();
            List<FastaRecord> recs = Fasta.readAll(input.fasta, skipInvalid ? skipped::add : null);
            List<Mature> ms = Mature.readFasta(matures);
            DatasetCheck.requireInherentNames(m, InherentFeatures.NAMES, "the features this build computes from sequences");
            ids = new ArrayList<>();
            List<String> seqs = new ArrayList<>();
            List<List<Mature>> mats = new ArrayList<>();
            for (FastaRecord r : recs) {
                String tooLong = scorer.lengthProblem(r.id(), r.sequence().length());
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
                say(DatasetCheck.requireKnownGenes(m, tg, targets.toString()));
            } else if (m.config().useMti()) {
                Progress.say("note: no --targets given; every sequence is scored as having no predicted targets");
            }
            logits = scorer.logitsOfSequences(ids, seqs, mats, tg);
        }
        ScoresCsv.write(out, ids, logits);
        Progress.say("scored %d miRNAs in %.2f s -> %s", ids.size(), (System.nanoTime() - t0) / 1e9, Outputs.describe(out));
        return 0;
    }

    private static void say(String line) {
        if (line != null) Progress.say("%s", line);
    }
}
