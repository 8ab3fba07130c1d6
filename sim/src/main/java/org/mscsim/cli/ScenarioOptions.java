package org.mscsim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mscsim.scenario.Scenario;
import org.mscsim.scenario.ScenarioException;
import org.mscsim.scenario.ScenarioLoader;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The scenario argument and overrides shared by run, validate and gui. */
final class ScenarioOptions {

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO.yaml",
            description = "Scenario file (default: the built-in scenarios/coculture.yaml).")
    Path scenario;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a parameter by its dotted key, validated like the file. Repeatable. "
                    + "Examples:%n  populations.msc=500%n  blockade.pd_l1=1%n  coculture.transwell=true")
    List<String> sets = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "N", description = "Random seed (same as --set seed=N).")
    String seed;

    @Option(names = "--hours", paramLabel = "H", description = "Simulated hours (same as --set time.hours=H).")
    String hours;

    Scenario load() throws ScenarioException {
        List<ScenarioLoader.OptionSet> options = new ArrayList<>();
        if (seed != null) {
            options.add(new ScenarioLoader.OptionSet("--seed", "seed", seed));
        }
        if (hours != null) {
            options.add(new ScenarioLoader.OptionSet("--hours", "time.hours", hours));
        }
        Scenario s = scenario == null
                ? ScenarioLoader.builtIn(ScenarioLoader.DEFAULT_SCENARIO, List.of())
                : ScenarioLoader.load(scenario, List.of());
        return ScenarioLoader.applySets(s, sets, options);
    }

    String describe() {
        return scenario == null ? "built-in " + ScenarioLoader.DEFAULT_SCENARIO : scenario.toString();
    }
}
