package org.mscsim.sweep.slurm;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mscsim.output.RunWriter;
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

    /** How long a stopped task waits for its runs' checkpoints: within Slurm's default KillWait of 30 s. */
    static final long STOP_GRACE_MS = 25_000;

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
        // Slurm sends SIGTERM at the time limit (and on scancel), SIGKILL KillWait seconds later
        // (30 by default): runs in progress write a checkpoint in partial/ and the task ends, so
        // a resubmission continues them where they were.
        RunWriter.STOP.set(false);
        Thread hook = new Thread(() -> {
            RunWriter.STOP.set(true);
            try {
                boolean settled = RunExecution.awaitIdle(STOP_GRACE_MS);
                out.println(settled ? "stopped by a signal: runs in progress kept a checkpoint in partial/ and continue from it when resubmitted"
                        : "stopped by a signal: runs in progress did not reach a checkpoint in time and will start over");
                out.flush();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "mscsim-task-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        List<RunExecution.Outcome> outcomes = LocalExecutor.run(dir, dir.base(), runs, workers, (finished, total, failed) -> {
            out.printf(Locale.ROOT, "  %d/%d runs finished, %d failed, %.0f s%n", finished, total, failed, (System.nanoTime() - t0) / 1e9);
            out.flush();
        }, new java.util.concurrent.atomic.AtomicBoolean(), warning -> {
            // the task's log (stdout and stderr go to one file), where the user looks after a resubmission
            out.println("  warning: " + warning);
            out.flush();
        });
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook reports
        }
        int failed = 0;
        for (RunExecution.Outcome o : outcomes) {
            out.println("  " + o.run().id() + ": " + switch (o.status()) {
                case DONE -> Double.isNaN(o.resumedFromH()) ? "done"
                        : String.format(Locale.ROOT, "done (continued from its checkpoint at %.1f h)", o.resumedFromH());
                case ALREADY_DONE -> "was already done";
                case FAILED -> "FAILED: " + o.error() + (java.nio.file.Files.isRegularFile(dir.failureRecord(o.run()))
                        ? " (details in failed/" + o.run().id() + ".txt)" : "");
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
