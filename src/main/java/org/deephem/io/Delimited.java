package org.deephem.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Tab- and comma-separated text tables (header line first). CSV fields may be quoted. */
public final class Delimited {
    private Delimited() {}

    /** Reads a TSV (.tsv/.txt) or CSV (.csv) file into a {@link Table}. */
    public static Table read(Path file) {
        char sep = file.getFileName().toString().toLowerCase().endsWith(".csv") ? ',' : '\t';
        List<String> header = null;
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) continue;
                String[] cells = split(line, sep);
                if (header == null) {
                    header = List.of(cells);
                } else {
                    if (rows.size() + 2 != n) throw InputError.at(file, rows.size() + 2, "empty line inside the data");
                    rows.add(cells);
                }
            }
        } catch (NoSuchFileException e) {
            throw InputError.at(file, "file not found");
        } catch (java.nio.charset.MalformedInputException e) {
            throw InputError.at(file, "not a UTF-8 text file");
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        }
        if (header == null) throw InputError.at(file, "file is empty (no header line)");
        return new Table(file, header, rows);
    }

    static String[] split(String line, char sep) {
        if (sep == '\t') return line.split("\t", -1);
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == sep) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out.toArray(new String[0]);
    }

    /** Formats one CSV line, quoting cells that need it. */
    public static String csvLine(List<?> cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) sb.append(',');
            String s = String.valueOf(cells.get(i));
            if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0) {
                sb.append('"').append(s.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(s);
            }
        }
        return sb.append('\n').toString();
    }

    /** Reads any table by extension: .xlsx, .csv, otherwise tab-separated. */
    public static Table readAny(Path file) {
        String name = file.getFileName().toString().toLowerCase();
        return name.endsWith(".xlsx") ? Xlsx.read(file) : read(file);
    }
}
