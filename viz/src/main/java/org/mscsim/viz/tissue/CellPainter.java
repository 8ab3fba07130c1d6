package org.mscsim.viz.tissue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Stroke;

/**
 * Draws the glyph of a {@link CellStyle} centred on a point, for the tissue display and the legend
 * alike, so both always agree. Polygons go through reused coordinate arrays: the display draws
 * every cell on every repaint, tens of thousands of them. One painter per thread (Swing's).
 */
public final class CellPainter {

    /** Below this size (px) an outline would swallow the fill, so none is drawn. */
    private static final double OUTLINE_MIN_PX = 4.5;
    /** The thin-armed glyphs (NK cross, target X) need more room before an outline helps. */
    private static final double THIN_OUTLINE_MIN_PX = 12;
    /** Circles up to this diameter (px) are drawn as squares. */
    private static final int SQUARE_DOT_MAX_PX = 3;
    private static final Stroke THIN = new BasicStroke(1f);
    private static final Stroke SELECTED = new BasicStroke(2f);
    private static final Color SELECTED_RING = Color.BLACK;

    // Unit outlines of the polygon glyphs, centred on the origin, spanning about -0.5..0.5.
    private static final double[][] DIAMOND = {{0, -0.5}, {0.5, 0}, {0, 0.5}, {-0.5, 0}};
    private static final double[][] TRIANGLE = {{0, -0.5}, {0.5, 0.42}, {-0.5, 0.42}};
    private static final double[][] HEXAGON = polygon(6, 0.5, Math.PI / 6);
    private static final double[][] CROSS = cross(0.5, 0.17, 0);
    private static final double[][] X = cross(0.5, 0.15, Math.PI / 4);

    private final int[] xs = new int[12];
    private final int[] ys = new int[12];

    /**
     * Paints one cell.
     *
     * @param size the glyph's width in pixels
     */
    public void paint(Graphics2D g, CellStyle.Glyph glyph, double cx, double cy, double size, Color fill, boolean selected) {
        boolean thin = glyph == CellStyle.Glyph.CROSS || glyph == CellStyle.Glyph.X;
        boolean outline = size >= (thin ? THIN_OUTLINE_MIN_PX : OUTLINE_MIN_PX);
        Color edge = outline ? edge(fill) : null;
        if (glyph == CellStyle.Glyph.CIRCLE) {
            int d = Math.max(1, (int) Math.round(size));
            int x = (int) Math.round(cx - d / 2.0);
            int y = (int) Math.round(cy - d / 2.0);
            g.setColor(fill);
            if (d <= SQUARE_DOT_MAX_PX) {
                // At a few pixels an oval is a square anyway, and a rectangle is far cheaper to draw.
                g.fillRect(x, y, d, d);
            } else {
                g.fillOval(x, y, d, d);
            }
            if (outline) {
                g.setStroke(THIN);
                g.setColor(edge);
                g.drawOval(x, y, d - 1, d - 1);
            }
        } else {
            int n = load(outlineOf(glyph), cx, cy, size);
            g.setColor(fill);
            g.fillPolygon(xs, ys, n);
            if (outline) {
                g.setStroke(THIN);
                g.setColor(edge);
                g.drawPolygon(xs, ys, n);
            }
        }
        if (selected) {
            int r = (int) Math.round(Math.max(size, 6) * 0.75) + 2;
            g.setStroke(SELECTED);
            g.setColor(SELECTED_RING);
            g.drawOval((int) Math.round(cx) - r, (int) Math.round(cy) - r, 2 * r, 2 * r);
            g.setStroke(THIN);
        }
    }

    /** A darker edge of the fill colour, so light cells (NK yellow) stand out on a white tissue. */
    static Color edge(Color fill) {
        return new Color(fill.getRed() * 11 / 20, fill.getGreen() * 11 / 20, fill.getBlue() * 11 / 20);
    }

    private int load(double[][] unit, double cx, double cy, double size) {
        for (int i = 0; i < unit.length; i++) {
            xs[i] = (int) Math.round(cx + unit[i][0] * size);
            ys[i] = (int) Math.round(cy + unit[i][1] * size);
        }
        return unit.length;
    }

    private static double[][] outlineOf(CellStyle.Glyph glyph) {
        switch (glyph) {
            case DIAMOND: return DIAMOND;
            case TRIANGLE: return TRIANGLE;
            case HEXAGON: return HEXAGON;
            case CROSS: return CROSS;
            case X: return X;
            default: throw new IllegalArgumentException(glyph.name());
        }
    }

    private static double[][] polygon(int corners, double radius, double phase) {
        double[][] p = new double[corners][];
        for (int i = 0; i < corners; i++) {
            double a = phase + 2 * Math.PI * i / corners;
            p[i] = new double[] {radius * Math.cos(a), radius * Math.sin(a)};
        }
        return p;
    }

    /** A plus sign of half-length {@code arm} and half-width {@code half}, turned by {@code angle}. */
    private static double[][] cross(double arm, double half, double angle) {
        double[][] base = {
            {half, -arm}, {half, -half}, {arm, -half}, {arm, half}, {half, half}, {half, arm},
            {-half, arm}, {-half, half}, {-arm, half}, {-arm, -half}, {-half, -half}, {-half, -arm}};
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        double[][] p = new double[base.length][];
        for (int i = 0; i < base.length; i++) {
            p[i] = new double[] {base[i][0] * c - base[i][1] * s, base[i][0] * s + base[i][1] * c};
        }
        return p;
    }
}
