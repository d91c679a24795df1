package org.deephem.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deephem.features.Dangles;
import org.deephem.features.HairpinWindow;
import org.deephem.features.WindowRule;
import org.deephem.io.Delimited;
import org.deephem.io.InputError;
import org.deephem.io.Rna;
import org.deephem.io.Table;
import org.deephem.io.Xlsx;

/**
 * Reads and validates a DeepHEM-layout folder. Every problem is a one-line {@link InputError}
 * naming file, row and column: missing file or column, duplicate IDs, IDs not matched between
 * partner files, non-ACGU letters, empty sequences, non-numeric or non-finite cells, labels
 * other than 0/1.
 */
public final class DatasetReader {
    private DatasetReader() {}

    public static DeepHemDataset read(Path dir) {
        if (!Files.isDirectory(dir)) throw InputError.at(dir, "dataset folder not found");
        Sequences src = sequences(require(dir, Layout.SOURCE));
        int[] labels = labels(require(dir, Layout.LABELS), src);
        Path unl = dir.resolve(Layout.UNLABELLED_MOUSE);
        Sequences extra = Files.exists(unl) ? sequences(unl) : new Sequences(List.of(), List.of());
        Sequences tgt = sequences(require(dir, Layout.TARGET));
        checkDisjoint(unl, extra.ids, src.ids, Layout.SOURCE);

        List<String> mouseIds = new ArrayList<>(src.ids);
        mouseIds.addAll(extra.ids);
        Block mmuFeat = optionalBlock(dir.resolve(Layout.MMU_FEATURE), mouseIds);
        Block hsaFeat = optionalBlock(dir.resolve(Layout.HSA_FEATURE), tgt.ids);
        Block mmuPca = optionalBlock(dir.resolve(Layout.MMU_PCA), mouseIds);
        Block hsaPca = optionalBlock(dir.resolve(Layout.HSA_PCA), tgt.ids);
        sameColumns(mmuFeat, hsaFeat, dir.resolve(Layout.HSA_FEATURE), Layout.MMU_FEATURE);
        sameColumns(mmuPca, hsaPca, dir.resolve(Layout.HSA_PCA), Layout.MMU_PCA);

        WindowRule rule = window(dir);
        Windows w = windows(dir, rule, List.of(src, extra, tgt));
        Domain source = new Domain("mouse (labelled)", src.ids, src.seqs, rows(mmuFeat, src.ids), rows(mmuPca, src.ids), w.lengths(src.ids));
        Domain mouse = new Domain("mouse (unlabelled)", extra.ids, extra.seqs, rows(mmuFeat, extra.ids), rows(mmuPca, extra.ids), w.lengths(extra.ids));
        Domain target = new Domain("human", tgt.ids, tgt.seqs, rows(hsaFeat, tgt.ids), rows(hsaPca, tgt.ids), w.lengths(tgt.ids));

        Map<String, Set<String>> mmuMti = optionalTargets(dir, Layout.MMU_MTI_TSV, Layout.MMU_MTI_XLSX, mouseIds);
        Map<String, Set<String>> hsaMti = optionalTargets(dir, Layout.HSA_MTI_TSV, Layout.HSA_MTI_XLSX, tgt.ids);
        Map<String, Double> cons = optionalScore(dir.resolve(Layout.CONSERVATION), tgt.ids);
        Map<String, Double> dsw = optionalScore(dir.resolve(Layout.DSW), tgt.ids);
        return new DeepHemDataset(dir, source, labels, mouse, target,
                hsaFeat == null ? null : hsaFeat.names, hsaPca == null ? null : hsaPca.names,
                mmuMti, hsaMti, cons, dsw, rule.label, w.placed());
    }

    /**
     * The window the folder's sequences and features are on, from its {@code dataset.json}:
     * {@link WindowRule#ANNOTATED} for folders without one or built before windows existed.
     */
    public static WindowRule window(Path dir) {
        Path file = dir.resolve(Layout.MANIFEST);
        if (!Files.isRegularFile(file)) return WindowRule.ANNOTATED;
        Map<?, ?> m = org.deephem.io.Json.readFile(file, Map.class);
        @SuppressWarnings("unchecked")
        Map<String, ?> manifest = (Map<String, ?>) m;
        return WindowRule.recorded(manifest, file.toString());
    }

    /** A canonical folder's windows.tsv: annotated length and window of every ID (empty maps for an annotated folder). */
    record Windows(Map<String, Integer> annotated, Map<String, HairpinWindow> placed) {
        int[] lengths(List<String> ids) {
            if (annotated.isEmpty()) return null;
            int[] out = new int[ids.size()];
            for (int i = 0; i < out.length; i++) out[i] = annotated.get(ids.get(i));
            return out;
        }
    }

