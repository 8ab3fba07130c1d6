package org.mscsim.viz;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.SwingUtilities;
import org.mscsim.gui.GuiLauncher;
import org.mscsim.scenario.Scenario;
import sim.display.Console;

/**
 * How {@code mscsim gui} opens the desktop GUI (found through {@link java.util.ServiceLoader}), and
 * its scripted screenshot mode for tests and documentation.
 */
public final class DesktopLauncher implements GuiLauncher {

    /** A scripted run that has not reached its step by then has hung. */
    static final long SCRIPT_TIMEOUT_MIN = 30;

    @Override
    public void open(Scenario scenario, Path scenarioFile) throws Exception {
        SwingUtilities.invokeAndWait(() -> new MscModelWithUI(scenario, scenarioFile).createController());
        OpenGuis.awaitAllClosed();
    }

    /**
     * Opens the real windows, plays {@code steps} steps through MASON's Console (which pauses there
     * by itself), paints the main window into {@code png} and closes everything without ending the
     * process. Opens no dialog.
     */
    @Override
    public void screenshot(Scenario scenario, Path scenarioFile, long steps, Path png) throws Exception {
        AtomicReference<MscModelWithUI> gui = new AtomicReference<>();
        AtomicReference<Console> console = new AtomicReference<>();
        try {
            openAndPlay(scenario, scenarioFile, steps, gui, console);
            AtomicReference<BufferedImage> image = new AtomicReference<>();
            SwingUtilities.invokeAndWait(() -> {
                gui.get().refresh();
                image.set(WindowShot.capture(gui.get().window().frame()));
            });
            WindowShot.write(image.get(), png);
        } finally {
            SwingUtilities.invokeAndWait(() -> close(gui.get(), console.get()));
        }
    }

    /**
     * Opens the windows on {@code scenario} and plays until the run pauses after {@code steps}
     * steps (stays paused at 0); {@code gui} and {@code console} receive what was opened, so the
     * caller can close it even when this throws.
     */
    static void openAndPlay(Scenario scenario, Path scenarioFile, long steps, AtomicReference<MscModelWithUI> gui,
                            AtomicReference<Console> console) throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            MscModelWithUI g = new MscModelWithUI(scenario, scenarioFile);
            g.pauseAt(steps);
            Console c = g.openConsole();
            gui.set(g);
            console.set(c);
            if (steps == 0) {
                c.pressPause();
            } else {
                c.pressPlay();
            }
        });
        awaitPause(gui.get(), console.get(), steps);
    }

    static void awaitPause(MscModelWithUI gui, Console console, long steps) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(SCRIPT_TIMEOUT_MIN);
        while (!(console.getPlayState() == Console.PS_PAUSED && gui.model().stepsDone() >= steps)) {
            if (console.getPlayState() == Console.PS_STOPPED) {
                throw new IllegalStateException("the run stopped after " + gui.model().stepsDone() + " of " + steps + " steps");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the run did not reach step " + steps + " in " + SCRIPT_TIMEOUT_MIN + " minutes");
            }
            Thread.sleep(20);
        }
    }

    /** Ends the run and disposes the windows without MASON's quit, which would exit the process. */
    static void close(MscModelWithUI gui, Console console) {
        if (console == null) {
            return;
        }
        console.pressStop();
        gui.quit();
        console.setVisible(false);
        console.dispose();
        Console.allControllers.remove(console);
    }
}
