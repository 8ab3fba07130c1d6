package org.mscsim.viz.tissue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** Runs headless: glyphs are drawn into images. */
class CellPainterTest {

    private static BufferedImage paint(CellStyle s, double size, boolean selected) {
        BufferedImage img = new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 40, 40);
        new CellPainter().paint(g, s.glyph, 20, 20, size, s.color, selected);
        g.dispose();
        return img;
    }

    private static int count(BufferedImage img, Color c) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                n += (img.getRGB(x, y) & 0xFFFFFF) == (c.getRGB() & 0xFFFFFF) ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void everyGlyphIsFilledWithItsColourAroundItsCentre() {
        for (CellStyle s : CellStyle.values()) {
            BufferedImage img = paint(s, 16, false);
            assertEquals(s.color.getRGB() & 0xFFFFFF, img.getRGB(20, 20) & 0xFFFFFF, s.name());
            assertEquals(0xFFFFFF, img.getRGB(1, 1) & 0xFFFFFF, s + " stays inside its size");
        }
    }

    /** Which pixels a glyph covers, whatever its colour. */
    private static java.util.BitSet mask(CellStyle s) {
        BufferedImage img = paint(s, 16, false);
        java.util.BitSet bits = new java.util.BitSet();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                bits.set(y * img.getWidth() + x, (img.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF);
            }
        }
        return bits;
    }

    @Test
    void eachTypeHasAShapeOfItsOwnSoTypesTellApartWithoutColour() {
        CellStyle[] oneOfEach = {CellStyle.MSC_RESTING, CellStyle.T_NAIVE, CellStyle.B_NAIVE, CellStyle.NK_RESTING,
            CellStyle.MAC_M0, CellStyle.TARGET};
        for (int i = 0; i < oneOfEach.length; i++) {
            for (int j = i + 1; j < oneOfEach.length; j++) {
                java.util.BitSet differ = mask(oneOfEach[i]);
                differ.xor(mask(oneOfEach[j]));
                assertTrue(differ.cardinality() > 20, oneOfEach[i] + " and " + oneOfEach[j] + " look alike");
            }
        }
    }

    @Test
    void aSelectedCellGetsABlackRing() {
        assertEquals(0, count(paint(CellStyle.T_NAIVE, 6, false), Color.BLACK));
        assertTrue(count(paint(CellStyle.T_NAIVE, 6, true), Color.BLACK) > 10);
    }

    @Test
    void outlinesAreDarkerThanTheFill() {
        Color edge = CellPainter.edge(CellStyle.NK_RESTING.color);
        assertTrue(edge.getRed() + edge.getGreen() + edge.getBlue()
                < CellStyle.NK_RESTING.color.getRed() + CellStyle.NK_RESTING.color.getGreen() + CellStyle.NK_RESTING.color.getBlue());
    }
}
