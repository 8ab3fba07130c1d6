package org.mscsim.viz.charts;

import java.awt.Color;
import java.awt.GridLayout;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JPanel;

/** The set of live charts a model can feed, laid out two per row. Event thread only. */
public final class LiveCharts {

    private final List<LiveChart> charts = new ArrayList<>();
    private final JPanel panel = new JPanel(new GridLayout(0, 2, 4, 4));

    public LiveCharts(Columns columns) {
        panel.setBackground(Color.WHITE);
        for (ChartSpec spec : ChartCatalog.availableFor(columns)) {
            LiveChart c = new LiveChart(spec, columns);
            charts.add(c);
            panel.add(c.panel());
        }
    }

    public List<LiveChart> charts() {
        return List.copyOf(charts);
    }

    public JPanel panel() {
        return panel;
    }

    public void append(List<double[]> rows) {
        for (LiveChart c : charts) {
            c.append(rows);
        }
    }

    public void clear() {
        for (LiveChart c : charts) {
            c.clear();
        }
    }

    public void mark(double timeH, String label) {
        for (LiveChart c : charts) {
            c.mark(timeH, label);
        }
    }
}
