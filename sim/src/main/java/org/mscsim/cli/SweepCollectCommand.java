package org.mscsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mscsim.sweep.Results;
import org.mscsim.sweep.Run;
import org.mscsim.sweep.SweepDir;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Rebuilds results.csv; the collect job of a Slurm submission runs it once every array task has ended. Exit 0 once written. */
@Command(name = "sweep-collect", mixinStandardHelpOptions = true,
        description = "Rebuild a sweep's results.csv from its completed runs, without running anything (a Slurm submission's collect job runs it).")
final class SweepCollectCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "Sweep directory.")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SweepDir d = SweepDir.open(dir);
        Results.Collected c = Results.rebuild(d);
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "Wrote %s: %d of %d runs%n", d.results(), c.rows().size(), d.manifest().size());
        for (Map.Entry<Run, String> e : c.damaged().entrySet()) {
            o.println("  " + e.getKey().id() + " left out: " + e.getValue());
        }
        if (c.rows().size() < d.manifest().size()) {
            o.println("  runs not done: see ./mscsim sweep-status " + d.root());
        }
        o.flush();
        // Success means results.csv is rebuilt; which runs are missing is sweep-status's to say, so
        // the collect job does not show FAILED in squeue just because a task was cancelled.
        return 0;
    }
}
