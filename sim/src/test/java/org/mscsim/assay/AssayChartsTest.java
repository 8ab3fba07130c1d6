package org.mscsim.assay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.text.TextBlock;
import org.jfree.chart.text.TextLine;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;
import org.mscsim.scenario.ScenarioLoader;

class AssayChartsTest {

    /**
     * The category labels JFreeChart would draw shortened ("MSC…") in a chart of this size: each
     * label is laid out as the axis lays it out and compared, whitespace aside, with the whole text.
     */
    static List<String> cutCategoryLabels(JFreeChart chart, int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        ChartRenderingInfo info = new ChartRenderingInfo();
        chart.draw(g2, new Rectangle2D.Double(0, 0, width, height), info);
        Rectangle2D dataArea = info.getPlotInfo().getDataArea();
        CategoryPlot plot = chart.getCategoryPlot();
        CategoryAxis axis = plot.getDomainAxis();
        List<?> categories = plot.getCategories();
        Method categorySize = CategoryAxis.class.getDeclaredMethod("calculateCategorySize", int.class, Rectangle2D.class,
                RectangleEdge.class);
        categorySize.setAccessible(true);
        float labelWidth = (float) ((double) categorySize.invoke(axis, categories.size(), dataArea, RectangleEdge.BOTTOM)
                * axis.getCategoryLabelPositions().getLabelPosition(RectangleEdge.BOTTOM).getWidthRatio());
        Method createLabel = CategoryAxis.class.getDeclaredMethod("createLabel", Comparable.class, float.class,
                RectangleEdge.class, Graphics2D.class);
        createLabel.setAccessible(true);
        List<String> cut = new ArrayList<>();
        for (Object c : categories) {
            TextBlock block = (TextBlock) createLabel.invoke(axis, c, labelWidth, RectangleEdge.BOTTOM, g2);
            StringBuilder drawn = new StringBuilder();
            for (Object line : block.getLines()) {
                drawn.append(((TextLine) line).getFirstTextFragment().getText());
            }
            if (!drawn.toString().replaceAll("\\s", "").equals(c.toString().replaceAll("\\s", ""))) {
                cut.add(c + " drawn as " + drawn);
            }
        }
        g2.dispose();
        return cut;
    }

    @Test
    void everyBlockadeBarIsLabelledInFull() throws Exception {
        Assays.Blockade b = Assays.blockade(ScenarioLoader.builtIn(ScenarioLoader.DEFAULT_SCENARIO, List.of("grid.width=30",
                "grid.height=30", "populations.msc=10", "populations.t_cd4=60", "populations.t_cd8=30", "populations.b=10",
                "populations.nk=10", "populations.macrophage=10", "time.hours=12", "output.charts=false")),
                Assays.Ratio.parse("1:10"), new Assays.Options(1, 1, null));
        assertEquals(1, b.report().charts().size());
        JFreeChart chart = b.report().charts().get(0).chart();
        assertEquals(5, chart.getCategoryPlot().getCategories().size(), "four single blockades and all four");
        List<String> cut = cutCategoryLabels(chart, 1000, 620);
        assertTrue(cut.isEmpty(), "labels cut in blockade.png: " + cut);
    }

    @Test
    void longLabelsWrapRatherThanBeingCut() throws Exception {
        List<String> cats = List.of("MSC + anti-PD-L1", "MSC + 1-MT (IDO)", "MSC + indomethacin (COX-2)", "MSC + anti-TGF-β",
                "MSC + all four");
        Stats s = Stats.of(new double[] {1, 2});
        JFreeChart chart = AssayCharts.bars("t", "condition", "value",
                List.of(new AssayCharts.Bars("x", cats, List.of(s, s, s, s, s))));
        assertEquals(List.of(), cutCategoryLabels(chart, 1000, 620));
    }
}