    private static Windows windows(Path dir, WindowRule rule, List<Sequences> all) {
        Path file = dir.resolve(Layout.WINDOWS);
        boolean present = Files.exists(file);
        if (rule == WindowRule.ANNOTATED) {
            if (present) throw InputError.at(file, "present, but " + Layout.MANIFEST + " records no canonical window (\"window\": {\"rule\": \"canonical\"})");
            return new Windows(Map.of(), Map.of());
        }
        if (!present) throw InputError.at(file, "required file is missing (" + Layout.MANIFEST + " records a canonical window)");
        Map<String, String> seqOf = new HashMap<>();
        for (Sequences s : all) for (int i = 0; i < s.ids.size(); i++) seqOf.put(s.ids.get(i), s.seqs.get(i));
        Table t = Delimited.read(file);
        List<String> ids = t.ids();
        int cLen = t.column("annotated_length"), cStart = t.column("window_start"), cEnd = t.column("window_end"),
                cPl = t.column("placement"), cClip = t.column("clipped"), cName = t.column("arm_by_name"), cPair = t.column("no_pair_in_mature");
        Map<String, Integer> lengths = new HashMap<>();
        Map<String, HairpinWindow> placed = new HashMap<>();
        for (int r = 0; r < ids.size(); r++) {
            String id = ids.get(r);
            String seq = seqOf.get(id);
            if (seq == null) throw InputError.at(file, Table.sheetRow(r), t.header().get(0), "ID '" + id + "' is not in the sequence files");
            int n = whole(t, r, cLen), start = whole(t, r, cStart), end = whole(t, r, cEnd);
            if (n < 1) throw InputError.at(file, Table.sheetRow(r), t.header().get(cLen), "annotated length " + n + " is not positive");
            if (start < 1 || end < start || end > n) {
                throw InputError.at(file, Table.sheetRow(r), t.header().get(cEnd), "window " + start + ".." + end + " does not lie in 1.." + n);
            }
            if (end - start + 1 != seq.length()) {
                throw InputError.at(file, Table.sheetRow(r), t.header().get(cEnd), "window " + start + ".." + end + " has " + (end - start + 1)
                        + " nt but the sequence of '" + id + "' has " + seq.length());
            }
            HairpinWindow.Placement p = HairpinWindow.Placement.ofLabel(t.text(r, cPl));
            if (p == null) {
                throw InputError.at(file, Table.sheetRow(r), t.header().get(cPl), "'" + t.text(r, cPl) + "' is not one of "
                        + java.util.Arrays.stream(HairpinWindow.Placement.values()).map(x -> x.label).toList());
            }
            lengths.put(id, n);
            placed.put(id, new HairpinWindow(start - 1, end, p, flag(t, r, cClip), flag(t, r, cName), flag(t, r, cPair)));
        }
        for (String id : seqOf.keySet()) {
            if (!lengths.containsKey(id)) throw InputError.at(file, "ID '" + id + "' of the sequence files has no row here");
        }
        return new Windows(lengths, placed);
    }

    private static int whole(Table t, int r, int c) {
        double v = t.number(r, c);
        if (v != Math.rint(v) || Math.abs(v) > 1e9) throw InputError.at(t.source(), Table.sheetRow(r), t.header().get(c), "'" + t.text(r, c) + "' is not a whole number");
        return (int) v;
    }

    private static boolean flag(Table t, int r, int c) {
        String v = t.text(r, c);
        if (v.equals("1")) return true;
        if (v.equals("0")) return false;
        throw InputError.at(t.source(), Table.sheetRow(r), t.header().get(c), "'" + v + "' is not 0 or 1");
    }

    /**
     * The folding dangles the folder's features were computed with, from its {@code dataset.json}
     * ({@link Dangles#UNRECORDED} for folders without one or built before it was recorded).
     */
    public static int foldingDangles(Path dir) {
        Path file = dir.resolve(Layout.MANIFEST);
        if (!Files.isRegularFile(file)) return Dangles.UNRECORDED;
        Map<?, ?> m = org.deephem.io.Json.readFile(file, Map.class);
        @SuppressWarnings("unchecked")
        Map<String, ?> manifest = (Map<String, ?>) m;
        return Dangles.recorded(manifest, file.toString());
    }

