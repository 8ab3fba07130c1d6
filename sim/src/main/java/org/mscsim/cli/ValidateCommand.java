package org.mscsim.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mscsim.output.RunWriter;
import org.mscsim.scenario.Intervention;
import org.mscsim.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        header = "Check a scenario file; print the resolved parameters or every error.",
        description = {
            "Check a scenario file (and any --set overrides). Prints the resolved scenario — every"
                + " parameter with its unit, defaults filled in — or every problem found, each naming the"
                + " file, line, key and what was expected (exit code 2)."
        })
final class ValidateCommand implements Callable<Integer> {

    @Mixin
    ScenarioOptions options;

    @Option(names = {"-q", "--quiet"}, description = "Print only the verdict, not the resolved parameters.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Scenario s = options.load();
        PrintWriter out = spec.commandLine().getOut();
        if (!quiet) {
            out.print(RunWriter.resolvedYaml(s));
            out.println();
        }
        double hours = s.real("time.hours");
        long late = s.interventions().stream().filter(i -> i.atH() > hours).count();
        out.printf(Locale.ROOT, "%s: valid (%d parameters, %d interventions)%n", options.describe(), s.values().size(),
                s.interventions().size());
        if (late > 0) {
            out.printf(Locale.ROOT, "note: %d intervention(s) come after the end of the run (time.hours = %s) and will not happen%n",
                    late, RunCommand.fmt(hours));
        }
        for (Intervention i : s.interventions()) {
            if (i.action() instanceof Intervention.AddMsc a && a.count() == 0) {
                out.println("note: an add_msc intervention adds 0 MSCs");
            }
        }
        out.flush();
        return 0;
    }
}
