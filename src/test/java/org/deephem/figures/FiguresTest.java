package org.deephem.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
