package org.mscsim.assay;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.mscsim.output.Charts;

/** Bar charts with ± SD error bars for assay readouts. */
final class AssayCharts {

    static final Color[] SERIES = {
        new Color(0x00, 0x72, 0xB2), new Color(0xE6, 0x9F, 0x00), new Color(0x00, 0x9E, 0x73),
        new Color(0xCC, 0x79, 0xA7), new Color(0x56, 0xB4, 0xE9), new Color(0xD5, 0x5E, 0x00)};

    /** One bar group per category, one bar per series. */
    record Bars(String series, List<String> categories, List<Stats> values) {
    }

    private AssayCharts() {
    }

    static JFreeChart bars(String title, String categoryLabel, String valueLabel, List<Bars> series) {
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        for (Bars s : series) {
            for (int i = 0; i < s.categories().size(); i++) {
                Stats v = s.values().get(i);
                data.add(v.mean(), v.sd(), s.series(), s.categories().get(i));
            }
        }
        StatisticalBarRenderer r = new StatisticalBarRenderer();
        r.setErrorIndicatorPaint(Color.DARK_GRAY);
        r.setErrorIndicatorStroke(new BasicStroke(1.5f));
        r.setShadowVisible(false);
        r.setDrawBarOutline(false);
        r.setItemMargin(0.05);
        for (int i = 0; i < series.size(); i++) {
            r.setSeriesPaint(i, SERIES[i % SERIES.length]);
        }
        CategoryAxis x = new CategoryAxis(categoryLabel);
        x.setTickLabelFont(new Font("SansSerif", Font.PLAIN, 13));
        // Long conditions ("MSC + indomethacin (COX-2)") wrap onto a second or third line; with
        // JFreeChart's default of one line they were cut to "MSC…".
        x.setMaximumCategoryLabelLines(3);
        if (series.get(0).categories().size() > 5) {
            x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        NumberAxis y = new NumberAxis(valueLabel);
        y.setAutoRangeIncludesZero(true);
        CategoryPlot plot = new CategoryPlot(data, x, y, r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        plot.setOutlineVisible(false);
        ValueMarker zero = new ValueMarker(0, Color.GRAY, new BasicStroke(1f));
        plot.addRangeMarker(zero);
        JFreeChart chart = Charts.chart(title, plot);
        chart.getLegend().setVisible(series.size() > 1);
        return chart;
    }
}
