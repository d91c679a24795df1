package org.deephem.figures;

import java.awt.Graphics2D;
import java.util.List;

/** Several figures stacked top to bottom as one (small multiples), each at its own size. */
public final class Panels implements Figure {
    private final List<Figure> panels;
    private final String title;

    public Panels(String title, List<Figure> panels) {
        if (panels.isEmpty()) throw new IllegalArgumentException("no panels");
        this.title = title;
        this.panels = List.copyOf(panels);
    }

    @Override
    public int width() {
        return panels.stream().mapToInt(Figure::width).max().orElseThrow();
    }

    @Override
    public int height() {
        return panels.stream().mapToInt(Figure::height).sum();
    }

    /** The panels' titles, joined (each is drawn over its own panel and checked there). */
    @Override
    public String title() {
        return title;
    }

    @Override
    public void paint(Graphics2D g) {
        int y = 0;
        for (Figure f : panels) {
            Graphics2D h = (Graphics2D) g.create();
            try {
                h.translate(0, y);
                h.setClip(0, 0, f.width(), f.height());
                f.paint(h);
            } finally {
                h.dispose();
            }
            y += f.height();
        }
    }
}
