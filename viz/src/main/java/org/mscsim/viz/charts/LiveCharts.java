package org.mscsim.viz.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.swing.JMenuItem;
import javax.swing.JPanel;
import javax.swing.JPopupMenu;
import javax.swing.JScrollPane;
import javax.swing.ScrollPaneConstants;

/**
 * The set of live charts a model can feed, laid out two per row in a scroll pane that scrolls only
 * when the screen is too small for every chart at a legible size. Event thread only.
 */
public final class LiveCharts {

    private final List<LiveChart> charts = new ArrayList<>();
    private final ChartGrid panel = new ChartGrid();
    private final JScrollPane scroll = new JScrollPane(panel, ScrollPaneConstants.VERTICAL_SCROLLBAR_AS_NEEDED,
            ScrollPaneConstants.HORIZONTAL_SCROLLBAR_NEVER);

    public LiveCharts(Columns columns) {
        scroll.setBorder(null);
        scroll.getViewport().setBackground(panel.getBackground());
        for (ChartSpec spec : ChartCatalog.availableFor(columns)) {
            LiveChart c = new LiveChart(spec, columns);
            charts.add(c);
            panel.add(c);
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

    /** The charts' grid, inside {@link #scrollPane()}. */
    public JPanel panel() {
        return panel;
    }

    /** What a window shows: the grid in its scroll pane. */
    public JScrollPane scrollPane() {
        return scroll;
    }

    /** The least width that shows two charts side by side at a legible size, with a scroll bar. */
    public int minimumWidth() {
        return panel.getMinimumSize().width + scroll.getVerticalScrollBar().getPreferredSize().width;
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
