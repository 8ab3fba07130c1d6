package org.mscsim.viz;

import java.awt.Component;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import javax.swing.JMenu;
import javax.swing.JMenuItem;
import sim.display.Console;

/**
 * Adapts MASON's Console to MSCSim: scenario files instead of MASON checkpoints in its File menu,
 * the same seed on every restart unless the user asks otherwise, and a place beside the main
 * window.
 */
final class ConsoleSetup {

    static final int WIDTH = 560;
    static final int HEIGHT = 780;

    private ConsoleSetup() {
    }

    static void apply(Console console, MscModelWithUI gui) {
        // Stop, then play, repeats the run bit for bit, as the command line does; the Console's
        // "Increment seed on stop" box gives replicates instead.
        console.setIncrementSeedOnStop(false);
        replaceCheckpointMenus(console, gui);
        place(console, gui.window().frame().getBounds());
    }

    /** MASON checkpoints need a serialisable model; scenarios are MSCSim's saved state. */
    private static void replaceCheckpointMenus(Console console, MscModelWithUI gui) {
        JMenu file = console.getJMenuBar().getMenu(0);
        for (int i = file.getItemCount() - 1; i >= 0; i--) {
            JMenuItem item = file.getItem(i);
            if (item != null && (item.getText().equals("Open...") || item.getText().equals("Save")
                    || item.getText().equals("Save As..."))) {
                file.remove(i);
            }
        }
        ScenarioFiles files = gui.window().files();
        JMenuItem open = new JMenuItem("Open Scenario...");
        open.addActionListener(e -> files.open(console));
        JMenuItem save = new JMenuItem("Save Parameters as Scenario...");
        save.addActionListener(e -> files.save(console));
        file.insert(open, 1);
        file.insert(save, 2);
    }

    /** To the right of the main window if the screen has room, else over its right edge. */
    private static void place(Component console, Rectangle main) {
        Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
        int h = Math.min(HEIGHT, screen.height);
        int x = main.x + main.width + WIDTH <= screen.x + screen.width ? main.x + main.width : screen.x + screen.width - WIDTH;
        console.setBounds(x, screen.y, WIDTH, h);
    }
}