    /** The folder's {@code kind} from its dataset.json ("real", "synthetic demo …", …), or null if it records none. */
    public static String kind(Path dir) {
        Path file = dir.resolve(Layout.MANIFEST);
        if (!Files.isRegularFile(file)) return null;
        Object k = org.deephem.io.Json.readFile(file, Map.class).get("kind");
        return k instanceof String s ? s : null;
    }

    /** True if the folder is synthetic demo data (its dataset.json says so). */
    public static boolean isSynthetic(Path dir) {
        String k = kind(dir);
        return k != null && k.startsWith("synthetic");
    }

    private static Path require(Path dir, String name) {
        Path p = dir.resolve(name);
        if (!Files.isRegularFile(p)) throw InputError.at(p, "required file is missing");
        return p;
    }

    record Sequences(List<String> ids, List<String> seqs) {}

    /** ID + sequence sheet. */
    static Sequences sequences(Path file) {
        Table t = Delimited.readAny(file);
        int seqCol = t.header().size() > 1 ? 1 : t.column("sequence");
        List<String> ids = t.ids();
        List<String> seqs = new ArrayList<>(ids.size());
        for (int r = 0; r < t.rowCount(); r++) {
            seqs.add(Rna.normalise(t.text(r, seqCol), file, Table.sheetRow(r), "column '" + t.header().get(seqCol) + "'"));
        }
        if (ids.isEmpty()) throw InputError.at(file, "no data rows");
        return new Sequences(ids, seqs);
    }

    private static int[] labels(Path file, Sequences src) {
        Table t = Delimited.readAny(file);
        if (t.header().size() < 2) throw InputError.at(file, 1, "missing column 'label'" + Xlsx.dataElsewhere(file, h -> h.size() >= 2));
        List<String> ids = t.ids();
        Map<String, Integer> label = new HashMap<>();
        for (int r = 0; r < t.rowCount(); r++) {
            String v = t.text(r, 1);
            int y;
            if (v.equals("1") || v.equals("1.0")) y = 1;
            else if (v.equals("0") || v.equals("0.0")) y = 0;
            else throw InputError.at(file, Table.sheetRow(r), t.header().get(1), "label '" + v + "' is not 0 or 1");
            label.put(ids.get(r), y);
        }
        matchIds(file, ids, Layout.SOURCE, src.ids);
        int[] out = new int[src.ids.size()];
        for (int i = 0; i < out.length; i++) out[i] = label.get(src.ids.get(i));
        return out;
    }

    /** Both files must list exactly the same IDs. */
    private static void matchIds(Path file, List<String> ids, String partnerName, List<String> partnerIds) {
        Set<String> partner = new HashSet<>(partnerIds);
        for (int r = 0; r < ids.size(); r++) {
            if (!partner.contains(ids.get(r))) {
                throw InputError.at(file, Table.sheetRow(r), "ID", "ID '" + ids.get(r) + "' is not in " + partnerName);
            }
        }
        Set<String> mine = new HashSet<>(ids);
        for (String id : partnerIds) {
            if (!mine.contains(id)) throw InputError.at(file, "ID '" + id + "' of " + partnerName + " has no row here");
        }
    }

    private static void checkDisjoint(Path file, List<String> ids, List<String> other, String otherName) {
        Set<String> o = new HashSet<>(other);
        for (int r = 0; r < ids.size(); r++) {
            if (o.contains(ids.get(r))) {
                throw InputError.at(file, Table.sheetRow(r), "ID", "ID '" + ids.get(r) + "' is also in " + otherName);
            }
        }
    }

    record Block(Path file, List<String> names, Map<String, double[]> rows) {}

    /** An ID + numeric-columns sheet whose IDs must equal {@code expectedIds}. */
    private static Block optionalBlock(Path file, List<String> expectedIds) {
        if (!Files.exists(file)) return null;
        Table t = Delimited.readAny(file);
        if (t.header().size() < 2) throw InputError.at(file, 1, "no feature columns after the ID column" + Xlsx.dataElsewhere(file, h -> h.size() >= 2));
        List<String> ids = t.ids();
        double[][] m = t.numericBlock(1);
        matchIds(file, ids, "the sequence files", expectedIds);
        Map<String, double[]> rows = new HashMap<>();
        for (int r = 0; r < ids.size(); r++) rows.put(ids.get(r), m[r]);
        return new Block(file, t.header().subList(1, t.header().size()), rows);
    }

