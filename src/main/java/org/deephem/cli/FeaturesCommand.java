package org.deephem.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.deephem.features.Dangles;
import org.deephem.features.FeatureTable;
import org.deephem.features.WindowRule;
import org.deephem.io.Outputs;
import org.deephem.io.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "features", mixinStandardHelpOptions = true,
        description = {"Compute the 18 inherent features, the MFE structure and the 3-mer counts for any FASTA of precursors.",
                "Without --matures, features 15-18 (mature lengths, count, seed GC) are 0: no annotation was given."})
final class FeaturesCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "precursor FASTA (RNA or DNA letters, one-line or wrapped; plain or gzip-compressed)")
    Path fasta;

    @Option(names = "--matures", description = "FASTA of mature miRNAs; a mature belongs to every precursor that contains its sequence")
    Path matures;

    @Option(names = "--skip-invalid", description = "leave out records with letters other than A/C/G/U/T, empty or too long, and name them on stderr, instead of stopping at the first")
    boolean skipInvalid;

    @Option(names = {"-o", "--out"}, required = true, description = "output CSV (- for standard output)")
    Path out;

    @Option(names = "--dangles", defaultValue = "2", paramLabel = "0|2",
            description = {"dangling-end energies of the folding: 2 = RNAfold's default (mismatch energies of both neighbours of every",
                    "helix end in the exterior loop and multiloops), 0 = none, like RNAfold -d0 (default: ${DEFAULT-VALUE})"})
    int dangles;

    @Option(names = "--window", defaultValue = "annotated", paramLabel = "annotated|canonical",
            description = {"annotated = each precursor as given; canonical = each re-cut to its pre-miRNA first, as build-dataset --window canonical",
                    "(placed by the --matures it contains on its MFE structure; without matures 60 nt centred on the terminal loop), with columns",
                    "annotated_length, window_start, window_end (1-based, inclusive), placement and clipped after the id (default: ${DEFAULT-VALUE})"})
    String window;

    @Override
    public Integer call() {
        FeatureTable.Spec spec = new FeatureTable.Spec(fasta, matures, skipInvalid, out, Dangles.requireOption(dangles, "--dangles"),
                WindowRule.parse(window, "--window"));
        long n = FeatureTable.write(spec);
        Progress.say("wrote features of %d sequences to %s", n, Outputs.describe(out));
        return 0;
    }
}
