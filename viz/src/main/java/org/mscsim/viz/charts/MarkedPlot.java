package org.mscsim.viz.charts;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYDataset;

/**
 * An XY plot that labels the intervention marks on its time axis itself, laid out together at
 * drawing time: JFreeChart places each marker's label on its own, so a label near the right edge
 * was cut off and two interventions at one time printed over each other. Here a label goes left
 * of its mark when the right has no room, interventions at the same time share one label (a line
 * each), and a label that would cover another moves down below it.
 */
final class MarkedPlot extends XYPlot {

    private static final long serialVersionUID = 1L;
    static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
    private static final Color TEXT = new Color(0x44, 0x44, 0x44);
    private static final Color BACKGROUND = new Color(255, 255, 255, 170); // lines under a label stay visible
    /** Space between a mark and its label, and around the text (px). */
    private static final int PAD = 3;

    /** The interventions at one time: the mark's time and one label line each, in order of marking. */
    record Mark(double timeH, List<String> lines) {
    }

    private final List<Mark> marks = new ArrayList<>();

    MarkedPlot(XYDataset data, ValueAxis timeAxis, ValueAxis y, XYItemRenderer renderer) {
        super(data, timeAxis, y, renderer);
    }

    /** Adds a label at {@code timeH}, to the label already there if another intervention shares the time. */
    void label(double timeH, String text) {
        for (Mark m : marks) {
            if (Math.abs(m.timeH() - timeH) < 1e-9) {
                m.lines().add(text);
                fireChangeEvent();
                return;
            }
        }
        marks.add(new Mark(timeH, new ArrayList<>(List.of(text))));
        fireChangeEvent();
    }

    /** Every label line, in order of marking by time. */
    List<String> labels() {
        List<String> out = new ArrayList<>();
        for (Mark m : marks) {
            out.addAll(m.lines());
        }
        return out;
    }

    void clearLabels() {
        marks.clear();
        fireChangeEvent();
    }

    @Override
    protected void drawDomainMarkers(Graphics2D g2, Rectangle2D dataArea, int index, Layer layer) {
        super.drawDomainMarkers(g2, dataArea, index, layer);
        if (index == 0 && layer == Layer.FOREGROUND && !marks.isEmpty()) {
            drawLabels(g2, dataArea);
        }
    }

    private void drawLabels(Graphics2D g2, Rectangle2D area) {
        ValueAxis axis = getDomainAxis();
        if (axis == null) {
            return;
        }
        List<Mark> sorted = new ArrayList<>(marks);
        sorted.sort((a, b) -> Double.compare(a.timeH(), b.timeH()));
        g2.setFont(FONT);
        FontMetrics fm = g2.getFontMetrics();
        int lineH = fm.getHeight();
        List<double[]> boxes = new ArrayList<>();
        List<Mark> shown = new ArrayList<>();
        for (Mark m : sorted) {
            double x = axis.valueToJava2D(m.timeH(), area, getDomainAxisEdge());
            if (x < area.getMinX() - 0.5 || x > area.getMaxX() + 0.5) {
                continue;
            }
            int w = 0;
            for (String l : m.lines()) {
                w = Math.max(w, fm.stringWidth(l));
            }
            boxes.add(new double[] {x, w + 2 * PAD, m.lines().size() * lineH + PAD});
            shown.add(m);
        }
        List<Rectangle2D> placed = layout(boxes, area);
        for (int i = 0; i < shown.size(); i++) {
            Rectangle2D r = placed.get(i);
            g2.setPaint(BACKGROUND);
            g2.fill(r);
            g2.setPaint(TEXT);
            float y = (float) (r.getMinY() + fm.getAscent() + 1);
            for (String l : shown.get(i).lines()) {
                g2.drawString(l, (float) (r.getMinX() + PAD), y);
                y += lineH;
            }
        }
    }

    /**
     * Where the labels go: each box ({x of its mark, width, height}, in time order) right of its
     * mark, or left of it when the right edge of {@code area} is too close, never past the left
     * edge; moved down below any label placed before it that it would cover.
     */
    static List<Rectangle2D> layout(List<double[]> boxes, Rectangle2D area) {
        List<Rectangle2D> placed = new ArrayList<>();
        for (double[] b : boxes) {
            double x = b[0];
            double w = b[1];
            double h = b[2];
            double left = x + PAD;
            if (left + w > area.getMaxX()) {
                left = Math.max(area.getMinX(), x - PAD - w);
            }
            double top = area.getMinY() + PAD;
            boolean moved = true;
            while (moved) {
                moved = false;
                for (Rectangle2D r : placed) {
                    if (left < r.getMaxX() + 1 && r.getMinX() < left + w + 1 && top < r.getMaxY() + 1 && r.getMinY() < top + h + 1) {
                        top = r.getMaxY() + 1;
                        moved = true;
                    }
                }
            }
            placed.add(new Rectangle2D.Double(left, top, w, h));
        }
        return placed;
    }
}
