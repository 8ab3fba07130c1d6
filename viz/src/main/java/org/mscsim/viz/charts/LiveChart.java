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
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.RangeType;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.mscsim.output.Charts;

/**
 * One chart on screen: JFreeChart's dataset → renderer → plot → chart for a {@link ChartSpec},
 * fed rows of observables and marked with interventions on its time axis. Event thread only.
 */
public final class LiveChart {

    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 12);
    static final Font AXIS_LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    /**
     * Room between stacked panels: more than a tick label's height, so the lower panel's top label
     * and the upper panel's "0", each centred on its tick, do not print over each other.
     */
    public static final int STACK_GAP = TICKS.getSize() + 4;
    private static final Color MARKER = new Color(0x44, 0x44, 0x44);
    private static final BasicStroke MARKER_STROKE = new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
            10f, new float[] {4f, 3f}, 0f);

    private final ChartSpec spec;
    private final int time;
    private final List<XYPlot> plots = new ArrayList<>();
    private MarkedPlot top;
    private final List<XYSeries> series = new ArrayList<>();
    private final List<ToDoubleFunction<double[]>> values = new ArrayList<>();
    private final JFreeChart chart;
    private final ChartPanel panel;
    private int sizedForWidth = -1;
    private int minimumHeight;

    /** The least height a chart's only panel gets to plot in (px). */
    static final int MIN_PLOT_PX = 80;
    /** The least height each of several stacked panels gets to plot in (px). */
    static final int MIN_STACKED_PLOT_PX = 40;

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
            combined.setGap(STACK_GAP);
            for (ChartSpec.Panel p : spec.panels()) {
                combined.add(xyPlot(p, columns, null), 1);
            }
            plot = combined;
        }
        chart = Charts.chart(spec.title(), plot);
        chart.getTitle().setFont(TITLE);
        chart.getLegend().setItemFont(LEGEND);
        // Tighter legend lines than JFreeChart's default: two or three of them under a small chart.
        chart.getLegend().setItemLabelPadding(new RectangleInsets(0, 2, 0, 2));
        chart.getLegend().setMargin(new RectangleInsets(0, 1, 1, 1));
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
            r.setSeriesStroke(i, l.style().stroke(2f));
        }
        NumberAxis y = new NumberAxis(p.yLabel());
        y.setAutoRangeIncludesZero(true);
        y.setRangeType(RangeType.POSITIVE);
        y.setAutoRangeMinimumSize(p.minRange());
        styleAxis(y);
        MarkedPlot plot = new MarkedPlot(data, timeAxis, y, r);
        Charts.style(plot);
        plots.add(plot);
        if (top == null) {
            top = plot;
        }
        return plot;
    }

    private static void styleAxis(NumberAxis a) {
        a.setLabelFont(AXIS_LABEL);
        a.setTickLabelFont(TICKS);
    }

    /**
     * The least height at which this chart, drawn {@code width} wide, keeps {@link #MIN_PLOT_PX}
     * (or {@link #MIN_STACKED_PLOT_PX} per stacked panel) to plot in: what the title, the legend
     * (more lines the narrower the chart) and the time axis take is measured by drawing it once.
     */
    public int minimumHeight(int width) {
        if (width != sizedForWidth) {
            int probe = 1000;
            java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = img.createGraphics();
            org.jfree.chart.ChartRenderingInfo info = new org.jfree.chart.ChartRenderingInfo();
            chart.draw(g, new java.awt.geom.Rectangle2D.Double(0, 0, Math.max(width, 100), probe), info);
            g.dispose();
            org.jfree.chart.plot.PlotRenderingInfo plot = info.getPlotInfo();
            int panels = spec.panels().size();
            double plotted = 0;
            if (plot.getSubplotCount() == 0) {
                plotted = plot.getDataArea().getHeight();
            } else {
                for (int i = 0; i < plot.getSubplotCount(); i++) {
                    plotted += plot.getSubplotInfo(i).getDataArea().getHeight();
                }
            }
            minimumHeight = (int) Math.ceil(probe - plotted) + (panels == 1 ? MIN_PLOT_PX : panels * MIN_STACKED_PLOT_PX);
            sizedForWidth = width;
        }
        return minimumHeight;
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
        top.clearLabels();
    }

    /**
     * Marks an intervention at {@code timeH} on every panel, labelled on the top one (see
     * {@link MarkedPlot} for where the label goes).
     */
    public void mark(double timeH, String label) {
        for (XYPlot p : plots) {
            p.addDomainMarker(new ValueMarker(timeH, MARKER, MARKER_STROKE));
        }
        top.label(timeH, label);
    }

    /** The labels of the intervention marks, in order of marking (those at one time together). */
    public List<String> markLabels() {
        return top.labels();
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
