package org.deephem.figures;

import java.awt.Color;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * Every candidate of the default's selection beside the baselines: mean human Spearman with
 * conservation and with DSW, one bar pair per method, error bars = sd over seeds (none for the
 * deterministic single-feature baselines). Shown, never used for choosing.
 */
public final class CandidateChart {
    private CandidateChart() {}

    /** One bar of the chart: a method's label and its two means and sds (sd NaN → no bar). */
    public record Bar(String label, double conservation, double conservationSd, double dsw, double dswSd) {}

    public static CategoryChart chart(String title, List<Bar> bars) {
        CategoryChart c = new CategoryChartBuilder().width(Math.max(760, 48 * bars.size() + 160)).height(520).title(title)
                .xAxisTitle("candidate (pick marked *) and baselines").yAxisTitle("human Spearman (mean ± sd over seeds)").build();
        FigureFiles.style(c.getStyler());
        c.getStyler().setXAxisLabelRotation(60);
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        c.getStyler().setToolTipsEnabled(false);
        c.getStyler().setErrorBarsColor(Color.DARK_GRAY);
        c.getStyler().setSeriesColors(new Color[] {Palette.BLUE, Palette.VERMILLION});
        List<String> x = bars.stream().map(Bar::label).toList();
        c.addSeries("conservation", x, bars.stream().map(b -> (Number) b.conservation()).toList(),
                bars.stream().map(b -> (Number) (Double.isNaN(b.conservationSd()) ? 0.0 : b.conservationSd())).toList());
        c.addSeries("DSW", x, bars.stream().map(b -> (Number) b.dsw()).toList(),
                bars.stream().map(b -> (Number) (Double.isNaN(b.dswSd()) ? 0.0 : b.dswSd())).toList());
        return c;
    }
}
