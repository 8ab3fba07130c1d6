package org.mscsim.viz.charts;

import java.awt.Color;
import java.awt.Component;
import java.awt.Container;
import java.awt.Dimension;
import java.awt.Insets;
import java.awt.LayoutManager;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JPanel;
import javax.swing.Scrollable;
import javax.swing.SwingConstants;

/**
 * The live charts, two per row, a lone last chart spanning the whole row so no half-row stays
 * empty. Inside a scroll pane the charts share the viewport's height while each keeps room to
 * plot ({@link LiveChart#minimumHeight}); on a smaller screen the grid scrolls instead of
 * squashing the plots to nothing.
 */
final class ChartGrid extends JPanel implements Scrollable {

    private static final long serialVersionUID = 1L;

    /** A row's height when nothing is known yet about its charts (px). */
    static final int MIN_ROW_HEIGHT = 185;
    /** The least width of one chart, so a legend needs at most three lines. */
    static final int MIN_CHART_WIDTH = 300;
    static final int GAP = 4;

    private final List<LiveChart> charts = new ArrayList<>();

    ChartGrid() {
        setLayout(new Grid());
        setBackground(Color.WHITE);
    }

    void add(LiveChart chart) {
        charts.add(chart);
        add(chart.panel());
    }

    int rows() {
        return (charts.size() + 1) / 2;
    }

    /**
     * The least height of each row at this width: the most its charts need so each keeps room to
     * plot ({@link LiveChart#minimumHeight}); narrower charts wrap their legends into more lines.
     */
    private int[] rowMinimums(int width) {
        int[] min = new int[rows()];
        int colW = (width - GAP) / 2;
        for (int i = 0; i < charts.size(); i++) {
            boolean alone = i % 2 == 0 && i == charts.size() - 1;
            int w = alone ? width : colW;
            min[i / 2] = Math.max(min[i / 2], w > 0 ? charts.get(i).minimumHeight(w) : MIN_ROW_HEIGHT);
        }
        return min;
    }

    /** The width the grid is laid out at: its own, or before that its viewport's. */
    private int layoutWidth() {
        if (getWidth() > 0) {
            return getWidth() - getInsets().left - getInsets().right;
        }
        return getParent() == null ? 0 : getParent().getWidth();
    }

    /** The height the rows need at their least: what the scroll pane scrolls over on a small screen. */
    int minimumHeight() {
        int sum = 0;
        for (int m : rowMinimums(layoutWidth())) {
            sum += m;
        }
        return sum + Math.max(0, rows() - 1) * GAP;
    }

    @Override
    public Dimension getPreferredScrollableViewportSize() {
        return getPreferredSize();
    }

    @Override
    public int getScrollableUnitIncrement(Rectangle visible, int orientation, int direction) {
        return 24;
    }

    @Override
    public int getScrollableBlockIncrement(Rectangle visible, int orientation, int direction) {
        return orientation == SwingConstants.VERTICAL ? MIN_ROW_HEIGHT + GAP : visible.width;
    }

    @Override
    public boolean getScrollableTracksViewportWidth() {
        return true;
    }

    /** Fills the viewport while it is tall enough for every row; scrolls beyond that. */
    @Override
    public boolean getScrollableTracksViewportHeight() {
        return getParent() == null || getParent().getHeight() >= minimumHeight();
    }

    /**
     * Row heights as equal as their minimums allow within {@code height}: rows that need more than
     * an equal share get their minimum, the others share what is left.
     */
    static int[] share(int[] minimums, int height) {
        int rows = minimums.length;
        int[] out = new int[rows];
        boolean[] fixed = new boolean[rows];
        boolean changed = true;
        while (changed) {
            changed = false;
            int left = height;
            int free = 0;
            for (int r = 0; r < rows; r++) {
                if (fixed[r]) {
                    left -= minimums[r];
                } else {
                    free++;
                }
            }
            int each = free == 0 ? 0 : left / free;
            for (int r = 0; r < rows; r++) {
                if (!fixed[r] && minimums[r] > each) {
                    fixed[r] = true;
                    changed = true;
                }
                out[r] = fixed[r] ? minimums[r] : each;
            }
        }
        return out;
    }

    /** Two columns of equal width, rows of equal height; an odd last chart takes both columns. */
    private final class Grid implements LayoutManager {

        @Override
        public void addLayoutComponent(String name, Component comp) {
        }

        @Override
        public void removeLayoutComponent(Component comp) {
        }

        @Override
        public Dimension preferredLayoutSize(Container parent) {
            return minimumLayoutSize(parent);
        }

        @Override
        public Dimension minimumLayoutSize(Container parent) {
            Insets in = parent.getInsets();
            return new Dimension(2 * MIN_CHART_WIDTH + GAP + in.left + in.right, minimumHeight() + in.top + in.bottom);
        }

        @Override
        public void layoutContainer(Container parent) {
            Insets in = parent.getInsets();
            int n = parent.getComponentCount();
            int rows = rows();
            if (rows == 0) {
                return;
            }
            int w = parent.getWidth() - in.left - in.right;
            int h = parent.getHeight() - in.top - in.bottom;
            int colW = (w - GAP) / 2;
            int[] heights = share(rowMinimums(w), h - (rows - 1) * GAP);
            int y = in.top;
            for (int i = 0; i < n; i++) {
                int row = i / 2;
                int col = i % 2;
                boolean alone = col == 0 && i == n - 1;
                int x = in.left + col * (colW + GAP);
                parent.getComponent(i).setBounds(x, y, alone ? w : colW, heights[row]);
                if (col == 1 || alone) {
                    y += heights[row] + GAP;
                }
            }
        }
    }
}
