package org.deephem.zoo;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.deephem.io.AtomicFiles;
import org.deephem.io.Delimited;

/** The {@code id,score} CSV that train and score write (atomically, IDs quoted when needed). */
public final class ScoresCsv {
    private ScoresCsv() {}

    public static void write(Path file, List<String> ids, double[] scores) {
        if (ids.size() != scores.length) throw new IllegalArgumentException("ids and scores differ in length");
        StringBuilder sb = new StringBuilder("id,score\n");
        for (int i = 0; i < ids.size(); i++) {
            sb.append(Delimited.csvLine(List.of(ids.get(i), String.format(Locale.ROOT, "%.6f", scores[i]))));
        }
        AtomicFiles.writeString(file, sb.toString());
    }
}
