package org.deephem.figures;

import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A human correlation against epoch, one line per seed, with the epoch each selection rule keeps
 * marked on every seed's line. The curve is shown only: no rule reads it.
 */
public final class HumanByEpoch {
    private HumanByEpoch() {}

    /** Points of one line or one rule's marks. */
    public record Points(double[] x, double[] y) {}

    private static final Marker[] RULE_MARKERS = {SeriesMarkers.DIAMOND, SeriesMarkers.SQUARE, SeriesMarkers.TRIANGLE_UP, SeriesMarkers.CROSS};

    /** {@code lines}: seed label → curve; {@code kept}: rule → (kept epoch, value there) over seeds. */
    public static XYChart chart(String measure, Map<String, Points> lines, Map<String, Points> kept) {
        XYChart c = new XYChartBuilder().width(1100).height(560)
                .title("Human " + measure + " by epoch (shown, never used to choose the epoch)")
                .xAxisTitle("epoch").yAxisTitle(measure).build();
        FigureFiles.style(c.getStyler());
        c.getStyler().setMarkerSize(9);
        for (var l : lines.entrySet()) {
            if (l.getValue() != null) c.addSeries("seed " + l.getKey(), l.getValue().x(), l.getValue().y()).setMarker(SeriesMarkers.NONE);
        }
        int i = 0;
        for (var k : kept.entrySet()) {
            if (k.getValue() == null) continue;
            XYSeries s = c.addSeries("kept by " + k.getKey(), k.getValue().x(), k.getValue().y());
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(RULE_MARKERS[i++ % RULE_MARKERS.length]);
        }
        return c;
    }

    /** NaN values left out (a correlation is undefined when the scores are constant); null when none is left. */
    public static Points finite(List<Double> x, List<Double> y) {
        java.util.List<double[]> keep = new java.util.ArrayList<>();
        for (int i = 0; i < x.size(); i++) if (Double.isFinite(y.get(i))) keep.add(new double[] {x.get(i), y.get(i)});
        if (keep.isEmpty()) return null; // XChart refuses an empty series
        return new Points(keep.stream().mapToDouble(p -> p[0]).toArray(), keep.stream().mapToDouble(p -> p[1]).toArray());
    }
}
