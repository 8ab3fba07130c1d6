package org.mscsim.viz;

import java.awt.Component;
import java.awt.Container;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Insets;

/**
 * A {@link FlowLayout} whose preferred height counts the lines it wraps into at its container's
 * current width. Plain FlowLayout asks for one line and, on a narrow window, draws the wrapped
 * components below its container's bottom edge, where nobody sees them.
 */
public final class WrapLayout extends FlowLayout {

    private static final long serialVersionUID = 1L;

    private int askedHeight = -1;

    public WrapLayout(int align, int hgap, int vgap) {
        super(align, hgap, vgap);
    }

    @Override
    public Dimension preferredLayoutSize(Container target) {
        return size(target, true);
    }

    /** As narrow as the widest component, as tall as the lines need at the current width. */
    @Override
    public Dimension minimumLayoutSize(Container target) {
        return size(target, false);
    }

    /**
     * Lays out as FlowLayout does; when the container's width changed the number of lines, asks
     * for a second layout pass so the parent gives it the height those lines need.
     */
    @Override
    public void layoutContainer(Container target) {
        super.layoutContainer(target);
        int wanted = preferredLayoutSize(target).height;
        // Asked once per change of height: a parent that cannot give more must not cause a loop.
        if (target.getWidth() > 0 && wanted != target.getHeight() && wanted != askedHeight && target instanceof javax.swing.JComponent c) {
            askedHeight = wanted;
            javax.swing.SwingUtilities.invokeLater(c::revalidate);
        }
    }

    private Dimension size(Container target, boolean preferred) {
        synchronized (target.getTreeLock()) {
            Insets in = target.getInsets();
            int available = target.getWidth() > 0 ? target.getWidth() : Integer.MAX_VALUE;
            int room = available == Integer.MAX_VALUE ? Integer.MAX_VALUE : available - in.left - in.right - 2 * getHgap();
            int width = 0;
            int height = 0;
            int lineW = 0;
            int lineH = 0;
            int widest = 0;
            for (int i = 0; i < target.getComponentCount(); i++) {
                Component c = target.getComponent(i);
                if (!c.isVisible()) {
                    continue;
                }
                Dimension d = preferred ? c.getPreferredSize() : c.getMinimumSize();
                widest = Math.max(widest, d.width);
                if (lineW > 0 && lineW + getHgap() + d.width > room) {
                    width = Math.max(width, lineW);
                    height += lineH + getVgap();
                    lineW = 0;
                    lineH = 0;
                }
                lineW += (lineW > 0 ? getHgap() : 0) + d.width;
                lineH = Math.max(lineH, d.height);
            }
            width = Math.max(width, lineW);
            height += lineH;
            int w = (preferred ? width : widest) + in.left + in.right + 2 * getHgap();
            return new Dimension(w, height + in.top + in.bottom + 2 * getVgap());
        }
    }
}
