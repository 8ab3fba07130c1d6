package org.mscsim.sweep;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import org.mscsim.checkpoint.Checkpoint;
import org.mscsim.output.AtomicFiles;
import org.mscsim.output.RunWriter;
import org.mscsim.scenario.Scenario;
import org.mscsim.scenario.ScenarioException;

/**
 * Computes one run of a sweep, the same way for every executor. A run is computed in
 * {@code partial/RUN_ID/} and renamed to {@code runs/RUN_ID} only once every file is written, so
 * a process killed midway never leaves a run that looks finished.
 *
 * <p>Runs keep checkpoints: one every {@link #CHECKPOINT_WALL_S} seconds of computing, and one
 * when the process is asked to stop ({@link RunWriter#STOP}, set by SIGTERM, which Slurm sends at
 * a task's time limit, or SIGINT). The next executor that takes the run (the same sweep command
 * again, or a resubmitted Slurm task) continues it from its checkpoint; the finished run is
 * byte-identical to an uninterrupted one. A checkpoint that cannot be used (damaged, or written
 * for other parameters or by another MSCSim version) is named with what is wrong in a warning,
 * dropped, and the run starts over: one damaged file must not stop a sweep of a thousand runs,
 * and the run computed again gives the same result.
 *
 * <p>A lock on {@code partial/RUN_ID.lock} keeps two processes (say, an old Slurm task still
 * ending and its resubmission) off one run's checkpoint: the second computes the run in a
 * private directory under {@code tmp/} instead, without checkpoints. The holder writes its pid
 * and host into the lock file ({@link LockHolder}), which is how {@code sweep-status} shows the
 * run as running.
 */
public final class RunExecution {

    /** Seconds of computing between periodic checkpoints of a sweep run (short runs never write one). */
    public static final double CHECKPOINT_WALL_S = 600;

    private static final Object IDLE = new Object();
    private static int active;

    /** How a run went. {@code error} is set when it failed. */
    public record Outcome(Run run, Status status, String error, double resumedFromH) {
        public enum Status { DONE, ALREADY_DONE, FAILED }

        public Outcome(Run run, Status status, String error) {
            this(run, status, error, Double.NaN);
        }

        public boolean failed() {
            return status == Status.FAILED;
        }
    }

    private RunExecution() {
    }

    /** Runs {@code run} (single-threaded) unless it is already done; never throws for a failing run. */
    public static Outcome execute(SweepDir dir, Scenario base, Run run) {
        return execute(dir, base, run, new RunWriter.Checkpoints(0, CHECKPOINT_WALL_S), w -> { });
    }

    /**
     * The same, with checkpoints as {@code policy} says ({@link RunWriter.Checkpoints#NONE}: none,
     * not even on a stop); {@code warnings} gets a sentence for the user when the run cannot
     * continue from its checkpoint and starts over (called from the computing thread).
     */
    public static Outcome execute(SweepDir dir, Scenario base, Run run, RunWriter.Checkpoints policy, Consumer<String> warnings) {
        if (dir.looksDone(run)) {
            return new Outcome(run, Outcome.Status.ALREADY_DONE, null);
        }
        synchronized (IDLE) {
            active++;
        }
        try {
            return compute(dir, base, run, policy, warnings);
        } finally {
            synchronized (IDLE) {
                active--;
                IDLE.notifyAll();
            }
        }
    }

    /** How many runs this process is computing now. */
    public static int active() {
        synchronized (IDLE) {
            return active;
        }
    }

    /**
     * Waits up to {@code millis} until no run of this process is being computed: after
     * {@link RunWriter#STOP} is set, runs write their checkpoints and end within one model step.
     */
    public static boolean awaitIdle(long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        synchronized (IDLE) {
            while (active > 0) {
                long left = end - System.currentTimeMillis();
                if (left <= 0) {
                    return false;
                }
                IDLE.wait(left);
            }
            return true;
        }
    }

