package org.deephem.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.deephem.features.Dangles;
import org.deephem.features.Fold;
import org.deephem.features.HairpinWindow;
import org.deephem.features.WindowRule;
import org.deephem.features.InherentFeatures;
import org.deephem.features.Kmers;
import org.deephem.features.Mature;
import org.deephem.features.RnaFolder;
import org.deephem.io.Outputs;
import org.deephem.io.Delimited;
import org.deephem.io.Fasta;
import org.deephem.io.FastaRecord;
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

    private static final int CHUNK = 256;

    @Override
    public Integer call() {
        Outputs.requireNotInput("-o", out, Outputs.input("the FASTA", fasta), Outputs.input("--matures", matures));
        Outputs.requireWritable("-o", out, Outputs.Place.FILE);
        RnaFolder folder = new RnaFolder(Dangles.requireOption(dangles, "--dangles"));
        WindowRule rule = WindowRule.parse(window, "--window");
        if (rule == WindowRule.CANONICAL) Progress.say("%s", rule.describe());
        List<Mature> ms = Mature.readFasta(matures);
        long[] count = {0};
        Skipped skipped = new Skipped();
        // the records are streamed, so the bar's total comes from a quick count of the headers first
        long total = Fasta.countRecords(fasta);
        Outputs.write(out, os -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8));
            w.write("id," + (rule == WindowRule.CANONICAL ? String.join(",", WINDOW_COLUMNS) + "," : "")
                    + String.join(",", InherentFeatures.NAMES) + ",structure");
            for (String k : Kmers.words()) w.write(",kmer_" + k);
            w.write('\n');
            List<FastaRecord> chunk = new ArrayList<>(CHUNK);
            try (Progress.Bar bar = Progress.bar("folding " + fasta.getFileName(), total, false)) {
                // a skipped record is a step too, so that the bar still ends at the total
                Fasta.read(fasta, r -> {
                    try {
                        chunk.add(RnaFolder.requireSupported(fasta, r));
                    } catch (org.deephem.io.InputError e) {
                        if (!skipInvalid) throw e;
                        skipped.add(new Fasta.Invalid(r.id(), r.line(), e.getMessage()));
                        bar.step();
                    }
                    if (chunk.size() == CHUNK) count[0] += flush(chunk, ms, folder, rule, w, bar);
                }, skipInvalid ? inv -> { skipped.add(inv); bar.step(); } : null);
                count[0] += flush(chunk, ms, folder, rule, w, bar);
            }
            // nothing valid: an error, not a file with a header alone (the atomic write leaves nothing)
            if (count[0] == 0) {
                throw org.deephem.io.InputError.at(fasta, "no record left to compute features of"
                        + (skipped.count() == 0 ? "" : " (--skip-invalid left out all " + skipped.count() + ": " + skipped.summary() + ")"));
            }
            w.flush();
        });
        skipped.report(fasta);
        Progress.say("wrote features of %d sequences to %s", count[0], Outputs.describe(out));
        return 0;
    }

    /** Folds a chunk in parallel, writes its rows in input order, empties it; returns how many. */
    /** The window columns of a canonical table, after the id. */
    static final List<String> WINDOW_COLUMNS = List.of("annotated_length", "window_start", "window_end", "placement", "clipped");

    private static int flush(List<FastaRecord> chunk, List<Mature> ms, RnaFolder folder, WindowRule rule, BufferedWriter w, Progress.Bar bar) {
        Fold[] folds = new Fold[chunk.size()];
        String[] seqs = new String[chunk.size()];
        HairpinWindow[] windows = new HairpinWindow[chunk.size()];
        java.util.stream.IntStream.range(0, chunk.size()).parallel().forEach(i -> {
            String s = chunk.get(i).sequence();
            Fold f = folder.fold(s);
            if (rule == WindowRule.CANONICAL) {
                // placed on the annotated record's structure, then the window folded on its own
                windows[i] = HairpinWindow.of(s, f, Mature.containedIn(s, ms));
                s = windows[i].cut(s);
                f = folder.fold(s);
            }
            seqs[i] = s;
            folds[i] = f;
            bar.step();
        });
        try {
            for (int i = 0; i < chunk.size(); i++) {
                FastaRecord r = chunk.get(i);
                String s = seqs[i];
                double[] f = InherentFeatures.compute(s, folds[i], Mature.containedIn(s, ms));
                StringBuilder sb = new StringBuilder(Delimited.csvCell(r.id()));
                if (windows[i] != null) {
                    HairpinWindow h = windows[i];
                    sb.append(',').append(r.sequence().length()).append(',').append(h.start() + 1).append(',').append(h.end())
                            .append(',').append(h.placement().label).append(',').append(h.clipped() ? 1 : 0);
                }
                for (double v : f) sb.append(',').append(String.format(Locale.ROOT, "%.6g", v));
                sb.append(',').append(folds[i].structure());
                for (int c : Kmers.counts(s)) sb.append(',').append(c);
                w.write(sb.append('\n').toString());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("could not write features: " + e.getMessage(), e);
        }
        int n = chunk.size();
        chunk.clear();
        return n;
    }
}
