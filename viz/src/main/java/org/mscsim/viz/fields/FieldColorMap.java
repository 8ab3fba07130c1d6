package org.mscsim.viz.fields;

import java.awt.Color;
import sim.util.gui.ColorMap;

/**
 * The heat-map colours of a soluble field: from white at the bottom of the scale through
 * blue-greys to slate at the top. A single, low-saturation hue keeps the map apart from the cell
 * colours drawn over it, lightness falls monotonically so it reads in greyscale and for
 * colour-blind users, and the darkest colour stays light enough for dark cells to show on it.
 * Levels outside the scale are clamped to its ends.
 */
public final class FieldColorMap implements ColorMap {

    private static final Color[] STOPS = {
        new Color(0xFF, 0xFF, 0xFF),
        new Color(0xE4, 0xEC, 0xF4),
        new Color(0xB9, 0xCA, 0xDD),
        new Color(0x8C, 0xA4, 0xC2),
        new Color(0x62, 0x7E, 0xA3)
    };
    private static final int SIZE = 256;
    private static final int[] TABLE = table();

    private NiceScale scale = NiceScale.of(0, 1);

    /** Sets the values shown in the lightest and darkest colours. */
    public void setScale(NiceScale scale) {
        this.scale = scale;
    }

    public NiceScale scale() {
        return scale;
    }

    private static int[] table() {
        int[] t = new int[SIZE];
        int segments = STOPS.length - 1;
        for (int i = 0; i < SIZE; i++) {
            double f = i / (double) (SIZE - 1) * segments;
            int s = Math.min(segments - 1, (int) f);
            double u = f - s;
            Color a = STOPS[s];
            Color b = STOPS[s + 1];
            int r = (int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * u);
            int g = (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * u);
            int bl = (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * u);
            t[i] = 0xFF000000 | r << 16 | g << 8 | bl;
        }
        return t;
    }

    /** The colour of a fraction 0..1 of the scale (used by the colour bar). */
    public static int rgbAtFraction(double fraction) {
        int i = (int) Math.round(Math.max(0, Math.min(1, fraction)) * (SIZE - 1));
        return TABLE[i];
    }

    @Override
    public int getRGB(double level) {
        return rgbAtFraction(scale.fraction(level));
    }

    @Override
    public Color getColor(double level) {
        return new Color(getRGB(level), true);
    }

    @Override
    public int getAlpha(double level) {
        return 0xFF;
    }

    @Override
    public boolean validLevel(double level) {
        return level >= 0 && !Double.isNaN(level);
    }

    @Override
    public double defaultValue() {
        return 0;
    }
}
