package org.deephem.testutil;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Small files that expand to large text, for the readers' limits (audit issue 23). */
public final class Hostile {
    private Hostile() {}

    /** gzip of {@code head}, then {@code repeat} copies of {@code piece}, then {@code tail}. */
    public static Path gzip(Path f, String head, String piece, long repeat, String tail) throws IOException {
        try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(f), 1 << 16)) {
            os.write(head.getBytes(StandardCharsets.UTF_8));
            byte[] p = piece.getBytes(StandardCharsets.UTF_8);
            for (long i = 0; i < repeat; i++) os.write(p);
            os.write(tail.getBytes(StandardCharsets.UTF_8));
        }
        return f;
    }
}
