package org.deephem.cli;

import java.nio.file.Path;
import java.util.List;
import org.deephem.io.AtomicFiles;
import org.deephem.train.EpochLog;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/** PNG of the per-epoch losses, domain accuracy and validation figures. */
final class TrainingCurves {
    private TrainingCurves() {}

    static void write(Path png, List<EpochLog> log, int selected) {
        if (log.isEmpty()) return;
        XYChart c = new XYChartBuilder().width(900).height(500).title("Training curves (selected epoch " + selected + ")")
                .xAxisTitle("epoch").yAxisTitle("value").build();
        double[] x = log.stream().mapToDouble(EpochLog::epoch).toArray();
        c.addSeries("classification loss", x, log.stream().mapToDouble(EpochLog::clsLoss).toArray());
        c.addSeries("MMD", x, log.stream().mapToDouble(EpochLog::mmdLoss).toArray());
        c.addSeries("adversarial loss", x, log.stream().mapToDouble(EpochLog::advLoss).toArray());
        c.addSeries("domain accuracy", x, log.stream().mapToDouble(EpochLog::domainAccuracy).toArray());
        c.addSeries("validation AUC", x, log.stream().mapToDouble(e -> Double.isNaN(e.valAuc()) ? 0 : e.valAuc()).toArray());
        c.addSeries("validation log-loss", x, log.stream().mapToDouble(e -> Double.isNaN(e.valLogLoss()) ? 0 : e.valLogLoss()).toArray());
        double top = 1.0;
        for (EpochLog e : log) top = Math.max(top, Math.max(e.advLoss(), Math.max(e.clsLoss(), e.valLogLoss())));
        if (selected >= 1) {
            var marker = c.addSeries("selected epoch", new double[] {selected, selected}, new double[] {0, top});
            marker.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
            marker.setLineColor(java.awt.Color.BLACK);
        }
        AtomicFiles.write(png, os -> BitmapEncoder.saveBitmap(c, os, BitmapEncoder.BitmapFormat.PNG));
    }
}
