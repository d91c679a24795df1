package org.deephem.io;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.apache.commons.io.input.BOMInputStream;

/**
 * Opens a user's text file: UTF-8 with strict decoding (a binary or Latin-1 file is refused,
 * not read as garbage), a leading byte-order mark skipped, as spreadsheet programs write one,
 * and gzip-compressed content read directly (told apart by its magic bytes, not by the name).
 * A line longer than {@link Limits#MAX_LINE_LENGTH} characters is refused as soon as it is
 * passed, before a reader holds it.
 */
public final class TextFiles {
    private TextFiles() {}

    public static BufferedReader open(Path file) {
        return open(file, Long.MAX_VALUE, null);
    }

    /**
     * As {@link #open(Path)}, for a file that is read whole into memory: more than
     * {@code maxChars} characters in all are refused too, the message naming {@code what}
     * ("one table read whole").
     */
    public static BufferedReader open(Path file, long maxChars, String what) {
        requireFile(file);
        InputStream raw = null;
        try {
            // standard input is read as a stream, never seeked (pipes and process substitution cannot seek)
            raw = new BufferedInputStream(isStdin(file) ? System.in : Files.newInputStream(file));
            raw.mark(2);
            int a = raw.read(), b = raw.read();
            raw.reset();
            InputStream plain = a == GZIP_MAGIC_1 && b == GZIP_MAGIC_2 ? new GZIPInputStream(raw, 1 << 16) : raw;
            var in = BOMInputStream.builder().setInputStream(plain).get();
            var decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            return new BufferedReader(new LineCap(new InputStreamReader(in, decoder), file, Limits.MAX_LINE_LENGTH, maxChars, what));
        } catch (IOException e) {
            closeQuietly(raw);
            throw readFailure(file, e);
        }
    }

    private static final int GZIP_MAGIC_1 = 0x1f, GZIP_MAGIC_2 = 0x8b;

    private static void closeQuietly(InputStream in) {
        try {
            if (in != null) in.close();
        } catch (IOException ignored) {
            // already failing with a clearer message
        }
    }

    /** A missing path or a folder where a file is expected, as a one-line input error. */
    /** {@code -} names standard input (as {@code --fasta -}). */
    public static boolean isStdin(Path file) {
        return file != null && file.toString().equals("-");
    }

    public static void requireFile(Path file) {
        if (isStdin(file)) return;
        if (Files.isDirectory(file)) throw InputError.at(file, "is a folder, not a file");
        if (!Files.exists(file)) throw InputError.at(file, "file not found");
    }

    /** What went wrong while reading a user's file, in words. */
    public static RuntimeException readFailure(Path file, IOException e) {
        if (e instanceof CharacterCodingException) return InputError.at(file, "not a UTF-8 text file");
        if (e instanceof NoSuchFileException) return InputError.at(file, "file not found");
        if (e instanceof AccessDeniedException) return InputError.at(file, "permission denied");
        if (e instanceof java.util.zip.ZipException || e instanceof java.io.EOFException) {
            return InputError.at(file, "corrupted or truncated gzip data (" + e.getMessage() + ")");
        }
        return new UncheckedIOException("could not read " + file + ": " + WriteError.reason(e), e);
    }
}
