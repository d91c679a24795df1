package org.deephem.io;

import java.util.regex.Pattern;

/**
 * The one number parser for user files. {@link Double#parseDouble} accepts Java literals
 * ({@code 5d}, {@code 0x1p3}), control characters around the digits, {@code NaN} and
 * {@code Infinity}; none of these belongs in a data table, so only plain decimals
 * ({@code -1.5}, {@code .5}, {@code 2e-3}) with at most ordinary spaces around them are taken,
 * and the value must be finite.
 */
public final class Numbers {
    private Numbers() {}

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");

    private static final Pattern NON_FINITE = Pattern.compile("(?i)[+-]?(?:nan|inf|infinity)");

    /** Why {@code text} is not a finite plain decimal, or null when it is one. */
    public static String problem(String text) {
        String t = trimSpaces(text);
        if (t.isEmpty()) return "empty cell where a number is expected";
        if (!DECIMAL.matcher(t).matches()) {
            if (NON_FINITE.matcher(t).matches()) return "'" + t + "' is not finite (NaN and infinity are refused)";
            return "'" + printable(t) + "' is not a number (plain decimals only, such as -1.5 or 2e-3)";
        }
        if (!Double.isFinite(Double.parseDouble(t))) return "value " + t + " is too large (not finite)";
        return null;
    }

    /** The value of a finite plain decimal; call {@link #problem} first for the message. */
    public static double parse(String text) {
        String why = problem(text);
        if (why != null) throw new NumberFormatException(why);
        return Double.parseDouble(trimSpaces(text));
    }

    /** Parses or throws a one-line {@link InputError} naming file, row and column. */
    public static double parse(String text, java.nio.file.Path file, long row, String column) {
        String why = problem(text);
        if (why != null) throw InputError.at(file, row, column, why);
        return Double.parseDouble(trimSpaces(text));
    }

    /** Only ASCII spaces and tabs are padding; other invisible characters make the cell wrong. */
    private static String trimSpaces(String s) {
        int a = 0, b = s.length();
        while (a < b && (s.charAt(a) == ' ' || s.charAt(a) == '\t')) a++;
        while (b > a && (s.charAt(b - 1) == ' ' || s.charAt(b - 1) == '\t')) b--;
        return s.substring(a, b);
    }

    /** Shows invisible characters as U+XXXX so the message explains a cell that looks right. */
    static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || Character.isSpaceChar(c) && c != ' ' || c == '\uFEFF') {
                sb.append(String.format(java.util.Locale.ROOT, "<U+%04X>", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
