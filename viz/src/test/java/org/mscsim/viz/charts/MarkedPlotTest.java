package org.mscsim.viz.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Intervention labels on the charts: never cut at the right edge, never over each other (headless). */
class MarkedPlotTest {

    private static final Rectangle2D AREA = new Rectangle2D.Double(50, 20, 300, 150);

    @Test
    void aLabelWithoutRoomOnTheRightGoesLeftOfItsMark() {
        List<Rectangle2D> r = MarkedPlot.layout(List.of(new double[] {340, 80, 14}, new double[] {100, 80, 14}), AREA);
        assertTrue(r.get(0).getMaxX() <= 340, "left of the mark at 340: " + r.get(0));
        assertTrue(AREA.contains(r.get(0)), r.get(0).toString());
        assertTrue(r.get(1).getMinX() > 100, "room on the right: it stays there " + r.get(1));
        assertEquals(AREA.getMinX(), MarkedPlot.layout(List.<double[]>of(new double[] {60, 400, 14}), AREA).get(0).getMinX(), 1e-9,
                "a label wider than the plot starts at its left edge");
    }

    @Test
    void labelsThatWouldOverlapAreStackedBelowEachOther() {
        List<double[]> boxes = new ArrayList<>();
        for (double x : new double[] {100, 110, 120, 300}) {
            boxes.add(new double[] {x, 90, 14});
        }
        List<Rectangle2D> r = MarkedPlot.layout(boxes, AREA);
        for (int i = 0; i < r.size(); i++) {
            for (int j = i + 1; j < r.size(); j++) {
                assertFalse(r.get(i).intersects(r.get(j)), i + " and " + j + " overlap: " + r.get(i) + " " + r.get(j));
            }
        }
        assertEquals(r.get(0).getMinY(), r.get(3).getMinY(), 1e-9, "a label far from the others stays in the top row");
    }

    @Test
    void interventionsAtOneTimeShareOneLabelAndStayInsideTheChart() {
        LiveCharts charts = new LiveCharts(Recorder.columns(false));
        LiveChart populations = charts.charts().get(0);
        List<double[]> rows = new ArrayList<>();
        for (int t = 0; t <= 72; t++) {
            double[] row = new double[Recorder.columns(false).names().size()];
            row[0] = t;
            rows.add(row);
        }
        charts.append(rows);
        charts.mark(72, "anti-PD-L1 100 %");
        charts.mark(72, "medium 50 % replaced");
        assertEquals(List.of("anti-PD-L1 100 %", "medium 50 % replaced"), populations.markLabels());
        MarkedPlot top = (MarkedPlot) populations.chart().getPlot();
        assertEquals(2, top.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND).size(), "a line per intervention");

        // Drawn, the label text is inside the plot's data area, left of the mark at its right edge.
        BufferedImage img = new BufferedImage(420, 260, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        org.jfree.chart.ChartRenderingInfo info = new org.jfree.chart.ChartRenderingInfo();
        populations.chart().draw(g, new Rectangle2D.Double(0, 0, 420, 260), info);
        g.dispose();
        Rectangle2D data = info.getPlotInfo().getDataArea();
        double mark = top.getDomainAxis().valueToJava2D(72, data, top.getDomainAxisEdge());
        assertTrue(mark > data.getMaxX() - 40, "the mark is near the right edge: " + mark + " in " + data);
        int textLeft = Integer.MAX_VALUE;
        int textRight = -1;
        int textRows = 0;
        for (int y = (int) data.getMinY(); y < data.getMinY() + 40; y++) {
            boolean any = false;
            for (int x = (int) data.getMinX(); x < (int) mark - 1; x++) {
                if (isText(img.getRGB(x, y))) {
                    textLeft = Math.min(textLeft, x);
                    textRight = Math.max(textRight, x);
                    any = true;
                }
            }
            textRows += any ? 1 : 0;
        }
        assertTrue(textRight > 0, "the label is drawn");
        assertTrue(textLeft > mark - 150 && textLeft >= data.getMinX(), "next to the mark: " + textLeft + ".." + textRight);
        assertTrue(textRows >= 16, "two lines of text, one under the other: " + textRows + " rows of pixels");
    }

    /** The labels' dark grey (anti-aliased), not a chart line's colour or the white background. */
    private static boolean isText(int rgb) {
        Color c = new Color(rgb);
        return Math.abs(c.getRed() - c.getGreen()) < 12 && Math.abs(c.getGreen() - c.getBlue()) < 12 && c.getRed() < 150;
    }
}
