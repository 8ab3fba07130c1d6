package org.mscsim.sweep.sensitivity;

import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;
import org.mscsim.output.Charts;

/**
 * {@code prcc.png}: a heat map with one row per output and one column per parameter, coloured
 * from blue (PRCC −1) through white to red (+1), each cell labelled with its coefficient and
 * asterisks for significance (* p < 0.05, ** p < 0.01, *** p < 0.001). A heat map keeps many
 * outputs and parameters readable where grouped bars would not.
 */
final class PrccChart {

    private PrccChart() {
    }

    /** Blue–white–red, symmetric about zero; grey where the coefficient is undefined. */
    static final class Diverging implements PaintScale {
        @Override
        public double getLowerBound() {
            return -1;
        }

        @Override
        public double getUpperBound() {
            return 1;
        }

        @Override
        public Paint getPaint(double v) {
            if (Double.isNaN(v)) {
                return new Color(0xCC, 0xCC, 0xCC);
            }
            double f = Math.max(-1, Math.min(1, v));
            Color end = f < 0 ? new Color(0x21, 0x66, 0xAC) : new Color(0xB2, 0x18, 0x2B);
            double a = Math.abs(f);
            return new Color(mix(255, end.getRed(), a), mix(255, end.getGreen(), a), mix(255, end.getBlue(), a));
        }

        private static int mix(int from, int to, double a) {
            return (int) Math.round(from + (to - from) * a);
        }
    }

    static void write(Path file, String sweepName, Sensitivity.Analysis a) throws IOException {
        List<String> params = a.parameters();
        List<String> outputs = a.outputs();
        double[][] data = new double[3][params.size() * outputs.size()];
        XYPlot plot = new XYPlot();
        int k = 0;
        for (Sensitivity.Entry e : a.entries()) {
            int x = params.indexOf(e.parameter());
            int y = outputs.size() - 1 - outputs.indexOf(e.output()); // first output on top
            data[0][k] = x;
            data[1][k] = y;
            data[2][k] = e.prcc();
            k++;
            String label = Double.isNaN(e.prcc()) ? "n/a" : String.format(java.util.Locale.ROOT, "%.2f%s", e.prcc(), stars(e.pValue()));
            XYTextAnnotation t = new XYTextAnnotation(label, x, y);
            t.setFont(new Font("SansSerif", Font.PLAIN, 12));
            t.setPaint(Math.abs(e.prcc()) > 0.6 ? Color.WHITE : Color.BLACK);
            plot.addAnnotation(t);
        }
        DefaultXYZDataset dataset = new DefaultXYZDataset();
        dataset.addSeries("PRCC", data);
        XYBlockRenderer renderer = new XYBlockRenderer();
        Diverging scale = new Diverging();
        renderer.setPaintScale(scale);
        SymbolAxis xAxis = new SymbolAxis("parameter", params.toArray(new String[0]));
        xAxis.setVerticalTickLabels(params.size() > 4);
        xAxis.setGridBandsVisible(false);
        String[] rows = new String[outputs.size()];
        for (int i = 0; i < outputs.size(); i++) {
            rows[i] = outputs.get(outputs.size() - 1 - i);
        }
        SymbolAxis yAxis = new SymbolAxis(null, rows);
        yAxis.setGridBandsVisible(false);
        plot.setDataset(dataset);
        plot.setDomainAxis(xAxis);
        plot.setRangeAxis(yAxis);
        plot.setRenderer(renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setOutlineVisible(false);
        JFreeChart chart = Charts.chart("PRCC: " + sweepName + " (n = " + a.runs() + " runs; * p<0.05, ** p<0.01, *** p<0.001)", plot);
        chart.removeLegend();
        NumberAxis legendAxis = new NumberAxis("PRCC");
        legendAxis.setRange(-1, 1);
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(4, 10, 4, 10);
        legend.setStripWidth(14);
        chart.addSubtitle(legend);
        int width = Math.max(700, Math.min(2400, 260 + 120 * params.size()));
        int height = Math.max(360, Math.min(2400, 220 + 44 * outputs.size() + (params.size() > 4 ? 140 : 0)));
        Charts.write(file, chart, width, height);
    }

    static String stars(double p) {
        return Double.isNaN(p) ? "" : p < 0.001 ? "***" : p < 0.01 ? "**" : p < 0.05 ? "*" : "";
    }
}
