package org.deephem.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.deephem.data.DeepHemDataset;
import org.deephem.data.DatasetReader;
import org.deephem.data.Domain;
import org.deephem.features.Mature;
import org.deephem.io.Fasta;
import org.deephem.io.FastaRecord;
import org.deephem.io.InputError;
import org.deephem.io.Progress;
import org.deephem.io.Table;
import org.deephem.io.Delimited;
import org.deephem.zoo.ModelZip;
import org.deephem.zoo.Scorer;
import org.deephem.zoo.TrainedModel;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "score", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Score miRNAs with a saved model zip; writes an id,score CSV (higher = more likely essential).")
final class ScoreCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "model zip")
    Path model;

    @ArgGroup(multiplicity = "1")
    Input input;

    static final class Input {
        @Option(names = "--data", description = "DeepHEM-layout folder")
        Path data;
        @Option(names = "--fasta", description = "FASTA of precursors")
        Path fasta;
    }

    @Option(names = "--domain", defaultValue = "human", description = "with --data: human, mouse (labelled), unlabelled-mouse (default: ${DEFAULT-VALUE})")
    String domain;
    @Option(names = "--matures", description = "with --fasta: FASTA of matures (features 15-18 are 0 without it)")
    Path matures;
    @Option(names = "--targets", description = "with --fasta: TSV with a header line and columns ID, gene (one predicted target per line; without it: no targets)")
    Path targets;
    @Option(names = {"-o", "--out"}, required = true, description = "output CSV")
    Path out;

    @Override
    public Integer call() {
        org.deephem.zoo.Backend.start();
        long t0 = System.nanoTime();
        TrainedModel m = ModelZip.load(model);
        Scorer scorer = new Scorer(m);
        List<String> ids;
        double[] scores;
        if (input.data != null) {
            DeepHemDataset ds = DatasetReader.read(input.data);
            Domain d = switch (domain) {
                case "human" -> ds.target();
                case "mouse" -> ds.source();
                case "unlabelled-mouse" -> ds.unlabelledMouse();
                default -> throw new InputError("--domain must be human, mouse or unlabelled-mouse, not '" + domain + "'");
            };
            if (m.config().useInherent() && d.inherent() == null) throw InputError.at(input.data, "no inherent feature file for " + domain);
            Map<String, Set<String>> tg = domain.equals("human") ? ds.humanTargets() : ds.mouseTargets();
            if (m.config().useMti() && d.mtiPca() == null && (tg == null || m.pca() == null)) {
                throw InputError.at(input.data, "no MTI features for " + domain);
            }
            ids = d.ids();
            scores = scorer.score(d, tg);
        } else {
            List<FastaRecord> recs = Fasta.readAll(input.fasta);
            List<Mature> ms = Mature.readFasta(matures);
            ids = new ArrayList<>();
            List<String> seqs = new ArrayList<>();
            List<List<Mature>> mats = new ArrayList<>();
            for (FastaRecord r : recs) {
                org.deephem.features.RnaFolder.requireSupported(input.fasta, r);
                ids.add(r.id());
                seqs.add(r.sequence());
                mats.add(Mature.containedIn(r.sequence(), ms));
            }
            Map<String, Set<String>> tg = new java.util.HashMap<>();
            if (targets != null) {
                Table t = Delimited.read(targets);
                int g = t.header().size() > 1 ? 1 : t.column("gene");
                for (int r = 0; r < t.rowCount(); r++) tg.computeIfAbsent(t.text(r, 0), k -> new java.util.HashSet<>()).add(t.text(r, g).toUpperCase(Locale.ROOT));
            } else if (m.config().useMti()) {
                Progress.say("note: no --targets given; every sequence is scored as having no predicted targets");
            }
            scores = scorer.scoreSequences(ids, seqs, mats, tg);
        }
        org.deephem.zoo.ScoresCsv.write(out, ids, scores);
        Progress.say("scored %d miRNAs in %.2f s -> %s", ids.size(), (System.nanoTime() - t0) / 1e9, out);
        return 0;
    }
}
