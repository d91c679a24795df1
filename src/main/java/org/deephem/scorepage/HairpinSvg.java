package org.deephem.scorepage;

import java.util.Locale;
import org.deephem.report.Cells;
import org.deephem.report.Html;

/**
 * A hairpin as inline SVG: nucleotides on {@link HairpinLayout}'s coordinates, filled by their
 * attribution on a diverging scale centred at 0 (grey when there is none), pairs as lines, every
 * tenth position numbered, 5′ and 3′ ends marked, each nucleotide with a tooltip. Coordinates
 * are rounded to 0.1 px so the same input always gives the same text.
 */
final class HairpinSvg {
    /** Pixels per layout unit (one backbone step): letters stay readable at 100 % zoom. */
    static final double SCALE = 22;
    /** Nucleotide circle radius in layout units: under half a backbone step, so circles never touch. */
    static final double NODE = 0.42;
    private static final double MARGIN = 1.9;

    /**
     * ColorBrewer RdBu (7 classes), blue for negative, red for positive: a diverging palette
     * that stays readable with the common colour-vision deficiencies and in grey-scale print.
     */
    private static final int[] RDBU = {0x2166ac, 0x67a9cf, 0xd1e5f0, 0xf7f7f7, 0xfddbc7, 0xef8a62, 0xb2182b};
    /** Fill of a nucleotide without attribution: a grey that the palette never produces. */
    static final String NO_ATTRIBUTION = "#c8c8c8";
    static final String NEGATIVE = "#2166ac";
    static final String POSITIVE = "#b2182b";

    private HairpinSvg() {}

