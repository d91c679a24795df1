package org.deephem.testutil;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Copies a zip with some entries changed, added or removed (to feed corrupted models to tests). */
public final class ZipEdit {
    private ZipEdit() {}

    public static Path rewrite(Path zip, Path out, UnaryOperator<Map<String, byte[]>> edit) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : java.util.Collections.list(z.entries())) entries.put(e.getName(), z.getInputStream(e).readAllBytes());
        }
        entries = edit.apply(entries);
        try (OutputStream os = Files.newOutputStream(out); ZipOutputStream z = new ZipOutputStream(os)) {
            for (var e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out;
    }

    /** The same zip with one JSON entry's text passed through {@code change}. */
    public static Path editText(Path zip, Path out, String entry, UnaryOperator<String> change) throws IOException {
        return rewrite(zip, out, e -> {
            e.put(entry, change.apply(new String(e.get(entry), java.nio.charset.StandardCharsets.UTF_8))
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return e;
        });
    }

    /** The same zip with one JSON object entry changed in place by {@code change}. */
    @SuppressWarnings("unchecked")
    public static Path editJson(Path zip, Path out, String entry, java.util.function.Consumer<Map<String, Object>> change) throws IOException {
        return editText(zip, out, entry, t -> {
            try {
                Map<String, Object> m = org.deephem.io.Json.mapper().readValue(t, Map.class);
                change.accept(m);
                return org.deephem.io.Json.write(m);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
