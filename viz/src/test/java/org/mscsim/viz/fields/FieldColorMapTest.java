package org.mscsim.viz.fields;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import org.junit.jupiter.api.Test;

class FieldColorMapTest {

    private static double lightness(int rgb) {
        Color c = new Color(rgb);
        return 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
    }

    @Test
    void colourDarkensSteadilyFromLowToHigh() {
        double previous = Double.MAX_VALUE;
        for (int i = 0; i <= 100; i++) {
            double l = lightness(FieldColorMap.rgbAtFraction(i / 100.0));
            assertTrue(l <= previous, "lightness rises at " + i + " %");
            previous = l;
        }
        assertEquals(0xFFFFFF, FieldColorMap.rgbAtFraction(0) & 0xFFFFFF, "the bottom of the scale is white");
        assertTrue(lightness(FieldColorMap.rgbAtFraction(1)) > 80, "the top stays light enough for dark cells to show");
    }

    @Test
    void levelsMapThroughTheScaleAndClampOutsideIt() {
        FieldColorMap map = new FieldColorMap();
        map.setScale(NiceScale.of(2, 4));
        assertEquals(map.getRGB(2), map.getRGB(0));
        assertEquals(map.getRGB(4), map.getRGB(100));
        assertEquals(FieldColorMap.rgbAtFraction(0.5), map.getRGB(3));
        assertTrue(map.validLevel(0));
        assertEquals(255, map.getAlpha(3));
    }
}
