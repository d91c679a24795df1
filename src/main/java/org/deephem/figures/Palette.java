package org.deephem.figures;

import java.awt.Color;

/**
 * The Okabe–Ito colour-blind-safe palette (Okabe and Ito 2008, "Color Universal Design"), in the
 * order series take it; black last, for reference lines.
 */
public final class Palette {
    public static final Color BLUE = new Color(0x0072B2), ORANGE = new Color(0xE69F00), GREEN = new Color(0x009E73),
            VERMILLION = new Color(0xD55E00), SKY = new Color(0x56B4E9), PURPLE = new Color(0xCC79A7),
            YELLOW = new Color(0xF0E442), BLACK = Color.BLACK;

    /** Series colours in order (yellow last: it is faint on white). */
    public static final Color[] SERIES = {BLUE, VERMILLION, GREEN, ORANGE, SKY, PURPLE, YELLOW};

    private Palette() {}

    /** The {@code i}-th series colour, cycling. */
    public static Color series(int i) {
        return SERIES[Math.floorMod(i, SERIES.length)];
    }
}
