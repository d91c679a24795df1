package org.deephem.figures;

import java.awt.Font;
import java.awt.Graphics2D;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Something drawn once and saved as PNG, SVG and PDF ({@link FigureFiles}): an XChart chart
 * ({@link #of}) or a figure painted directly with Java2D ({@link RhoDotPlot}, {@link Panels}).
 */
public interface Figure {
    int width();

    int height();

    /** The title drawn in the figure (checked to fit its width: {@link Titles}). */
    String title();

    /** Paints the whole figure, background included, into {@code g} at (0, 0). */
    void paint(Graphics2D g);

    /**
     * An XChart chart as a figure. Its title must fit the chart's width at the styler's title font;
     * when it does not, the font is made smaller down to {@link Titles#MIN_SIZE} points, and a title
     * that still does not fit is refused (the statistics belong in the caption then).
     */
    static Figure of(Chart<?, ?> c) {
        String t = c.getTitle() == null ? "" : c.getTitle();
        Font f = c.getStyler().getChartTitleFont();
        Font fitted = Titles.fitting(t, f, c.getWidth() - Titles.MARGIN);
        if (fitted == null) {
            throw new IllegalArgumentException("figure title does not fit " + c.getWidth() + " px even at " + Titles.MIN_SIZE + " pt: '" + t + "'");
        }
        if (fitted != f) c.getStyler().setChartTitleFont(fitted);
        return new Figure() {
            public int width() {
                return c.getWidth();
            }

            public int height() {
                return c.getHeight();
            }

            public String title() {
                return t;
            }

            public void paint(Graphics2D g) {
                c.paint(g, c.getWidth(), c.getHeight());
            }
        };
    }
}
