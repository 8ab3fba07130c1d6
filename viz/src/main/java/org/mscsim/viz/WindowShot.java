package org.mscsim.viz;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.swing.JComponent;
import javax.swing.JFrame;
import org.mscsim.output.AtomicFiles;

/**
 * A picture of a whole window (menu bar, display, legend, charts), painted by Swing into an image
 * rather than grabbed from the screen, so other windows on top of it do not matter.
 */
final class WindowShot {

    private WindowShot() {
    }

    /** Paints the window's content. Event thread. */
    static BufferedImage capture(JFrame frame) {
        JComponent root = frame.getRootPane();
        BufferedImage img = new BufferedImage(root.getWidth(), root.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        root.printAll(g);
        g.dispose();
        return img;
    }

    /** Writes a PNG atomically: a reader never finds a half-written picture. */
    static void write(BufferedImage img, Path png) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (!ImageIO.write(img, "png", bytes)) {
            throw new IOException("no PNG writer available");
        }
        Path parent = png.toAbsolutePath().getParent();
        if (parent != null) {
            java.nio.file.Files.createDirectories(parent);
        }
        AtomicFiles.write(png, bytes.toByteArray());
    }
}