    private static Outcome compute(SweepDir dir, Scenario base, Run run, RunWriter.Checkpoints policy, Consumer<String> warnings) {
        Path work = null;
        boolean keep = false;
        FileChannel lockFile = null;
        Path lockPath = null;
        double resumedFromH = Double.NaN;
        try {
            Scenario s = run.scenario(base);
            if (!policy.equals(RunWriter.Checkpoints.NONE)) {
                Path partial = dir.partialDir(run);
                Files.createDirectories(partial.getParent());
                lockPath = partial.resolveSibling(run.id() + ".lock");
                lockFile = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                if (!heldElsewhere(lockFile)) {
                    work = partial;
                    recordHolder(lockFile, run);
                }
            }
            if (work == null) {
                work = dir.newTemporary(run);
                RunWriter.run(s, work, 1, null, RunWriter.Checkpoints.NONE);
            } else {
                resumedFromH = resumed(work, s, policy, run, warnings);
                if (resumedFromH == NOT_RESUMED) {
                    resumedFromH = Double.NaN;
                    Trees.deleteQuietly(work);
                    Files.createDirectory(work);
                    RunWriter.run(s, work, 1, null, policy);
                }
            }
            if (!dir.publish(run, work)) {
                // The sweep is stopping (a signal): the finished run is kept where it is and
                // published by the next executor that takes it.
                keep = true;
                return new Outcome(run, Outcome.Status.FAILED, "stopped before it was saved");
            }
            dir.clearFailure(run);
            return new Outcome(run, Outcome.Status.DONE, null, resumedFromH);
        } catch (RunWriter.Interrupted e) {
            // Stopped by a signal with a checkpoint in partial/: the next executor continues it.
            keep = true;
            Path note = work.resolve(RunWriter.INTERRUPTED);
            try {
                String text = Files.readString(note);
                int how = text.indexOf("; ");
                AtomicFiles.write(note, (how < 0 ? text.strip() : text.substring(0, how)) + "; the sweep continues it from its checkpoint"
                        + " when run again (./mscsim sweep " + dir.root() + ")\n");
            } catch (IOException | RuntimeException ignored) {
                // the note is for people; the checkpoint is what counts
            }
            return new Outcome(run, Outcome.Status.FAILED, "stopped; it continues from its checkpoint when the sweep runs again");
        } catch (Exception | OutOfMemoryError | StackOverflowError e) {
            // One run failing (a model error, a full disk, too little memory) must not stop the
            // others: record why, leave nothing that looks finished, and carry on.
            dir.recordFailure(run, e);
            return new Outcome(run, Outcome.Status.FAILED, e instanceof IOException ? e.getMessage() : e.toString());
        } finally {
            if (work != null && !keep) {
                Trees.deleteQuietly(work);
            }
            if (lockFile != null) {
                try {
                    if (work != null && work.equals(dir.partialDir(run))) {
                        if (keep) {
                            lockFile.truncate(0); // stopped: no longer computed by anyone
                        } else {
                            Files.deleteIfExists(lockPath); // ours, and the run is over: no clutter
                        }
                    }
                    lockFile.close();
                } catch (IOException e) {
                    // the lock goes with the process anyway
                }
            }
        }
    }

    /**
     * Writes who computes the run into its lock file, so {@code sweep-status} can show it as
     * running while this process lives (a lock file left by a killed process names a dead one).
     * Best effort: without the line the run is only shown as missing.
     */
    private static void recordHolder(FileChannel lockFile, Run run) {
        try {
            LockHolder.write(lockFile, "computing run " + run.id());
        } catch (IOException e) {
            // e.g. a full disk: the run itself reports that when it writes its files
        }
    }

    /**
     * Takes the run's lock (held until the channel closes); true if another process holds it.
     * On a filesystem without locks the run goes ahead with checkpoints: only the guard against
     * two processes taking one run, which the executors already avoid, is missing.
     */
    private static boolean heldElsewhere(FileChannel channel) {
        try {
            FileLock lock = channel.tryLock();
            return lock == null;
        } catch (IOException e) {
            return false;
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return true; // this process already computes the run
        }
    }

    private static final double NOT_RESUMED = -1;

    /**
     * Continues the run in {@code work} from its checkpoint if it has one written for exactly
     * this run, returning the simulated hour it continued from; returns {@link #NOT_RESUMED} (and
     * the caller starts over) if there is none or it cannot be used, saying why in a warning when
     * there was a checkpoint (a run stopped before its first checkpoint starts over silently).
     */
    private static double resumed(Path work, Scenario s, RunWriter.Checkpoints policy, Run run, Consumer<String> warnings)
            throws IOException {
        Path resolved = work.resolve(RunWriter.RESOLVED);
        boolean same;
        String unreadable = null;
        try {
            same = Files.isRegularFile(resolved) && Files.readString(resolved).equals(RunWriter.resolvedYaml(s));
        } catch (IOException e) {
            // A damaged byte can make it invalid UTF-8: damage, so the run starts over (said below).
            same = false;
            unreadable = resolved + " is unreadable (" + e.getMessage() + ")";
        }
        if (Files.exists(work.resolve(RunWriter.SUMMARY))) {
            // Finished but not yet renamed into runs/ (a stop came in between): nothing to compute.
            return same ? s.real("time.hours") : NOT_RESUMED;
        }
        Path checkpoint = work.resolve(Checkpoint.FILE);
        if (!Files.isRegularFile(checkpoint)) {
            return NOT_RESUMED;
        }
        if (!same) {
            warnings.accept(startsOver(run, checkpoint + ": " + (unreadable != null
                    ? "cannot be checked: " + unreadable
                    : Files.isRegularFile(resolved)
                    ? "written for other parameters than this run's (its " + RunWriter.RESOLVED + " differs)"
                    : "cannot be checked: " + RunWriter.RESOLVED + " beside it is missing")));
            return NOT_RESUMED;
        }
        try {
            return RunWriter.resume(work, 1, null, policy).resumedFromH();
        } catch (ScenarioException e) {
            warnings.accept(startsOver(run, String.join("; ", e.problems())));
            return NOT_RESUMED;
        }
    }

    private static String startsOver(Run run, String why) {
        return "run " + run.id() + " cannot continue from its checkpoint: " + why + ". It starts over from 0 h (the result is the same;"
                + " only the computing time is repeated)";
    }
}
