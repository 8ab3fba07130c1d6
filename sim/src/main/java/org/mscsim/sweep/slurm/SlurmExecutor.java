package org.mscsim.sweep.slurm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mscsim.output.AtomicFiles;
import org.mscsim.scenario.ScenarioException;
import org.mscsim.sweep.Run;
import org.mscsim.sweep.SlurmSettings;
import org.mscsim.sweep.SweepDir;

/**
 * Submits a sweep's missing runs as one Slurm job array plus a collect job. Runs are grouped into
 * chunks so that a sweep of any size fits the cluster's MaxArraySize (10,000 runs become at most
 * 1001 tasks of 10 runs), and dealt to chunks round-robin so costly and cheap runs mix.
 */
public final class SlurmExecutor {

    private SlurmExecutor() {
    }

    /** Array and collect jobs of this sweep that are still queued or running. */
    public static List<String> activeJobs(SweepDir dir) throws IOException {
        List<String> ids = new ArrayList<>();
        for (Submission s : Submission.all(dir.slurmDir())) {
            ids.addAll(s.jobIds());
        }
        List<String> active = new ArrayList<>();
        if (ids.isEmpty() || !Slurm.available()) {
            return active;
        }
        Map<String, String> states;
        try {
            states = Slurm.states(ids);
        } catch (IOException e) {
            // Without an answer, runs may still be in progress; clearing tmp/ under them would break them.
            throw new IOException("cannot tell whether this sweep's Slurm jobs " + String.join(", ", ids) + " are still running ("
                    + e.getMessage() + "); try again when squeue answers", e);
        }
        for (Map.Entry<String, String> e : states.entrySet()) {
            String job = e.getKey().contains("_") ? e.getKey().substring(0, e.getKey().indexOf('_')) : e.getKey();
            if (Slurm.ACTIVE.contains(e.getValue()) && !active.contains(job)) {
                active.add(job);
            }
        }
        return active;
    }

    /**
     * Why a sweep directory cannot hold a Slurm submission, or null. Its path goes into the
     * {@code #SBATCH --output} lines: a line break cannot be written there, and Slurm strips a
     * backslash from an output path (and then stops expanding %a), so the task logs would go to
     * a directory that does not exist and every task would fail before it starts.
     */
    public static String unusableDirectory(Path dir) {
        String path = dir.toAbsolutePath().normalize().toString();
        if (path.indexOf('\n') >= 0 || path.indexOf('\r') >= 0) {
            return "the sweep directory's path contains a line break, which no #SBATCH line can hold; choose another --out";
        }
        if (path.indexOf('\\') >= 0) {
            return "the sweep directory's path contains a backslash, which Slurm removes from the task log paths (#SBATCH --output); "
                    + "choose another --out";
        }
        return null;
    }

    /** How runs are split into array tasks. */
    record Plan(List<List<String>> chunks, int runsPerTask) {
    }

    static Plan plan(List<Run> todo, Integer runsPerTask, int maxArraySize) throws ScenarioException {
        int per = runsPerTask != null ? runsPerTask : (todo.size() + maxArraySize - 1) / maxArraySize;
        int tasks = (todo.size() + per - 1) / per;
        if (tasks > maxArraySize) {
            int needed = (todo.size() + maxArraySize - 1) / maxArraySize;
            throw new ScenarioException("runs per task " + per + " makes " + tasks + " array tasks for " + todo.size()
                    + " runs, more than this cluster's MaxArraySize (" + maxArraySize + "); use --runs-per-task " + needed + " or more");
        }
        List<List<String>> chunks = new ArrayList<>();
        for (int t = 0; t < tasks; t++) {
            chunks.add(new ArrayList<>());
        }
        for (int i = 0; i < todo.size(); i++) {
            chunks.get(i % tasks).add(todo.get(i).id());
        }
        return new Plan(chunks, per);
    }

