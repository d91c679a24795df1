package org.deephem.analysis;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deephem.io.AtomicFiles;
import org.deephem.io.Hashing;
import org.deephem.io.Json;
import org.deephem.io.Xlsx;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Writes a tablesaw Table as {@code <name>.csv} (tablesaw's writer; missing numbers as empty
 * cells) and {@code <name>.xlsx} (Apache POI via {@link Xlsx}), each atomically and each with a
 * {@code <file>.provenance.json} beside it that names the file, its SHA-256 and how it was made.
 */
public final class TableFiles {
    private TableFiles() {}

    /** The files written for {@code name} in {@code dir}: csv, xlsx and their provenance. */
    public static List<Path> write(Table table, Path dir, String name, Map<String, Object> provenance) {
        Path csv = dir.resolve(name + ".csv"), xlsx = dir.resolve(name + ".xlsx");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        table.write().csv(bytes);
        AtomicFiles.write(csv, out -> bytes.writeTo(out));
        Xlsx.write(xlsx, table.columnNames(), cells(table));
        List<Path> out = new ArrayList<>(List.of(csv, xlsx));
        for (Path f : List.of(csv, xlsx)) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("file", f.getFileName().toString());
            p.put("sha256", Hashing.sha256(f));
            p.put("table", table.name());
            p.put("rows", table.rowCount());
            p.put("columns", table.columnNames());
            p.putAll(provenance);
            Path json = dir.resolve(f.getFileName() + ".provenance.json");
            Json.writeFile(json, p);
            out.add(json);
        }
        return out;
    }

    /** Cells as String or Number; missing numbers (NaN) as empty cells, never as 0. */
    static List<Object[]> cells(Table t) {
        List<Object[]> rows = new ArrayList<>(t.rowCount());
        for (int r = 0; r < t.rowCount(); r++) {
            Object[] cells = new Object[t.columnCount()];
            for (int c = 0; c < cells.length; c++) {
                Column<?> col = t.column(c);
                Object v = col.isMissing(r) ? null : col.get(r);
                cells[c] = v instanceof Double d && d.isNaN() ? null : v;
            }
            rows.add(cells);
        }
        return rows;
    }
}
