package org.mscsim.viz.charts;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.mscsim.output.LineStyle;

/**
 * One live chart: a title, a file name for exports, and one or more stacked panels that share the
 * time axis (one per unit, so counts and percentages never share an axis).
 *
 * @param id file name (without extension) of the chart's PNG and CSV exports
 */
public record ChartSpec(String id, String title, List<Panel> panels) {

    /**
     * A plot with its own y axis, starting at 0.
     *
     * @param minRange the smallest span the y axis shows, so a line that stays at 0 (no plasma
     *                 cells yet) sits on a readable axis instead of one magnified to 1e-9
     */
    public record Panel(String yLabel, double minRange, List<Line> lines) {

        /** A panel of counts or percentages: the axis spans at least 0 to 1. */
        public Panel(String yLabel, List<Line> lines) {
            this(yLabel, 1, lines);
        }
    }

    /** One series: its legend label, colour, dash and what it measures. */
    public record Line(String label, Color color, LineStyle style, Measure measure) {

        /** A solid line. */
        public Line(String label, Color color, Measure measure) {
            this(label, color, LineStyle.SOLID, measure);
        }
    }

    public ChartSpec {
        panels = List.copyOf(panels);
    }

    /**
     * This chart restricted to the lines a model can feed; null if none remains. Lines whose
     * columns are missing are dropped, and so are panels left empty.
     */
    public ChartSpec restrictTo(Columns columns) {
        List<Panel> kept = new ArrayList<>();
        for (Panel p : panels) {
            List<Line> lines = new ArrayList<>();
            for (Line l : p.lines()) {
                if (columns.hasAll(l.measure().columns())) {
                    lines.add(l);
                }
            }
            if (!lines.isEmpty()) {
                kept.add(new Panel(p.yLabel(), p.minRange(), List.copyOf(lines)));
            }
        }
        return kept.isEmpty() ? null : new ChartSpec(id, title, kept);
    }
}
