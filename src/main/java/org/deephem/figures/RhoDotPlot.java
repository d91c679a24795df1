package org.deephem.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A dot-and-whisker plot of one coefficient (e.g. Spearman ρ) for a list of methods or variants,
 * one row each, in side-by-side panels that share one x scale (e.g. conservation | DSW): a row
 * with several runs shows each run as a small point and their mean ± sd as a large dot with a
 * whisker; a row with one run shows a diamond. Reference lines (e.g. the "has any MTI target"
 * baseline) run through every panel at their own value, dashed, and are named in the legend below
 * the plot area. Drawn with Java2D, so the same code gives the PNG, SVG and PDF.
 */
public final class RhoDotPlot implements Figure {
    /**
     * One row: a label, one array of run values per panel (several runs: seeds, each drawn), and
     * whether it is emphasised (the network, a reference variant). {@code mean}/{@code sd}: given
     * summaries per panel when the runs themselves are not at hand (null: from the runs).
     */
    public record Row(String label, List<double[]> runs, boolean emphasised, double[] givenMean, double[] givenSd) {
        public Row(String label, List<double[]> runs, boolean emphasised) {
            this(label, runs, emphasised, null, null);
        }

        /** A row known only by its mean ± sd per panel (e.g. read back from a summary table). */
        public static Row summary(String label, double[] mean, double[] sd, boolean emphasised) {
            List<double[]> none = new ArrayList<>();
            for (int i = 0; i < mean.length; i++) none.add(new double[0]);
            return new Row(label, none, emphasised, mean.clone(), sd.clone());
        }

        double mean(int panel) {
            if (givenMean != null) return givenMean[panel];
            double[] v = finite(runs.get(panel));
            if (v.length == 0) return Double.NaN;
            double s = 0;
            for (double x : v) s += x;
            return s / v.length;
        }

        double sd(int panel) {
            if (givenSd != null) return givenSd[panel];
            double[] v = finite(runs.get(panel));
            if (v.length < 2) return Double.NaN;
            double m = mean(panel), ss = 0;
            for (double x : v) ss += (x - m) * (x - m);
            return Math.sqrt(ss / (v.length - 1));
        }

        /** Drawn as one diamond: a single run and no given summary. */
        boolean single(int panel) {
            return givenMean == null && finite(runs.get(panel)).length == 1;
        }
    }

