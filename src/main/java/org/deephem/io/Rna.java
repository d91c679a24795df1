package org.deephem.io;

import java.nio.file.Path;

/** RNA sequence normalisation: upper case, T read as U, only A/C/G/U accepted. */
public final class Rna {
    private Rna() {}

    /**
     * Returns the sequence in upper-case RNA letters.
     *
     * @param where how to name the record in an error (file, record)
     */
    public static String normalise(String raw, Path file, long row, String where) {
        return normalise(raw, file, row, where, "row");
    }

    /** As above; {@code unit} is "row" for tables and "line" for FASTA. */
    public static String normalise(String raw, Path file, long row, String where, String unit) {
        String s = raw.strip();
        if (s.isEmpty()) {
            throw new InputError(InputError.name(file) + ", " + unit + " " + row + ": " + where + ": empty sequence");
        }
        char[] out = new char[s.length()];
        for (int i = 0; i < s.length(); i++) {
            char c = Character.toUpperCase(s.charAt(i));
            switch (c) {
                case 'A', 'C', 'G', 'U' -> out[i] = c;
                case 'T' -> out[i] = 'U';
                default -> throw new InputError(InputError.name(file) + ", " + unit + " " + row + ": " + where + ": letter '" + s.charAt(i)
                        + "' at position " + (i + 1) + " is not A, C, G, U (or T)");
            }
        }
        return new String(out);
    }
}
