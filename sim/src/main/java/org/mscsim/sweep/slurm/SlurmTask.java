package org.mscsim.sweep.slurm;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mscsim.scenario.ScenarioException;
import org.mscsim.sweep.LocalExecutor;
import org.mscsim.sweep.Run;
import org.mscsim.sweep.RunExecution;
import org.mscsim.sweep.SweepDir;

/**
 * One Slurm array task: runs the runs listed for it in its submission's {@code chunks.txt},
 * skipping any already done (a requeued task, an overlapping resubmission). Uses as many workers
 * as the task has CPUs ({@code SLURM_CPUS_PER_TASK}, e.g. from {@code --cpus-per-task} in
 * extra_sbatch), one by default.
 */
public final class SlurmTask {

    private SlurmTask() {
    }

    /** Returns the exit code: 0 if every run of the chunk is done, 1 if any failed. */
    public static int run(Path sweepDir, int submission, int task, PrintWriter out)
            throws IOException, ScenarioException, InterruptedException {
        SweepDir dir = SweepDir.open(sweepDir);
        List<String> ids = Submission.chunk(Submission.dirOf(dir.slurmDir(), submission), task);
        Map<String, Run> byId = new HashMap<>();
        for (Run r : dir.manifest().runs()) {
            byId.put(r.id(), r);
        }
        List<Run> runs = new ArrayList<>();
        for (String id : ids) {
            Run r = byId.get(id);
            if (r == null) {
                throw new IOException("chunks.txt names run " + id + ", which " + dir.root().resolve(SweepDir.MANIFEST) + " does not have");
            }
            runs.add(r);
        }
        int workers = cpus();
        out.printf(Locale.ROOT, "MSCSim sweep %s, submission %d, task %d: %d runs on %d worker%s%n", dir.manifest().name(), submission,
                task, runs.size(), workers, workers == 1 ? "" : "s");
        out.flush();
        long t0 = System.nanoTime();
        List<RunExecution.Outcome> outcomes = LocalExecutor.run(dir, dir.base(), runs, workers, (finished, total, failed) -> {
            out.printf(Locale.ROOT, "  %d/%d runs finished, %d failed, %.0f s%n", finished, total, failed, (System.nanoTime() - t0) / 1e9);
            out.flush();
        });
        int failed = 0;
        for (RunExecution.Outcome o : outcomes) {
            out.println("  " + o.run().id() + ": " + switch (o.status()) {
                case DONE -> "done";
                case ALREADY_DONE -> "was already done";
                case FAILED -> "FAILED: " + o.error() + " (details in failed/" + o.run().id() + ".txt)";
            });
            failed += o.failed() ? 1 : 0;
        }
        out.flush();
        return failed == 0 ? 0 : 1;
    }

    private static int cpus() {
        String s = System.getenv("SLURM_CPUS_PER_TASK");
        try {
            return s == null ? 1 : Math.max(1, Math.min(256, Integer.parseInt(s.trim())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
