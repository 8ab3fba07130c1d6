package org.mscsim.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mscsim.cli.Main;
import org.mscsim.output.Palette;
import org.mscsim.viz.tissue.CellStyle;

/**
 * {@code mscsim gui --steps N --screenshot FILE.png} as a user types it, in-process: real windows
 * (needs a display; CI runs it under Xvfb), N steps, a PNG of the whole main window, exit 0.
 */
class ScreenshotModeTest {

    @TempDir
    Path tmp;

    @Test
    void screenshotShowsTheTissueAndTheChartsOfTheRun() throws Exception {
        Display.require();
        Path png = tmp.resolve("shots/gui.png");
        int code = Main.execute("gui", "--seed", "3", "--steps", "60", "--screenshot", png.toString());
        assertEquals(0, code);
        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img, "a readable PNG");
        Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
        assertEquals(Math.min(MainWindow.MAX_SIZE.width, screen.width), img.getWidth());
        assertTrue(img.getHeight() >= Math.min(MainWindow.MAX_SIZE.height, screen.height) - 60, "height " + img.getHeight());
        try (var files = Files.list(png.getParent())) {
            assertEquals(List.of(png), files.toList(), "no temporary file left behind");
        }

        int w = img.getWidth();
        int h = img.getHeight();
        Set<CellStyle> onTissue = stylesIn(img, new Rectangle(0, h / 8, (int) (w * 0.38), (int) (h * 0.55)));
        assertTrue(onTissue.size() >= 5, "cell types and phenotypes drawn on the tissue: " + onTissue);
        assertTrue(onTissue.contains(CellStyle.MSC_RESTING) || onTissue.contains(CellStyle.MSC_LICENSED), onTissue.toString());

        Rectangle charts = new Rectangle((int) (w * 0.5), 0, w / 2, (int) (h * 0.7));
        int lines = 0;
        for (Color c : List.of(Palette.MSC, Palette.T_CD4, Palette.T_CD8, Palette.M0, Palette.T_NAIVE)) {
            lines += count(img, charts, c) > 30 ? 1 : 0;
        }
        assertTrue(lines >= 4, "chart lines in the chart area: " + lines + " of 5 colours");
    }

    private static Set<CellStyle> stylesIn(BufferedImage img, Rectangle r) {
        Set<CellStyle> found = new HashSet<>();
        for (CellStyle s : CellStyle.values()) {
            if (count(img, r, s.color) >= 8) {
                found.add(s);
            }
        }
        return found;
    }

    private static int count(BufferedImage img, Rectangle r, Color c) {
        int want = c.getRGB() & 0xFFFFFF;
        int n = 0;
        for (int y = r.y; y < Math.min(img.getHeight(), r.y + r.height); y++) {
            for (int x = r.x; x < Math.min(img.getWidth(), r.x + r.width); x++) {
                n += (img.getRGB(x, y) & 0xFFFFFF) == want ? 1 : 0;
            }
        }
        return n;
    }
}
