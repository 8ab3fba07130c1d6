package org.mscsim.viz.charts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.mscsim.output.AtomicFiles;
import org.mscsim.output.Charts;
import org.mscsim.output.Num;

/**
 * Writes a live chart as a PNG and its plotted numbers as a CSV (first column {@code time_h}, one
 * column per line, headed with its unit; empty where a value is undefined, e.g. M1 : M2 with no
 * M2), each atomically so no half-written file is left behind.
 */
public final class ChartExport {

    public static final int WIDTH = 1000;
    public static final int HEIGHT = 600;

    private ChartExport() {
    }

    /** Writes {@code <id>.png} and {@code <id>.csv} for every chart into {@code dir}. */
    public static void all(List<LiveChart> charts, List<double[]> rows, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (LiveChart c : charts) {
            png(c, dir.resolve(c.spec().id() + ".png"));
            csv(c, rows, dir.resolve(c.spec().id() + ".csv"));
        }
    }

    public static void png(LiveChart chart, Path file) throws IOException {
        Charts.write(file, chart.chart(), WIDTH, HEIGHT);
    }

    public static void csv(LiveChart chart, List<double[]> rows, Path file) throws IOException {
        AtomicFiles.write(file, csvText(chart, rows));
    }

    static String csvText(LiveChart chart, List<double[]> rows) {
        StringBuilder b = new StringBuilder("time_h");
        for (String h : chart.headers()) {
            b.append(',').append(quote(h));
        }
        b.append('\n');
        for (double[] row : rows) {
            b.append(Num.format(row[chart.timeIndex()]));
            for (double v : chart.valuesOf(row)) {
                b.append(',');
                if (!Double.isNaN(v)) {
                    b.append(Num.format(v));
                }
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static String quote(String s) {
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
