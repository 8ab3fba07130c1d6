package org.mscsim.viz.charts;

import java.awt.Color;
import java.awt.GridLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.swing.JMenuItem;
import javax.swing.JPanel;
import javax.swing.JPopupMenu;

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

    /**
     * Adds "Export PNG and CSV..." to each chart's right-click menu (next to JFreeChart's own
     * items), calling {@code export} with the chart.
     */
    public void onExport(Consumer<LiveChart> export) {
        for (LiveChart c : charts) {
            JPopupMenu menu = c.panel().getPopupMenu();
            if (menu == null) {
                continue;
            }
            JMenuItem item = new JMenuItem("Export PNG and CSV...");
            item.addActionListener(e -> export.accept(c));
            menu.insert(item, 0);
            menu.insert(new JPopupMenu.Separator(), 1);
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
