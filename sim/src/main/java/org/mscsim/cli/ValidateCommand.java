package org.mscsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mscsim.output.RunWriter;
import org.mscsim.scenario.FileKind;
import org.mscsim.scenario.Intervention;
import org.mscsim.scenario.Scenario;
import org.mscsim.sweep.Manifest;
import org.mscsim.sweep.RunMatrix;
import org.mscsim.sweep.Sweep;
import org.mscsim.sweep.SweepParser;
import org.mscsim.trial.TrialSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        header = "Check a scenario, sweep or trial file; print what it resolves to or every error.",
        description = {
            "Check a scenario file (and any --set overrides). Prints the resolved scenario — every"
                + " parameter with its unit, defaults filled in — or every problem found, each naming the"
                + " file, line, key and what was expected (exit code 2).",
            "Given a sweep or trial file, checks it with its base or patient scenario and prints how many"
                + " runs or arms it makes."
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
        FileKind kind = options.scenario == null ? null : FileKind.peek(options.scenario);
        if (kind == FileKind.SWEEP || kind == FileKind.TRIAL) {
            return validateOther(kind, options.scenario);
        }
        Scenario s = options.load();
        PrintWriter out = spec.commandLine().getOut();
        if (!quiet) {
            out.print(RunWriter.resolvedYaml(s));
            out.println();
        }
        out.printf(Locale.ROOT, "%s: valid (%d parameters, %d interventions)%n", options.describe(), s.values().size(),
                s.interventions().size());
        String late = RunCommand.lateInterventions(s);
        if (late != null) {
            out.println(late);
        }
        for (Intervention i : s.interventions()) {
            if (i.action() instanceof Intervention.AddMsc a && a.count() == 0) {
                out.println("note: an add_msc intervention adds 0 MSCs");
            }
        }
        out.flush();
        return 0;
    }

    /** A path as short as it can be said from here. */
    private static String shown(String source) {
        Path here = Path.of("").toAbsolutePath();
        Path p = Path.of(source).toAbsolutePath().normalize();
        return p.startsWith(here) ? here.relativize(p).toString() : source;
    }

    /** A sweep or trial file: checked by its own loader (with its base or patient scenario), and summarised. */
    private int validateOther(FileKind kind, Path file) throws Exception {
        if (!options.sets.isEmpty() || options.seed != null || options.hours != null) {
            throw new Main.UserError("--set, --seed and --hours change a scenario; " + file + " is "
                    + (kind == FileKind.SWEEP ? "a sweep file (its set: section overrides its base)" : "a trial file (its set: section overrides its patient)"));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (kind == FileKind.SWEEP) {
            Sweep s = SweepParser.load(file);
            Manifest m = Manifest.of(s, RunMatrix.expand(s), file);
            out.printf(Locale.ROOT, "%s: valid sweep file (%d runs: %s; base %s)%n", file, m.size(), SweepCommand.shape(m), s.baseLabel());
        } else {
            TrialSpec t = TrialSpec.load(file);
            StringBuilder arms = new StringBuilder();
            for (TrialSpec.Arm a : t.arms()) {
                arms.append(arms.length() == 0 ? "" : ", ").append(a.name()).append(" × ").append(a.patients());
            }
            out.printf(Locale.ROOT, "%s: valid trial file (%d arms: %s; %d weeks of follow-up; patient %s)%n", file, t.arms().size(),
                    arms, t.followUpWeeks(), shown(t.patient().source()));
        }
        out.flush();
        return 0;
    }
}
