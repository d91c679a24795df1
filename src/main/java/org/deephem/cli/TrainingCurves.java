package org.deephem.cli;

import java.nio.file.Path;
import java.util.List;
import org.deephem.io.AtomicFiles;
import org.deephem.train.EpochLog;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/** PNG of the per-epoch losses, domain accuracy and selection figures. */
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
        c.addSeries("selection AUC (chose the epoch; not an estimate)", x, log.stream().mapToDouble(e -> Double.isNaN(e.selectionAuc()) ? 0 : e.selectionAuc()).toArray());
        c.addSeries("selection log-loss", x, log.stream().mapToDouble(e -> Double.isNaN(e.selectionLogLoss()) ? 0 : e.selectionLogLoss()).toArray());
        double top = 1.0;
        for (EpochLog e : log) top = Math.max(top, Math.max(e.advLoss(), Math.max(e.clsLoss(), e.selectionLogLoss())));
        if (selected >= 1) {
            var marker = c.addSeries("selected epoch", new double[] {selected, selected}, new double[] {0, top});
            marker.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
            marker.setLineColor(java.awt.Color.BLACK);
        }
        AtomicFiles.write(png, os -> BitmapEncoder.saveBitmap(c, os, BitmapEncoder.BitmapFormat.PNG));
    }
}
