package org.deephem.figures;

import java.awt.Color;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** ROC and precision–recall curves (at most {@link #MAX_CURVES} per panel, Okabe–Ito colours, legend beside the plot, never over it) with their chance lines. */
public final class CurveCharts {
    /** One curve: points in drawing order and a label such as "fold 3 (AUC 0.81)". */
    public record Curve(String label, double[] x, double[] y) {
        public Curve {
            if (x.length != y.length) throw new IllegalArgumentException("x and y differ in length");
        }
    }

    /** Curves one panel draws at most (the network twins and three baselines, say): more cannot be told apart by colour. */
    public static final int MAX_CURVES = 6;

    private CurveCharts() {}

    public static XYChart roc(String title, List<Curve> curves) {
        XYChart c = axes(title, "false positive rate", "true positive rate", curves);
        chance(c, new double[] {0, OFF_GRID, 1}, new double[] {0, OFF_GRID, 1});
        return c;
    }

    /** {@code prevalence} = share of essential miRNAs: the precision of a random ranking. */
    public static XYChart precisionRecall(String title, List<Curve> curves, double prevalence) {
        XYChart c = axes(title, "recall", "precision", curves);
        chance(c, new double[] {0, OFF_GRID, 1}, new double[] {prevalence, prevalence, prevalence});
        return c;
    }

    private static XYChart axes(String title, String x, String y, List<Curve> curves) {
        XYChart c = new XYChartBuilder().width(600).height(420).title(title).xAxisTitle(x).yAxisTitle(y).build();
        FigureFiles.style(c.getStyler());
        c.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0);
        // the legend outside the plot area, never over the curves
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        c.getStyler().setLegendFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 11));
        if (curves.size() > MAX_CURVES) throw new IllegalArgumentException(curves.size() + " curves: at most " + MAX_CURVES + " per panel stay apart by colour");
        for (Curve k : curves) {
            XYSeries s = c.addSeries(k.label(), k.x(), k.y());
            s.setMarker(SeriesMarkers.NONE);
            s.setLineWidth(2f);
        }
        return c;
    }

    /**
     * A point on each chance line off the 1/n grid of the curves' rates: when every value on an
     * axis is equally spaced, XChart puts a tick label at each (40 labels on a CV ROC axis;
     * knowm/XChart#731). The lines stay straight.
     */
    static final double OFF_GRID = 1 / Math.PI;

    private static void chance(XYChart c, double[] x, double[] y) {
        XYSeries s = c.addSeries(String.format(Locale.ROOT, "chance"), x, y);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(Color.GRAY);
    }
}
