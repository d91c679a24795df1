package org.deephem.io;

import java.nio.file.Path;

/**
 * A problem with a user's input file, always reported as one line naming the file and,
 * where known, the row and column. The CLI turns it into exit code 2.
 */
public final class InputError extends RuntimeException {
    public InputError(String message) {
        super(message);
    }

    public InputError(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@code file: message}. */
    public static InputError at(Path file, String message) {
        return new InputError(name(file) + ": " + message);
    }

    /** {@code file, row N: message} (rows are 1-based as a spreadsheet shows them). */
    public static InputError at(Path file, long row, String message) {
        return new InputError(name(file) + ", row " + row + ": " + message);
    }

    /** {@code file, line N: message} for line-oriented text such as FASTA. */
    public static InputError atLine(Path file, long line, String message) {
        return new InputError(name(file) + ", line " + line + ": " + message);
    }

    /** {@code file, row N, column 'C': message}. */
    public static InputError at(Path file, long row, String column, String message) {
        return new InputError(name(file) + ", row " + row + ", column '" + column + "': " + message);
    }

    /** How a file is named in messages: its path, or "standard input" for {@code -}. */
    public static String name(Path file) {
        if (file == null) return "<input>";
        return file.toString().equals("-") ? "standard input" : file.toString();
    }
}
