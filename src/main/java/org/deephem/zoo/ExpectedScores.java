package org.deephem.zoo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.deephem.features.Mature;
import org.deephem.io.Delimited;
import org.deephem.io.InputError;
import org.deephem.io.Outputs;
import org.deephem.io.Table;

/**
 * {@code <model>.expected.csv} beside a model (or ensemble) zip: a few precursors with
 * everything needed to score them again — sequence, matures ({@code name=SEQ;…}), predicted
 * target genes ({@code GENE;…}) — and the score the model gave them when it was made
 * ({@code score --fasta … --record-expected}). {@link #check} scores them again; the shipped-model
 * test runs it on every zip in {@code model-zoo/} that has such a file, so that a change that
 * alters what an old model says is caught.
 */
public final class ExpectedScores {
    public static final List<String> COLUMNS = List.of("id", "sequence", "matures", "targets", "score");
    public static final String SUFFIX = ".expected.csv";

    private ExpectedScores() {}

    /** {@code model-zoo/x.zip} → {@code model-zoo/x.expected.csv}. */
    public static Path fileFor(Path zip) {
        String n = String.valueOf(zip.getFileName());
        String stem = n.toLowerCase(Locale.ROOT).endsWith(".zip") ? n.substring(0, n.length() - 4) : n;
        return zip.resolveSibling(stem + SUFFIX);
    }

    /** One recorded precursor. */
    public record Row(String id, String sequence, List<Mature> matures, Set<String> targets, double score) {}

    public static void write(Path file, Path zip, List<String> ids, List<String> seqs, List<List<Mature>> matures,
                             Map<String, Set<String>> targets, double[] scores) {
        StringBuilder sb = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        for (int i = 0; i < ids.size(); i++) {
            List<String> ms = new ArrayList<>();
            for (Mature m : matures.get(i)) {
                if (m.name().contains(";") || m.name().contains("=")) throw new InputError("--record-expected: mature name '" + m.name() + "' contains ';' or '=', which this file uses as separators");
                ms.add(m.name() + "=" + m.sequence());
            }
            Set<String> genes = new TreeSet<>(targets.getOrDefault(ids.get(i), Set.of()));
            for (String g : genes) if (g.contains(";")) throw new InputError("--record-expected: target gene '" + g + "' contains ';', which this file uses as separator");
            sb.append(Delimited.csvLine(List.of(ids.get(i), seqs.get(i), String.join(";", ms), String.join(";", genes), ScoresCsv.decimal(scores[i]))));
        }
        Outputs.writeString(file, sb.toString());
    }

    public static List<Row> read(Path file) {
        Table t = Delimited.read(file);
        int id = t.column("id"), seq = t.column("sequence"), mat = t.column("matures"), tg = t.column("targets"), sc = t.column("score");
        List<Row> out = new ArrayList<>();
        for (int r = 0; r < t.rowCount(); r++) {
            List<Mature> ms = new ArrayList<>();
            for (String m : split(t.text(r, mat))) {
                int eq = m.indexOf('=');
                if (eq <= 0) throw InputError.at(file, Table.sheetRow(r), "matures", "expected name=SEQUENCE, found '" + m + "'");
                ms.add(new Mature(m.substring(0, eq), m.substring(eq + 1)));
            }
            out.add(new Row(t.text(r, id), t.text(r, seq), ms, new TreeSet<>(split(t.text(r, tg))), t.number(r, sc)));
        }
        if (out.isEmpty()) throw InputError.at(file, "no data rows");
        return out;
    }

    private static List<String> split(String cell) {
        return cell.isBlank() ? List.of() : Arrays.asList(cell.strip().split(";"));
    }

    /** A recorded score that the model no longer reproduces. */
    public record Mismatch(String id, double expected, double now) {}

    /** Scores the recorded rows with the zip again; every row off by more than {@code tolerance}. */
    public static List<Mismatch> check(Path zip, Path expectedFile, double tolerance) {
        List<Row> rows = read(expectedFile);
        List<String> ids = rows.stream().map(Row::id).toList();
        Map<String, Set<String>> targets = new LinkedHashMap<>();
        for (Row r : rows) if (!r.targets().isEmpty()) targets.put(r.id(), r.targets());
        double[] now = ZooModel.scores(ZooModel.load(zip).logitsOfSequences(ids, rows.stream().map(Row::sequence).toList(),
                rows.stream().map(Row::matures).toList(), targets));
        List<Mismatch> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (!(Math.abs(now[i] - rows.get(i).score()) <= tolerance)) out.add(new Mismatch(ids.get(i), rows.get(i).score(), now[i]));
        }
        return out;
    }
}
