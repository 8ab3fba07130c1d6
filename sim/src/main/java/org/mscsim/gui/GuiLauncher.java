package org.mscsim.gui;

import java.nio.file.Path;
import org.mscsim.scenario.Scenario;

/**
 * How the headless {@code sim} module opens the desktop GUI without depending on it: the
 * {@code viz} module provides an implementation through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/org.mscsim.gui.GuiLauncher}).
 */
public interface GuiLauncher {

    /**
     * Opens the GUI on a scenario and returns when the user closes it.
     *
     * @param scenario     the validated scenario to load
     * @param scenarioFile the file it came from, or null for the built-in default
     */
    void open(Scenario scenario, Path scenarioFile) throws Exception;

    /**
     * Scripted mode for tests and documentation: opens the GUI, runs {@code steps} steps, writes
     * a PNG of the whole main window (display, legend and charts) and closes it.
     */
    void screenshot(Scenario scenario, Path scenarioFile, long steps, Path png) throws Exception;
}
