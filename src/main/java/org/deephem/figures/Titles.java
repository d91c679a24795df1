package org.deephem.figures;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.util.ArrayList;
import java.util.List;

/** Whether a figure's title fits its width at a font, and wrapping for figures that draw their own titles. */
public final class Titles {
    /** Pixels a title keeps free at the left and right together. */
    public static final int MARGIN = 24;
    /** A title is never made smaller than this to fit. */
    public static final int MIN_SIZE = 11;

    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Titles() {}

    /** Width of {@code s} in pixels at {@code font} (antialiased, fractional metrics, as the PNG is drawn). */
    public static double width(String s, Font font) {
        if (s == null || s.isEmpty()) return 0;
        return font.getStringBounds(s, FRC).getWidth();
    }

    public static boolean fits(String s, Font font, int width) {
        return width(s, font) <= width;
    }

    /** {@code font}, or the largest smaller size down to {@link #MIN_SIZE} at which {@code s} fits; null when none does. */
    public static Font fitting(String s, Font font, int width) {
        if (fits(s, font, width)) return font;
        for (float size = font.getSize2D() - 1; size >= MIN_SIZE; size--) {
            Font f = font.deriveFont(size);
            if (fits(s, f, width)) return f;
        }
        return null;
    }

    /** {@code s} broken at spaces into lines that each fit {@code width} (a single over-long word gets a line of its own). */
    public static List<String> wrap(String s, Font font, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : s.split(" ")) {
            String next = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && !fits(next, font, width)) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(next);
            }
        }
        if (line.length() > 0) lines.add(line.toString());
        return lines;
    }
}