    /**
     * What {@link #submit} would do with these runs, for a dry run: a one-line plan and the array
     * script it would write. Reads the sweep directory (for the next submission's number) and asks
     * Slurm for its MaxArraySize where it can; writes and submits nothing.
     */
    public static String preview(String sweepName, Path sweepDir, List<Run> todo, SlurmSettings settings) throws IOException, ScenarioException {
        Plan plan = plan(todo, settings.runsPerTask(), Slurm.maxArraySize());
        Scripts.Context c = context(sweepName, sweepDir.toAbsolutePath().normalize(), settings);
        int number = c.submission();
        int tasks = plan.chunks().size();
        return String.format(java.util.Locale.ROOT,
                "With --executor slurm (dry run: nothing written or submitted): %d run%s as an array of %d task%s of up to %d run%s%s, "
                        + "then a collect job; submission %d's array script would be:%n%s",
                todo.size(), todo.size() == 1 ? "" : "s", tasks, tasks == 1 ? "" : "s", plan.runsPerTask(), plan.runsPerTask() == 1 ? "" : "s",
                settings.maxParallel() != null ? ", at most " + settings.maxParallel() + " at once" : "", number,
                Scripts.array(c, tasks, todo.size(), plan.runsPerTask()));
    }

    /**
     * Writes the submission's files and submits the array, then the collect job with
     * {@code --dependency=afterany} on it. Job ids are recorded in {@code job.json} as soon as each
     * is known, so status and resubmission see them even if this process dies.
     */
    public static Submission submit(SweepDir dir, List<Run> todo, SlurmSettings settings) throws IOException, ScenarioException {
        Plan plan = plan(todo, settings.runsPerTask(), Slurm.maxArraySize());
        Path sweepDir = dir.root().toAbsolutePath().normalize();
        String why = unusableDirectory(sweepDir);
        if (why != null) {
            throw new ScenarioException(why);
        }
        Scripts.Context c = context(dir.manifest().name(), sweepDir, settings);
        int number = c.submission();
        Path subDir = c.submissionDir();
        Files.createDirectories(subDir.resolve("logs"));
        Path array = subDir.resolve("array.sbatch");
        Path collect = subDir.resolve("collect.sbatch");
        Submission.writeChunks(subDir, plan.chunks());
        AtomicFiles.write(array, Scripts.array(c, plan.chunks().size(), todo.size(), plan.runsPerTask()));
        AtomicFiles.write(collect, Scripts.collect(c));
        String submitted = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String arrayJob = Slurm.submit(array, subDir, List.of());
        Submission s = new Submission(number, subDir, arrayJob, null, plan.chunks(), submitted);
        s.writeJob();
        String collectJob;
        try {
            collectJob = Slurm.submit(collect, subDir, List.of("--dependency=afterany:" + arrayJob));
        } catch (IOException e) {
            throw new IOException("array job " + arrayJob + " is submitted, but " + e.getMessage() + "; once the array has ended, ./mscsim sweep "
                    + dir.root() + " rebuilds results.csv", e);
        }
        s = new Submission(number, subDir, arrayJob, collectJob, plan.chunks(), submitted);
        s.writeJob();
        return s;
    }

    /** The next submission of the sweep in {@code sweepDir} (absolute): its number and directory, not yet created. */
    private static Scripts.Context context(String sweepName, Path sweepDir, SlurmSettings settings) throws IOException {
        Path slurmDir = sweepDir.resolve("slurm");
        int number = Submission.next(slurmDir);
        return new Scripts.Context(sweepName, sweepDir, Submission.dirOf(slurmDir, number), number, TaskCommand.current(), settings);
    }

    /** Called while waiting, with the runs done so far. */
    public interface Progress {
        void update(int done, int total);
    }

    /** squeue failures in a row that {@link #waitFor} rides out (a busy controller answers late now and then). */
    private static final int PATIENCE = 5;

    /** Polls squeue until the submission's jobs have all left the queue. */
    public static void waitFor(SweepDir dir, Submission s, List<Run> runs, long pollMillis, Progress progress)
            throws IOException, InterruptedException {
        int failures = 0;
        while (true) {
            boolean active = false;
            try {
                for (String state : Slurm.states(s.jobIds()).values()) {
                    active |= Slurm.ACTIVE.contains(state);
                }
                failures = 0;
            } catch (IOException e) {
                if (++failures >= PATIENCE) {
                    throw new IOException(e.getMessage() + " (" + PATIENCE + " times in a row; the jobs may still run: ./mscsim sweep-status "
                            + dir.root() + ")", e);
                }
                active = true;
            }
            if (progress != null) {
                int done = 0;
                for (Run r : runs) {
                    done += dir.looksDone(r) ? 1 : 0;
                }
                progress.update(done, runs.size());
            }
            if (!active) {
                return;
            }
            Thread.sleep(pollMillis);
        }
    }
}
