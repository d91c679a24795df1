package org.deephem.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import org.deephem.train.EpochLog;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Per-epoch losses, domain accuracy, selection figures and the schedules λ (gradient reversal)
 * and α (MMD weight), with a vertical line at the kept epoch. Selection values missing in an
 * epoch (NaN) are left out rather than drawn as 0.
 */
public final class TrainingCurves {
    /** Series name of the selection AUC: it chose the kept epoch, so the legend says it is no estimate. */
    public static final String SELECTION_AUC = "selection AUC (chose the epoch; not an estimate)";

    private TrainingCurves() {}

    public static XYChart chart(List<EpochLog> log, int selected) {
        if (log.isEmpty()) throw new IllegalArgumentException("empty training log");
        XYChart c = new XYChartBuilder().width(1100).height(390)
                .title("Training curves (kept epoch " + selected + ", chosen on held-out mouse)")
                .xAxisTitle("epoch").yAxisTitle("value").build();
        FigureFiles.style(c.getStyler());
        c.getStyler().setMarkerSize(4);
        add(c, "classification loss", log, EpochLog::clsLoss);
        add(c, "MMD", log, EpochLog::mmdLoss);
        add(c, "adversarial loss", log, EpochLog::advLoss);
        add(c, "domain accuracy", log, EpochLog::domainAccuracy);
        add(c, SELECTION_AUC, log, EpochLog::selectionAuc);
        add(c, "selection log-loss", log, EpochLog::selectionLogLoss);
        // λ and α follow the same schedule in DeepHEM; draw one line then, so neither hides the other
        if (log.stream().allMatch(e -> e.lambda() == e.alpha())) {
            dashed(add(c, "λ = α (reversal, MMD weight)", log, EpochLog::lambda), Color.DARK_GRAY);
        } else {
            dashed(add(c, "λ (reversal)", log, EpochLog::lambda), Color.DARK_GRAY);
            dashed(add(c, "α (MMD weight)", log, EpochLog::alpha), new Color(0x8C564B));
        }
        double top = 1.0;
        for (EpochLog e : log) {
            for (double v : new double[] {e.advLoss(), e.clsLoss(), e.selectionLogLoss(), e.mmdLoss()}) {
                if (Double.isFinite(v)) top = Math.max(top, v);
            }
        }
        if (selected >= 1) {
            XYSeries m = c.addSeries("kept epoch", new double[] {selected, selected}, new double[] {0, top});
            m.setMarker(SeriesMarkers.NONE);
            m.setLineColor(Color.BLACK);
        }
        return c;
    }

    private static XYSeries add(XYChart c, String name, List<EpochLog> log, java.util.function.ToDoubleFunction<EpochLog> f) {
        List<Double> x = new java.util.ArrayList<>(), y = new java.util.ArrayList<>();
        for (EpochLog e : log) {
            double v = f.applyAsDouble(e);
            if (Double.isFinite(v)) {
                x.add((double) e.epoch());
                y.add(v);
            }
        }
        if (x.isEmpty()) return null;
        return c.addSeries(name, x, y);
    }

    private static void dashed(XYSeries s, Color colour) {
        if (s == null) return;
        s.setLineColor(colour);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
    }
}
