package org.deephem.figures;

import java.awt.Color;
import java.awt.Font;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.deephem.io.AtomicFiles;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/**
 * Writes a chart as PNG (for the report page) and SVG (for publication) side by side,
 * atomically. Works without a display: the JVM is put into headless mode before AWT loads.
 */
public final class FigureFiles {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private FigureFiles() {}

    /** Writes {@code dir/stem.png} and {@code dir/stem.svg}; returns both paths. */
    public static List<Path> save(Chart<?, ?> chart, Path dir, String stem) {
        Path png = dir.resolve(stem + ".png");
        Path svg = dir.resolve(stem + ".svg");
        AtomicFiles.write(png, os -> BitmapEncoder.saveBitmap(chart, os, BitmapEncoder.BitmapFormat.PNG));
        AtomicFiles.write(svg, os -> VectorGraphicsEncoder.saveVectorGraphic(chart, os, VectorGraphicsEncoder.VectorGraphicsFormat.SVG));
        return List.of(png, svg);
    }

    /** The common look: white background, root-locale numbers, logical fonts present on any JDK. */
    static void style(org.knowm.xchart.style.AxesChartStyler s) {
        System.setProperty("java.awt.headless", "true");
        s.setLocale(Locale.ROOT);
        s.setDecimalPattern("0.###"); // "0.05", not XChart's default ".05"
        s.setChartBackgroundColor(Color.WHITE);
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    }
}
