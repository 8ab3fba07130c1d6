package org.mscsim.viz.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mscsim.model.MscModel;
import org.mscsim.viz.Scenarios;

/** Runs headless: charts are built and exported without a window. */
class LiveChartTest {

    @TempDir
    Path tmp;

    private static List<double[]> record(long steps) throws Exception {
        Recorder r = new Recorder();
        MscModel m = new MscModel(Scenarios.small(), 1);
        m.addObserver(r);
        m.start();
        for (long i = 0; i < steps; i++) {
            m.step();
        }
        m.notifyObservers();
        m.finish();
        return r.drain();
    }

    @Test
    void recorderSamplesEachOutputIntervalOnce() throws Exception {
        List<double[]> rows = record(36);
        assertEquals(4, rows.size(), "0, 1, 2 and 3 h; the repeated final sample is dropped");
        assertEquals(3.0, rows.get(3)[0], 1e-12);
    }

    @Test
    void appendedRowsBecomePointsAndMarksLabelTheTopPanel() throws Exception {
        List<double[]> rows = record(24);
        LiveCharts charts = new LiveCharts(Recorder.columns(false));
        charts.append(rows);
        charts.mark(1.5, "+100 MSC");
        LiveChart macrophages = charts.charts().get(3);
        CombinedDomainXYPlot plot = (CombinedDomainXYPlot) macrophages.chart().getPlot();
        XYPlot counts = plot.getSubplots().get(0);
        assertEquals(rows.size(), counts.getDataset().getItemCount(0));
        assertEquals(List.of("+100 MSC"), macrophages.markLabels());
        assertEquals(1, counts.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND).size());

        charts.clear();
        assertEquals(0, counts.getDataset().getItemCount(0));
        assertTrue(macrophages.markLabels().isEmpty());
    }

    @Test
    void exportWritesAPngAndACsvOfEveryChart() throws Exception {
        List<double[]> rows = record(24);
        LiveCharts charts = new LiveCharts(Recorder.columns(false));
        charts.append(rows);
        Path dir = tmp.resolve("charts");
        ChartExport.all(charts.charts(), rows, dir);
        for (LiveChart c : charts.charts()) {
            BufferedImage png = ImageIO.read(dir.resolve(c.spec().id() + ".png").toFile());
            assertNotNull(png, c.spec().id());
            assertEquals(ChartExport.WIDTH, png.getWidth());
            List<String> csv = Files.readAllLines(dir.resolve(c.spec().id() + ".csv"));
            assertEquals(rows.size() + 1, csv.size());
            assertTrue(csv.get(0).startsWith("time_h,\""), csv.get(0));
        }
        List<String> macs = Files.readAllLines(dir.resolve("macrophages.csv"));
        assertEquals("time_h,\"M0 (cells)\",\"M1 (cells)\",\"M2 (cells)\",\"M1 : M2 ratio (M1 : M2)\"", macs.get(0));
        assertTrue(macs.get(1).startsWith("0,32,0,0,"), "M1 : M2 is left empty while there are no M2: " + macs.get(1));
        assertTrue(macs.get(1).endsWith(","), macs.get(1));
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".partial")));
        }
    }
}