    /** Colour of t in [-1, 1] (clamped; NaN is grey), linear between the palette's classes. */
    static String colour(double t) {
        if (Double.isNaN(t)) return NO_ATTRIBUTION;
        double u = (Math.max(-1, Math.min(1, t)) + 1) / 2 * (RDBU.length - 1);
        int k = Math.min(RDBU.length - 2, (int) Math.floor(u));
        double f = u - k;
        int a = RDBU[k], b = RDBU[k + 1];
        int r = mix(a >> 16 & 255, b >> 16 & 255, f), g = mix(a >> 8 & 255, b >> 8 & 255, f), bl = mix(a & 255, b & 255, f);
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, bl);
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }

    /** White letters on the dark ends of the scale, dark ones elsewhere. */
    static String ink(double t) {
        return !Double.isNaN(t) && Math.abs(t) > 0.6 ? "#fff" : "#111";
    }

    /** Largest |attribution| of a precursor (its colour scale's end); 0 when there is none. */
    static double scaleOf(double[] attribution) {
        double m = 0;
        if (attribution != null) for (double a : attribution) if (Double.isFinite(a)) m = Math.max(m, Math.abs(a));
        return m;
    }

    /**
     * The drawing of one precursor.
     *
     * @param attribution one value per nucleotide, or null (all grey)
     */
    static String svg(String id, String sequence, String structure, double[] attribution) {
        HairpinLayout.Coordinates c = HairpinLayout.of(structure);
        int n = c.size();
        double scale = scaleOf(attribution);
        double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            minX = Math.min(minX, c.x()[k]);
            maxX = Math.max(maxX, c.x()[k]);
            minY = Math.min(minY, c.y()[k]);
            maxY = Math.max(maxY, c.y()[k]);
        }
        if (n == 0) minX = minY = maxX = maxY = 0;
        double ox = minX - MARGIN, oy = minY - MARGIN;
        double w = (maxX - minX + 2 * MARGIN) * SCALE, h = (maxY - minY + 2 * MARGIN) * SCALE;
        StringBuilder b = new StringBuilder(n * 220 + 600);
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"hairpin\" viewBox=\"0 0 ").append(f(w)).append(' ').append(f(h))
                .append("\" width=\"").append(f(w)).append("\" height=\"").append(f(h)).append("\" role=\"img\">\n<title>")
                .append(Html.escape("Secondary structure of " + id + " (" + n + " nt), nucleotides coloured by attribution"))
                .append("</title>\n");
        // backbone
        b.append("<polyline class=\"backbone\" fill=\"none\" stroke=\"#9a9a9a\" stroke-width=\"2\" points=\"");
        for (int k = 0; k < n; k++) b.append(k == 0 ? "" : " ").append(f(sx(c, k, ox))).append(',').append(f(sy(c, k, oy)));
        b.append("\"/>\n<g class=\"pairs\" stroke=\"#555\" stroke-width=\"2\">\n");
        for (int k = 0; k < n; k++) {
            int p = c.partner()[k];
            if (p <= k) continue;
            double dx = c.x()[p] - c.x()[k], dy = c.y()[p] - c.y()[k], len = Math.hypot(dx, dy), ux = dx / len, uy = dy / len;
            double gap = NODE + 0.08;
            b.append("<line x1=\"").append(f((c.x()[k] + ux * gap - ox) * SCALE)).append("\" y1=\"").append(f((c.y()[k] + uy * gap - oy) * SCALE))
                    .append("\" x2=\"").append(f((c.x()[p] - ux * gap - ox) * SCALE)).append("\" y2=\"").append(f((c.y()[p] - uy * gap - oy) * SCALE))
                    .append("\"/>\n");
        }
        b.append("</g>\n<g class=\"nts\" font-size=\"").append(f(0.56 * SCALE))
                .append("\" font-family=\"'DejaVu Sans Mono',Menlo,Consolas,monospace\" font-weight=\"bold\" text-anchor=\"middle\" dominant-baseline=\"central\">\n");
        for (int k = 0; k < n; k++) {
            double a = attribution == null ? Double.NaN : attribution[k];
            double t = Double.isNaN(a) ? Double.NaN : scale == 0 ? 0 : a / scale;
            String base = Html.escape(String.valueOf(Character.toUpperCase(sequence.charAt(k))));
            String tip = (k + 1) + " " + base + (c.partner()[k] >= 0 ? ", paired with " + (c.partner()[k] + 1) : ", unpaired")
                    + (Double.isNaN(a) ? ", no attribution" : ", attribution " + signed(a));
            b.append("<g><title>").append(tip).append("</title><circle cx=\"").append(f(sx(c, k, ox))).append("\" cy=\"").append(f(sy(c, k, oy)))
                    .append("\" r=\"").append(f(NODE * SCALE)).append("\" fill=\"").append(colour(t)).append("\" stroke=\"#555\" stroke-width=\"1\"/>")
                    .append("<text x=\"").append(f(sx(c, k, ox))).append("\" y=\"").append(f(sy(c, k, oy))).append("\" fill=\"").append(ink(t))
                    .append("\">").append(base).append("</text></g>\n");
        }
        b.append("</g>\n<g class=\"positions\" font-size=\"").append(f(0.44 * SCALE))
                .append("\" fill=\"#666\" text-anchor=\"middle\" dominant-baseline=\"central\">\n");
        for (int k = 9; k < n - 1; k += 10) {
            double lx = c.x()[k] + c.outX()[k] * 1.05, ly = c.y()[k] + c.outY()[k] * 1.05;
            b.append("<text x=\"").append(f((lx - ox) * SCALE)).append("\" y=\"").append(f((ly - oy) * SCALE)).append("\">").append(k + 1).append("</text>\n");
        }
        b.append("</g>\n");
        if (n > 0) {
            b.append(endLabel(c, 0, n > 1 ? 1 : -1, "5′", ox, oy));
            if (n > 1) b.append(endLabel(c, n - 1, n - 2, "3′", ox, oy));
        }
        return b.append("</svg>\n").toString();
    }

    /** "5′" or "3′" just past an end, continuing the backbone's direction away from its neighbour. */
    private static String endLabel(HairpinLayout.Coordinates c, int end, int neighbour, String text, double ox, double oy) {
        double dx = neighbour < 0 ? -1 : c.x()[end] - c.x()[neighbour], dy = neighbour < 0 ? 0 : c.y()[end] - c.y()[neighbour];
        double len = Math.hypot(dx, dy);
        double lx = c.x()[end] + dx / len * 1.15, ly = c.y()[end] + dy / len * 1.15;
        return "<text class=\"end\" x=\"" + f((lx - ox) * SCALE) + "\" y=\"" + f((ly - oy) * SCALE) + "\" font-size=\"" + f(0.6 * SCALE)
                + "\" font-weight=\"bold\" fill=\"#222\" text-anchor=\"middle\" dominant-baseline=\"central\">" + text + "</text>\n";
    }

    /**
     * The colour scale of one drawing: the palette from −scale to +scale in 21 steps, what the
     * ends mean, and the grey of "no attribution".
     */
    static String legend(double scale, boolean explained) {
        int steps = 21, sw = 14, x0 = 10, top = 18;
        int w = x0 * 2 + steps * sw + 150, h = 56;
        StringBuilder b = new StringBuilder();
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"legend\" viewBox=\"0 0 ").append(w).append(' ').append(h)
                .append("\" width=\"").append(w).append("\" height=\"").append(h).append("\" role=\"img\" font-size=\"12\">\n<title>Colour scale of the nucleotides</title>\n");
        if (explained) {
            for (int s = 0; s < steps; s++) {
                double t = -1 + 2.0 * s / (steps - 1);
                b.append("<rect x=\"").append(x0 + s * sw).append("\" y=\"").append(top).append("\" width=\"").append(sw).append("\" height=\"14\" fill=\"")
                        .append(colour(t)).append("\"/>");
            }
            b.append('\n').append("<rect x=\"").append(x0).append("\" y=\"").append(top).append("\" width=\"").append(steps * sw)
                    .append("\" height=\"14\" fill=\"none\" stroke=\"#777\"/>\n");
            int right = x0 + steps * sw;
            b.append("<text x=\"").append(x0).append("\" y=\"12\" fill=\"").append(NEGATIVE).append("\">◀ toward non-essential</text>\n")
                    .append("<text x=\"").append(right).append("\" y=\"12\" text-anchor=\"end\" fill=\"").append(POSITIVE).append("\">toward essential ▶</text>\n")
                    .append("<text x=\"").append(x0).append("\" y=\"46\">").append(signed(-scale)).append("</text>\n")
                    .append("<text x=\"").append(x0 + steps * sw / 2).append("\" y=\"46\" text-anchor=\"middle\">0</text>\n")
                    .append("<text x=\"").append(right).append("\" y=\"46\" text-anchor=\"end\">").append(signed(scale)).append("</text>\n");
        }
        int gx = explained ? x0 + steps * sw + 24 : x0;
        b.append("<rect x=\"").append(gx).append("\" y=\"").append(top).append("\" width=\"").append(sw).append("\" height=\"14\" fill=\"")
                .append(NO_ATTRIBUTION).append("\" stroke=\"#777\"/>\n<text x=\"").append(gx + sw + 6).append("\" y=\"").append(top + 11)
                .append("\">no attribution</text>\n");
        return b.append("</svg>\n").toString();
    }

    /** An attribution with its sign, four significant digits. */
    static String signed(double a) {
        String s = Cells.number(a);
        return a > 0 ? "+" + s : s.startsWith("-") ? "−" + s.substring(1) : s;
    }

    private static double sx(HairpinLayout.Coordinates c, int k, double ox) {
        return (c.x()[k] - ox) * SCALE;
    }

    private static double sy(HairpinLayout.Coordinates c, int k, double oy) {
        return (c.y()[k] - oy) * SCALE;
    }

    private static String f(double v) {
        String s = String.format(Locale.ROOT, "%.1f", v);
        return s.equals("-0.0") ? "0.0" : s;
    }
}
