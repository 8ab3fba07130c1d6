package org.mscsim.cli;

import java.awt.GraphicsEnvironment;
import java.nio.file.Path;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import org.mscsim.gui.GuiLauncher;
import org.mscsim.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "gui", mixinStandardHelpOptions = true,
        header = "Open the desktop GUI on a scenario (or take a scripted screenshot).",
        description = {
            "Opens the MASON console, the tissue display with field heat maps, live charts, the"
                + " parameter inspector and intervention controls. With --steps and --screenshot it runs"
                + " N steps, writes a PNG of the whole main window and exits (needs a display, e.g. Xvfb)."
        })
final class GuiCommand implements Callable<Integer> {

    @Mixin
    ScenarioOptions options;

    @Option(names = "--steps", paramLabel = "N", description = "With --screenshot: steps to run before the picture.")
    Long steps;

    @Option(names = "--screenshot", paramLabel = "FILE.png", description = "Write a PNG of the main window and exit.")
    Path screenshot;

    @Override
    public Integer call() throws Exception {
        if ((steps == null) != (screenshot == null)) {
            throw new Main.UserError("--steps and --screenshot go together, e.g. --steps 200 --screenshot shot.png");
        }
        if (steps != null && steps < 0) {
            throw new Main.UserError("--steps must be ≥ 0, got " + steps);
        }
        if (screenshot != null && !screenshot.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png")) {
            throw new Main.UserError("--screenshot must name a .png file, got " + screenshot);
        }
        Scenario s = options.load();
        if (GraphicsEnvironment.isHeadless()) {
            throw new Main.UserError("the GUI needs a display, and none is available (DISPLAY is unset or java.awt.headless is set);"
                    + " on a server use xvfb-run ./mscsim gui ...", Main.FAILED);
        }
        GuiLauncher launcher = ServiceLoader.load(GuiLauncher.class).findFirst()
                .orElseThrow(() -> new Main.UserError("the GUI module (viz) is not on the classpath; run ./mscsim from the project", Main.FAILED));
        if (screenshot != null) {
            launcher.screenshot(s, options.scenario, steps, screenshot);
        } else {
            launcher.open(s, options.scenario);
        }
        return 0;
    }
}
