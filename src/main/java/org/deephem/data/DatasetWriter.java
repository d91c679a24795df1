package org.deephem.data;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.deephem.features.HairpinWindow;
import org.deephem.features.InherentFeatures;
import org.deephem.io.AtomicFiles;
import org.deephem.io.Delimited;
import org.deephem.io.Json;
import org.deephem.io.Xlsx;

/**
 * Writes a {@link BuiltDataset} as a DeepHEM-layout folder, atomically as a whole, replacing only
 * a folder this program wrote ({@link #OWNED}) or an empty one.
 */
public final class DatasetWriter {
    private DatasetWriter() {}

    /** A dataset folder this program wrote: its {@code dataset.json} and the layout's files, nothing else. */
    public static final AtomicFiles.Owned OWNED = new AtomicFiles.Owned(Layout.MANIFEST, Layout.ALL);

    /**
     * Refuses, in one line naming {@code what} (the option), a dataset folder that may not be
     * replaced: only a new folder, an empty one or a dataset folder this program wrote and holding
     * nothing else is. Commands call it before any work; {@link #write} checks again.
     */
    public static void requireReplaceable(String what, Path out) {
        AtomicFiles.requireReplaceable(what, out, OWNED);
    }

    public static void write(Path out, BuiltDataset d) {
        AtomicFiles.writeFolder(out, OWNED, dir -> {
            sequences(dir.resolve(Layout.SOURCE), d.sourceIds(), d.sourceSeqs());
            List<Object[]> labels = new ArrayList<>();
            for (int i = 0; i < d.sourceIds().size(); i++) labels.add(new Object[] {d.sourceIds().get(i), d.labels()[i]});
            Xlsx.write(dir.resolve(Layout.LABELS), List.of("ID", "label"), labels);
            if (!d.mouseIds().isEmpty()) sequences(dir.resolve(Layout.UNLABELLED_MOUSE), d.mouseIds(), d.mouseSeqs());
            sequences(dir.resolve(Layout.TARGET), d.humanIds(), d.humanSeqs());
            List<String> mouseAll = new ArrayList<>(d.sourceIds());
            mouseAll.addAll(d.mouseIds());
            targets(dir.resolve(Layout.MMU_MTI_TSV), mouseAll, d.mouseTargets());
            targets(dir.resolve(Layout.HSA_MTI_TSV), d.humanIds(), d.humanTargets());
            if (d.inherent() != null) {
                block(dir.resolve(Layout.MMU_FEATURE), InherentFeatures.NAMES, mouseAll, d.inherent());
                block(dir.resolve(Layout.HSA_FEATURE), InherentFeatures.NAMES, d.humanIds(), d.inherent());
            }
            if (d.pca() != null) {
                block(dir.resolve(Layout.MMU_PCA), d.pca().names(), mouseAll, d.pcaScores());
                block(dir.resolve(Layout.HSA_PCA), d.pca().names(), d.humanIds(), d.pcaScores());
                d.pca().write(dir.resolve(Layout.PCA_MODEL));
            }
            if (d.conservation() != null) block(dir.resolve(Layout.CONSERVATION), d.conservationColumns(), d.humanIds(), d.conservation());
            if (d.dsw() != null) block(dir.resolve(Layout.DSW), d.dswColumns(), d.humanIds(), d.dsw());
            if (d.windows() != null) {
                List<String> all = new ArrayList<>(mouseAll);
                all.addAll(d.humanIds());
                windows(dir.resolve(Layout.WINDOWS), all, d.annotatedLengths(), d.windows());
            }
            Json.writeFile(dir.resolve(Layout.MANIFEST), d.manifest());
        });
    }

    /** Columns of {@link Layout#WINDOWS}; positions are 1-based and inclusive on the annotated precursor, as in miRBase. */
    public static final List<String> WINDOW_COLUMNS = List.of("ID", "annotated_length", "window_start", "window_end", "placement",
            "clipped", "arm_by_name", "no_pair_in_mature");

    private static void windows(Path f, List<String> ids, Map<String, Integer> lengths, Map<String, HairpinWindow> windows) throws IOException {
        try (Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            w.write(Delimited.tsvLine(WINDOW_COLUMNS));
            for (String id : ids) {
                HairpinWindow h = windows.get(id);
                w.write(Delimited.tsvLine(List.of(id, Integer.toString(lengths.get(id)), Integer.toString(h.start() + 1),
                        Integer.toString(h.end()), h.placement().label, flag(h.clipped()), flag(h.armByName()), flag(h.noPairInMature()))));
            }
        }
    }

    private static String flag(boolean b) {
        return b ? "1" : "0";
    }

    private static void sequences(Path f, List<String> ids, List<String> seqs) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) rows.add(new Object[] {ids.get(i), seqs.get(i)});
        Xlsx.write(f, List.of("ID", "sequence"), rows);
    }

    private static void block(Path f, List<String> names, List<String> ids, Map<String, double[]> values) {
        List<String> header = new ArrayList<>();
        header.add("ID");
        header.addAll(names);
        List<Object[]> rows = new ArrayList<>();
        for (String id : ids) {
            double[] v = values.get(id);
            Object[] row = new Object[v.length + 1];
            row[0] = id;
            for (int c = 0; c < v.length; c++) row[c + 1] = v[c];
            rows.add(row);
        }
        Xlsx.write(f, header, rows);
    }

    private static void targets(Path f, List<String> ids, Map<String, Set<String>> targets) throws IOException {
        try (Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            w.write(Delimited.tsvLine(List.of("ID", "gene")));
            for (String id : ids) {
                Set<String> genes = targets.get(id);
                if (genes == null) continue;
                for (String g : new TreeSet<>(genes)) w.write(Delimited.tsvLine(List.of(id, g)));
            }
        }
    }
}