    private static void sameColumns(Block a, Block b, Path bFile, String aName) {
        if (a == null || b == null) return;
        if (!a.names.equals(b.names)) {
            throw InputError.at(bFile, 1, "feature columns differ from " + aName + ": "
                    + org.deephem.io.Columns.difference(b.names, a.names, aName + " has", 2));
        }
    }

    private static double[][] rows(Block b, List<String> ids) {
        if (b == null) return null;
        double[][] out = new double[ids.size()][];
        for (int i = 0; i < ids.size(); i++) out[i] = b.rows.get(ids.get(i));
        return out;
    }

    /** Long-form {@code ID, gene} TSV, or a wide 0/1 xlsx (one column per gene). */
    private static Map<String, Set<String>> optionalTargets(Path dir, String tsv, String xlsx, List<String> ids) {
        Set<String> known = new HashSet<>(ids);
        Map<String, Set<String>> out = new LinkedHashMap<>();
        Path p = dir.resolve(tsv);
        if (Files.exists(p)) {
            Table t = Delimited.read(p);
            int gene = t.column("gene");
            for (int r = 0; r < t.rowCount(); r++) {
                String id = t.text(r, 0);
                if (!known.contains(id)) throw InputError.at(p, Table.sheetRow(r), t.header().get(0), "ID '" + id + "' is not in the sequence files");
                String g = t.text(r, gene);
                if (g.isEmpty()) throw InputError.at(p, Table.sheetRow(r), "gene", "empty gene name");
                out.computeIfAbsent(id, k -> new HashSet<>()).add(g.toUpperCase(java.util.Locale.ROOT));
            }
            return out;
        }
        p = dir.resolve(xlsx);
        if (!Files.exists(p)) return null;
        final Path file = p;
        List<String> header = new ArrayList<>();
        Xlsx.stream(p, (row, cells) -> {
            if (header.isEmpty()) {
                for (String c : cells) header.add(c.strip().toUpperCase(java.util.Locale.ROOT));
                return;
            }
            String id = cells.length > 0 ? cells[0].strip() : "";
            if (!known.contains(id)) throw InputError.at(file, row, header.get(0), "ID '" + id + "' is not in the sequence files");
            if (out.containsKey(id)) throw InputError.at(file, row, header.get(0), "duplicate ID '" + id + "'");
            Set<String> genes = new HashSet<>();
            for (int c = 1; c < cells.length; c++) {
                String v = cells[c].strip();
                if (v.isEmpty() || v.equals("0")) continue;
                if (!v.equals("1")) throw InputError.at(file, row, header.get(c), "'" + v + "' is not 0 or 1");
                genes.add(header.get(c));
            }
            out.put(id, genes);
        });
        // an empty first sheet would silently mean "no targets at all"
        if (header.isEmpty()) throw InputError.at(file, "the first sheet is empty (no header row)" + Xlsx.dataElsewhere(file, h -> !h.isEmpty()));
        out.values().removeIf(Set::isEmpty);
        return out;
    }

    /**
     * The TargetScan family class of each human precursor (column {@code targetscan_class} of
     * {@code Conservation score.xlsx}, −1 = no TargetScan family), or null when the dataset has
     * no such column. An evaluation indicator, like conservation: never for training.
     */
    public static Map<String, Double> targetScanClass(Path dir, List<String> humanIds) {
        Path file = dir.resolve(Layout.CONSERVATION);
        if (!Files.exists(file)) return null;
        Table t = Delimited.readAny(file);
        for (int c = 1; c < t.header().size(); c++) {
            if (t.header().get(c).strip().equalsIgnoreCase("targetscan_class")) return scoreColumn(t, c, humanIds);
        }
        return null;
    }

    /** ID + score sheet; IDs must be human IDs (missing humans are allowed and reported by inspect). */
    private static Map<String, Double> optionalScore(Path file, List<String> humanIds) {
        if (!Files.exists(file)) return null;
        Table t = Delimited.readAny(file);
        return scoreColumn(t, t.header().size() > 1 ? 1 : t.column("score"), humanIds);
    }

    private static Map<String, Double> scoreColumn(Table t, int c, List<String> humanIds) {
        Path file = t.source();
        List<String> ids = t.ids();
        Set<String> known = new HashSet<>(humanIds);
        Map<String, Double> out = new LinkedHashMap<>();
        for (int r = 0; r < ids.size(); r++) {
            if (!known.contains(ids.get(r))) {
                throw InputError.at(file, Table.sheetRow(r), t.header().get(0), "ID '" + ids.get(r) + "' is not in " + Layout.TARGET);
            }
            out.put(ids.get(r), t.number(r, c));
        }
        return out;
    }
}