    /** A vertical line in each panel at {@code values[panel]} (NaN: none in that panel). */
    public record Line(String label, double[] values, Color colour) {}

    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16), LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13),
            SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 12), HEAD = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    static final int ROW = 20, GAP = 36, PAD = 10;
    static final Color EMPHASIS = Palette.BLUE, RUN = Palette.SKY, SINGLE = new Color(0x333333), GRID = new Color(0xDDDDDD),
            SHADE = new Color(0xF4F4F4);

    private final String title, axis;
    private final List<String> panels;
    private final List<Row> rows;
    private final List<Line> lines;
    private final int width;
    private final List<String> titleLines;
    private final int labelWidth;
    private final double lo, hi, step;
    private final List<List<String>> legend;

    /**
     * @param panels the panel headings (e.g. "conservation", "DSW")
     * @param axis   the x-axis label (e.g. "Spearman ρ with the indicator")
     * @param width  the figure's width in pixels; its height follows from the rows
     */
    public RhoDotPlot(String title, List<String> panels, List<Row> rows, List<Line> lines, String axis, int width) {
        if (panels.isEmpty() || rows.isEmpty()) throw new IllegalArgumentException("nothing to draw");
        for (Row r : rows) if (r.runs().size() != panels.size()) throw new IllegalArgumentException(r.label() + ": one run array per panel");
        for (Line l : lines) if (l.values().length != panels.size()) throw new IllegalArgumentException(l.label() + ": one value per panel");
        this.title = title;
        this.axis = axis;
        this.panels = List.copyOf(panels);
        this.rows = List.copyOf(rows);
        this.lines = List.copyOf(lines);
        this.width = width;
        this.titleLines = Titles.wrap(title, TITLE, width - Titles.MARGIN);
        int lw = 0;
        for (Row r : rows) lw = Math.max(lw, (int) Math.ceil(Titles.width(r.label(), r.emphasised() ? HEAD : LABEL)));
        this.labelWidth = Math.min(lw + 14, width / 3);
        double min = 0, max = 0;
        for (Row r : rows) {
            for (int p = 0; p < panels.size(); p++) {
                for (double v : finite(r.runs().get(p))) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
                double m = r.mean(p), s = r.sd(p);
                if (Double.isFinite(s)) {
                    min = Math.min(min, m - s);
                    max = Math.max(max, m + s);
                }
            }
        }
        for (Line l : lines) for (double v : finite(l.values())) { min = Math.min(min, v); max = Math.max(max, v); }
        this.step = niceStep((max - min) / 5);
        this.lo = Math.floor(min / step - 1e-9) * step;
        this.hi = Math.ceil(max / step + 1e-9) * step + (max == 0 && min == 0 ? step : 0);
        this.legend = legendLines();
    }

    private List<List<String>> legendLines() {
        List<String> items = new ArrayList<>();
        boolean runs = false, single = false, summary = false;
        for (Row r : rows) {
            for (int p = 0; p < panels.size(); p++) {
                if (r.single(p)) single = true;
                else if (Double.isFinite(r.mean(p))) summary = true;
                if (finite(r.runs().get(p)).length > 1) runs = true;
            }
        }
        if (summary) items.add("●|mean ± sd over seeds");
        if (runs) items.add("○|one seed");
        if (single) items.add("◆|one fit (a deterministic method)");
        for (Line l : lines) items.add("—|" + l.label());
        // greedy: as many items per line as fit
        List<List<String>> out = new ArrayList<>();
        List<String> cur = new ArrayList<>();
        double used = 0, avail = width - 2 * PAD;
        for (String it : items) {
            double w = 34 + Titles.width(it.substring(2), SMALL) + 18;
            if (!cur.isEmpty() && used + w > avail) {
                out.add(cur);
                cur = new ArrayList<>();
                used = 0;
            }
            cur.add(it);
            used += w;
        }
        if (!cur.isEmpty()) out.add(cur);
        return out;
    }

    static double niceStep(double raw) {
        if (!(raw > 0)) return 0.1;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) if (m * mag >= raw) return m * mag;
        return 10 * mag;
    }

    private int titleHeight() {
        return PAD + titleLines.size() * 21 + 4;
    }

    private int plotTop() {
        return titleHeight() + 24;
    }

    private int plotHeight() {
        return rows.size() * ROW + 6;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return plotTop() + plotHeight() + 48 + legend.size() * 20 + PAD;
    }

    @Override
    public String title() {
        return title;
    }

    /** The title as drawn, one string per line. */
    public List<String> titleLines() {
        return titleLines;
    }

    private double panelWidth() {
        return (width - 2 * PAD - labelWidth - GAP * (panels.size() - 1)) / (double) panels.size();
    }

    private double x(int panel, double v) {
        double left = PAD + labelWidth + panel * (panelWidth() + GAP);
        return left + (v - lo) / (hi - lo) * panelWidth();
    }

    @Override
    public void paint(Graphics2D g) {
        FigureFiles.hints(g);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height());
        g.setColor(Color.BLACK);
        g.setFont(TITLE);
        FontMetrics tm = g.getFontMetrics();
        int y = PAD + tm.getAscent();
        for (String line : titleLines) {
            g.drawString(line, (float) ((width - Titles.width(line, TITLE)) / 2), y);
            y += 21;
        }
        int top = plotTop(), h = plotHeight();
        double pw = panelWidth();
        // row shading and labels
        for (int i = 0; i < rows.size(); i++) {
            int ry = top + 3 + i * ROW;
            if (i % 2 == 1) {
                g.setColor(SHADE);
                g.fillRect(PAD, ry, width - 2 * PAD, ROW);
            }
            Row r = rows.get(i);
            g.setColor(r.emphasised() ? EMPHASIS : Color.BLACK);
            g.setFont(r.emphasised() ? HEAD : LABEL);
            String label = r.label();
            while (label.length() > 4 && Titles.width(label, g.getFont()) > labelWidth - 10) label = label.substring(0, label.length() - 2) + "…";
            g.drawString(label, (float) (PAD + labelWidth - 8 - Titles.width(label, g.getFont())), ry + 15);
        }
        Stroke thin = new BasicStroke(1f), whisker = new BasicStroke(2.2f),
                dashed = new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
        for (int p = 0; p < panels.size(); p++) {
            double left = x(p, lo), right = x(p, hi);
            g.setFont(HEAD);
            g.setColor(Color.BLACK);
            String head = panels.get(p);
            g.drawString(head, (float) ((left + right - Titles.width(head, HEAD)) / 2), top - 8);
            // grid and ticks
            g.setFont(SMALL);
            for (int k = 0; ; k++) {
                double v = lo + k * step;
                if (v > hi + step / 1e6) break;
                double xx = x(p, v);
                g.setColor(Math.abs(v) < step / 1e6 ? Color.GRAY : GRID);
                g.setStroke(thin);
                g.draw(new Line2D.Double(xx, top, xx, top + h));
                g.setColor(Color.BLACK);
                g.draw(new Line2D.Double(xx, top + h, xx, top + h + 4));
                String t = tick(v);
                g.drawString(t, (float) (xx - Titles.width(t, SMALL) / 2), top + h + 18);
            }
            g.setColor(Color.BLACK);
            g.draw(new java.awt.geom.Rectangle2D.Double(left, top, right - left, h));
            g.drawString(axis, (float) ((left + right - Titles.width(axis, SMALL)) / 2), top + h + 36);
            for (Line l : lines) {
                double v = l.values()[p];
                if (!Double.isFinite(v)) continue;
                g.setColor(l.colour());
                g.setStroke(dashed);
                g.draw(new Line2D.Double(x(p, v), top, x(p, v), top + h));
            }
            for (int i = 0; i < rows.size(); i++) {
                Row r = rows.get(i);
                double cy = top + 3 + i * ROW + ROW / 2.0;
                double[] v = finite(r.runs().get(p));
                if (r.single(p)) {
                    diamond(g, x(p, v[0]), cy, 6, SINGLE);
                    continue;
                }
                g.setStroke(thin);
                for (double d : v) {
                    g.setColor(RUN);
                    g.draw(new Ellipse2D.Double(x(p, d) - 3.5, cy - 3.5, 7, 7));
                }
                double m = r.mean(p), s = r.sd(p);
                if (Double.isFinite(m)) {
                    Color c = r.emphasised() ? EMPHASIS : SINGLE;
                    g.setColor(c);
                    if (Double.isFinite(s)) {
                        g.setStroke(whisker);
                        g.draw(new Line2D.Double(x(p, m - s), cy, x(p, m + s), cy));
                        g.draw(new Line2D.Double(x(p, m - s), cy - 4, x(p, m - s), cy + 4));
                        g.draw(new Line2D.Double(x(p, m + s), cy - 4, x(p, m + s), cy + 4));
                    }
                    g.fill(new Ellipse2D.Double(x(p, m) - 5, cy - 5, 10, 10));
                }
            }
        }
        // legend, outside the plot area
        g.setFont(SMALL);
        int ly = top + h + 58;
        for (List<String> line : legend) {
            double lx = PAD;
            for (String it : line) {
                String sym = it.substring(0, 1), text = it.substring(2);
                double cy = ly - 4;
                switch (sym) {
                    case "●" -> {
                        g.setColor(EMPHASIS);
                        g.setStroke(whisker);
                        g.draw(new Line2D.Double(lx + 2, cy, lx + 26, cy));
                        g.fill(new Ellipse2D.Double(lx + 9, cy - 5, 10, 10));
                    }
                    case "○" -> {
                        g.setColor(RUN);
                        g.setStroke(thin);
                        g.draw(new Ellipse2D.Double(lx + 10, cy - 3.5, 7, 7));
                    }
                    case "◆" -> diamond(g, lx + 14, cy, 6, SINGLE);
                    default -> {
                        Line l = lines.stream().filter(x -> x.label().equals(text)).findFirst().orElseThrow();
                        g.setColor(l.colour());
                        g.setStroke(dashed);
                        g.draw(new Line2D.Double(lx + 2, cy, lx + 28, cy));
                    }
                }
                g.setColor(Color.BLACK);
                g.drawString(text, (float) (lx + 34), ly);
                lx += 34 + Titles.width(text, SMALL) + 18;
            }
            ly += 20;
        }
    }

    private static void diamond(Graphics2D g, double cx, double cy, double r, Color c) {
        Path2D.Double d = new Path2D.Double();
        d.moveTo(cx, cy - r);
        d.lineTo(cx + r, cy);
        d.lineTo(cx, cy + r);
        d.lineTo(cx - r, cy);
        d.closePath();
        g.setColor(c);
        g.fill(d);
    }

    private String tick(double v) {
        if (Math.abs(v) < step / 1e6) return "0";
        return new java.text.DecimalFormat("0.###", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT)).format(v);
    }

    static double[] finite(double[] v) {
        return java.util.Arrays.stream(v).filter(Double::isFinite).toArray();
    }
}
