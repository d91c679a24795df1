package org.deephem.figures;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import de.erichseifert.vectorgraphics2d.Processor;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.pdf.PDFProcessor;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import org.deephem.io.AtomicFiles;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Writes a figure as PNG (for the report page), SVG and PDF (for print and publication, through
 * VectorGraphics2D) side by side, atomically. Works without a display: the JVM is put into
 * headless mode before AWT loads.
 */
public final class FigureFiles {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private FigureFiles() {}

    /** Writes {@code dir/stem.png}, {@code .svg} and {@code .pdf}; returns them in that order. */
    public static List<Path> save(Chart<?, ?> chart, Path dir, String stem) {
        return save(Figure.of(chart), dir, stem);
    }

    /** As {@link #save(Chart, Path, String)} for any figure. */
    public static List<Path> save(Figure f, Path dir, String stem) {
        Path png = dir.resolve(stem + ".png"), svg = dir.resolve(stem + ".svg"), pdf = dir.resolve(stem + ".pdf");
        AtomicFiles.write(png, os -> javax.imageio.ImageIO.write(bitmap(f), "png", os));
        AtomicFiles.write(svg, os -> vector(f, new SVGProcessor(), os));
        AtomicFiles.write(pdf, os -> vector(f, new PDFProcessor(true), os));
        return List.of(png, svg, pdf);
    }

    /** The figure drawn at its own size, white background, antialiased. */
    public static BufferedImage bitmap(Figure f) {
        BufferedImage img = new BufferedImage(f.width(), f.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            hints(g);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, f.width(), f.height());
            f.paint(g);
        } finally {
            g.dispose();
        }
        return img;
    }

    private static void vector(Figure f, Processor p, OutputStream os) throws java.io.IOException {
        VectorGraphics2D g = new VectorGraphics2D();
        hints(g);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, f.width(), f.height());
        f.paint(g);
        p.getDocument(g.getCommands(), new PageSize(0, 0, f.width(), f.height())).writeTo(os);
    }

    static void hints(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    }

    /** The common look: white background, root-locale numbers, logical fonts present on any JDK, Okabe–Ito colours. */
    static void style(org.knowm.xchart.style.AxesChartStyler s) {
        System.setProperty("java.awt.headless", "true");
        s.setLocale(Locale.ROOT);
        s.setDecimalPattern("0.###"); // "0.05", not XChart's default ".05"
        s.setChartBackgroundColor(Color.WHITE);
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setSeriesColors(Palette.SERIES);
    }
}
