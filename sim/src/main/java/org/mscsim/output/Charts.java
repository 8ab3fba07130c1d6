package org.mscsim.output;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.mscsim.fields.FieldId;

/**
 * The PNG charts a headless run writes into {@code charts/}: dataset, renderer, plot, chart
 * (JFreeChart), from the recorded time series only — a chart never reaches into the model.
 */
public final class Charts {

    public static final int WIDTH = 1000;
    public static final int HEIGHT = 600;
    /** The in-vivo chart stacks five panels: taller, so each keeps a readable axis. */
    static final int IN_VIVO_HEIGHT = 800;

    /**
     * Room between stacked panels that share the time axis: a tick label is centred on its tick,
     * so the lower panel's top label and the upper panel's "0" each reach half a line beyond their
     * panel; with less room than a line they print over each other.
     */
    public static final double STACK_GAP = 16;

    /** A line: its label, time-series column, colour and dash. */
    public record Line(String label, String column, Color color, LineStyle style) {

        /** A solid line. */
        public Line(String label, String column, Color color) {
            this(label, column, color, LineStyle.SOLID);
        }
    }

    public static final List<Line> POPULATIONS = List.of(
            new Line("MSC", "msc", Palette.MSC),
            new Line("CD4+ T", "t_cd4", Palette.T_CD4),
            new Line("CD8+ T", "t_cd8", Palette.T_CD8),
            new Line("B (naive + activated)", "b_total", Palette.B),
            new Line("plasma cells", "plasma", Palette.PLASMA),
            new Line("NK", "nk", Palette.NK_ACTIVATED, LineStyle.DASHED),
            new Line("macrophages", "mac_total", Palette.M0, LineStyle.DASH_DOT));

    public static final List<Line> T_CELLS = List.of(
            new Line("naive", "t_naive", Palette.T_NAIVE),
            new Line("activated (cycling)", "t_activated", Palette.T_ACTIVATED),
            new Line("arrested (inhibited)", "t_suppressed", Palette.T_SUPPRESSED),
            new Line("CD8+CD28− suppressor", "t_cd8_cd28neg", Palette.CD28NEG),
            new Line("Treg", "treg", Palette.TREG));

    public static final List<Line> MYELOID = List.of(
            new Line("M0", "mac_m0", Palette.M0),
            new Line("M1", "mac_m1", Palette.M1),
            new Line("M2", "mac_m2", Palette.M2),
            new Line("NK activated", "nk_activated", Palette.NK_ACTIVATED, LineStyle.DASHED),
            new Line("MSC licensed", "msc_licensed", Palette.MSC_LICENSED, LineStyle.DASH_DOT));

    private Charts() {
    }

    /** Writes every chart of a run into {@code dir}. */
    public static void writeRunCharts(TimeSeries ts, String title, Path dir) throws IOException {
        java.nio.file.Files.createDirectories(dir);
        write(dir.resolve("populations.png"), lines(ts, title + ": populations", "cells", POPULATIONS));
        write(dir.resolve("t_cells.png"), lines(ts, title + ": T-cell phenotypes", "cells", T_CELLS));
        write(dir.resolve("t_divisions.png"), lines(ts, title + ": cumulative T-cell divisions", "divisions",
                List.of(new Line("T-cell divisions", "t_divisions", Palette.T_CD4))));
        write(dir.resolve("macrophages_nk_msc.png"), lines(ts, title + ": polarisation and activation", "cells", MYELOID));
        write(dir.resolve("fields.png"), fields(ts, title + ": soluble fields (patch means)"));
        if (ts.has("platelets")) {
            write(dir.resolve("in_vivo.png"), inVivo(ts, title + ": blood, lung and platelets"), WIDTH, IN_VIVO_HEIGHT);
        }
    }

    static JFreeChart lines(TimeSeries ts, String title, String yLabel, List<Line> lines) {
        XYSeriesCollection data = new XYSeriesCollection();
        double[] t = ts.column("time_h");
        for (Line l : lines) {
            double[] y = values(ts, l.column());
            XYSeries s = new XYSeries(l.label(), false, true);
            for (int i = 0; i < t.length; i++) {
                s.add(t[i], y[i]);
            }
            data.addSeries(s);
        }
        NumberAxis x = new NumberAxis("time (h)");
        NumberAxis yAxis = new NumberAxis(yLabel);
        yAxis.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(data, x, yAxis, renderer(lines));
        style(plot);
        return chart(title, plot);
    }

    static JFreeChart fields(TimeSeries ts, String title) {
        NumberAxis time = new NumberAxis("time (h)");
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(time);
        combined.setGap(STACK_GAP);
        List<FieldId> proteins = List.of(FieldId.PGE2, FieldId.TGF_BETA, FieldId.IFN_GAMMA, FieldId.IL10, FieldId.TNF_ALPHA, FieldId.IL6);
        List<FieldId> metabolites = List.of(FieldId.TRYPTOPHAN, FieldId.KYNURENINE);
        combined.add(fieldPlot(ts, proteins, "ng/mL"), 1);
        combined.add(fieldPlot(ts, metabolites, "µM"), 1);
        return chart(title, combined);
    }

