package org.deephem.figures;

import java.util.Locale;
import org.deephem.eval.QuintileTrend;
import org.knowm.xchart.BoxChart;
import org.knowm.xchart.BoxChartBuilder;
import org.knowm.xchart.style.BoxStyler;

/** An indicator (conservation, DSW) across human score quintiles; the trend test goes in the caption (it does not fit a title). */
public final class TrendBoxplots {
    private TrendBoxplots() {}

    public static BoxChart chart(QuintileTrend t) {
        BoxChart c = new BoxChartBuilder().width(600).height(250)
                .title(String.format(Locale.ROOT, "%s by human score quintile", t.indicator()))
                .xAxisTitle("score quintile (Q1 lowest … Q5 highest)").yAxisTitle(t.indicator()).build();
        FigureFiles.style(c.getStyler());
        c.getStyler().setBoxplotCalCulationMethod(BoxStyler.BoxplotCalCulationMethod.N_LESS_1_PLUS_1);
        c.getStyler().setToolTipsEnabled(false);
        c.getStyler().setChartTitleFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 13));
        for (int q = 0; q < t.groups().size(); q++) {
            double[] g = t.groups().get(q);
            // XChart cannot draw an empty box; an empty quintile only happens with < 5 rows
            c.addSeries(String.format(Locale.ROOT, "Q%d (n=%d)", q + 1, g.length), g.length == 0 ? new double[] {Double.NaN} : g);
        }
        return c;
    }
}
