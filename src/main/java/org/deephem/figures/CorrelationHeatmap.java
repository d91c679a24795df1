package org.deephem.figures;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;

/**
 * A correlation matrix as a heat map on a fixed −1..1 diverging scale (blue negative, white 0,
 * red positive) with the value printed in each cell, so that two reports compare by eye.
 */
public final class CorrelationHeatmap {
    /** Diverging ends light enough for black cell text to stay readable. */
    static final Color[] SCALE = {new Color(0x3A7DBF), new Color(0xF7F7F7), new Color(0xD6604D)};

    private CorrelationHeatmap() {}

    /** {@code rho[i][j]} for variables {@code names}; NaN cells (too few rows) are left blank. */
    public static HeatMapChart chart(String title, List<String> names, double[][] rho) {
        int k = names.size();
        if (rho.length != k) throw new IllegalArgumentException("matrix and names differ in size");
        int side = 150 + 46 * k;
        HeatMapChart c;
        // XChart prints cell values with a DecimalFormat made at construction from the default
        // locale; build it under Locale.ROOT so that 0.25 never prints as 0,25
        Locale before = Locale.getDefault(Locale.Category.FORMAT);
        Locale.setDefault(Locale.Category.FORMAT, Locale.ROOT);
        try {
            c = new HeatMapChartBuilder().width(side + 120).height(side).title(title).build();
        } finally {
            Locale.setDefault(Locale.Category.FORMAT, before);
        }
        FigureFiles.style(c.getStyler());
        c.getStyler().setRangeColors(SCALE).setMin(-1).setMax(1).setPiecewise(false).setShowValue(true)
                .setValueFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11)).setValueFontColor(Color.BLACK)
                .setHeatMapValueDecimalPattern("0.00")
                .setDrawBorder(true);
        c.getStyler().setXAxisLabelRotation(40);
        c.getStyler().setPlotGridLinesVisible(false);
        // y runs bottom-up in XChart: reverse it so the first variable is the top row
        List<String> ys = new ArrayList<>(names);
        java.util.Collections.reverse(ys);
        List<Number[]> cells = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                if (Double.isFinite(rho[i][j])) cells.add(new Number[] {j, k - 1 - i, rho[i][j]});
            }
        }
        c.addSeries("Spearman ρ", names, ys, cells);
        return c;
    }
}