    /** Platelets, infused MSCs (log scale), the vesicle effect in the patch and antibody. */
    static JFreeChart inVivo(TimeSeries ts, String title) {
        NumberAxis time = new NumberAxis("time (h)");
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(time);
        combined.setGap(STACK_GAP);
        combined.add(linePlot(ts, "×10⁹/L", List.of(new Line("platelets", "platelets", Palette.M1))), 2);
        XYPlot cells = linePlot(ts, "cells", List.of(new Line("MSCs in blood", "msc_blood", Palette.MSC),
                new Line("MSCs in lung", "msc_lung", Palette.PLASMA)));
        org.jfree.chart.axis.LogAxis log = new org.jfree.chart.axis.LogAxis("cells (log)");
        log.setSmallestValue(1);
        cells.setRangeAxis(log);
        combined.add(cells, 1);
        combined.add(linePlot(ts, "MSC-eq.", List.of(new Line("MSC secretome in the patch (vesicles)", "ev_msc_equivalents", Palette.M2))), 1);
        // Antibody and the T-cell dip have different units, so each has its own panel and axis.
        combined.add(linePlot(ts, "IgG (µg/mL)", List.of(new Line("anti-platelet IgG in plasma", "antibody_plasma", Palette.CD28NEG))), 1);
        combined.add(linePlot(ts, "× baseline", List.of(new Line("circulating T cells relative to baseline", "t_blood_rel",
                Palette.T_CD4))), 1);
        return chart(title, combined);
    }

    private static XYPlot linePlot(TimeSeries ts, String unit, List<Line> lines) {
        XYSeriesCollection data = new XYSeriesCollection();
        double[] t = ts.column("time_h");
        for (Line l : lines) {
            double[] y = ts.column(l.column());
            XYSeries s = new XYSeries(l.label(), false, true);
            for (int i = 0; i < t.length; i++) {
                if (y[i] < 1 && unit.startsWith("cells")) {
                    s.add(t[i], null); // below one cell: none left, off the log axis; the line stops here
                } else {
                    s.add(t[i], y[i]);
                }
            }
            data.addSeries(s);
        }
        NumberAxis y = new NumberAxis(unit);
        y.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(data, null, y, renderer(lines));
        style(plot);
        return plot;
    }

    private static XYPlot fieldPlot(TimeSeries ts, List<FieldId> ids, String unit) {
        XYSeriesCollection data = new XYSeriesCollection();
        double[] t = ts.column("time_h");
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int k = 0; k < ids.size(); k++) {
            FieldId id = ids.get(k);
            double[] y = ts.column(id.meanColumn);
            XYSeries s = new XYSeries(id.label + " (" + id.unit + ")", false, true);
            for (int i = 0; i < t.length; i++) {
                s.add(t[i], y[i]);
            }
            data.addSeries(s);
            r.setSeriesPaint(k, Palette.factor(id));
            r.setSeriesStroke(k, new BasicStroke(2f));
        }
        NumberAxis y = new NumberAxis(unit);
        y.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(data, null, y, r);
        style(plot);
        return plot;
    }

    /** Column values, including the derived totals some charts use. */
    static double[] values(TimeSeries ts, String column) {
        switch (column) {
            case "b_total":
                return add(ts.column("b_naive"), ts.column("b_activated"));
            case "mac_total":
                return add(add(ts.column("mac_m0"), ts.column("mac_m1")), ts.column("mac_m2"));
            default:
                return ts.column(column);
        }
    }

    private static double[] add(double[] a, double[] b) {
        double[] s = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            s[i] = a[i] + b[i];
        }
        return s;
    }

    static XYLineAndShapeRenderer renderer(List<Line> lines) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < lines.size(); i++) {
            r.setSeriesPaint(i, lines.get(i).color());
            r.setSeriesStroke(i, lines.get(i).style().stroke(2.2f));
        }
        return r;
    }

    public static void style(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        plot.setOutlineVisible(false);
        // Later lines on top (JFreeChart's default draws the first on top): a dashed line declared
        // after a solid one it may cover, as licensed MSCs after MSCs, stays visible.
        plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD);
        for (int i = 0; i < plot.getRangeAxisCount(); i++) {
            if (plot.getRangeAxis(i) instanceof NumberAxis a) {
                a.setNumberFormatOverride(new TickFormat());
            }
        }
    }

    public static JFreeChart chart(String title, org.jfree.chart.plot.Plot plot) {
        JFreeChart chart = new JFreeChart(title, new Font("SansSerif", Font.BOLD, 16), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setTitle(new TextTitle(title, new Font("SansSerif", Font.BOLD, 16)));
        return chart;
    }

    /** Writes a chart as PNG atomically. */
    public static void write(Path file, JFreeChart chart) throws IOException {
        write(file, chart, WIDTH, HEIGHT);
    }

    public static void write(Path file, JFreeChart chart, int width, int height) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ChartUtils.writeChartAsPNG(bytes, chart, width, height);
        AtomicFiles.write(file, bytes.toByteArray());
    }
}
