package org.mscsim.viz.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.RangeType;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.mscsim.output.Charts;

/**
 * One chart on screen: JFreeChart's dataset → renderer → plot → chart for a {@link ChartSpec},
 * fed rows of observables and marked with interventions on its time axis. Event thread only.
 */
public final class LiveChart {

    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    static final Font AXIS_LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Font MARKER_LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
    private static final Color MARKER = new Color(0x44, 0x44, 0x44);
    private static final BasicStroke MARKER_STROKE = new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
            10f, new float[] {4f, 3f}, 0f);

    private final ChartSpec spec;
    private final int time;
    private final List<XYPlot> plots = new ArrayList<>();
    private final List<XYSeries> series = new ArrayList<>();
    private final List<ToDoubleFunction<double[]>> values = new ArrayList<>();
    private final List<ValueMarker> markers = new ArrayList<>();
    private final JFreeChart chart;
    private final ChartPanel panel;

    public LiveChart(ChartSpec spec, Columns columns) {
        this.spec = spec;
        this.time = columns.index("time_h");
        NumberAxis timeAxis = new NumberAxis("time (h)");
        timeAxis.setAutoRangeIncludesZero(true);
        timeAxis.setRangeType(RangeType.POSITIVE);
        timeAxis.setAutoRangeMinimumSize(1);
        styleAxis(timeAxis);
        Plot plot;
        if (spec.panels().size() == 1) {
            plot = xyPlot(spec.panels().get(0), columns, timeAxis);
        } else {
            CombinedDomainXYPlot combined = new CombinedDomainXYPlot(timeAxis);
            combined.setGap(8);
            for (ChartSpec.Panel p : spec.panels()) {
                combined.add(xyPlot(p, columns, null), 1);
            }
            plot = combined;
        }
        chart = Charts.chart(spec.title(), plot);
        chart.getTitle().setFont(TITLE);
        chart.getLegend().setItemFont(LEGEND);
        chart.setPadding(new RectangleInsets(2, 2, 2, 6));
        panel = new ChartPanel(chart, true);
        // Never scale the drawing up or down: keep fonts at their real size whatever the panel size.
        panel.setMinimumDrawWidth(100);
        panel.setMinimumDrawHeight(100);
        panel.setMaximumDrawWidth(4000);
        panel.setMaximumDrawHeight(3000);
    }

    private XYPlot xyPlot(ChartSpec.Panel p, Columns columns, NumberAxis timeAxis) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < p.lines().size(); i++) {
            ChartSpec.Line l = p.lines().get(i);
            XYSeries s = new XYSeries(l.label(), false, true);
            data.addSeries(s);
            series.add(s);
            values.add(l.measure().bind(columns));
            r.setSeriesPaint(i, l.color());
            r.setSeriesStroke(i, new BasicStroke(2f));
        }
        NumberAxis y = new NumberAxis(p.yLabel());
        y.setAutoRangeIncludesZero(true);
        y.setRangeType(RangeType.POSITIVE);
        y.setAutoRangeMinimumSize(p.minRange());
        styleAxis(y);
        XYPlot plot = new XYPlot(data, timeAxis, y, r);
        Charts.style(plot);
        plots.add(plot);
        return plot;
    }

    private static void styleAxis(NumberAxis a) {
        a.setLabelFont(AXIS_LABEL);
        a.setTickLabelFont(TICKS);
    }

    public ChartSpec spec() {
        return spec;
    }

    public JFreeChart chart() {
        return chart;
    }

    public ChartPanel panel() {
        return panel;
    }

    /** Adds rows to every line, then redraws once. */
    public void append(List<double[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        for (int i = 0; i < series.size(); i++) {
            XYSeries s = series.get(i);
            ToDoubleFunction<double[]> f = values.get(i);
            for (double[] row : rows) {
                s.add(row[time], f.applyAsDouble(row), false);
            }
            s.fireSeriesChanged();
        }
    }

    /** Empties every line and removes the intervention marks (a new run starts). */
    public void clear() {
        for (XYSeries s : series) {
            s.clear();
        }
        for (XYPlot p : plots) {
            p.clearDomainMarkers();
        }
        markers.clear();
    }

    /**
     * Marks an intervention at {@code timeH} on every panel, labelled on the top one. Labels are
     * staggered in three rows so interventions close in time stay readable.
     */
    public void mark(double timeH, String label) {
        for (int i = 0; i < plots.size(); i++) {
            ValueMarker m = new ValueMarker(timeH, MARKER, MARKER_STROKE);
            if (i == 0) {
                m.setLabel(label);
                m.setLabelFont(MARKER_LABEL);
                m.setLabelPaint(MARKER);
                m.setLabelBackgroundColor(new java.awt.Color(255, 255, 255, 140)); // lines under the label stay visible
                m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
                m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
                m.setLabelOffset(new RectangleInsets(2 + 12 * (markers.size() % 3), 2, 2, 2));
                markers.add(m);
            }
            plots.get(i).addDomainMarker(m);
        }
    }

    /** The labels of the intervention marks, in time order of marking. */
    public List<String> markLabels() {
        List<String> out = new ArrayList<>();
        for (ValueMarker m : markers) {
            out.add(m.getLabel());
        }
        return out;
    }

    /** Line labels with their panel's unit, for CSV headers. */
    List<String> headers() {
        List<String> out = new ArrayList<>();
        for (ChartSpec.Panel p : spec.panels()) {
            for (ChartSpec.Line l : p.lines()) {
                out.add(l.label() + " (" + p.yLabel() + ")");
            }
        }
        return out;
    }

    /** The plotted value of every line for one row of observables. */
    double[] valuesOf(double[] row) {
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i).applyAsDouble(row);
        }
        return out;
    }

    int timeIndex() {
        return time;
    }
}
