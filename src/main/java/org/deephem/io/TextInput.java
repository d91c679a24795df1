package org.deephem.io;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opens a UTF-8 text file, plain or gzip-compressed (told apart by content, not by name). */
public final class TextInput {
    private TextInput() {}

    private static final int GZIP_MAGIC_1 = 0x1f, GZIP_MAGIC_2 = 0x8b;

    /** A reader that reports malformed UTF-8 (MalformedInputException) instead of replacing it. */
    public static BufferedReader open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file));
        try {
            raw.mark(2);
            int a = raw.read(), b = raw.read();
            raw.reset();
            InputStream in = a == GZIP_MAGIC_1 && b == GZIP_MAGIC_2 ? new GZIPInputStream(raw, 1 << 16) : raw;
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()));
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }
}
