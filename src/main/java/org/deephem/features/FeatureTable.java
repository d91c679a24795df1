package org.deephem.features;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deephem.io.Delimited;
import org.deephem.io.Fasta;
import org.deephem.io.FastaRecord;
import org.deephem.io.InputError;
import org.deephem.io.Outputs;
import org.deephem.io.Progress;

/**
 * The feature table of any FASTA ({@code features}): per precursor the 18 inherent features, its
 * MFE structure and its 3-mer counts, on the precursor as given or on its canonical window (then
 * with where the window lies). Records are streamed and folded in chunks, so a large FASTA never
 * sits in memory; nothing is written unless at least one record is computed.
 */
public final class FeatureTable {
    private FeatureTable() {}

    /**
     * What to compute.
     *
     * @param matures     FASTA of matures (null: none, features 15-18 are 0)
     * @param skipInvalid leave out records that cannot be folded and name them, instead of stopping
     * @param out         the CSV ("-": standard output)
     * @param dangles     folding setting (0 or 2, checked)
     */
    public record Spec(Path fasta, Path matures, boolean skipInvalid, Path out, int dangles, WindowRule window) {}

    private static final int CHUNK = 256;

    /** The window columns of a canonical table, after the id. */
    public static final List<String> WINDOW_COLUMNS = List.of("annotated_length", "window_start", "window_end", "placement", "clipped");

    /** Writes the table of {@code spec}; returns how many records it holds. */
    public static long write(Spec spec) {
        Path fasta = spec.fasta(), out = spec.out();
        WindowRule rule = spec.window();
        boolean skipInvalid = spec.skipInvalid();
        Outputs.requireNotInput("-o", out, Outputs.input("the FASTA", fasta), Outputs.input("--matures", spec.matures()));
        Outputs.requireWritable("-o", out, Outputs.Place.FILE);
        RnaFolder folder = new RnaFolder(spec.dangles());
        if (rule == WindowRule.CANONICAL) Progress.say("%s", rule.describe());
        List<Mature> ms = Mature.readFasta(spec.matures());
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
                    } catch (InputError e) {
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
                throw InputError.at(fasta, "no record left to compute features of"
                        + (skipped.count() == 0 ? "" : " (--skip-invalid left out all " + skipped.count() + ": " + skipped.summary() + ")"));
            }
            w.flush();
        });
        skipped.report(fasta);
        return count[0];
    }

    /** Folds a chunk in parallel, writes its rows in input order, empties it; returns how many. */
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
