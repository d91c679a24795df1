package org.deephem.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.deephem.explain.Explainer;
import org.deephem.io.InputError;
import org.deephem.io.Outputs;
import org.deephem.scoring.MirbaseSpecies;
import org.deephem.scoring.ScoringJob;
import org.deephem.scoring.ScoringSpec;
import org.deephem.zoo.ShippedModels;
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
        ScoringJob.run(new ScoringSpec(model, input.data, domain, input.fasta, species, matures, targets, skipInvalid, out,
                explain, explainSteps, report, top, show, recordExpected));
        return 0;
    }
}
