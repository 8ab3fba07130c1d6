package org.mscsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mscsim.batch.Batch;
import org.mscsim.output.RunWriter;
import org.mscsim.trial.Trial;
import org.mscsim.trial.TrialReport;
import org.mscsim.trial.TrialSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "trial", mixinStandardHelpOptions = true,
        header = "Run a virtual clinical trial: dose arms, virtual patients, IWG response with Wilson intervals.",
        description = {
            "Draws virtual patients from the trial file's between-patient distributions, screens them (baseline"
                + " platelets below the entry threshold) and simulates each arm's infusions over the follow-up on"
                + " all cores. Results do not depend on --workers. Writes into DIR:",
            "  patients.csv          per patient: seed, parameters, platelets, response",
            "  arms.csv              arm, dose_per_kg, n, responders, orr, ci_low, ci_high",
            "  platelet_courses.png  every patient's platelets, by arm",
            "  orr_by_arm.png        response rate by arm with Wilson intervals",
            "  report.txt            the arms against the published trial"
        })
final class TrialCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "TRIAL.yaml", description = "Trial file, e.g. scenarios/itp-trial.yaml.")
    Path file;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (new or empty). Default: runs/trial-<name>-<time>.")
    Path out;

    @Option(names = "--patients", paramLabel = "N",
            description = "Total virtual patients, split evenly over the arms (default: the arm sizes in the file).")
    Integer patients;

    @Option(names = "--workers", paramLabel = "N", description = "Patients simulated in parallel (default: all cores).")
    Integer workers;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (patients != null && (patients < 1 || patients > 100_000)) {
            throw new Main.UserError("--patients must be from 1 to 100000, got " + patients);
        }
        if (workers != null && (workers < 1 || workers > 1024)) {
            throw new Main.UserError("--workers must be from 1 to 1024, got " + workers);
        }
        TrialSpec t = TrialSpec.load(file);
        if (patients != null) {
            if (patients < t.arms().size()) {
                throw new Main.UserError("--patients " + patients + " is fewer than the " + t.arms().size() + " arms");
            }
            t = t.withPatients(patients);
        }
        PrintWriter err = spec.commandLine().getErr();
        Path dir = RunWriter.prepare(out, "trial-" + t.name(), Path.of("runs"));
        ProgressLine screening = new ProgressLine(err, "screening");
        ProgressLine treating = new ProgressLine(err, "patients");
        Batch.Progress s = (done, total) -> screening.update(done, total, "candidates");
        Batch.Progress p = (done, total) -> treating.update(done, total, "patients");
        Trial.Result r = Trial.run(t, workers == null ? Batch.allCores() : workers, s, p);
        List<Path> files = TrialReport.write(r, dir);
        PrintWriter o = spec.commandLine().getOut();
        o.print(TrialReport.text(r));
        o.println();
        o.println("Wrote " + dir + ": " + String.join(", ", files.stream().map(f -> f.getFileName().toString()).toList()));
        o.flush();
        return 0;
    }
}
