package org.mscsim.viz.fields;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import javax.swing.JComponent;

/**
 * The key to the heat map: the colour ramp from 0 to the scale's top, ticks in the field's
 * physical unit (ng/mL or µM), and the current patch maximum.
 */
public final class ColourBar extends JComponent {

    private static final long serialVersionUID = 1L;
    private static final Font TEXT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 12);

    /** Ranges narrower than this share of the maximum are called nearly uniform. */
    static final double NEARLY_UNIFORM = 0.05;

    private static final String HELP = "Heat-map scale: it spans the factor's current range in the patch, widened to"
            + " round numbers, so it changes only now and then. Click the tissue to read the value in one voxel.";

    private FieldLayer.Reading reading;

    public ColourBar() {
        setPreferredSize(new Dimension(420, 50));
        setToolTipText(HELP);
    }

    /** Shows the scale of the last paint; null when no field is shown. Event thread only. */
    public void setReading(FieldLayer.Reading r) {
        this.reading = r;
        repaint();
    }

    /** The whole caption, readable on a narrow window where the drawn one is shortened; built on hover only. */
    @Override
    public String getToolTipText(java.awt.event.MouseEvent e) {
        return "<html>" + caption(reading) + "<br>" + HELP + "</html>";
    }

    /** The caption above the ramp, e.g. "PGE2 in the patch now: 0.291 to 0.331 ng/mL". */
    static String caption(FieldLayer.Reading r) {
        return caption(r, false);
    }

    /**
     * The caption; {@code compact} drops "in the patch now" and shortens the note on uniformity,
     * for a window too narrow for the whole one ("PGE2: 0.760 ng/mL, uniform").
     */
    static String caption(FieldLayer.Reading r, boolean compact) {
        if (r == null) {
            return compact ? "No heat map: choose a factor" : "No heat map: choose a soluble factor to show it under the cells";
        }
        String range = r.field().label + (compact ? ": " : " in the patch now: ") + NiceScale.range(r.min(), r.max())
                + " " + r.field().unit;
        if (NiceScale.uniform(r.min(), r.max())) {
            return range + (compact ? ", uniform" : " everywhere (uniform)");
        }
        // The scale stretches over the range, so say when the differences it shows are small.
        boolean nearly = r.max() - r.min() < NEARLY_UNIFORM * r.max();
        return nearly ? range + (compact ? ", nearly uniform" : " (nearly uniform)") : range;
    }

    @Override
    protected void paintComponent(Graphics graphics) {
        Graphics2D g = (Graphics2D) graphics.create();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        int w = getWidth();
        int left = 8;
        g.setFont(TEXT);
        int right = reading == null ? w - 16 : w - 14 - g.getFontMetrics().stringWidth(reading.field().unit);
        g.setFont(TITLE);
        FontMetrics fm = g.getFontMetrics();
        g.setColor(Color.DARK_GRAY);
        String text = caption(reading);
        if (fm.stringWidth(text) > w - left) {
            text = caption(reading, true);
        }
        g.drawString(text, left, fm.getAscent() + 1);
        if (reading != null) {
            int top = fm.getHeight() + 3;
            int barH = 12;
            for (int x = left; x <= right; x++) {
                g.setColor(new Color(FieldColorMap.rgbAtFraction((x - left) / (double) (right - left))));
                g.drawLine(x, top, x, top + barH);
            }
            g.setColor(Color.GRAY);
            g.drawRect(left, top, right - left, barH);
            g.setFont(TEXT);
            FontMetrics tm = g.getFontMetrics();
            NiceScale scale = reading.scale();
            double[] ticks = scale.ticks();
            for (int i = 0; i < ticks.length; i++) {
                int x = left + (int) Math.round((right - left) * scale.fraction(ticks[i]));
                g.drawLine(x, top + barH, x, top + barH + 3);
                String s = scale.label(ticks[i]);
                int sw = tm.stringWidth(s);
                int sx = Math.max(0, Math.min(w - sw - 1, x - sw / 2));
                g.setColor(Color.DARK_GRAY);
                g.drawString(s, sx, top + barH + 4 + tm.getAscent());
                g.setColor(Color.GRAY);
            }
            g.setColor(Color.DARK_GRAY);
            g.drawString(reading.field().unit, right + 6, top + barH - 1);
        }
        g.dispose();
    }
}
