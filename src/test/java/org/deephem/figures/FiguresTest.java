package org.deephem.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.deephem.eval.QuintileTrend;
import org.deephem.testutil.ReportPages;
import org.deephem.train.EpochLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FiguresTest {
    @TempDir
    Path tmp;

    static void assertSaved(List<Path> files) throws Exception {
        BufferedImage png = ImageIO.read(files.get(0).toFile());
        assertTrue(png != null && png.getWidth() > 300, files.get(0) + " decodes");
        assertTrue(ReportPages.greyVariance(png) > 100, files.get(0) + " is not blank");
        String svg = Files.readString(files.get(1));
        assertTrue(svg.contains("<svg") && svg.strip().endsWith("</svg>"), files.get(1) + " is a complete SVG");
        String pdf = Files.readString(files.get(2), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(pdf.startsWith("%PDF") && pdf.strip().endsWith("%%EOF"), files.get(2) + " is a complete PDF");
        try (var s = Files.list(files.get(0).getParent())) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temp files left");
        }
    }

    @Test
    void headlessEvenWithoutADisplay() {
        FigureFiles.save(CurveCharts.roc("x", List.of()), tmp, "probe");
        assertTrue(java.awt.GraphicsEnvironment.isHeadless());
    }

    /** Cell colours follow the fixed scale: +1 red, −1 blue, 0 near white, whatever the data's range. */
    @Test
    void heatmapUsesTheFixedDivergingScale() throws Exception {
        double[][] rho = {{1, -1, 0}, {-1, 1, 0.5}, {0, 0.5, 1}};
        List<Path> files = FigureFiles.save(CorrelationHeatmap.chart("t", List.of("a", "b", "c"), rho), tmp, "heat");
        assertSaved(files);
        BufferedImage img = ImageIO.read(files.get(0).toFile());
        int red = 0, blue = 0;
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                int p = img.getRGB(x, y), r = p >> 16 & 255, g = p >> 8 & 255, b = p & 255;
                if (near(r, g, b, CorrelationHeatmap.SCALE[2])) red++;
                if (near(r, g, b, CorrelationHeatmap.SCALE[0])) blue++;
            }
        }
        assertTrue(red > 200 && blue > 100, "red (+1) and blue (−1) cells: " + red + " / " + blue);
    }

    private static boolean near(int r, int g, int b, java.awt.Color c) {
        return Math.abs(r - c.getRed()) < 12 && Math.abs(g - c.getGreen()) < 12 && Math.abs(b - c.getBlue()) < 12;
    }

    @Test
    void trendCurvesAndTrainingCurvesRender() throws Exception {
        double[] s = new double[50], v = new double[50];
        for (int i = 0; i < 50; i++) {
            s[i] = i;
            v[i] = i % 7 + i / 10.0;
        }
        QuintileTrend t = QuintileTrend.of("conservation", s, v);
        assertSaved(FigureFiles.save(TrendBoxplots.chart(t), tmp, "trend"));

        var roc = new CurveCharts.Curve("fold 1", new double[] {0, 0.2, 1}, new double[] {0, 0.7, 1});
        assertSaved(FigureFiles.save(CurveCharts.roc("ROC", List.of(roc)), tmp, "roc"));
        var pr = new CurveCharts.Curve("fold 1", new double[] {0, 0.5, 1}, new double[] {1, 0.8, 0.5});
        assertSaved(FigureFiles.save(CurveCharts.precisionRecall("PR", List.of(pr), 0.5), tmp, "pr"));

        List<EpochLog> log = new ArrayList<>();
        for (int e = 1; e <= 5; e++) {
            double l = 2 / (1 + Math.exp(-10 * e / 5.0)) - 1;
            log.add(new EpochLog(e, l, l, 1.0 / e, 0.5 / e, 0.1, 0.69, 0.5, 0.9, e == 1 ? Double.NaN : 0.8, 0.4, 0.2, 1.0, 0.8));
        }
        var chart = TrainingCurves.chart(log, 3);
        assertEquals(4, chart.getSeriesMap().get(TrainingCurves.SELECTION_AUC).getXData().length, "NaN epochs are left out, not drawn as 0");
        assertTrue(chart.getSeriesMap().containsKey("λ = α (reversal, MMD weight)"));
        assertTrue(chart.getSeriesMap().containsKey("kept epoch"));
        assertSaved(FigureFiles.save(chart, tmp, "curves"));
    }

    /** Every title of the report's XChart figures fits its PNG at the font it is drawn with; one that cannot is refused, not clipped. */
    @Test
    void titlesFitTheirFigures() throws Exception {
        double[] s = new double[400], v = new double[400];
        for (int i = 0; i < s.length; i++) {
            s[i] = i;
            v[i] = (i * 37) % 101;
        }
        QuintileTrend t = QuintileTrend.of("conservation", s, v);
        var box = TrendBoxplots.chart(t);
        Figure f = Figure.of(box);
        assertTrue(Titles.fits(f.title(), box.getStyler().getChartTitleFont(), f.width() - Titles.MARGIN), f.title());
        assertFalse(f.title().contains("p ="), "the trend test goes in the caption, not the title");
        var roc = CurveCharts.roc("ROC, nested CV (mouse)", List.of());
        assertTrue(Titles.fits(roc.getTitle(), roc.getStyler().getChartTitleFont(), roc.getWidth() - Titles.MARGIN));
        // a title too long for its chart is made smaller until it fits ...
        var c = CurveCharts.roc("A rather long title that does not fit at fifteen points in a figure this narrow at all", List.of());
        java.awt.Font before = c.getStyler().getChartTitleFont();
        assertFalse(Titles.fits(c.getTitle(), before, c.getWidth() - Titles.MARGIN));
        Figure.of(c);
        assertTrue(c.getStyler().getChartTitleFont().getSize() < before.getSize());
        assertTrue(Titles.fits(c.getTitle(), c.getStyler().getChartTitleFont(), c.getWidth() - Titles.MARGIN));
        // ... and one that cannot fit even at the smallest size is refused
        var hopeless = CurveCharts.roc("x".repeat(200), List.of());
        assertThrows(IllegalArgumentException.class, () -> Figure.of(hopeless));
    }

    /** The dot-and-whisker plot wraps a long title and draws every row; its PNG, SVG and PDF are written. */
    @Test
    void rhoDotPlotDrawsRowsLinesAndAWrappedTitle() throws Exception {
        List<RhoDotPlot.Row> rows = List.of(
                new RhoDotPlot.Row("network", List.of(new double[] {0.3, 0.35, 0.25}, new double[] {0.2, 0.1, 0.15}), true),
                new RhoDotPlot.Row("baseline", List.of(new double[] {0.6}, new double[] {-0.2}), false),
                RhoDotPlot.Row.summary("variant", new double[] {0.1, 0.05}, new double[] {0.02, 0.03}, false));
        String title = "A title long enough that it has to wrap onto a second line in a figure only four hundred pixels wide";
        RhoDotPlot p = new RhoDotPlot(title, List.of("conservation", "DSW"), rows,
                List.of(new RhoDotPlot.Line("has any MTI target", new double[] {0.6, 0.55}, Palette.VERMILLION)), "Spearman ρ", 400);
        assertTrue(p.titleLines().size() >= 2, "wrapped");
        for (String line : p.titleLines()) assertTrue(Titles.fits(line, RhoDotPlot.TITLE, 400 - Titles.MARGIN), line);
        assertEquals(title, String.join(" ", p.titleLines()), "no word lost");
        List<Path> files = FigureFiles.save(p, tmp, "dots");
        assertSaved(files);
        BufferedImage img = ImageIO.read(files.get(0).toFile());
        assertEquals(p.height(), img.getHeight());
        int vermillion = 0;
        for (int y = 0; y < img.getHeight(); y++) for (int x = 0; x < img.getWidth(); x++) {
            int q = img.getRGB(x, y);
            if (near(q >> 16 & 255, q >> 8 & 255, q & 255, Palette.VERMILLION)) vermillion++;
        }
        assertTrue(vermillion > 20, "the reference line is drawn in its colour: " + vermillion);
        BufferedImage none = FigureFiles.bitmap(new RhoDotPlot(title, List.of("conservation", "DSW"), rows, List.of(), "Spearman ρ", 400));
        int without = 0;
        for (int y = 0; y < none.getHeight(); y++) for (int x = 0; x < none.getWidth(); x++) {
            int q = none.getRGB(x, y);
            if (near(q >> 16 & 255, q >> 8 & 255, q & 255, Palette.VERMILLION)) without++;
        }
        assertEquals(0, without, "no vermillion without the line");
        assertThrows(IllegalArgumentException.class, () -> new RhoDotPlot("t", List.of("a"), rows, List.of(), "x", 400), "one value array per panel");
    }

    /** A panel of ROC/PR curves takes the network twins and a few baselines, not a dozen lines nobody can tell apart. */
    @Test
    void curvePanelsRefuseMoreCurvesThanColoursCanSeparate() {
        List<CurveCharts.Curve> many = new ArrayList<>();
        for (int i = 0; i <= CurveCharts.MAX_CURVES; i++) many.add(new CurveCharts.Curve("m" + i, new double[] {0, 1}, new double[] {0, 1}));
        assertThrows(IllegalArgumentException.class, () -> CurveCharts.roc("t", many));
        var ok = CurveCharts.roc("t", many.subList(0, CurveCharts.MAX_CURVES));
        assertEquals(org.knowm.xchart.style.Styler.LegendPosition.OutsideE, ok.getStyler().getLegendPosition(), "legend outside the plot area");
        assertEquals(Palette.SERIES[0], ok.getStyler().getSeriesColors()[0], "Okabe–Ito colours");
    }
}
