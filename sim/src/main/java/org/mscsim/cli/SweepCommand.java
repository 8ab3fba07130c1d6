package org.mscsim.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mscsim.batch.Batch;
import org.mscsim.output.RunWriter;
import org.mscsim.scenario.ScenarioLoader;
import org.mscsim.sweep.LocalExecutor;
import org.mscsim.sweep.Manifest;
import org.mscsim.sweep.Pending;
import org.mscsim.sweep.Results;
import org.mscsim.sweep.Run;
import org.mscsim.sweep.RunExecution;
import org.mscsim.sweep.RunMatrix;
import org.mscsim.sweep.SlurmSettings;
import org.mscsim.sweep.StopOnSignal;
import org.mscsim.sweep.Sweep;
import org.mscsim.sweep.SweepDir;
import org.mscsim.sweep.SweepLock;
import org.mscsim.sweep.SweepParser;
import org.mscsim.sweep.slurm.Slurm;
import org.mscsim.sweep.slurm.SlurmExecutor;
import org.mscsim.sweep.slurm.Submission;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Run a parameter sweep on all cores or on a Slurm cluster; resumable.",
        description = {
            "Expands a sweep file (scenarios/sweeps/*.yaml: base scenario, varied",
            "parameters, grid or Latin-hypercube design, replicates, master seed,",
            "outputs) into runs and computes those not done yet. DIR holds",
            "  runs/<run_id>/  one complete run directory per finished run",
            "  results.csv     one row per finished run: run_id, replicate, seed,",
            "                  [case,] varied parameters, outputs",
            "  sweep.json      the manifest: every run's values and seed",
            "Run the same command again (or give DIR as SWEEP, or add --resume) to",
            "run only what is missing or failed. Runs keep checkpoints (every 10",
            "minutes of computing, and when stopped by SIGINT/SIGTERM or a Slurm",
            "time limit) in partial/<run_id>/ and continue from them; a checkpoint",
            "that cannot be used is named in a warning and its run starts over.",
            "Exit code: 0 every run done (or, without --wait, submitted); 1 runs",
            "failed, or DIR is in use by another sweep command; 2 bad input; 130",
            "stopped by Ctrl-C (SIGINT), 143 by kill (SIGTERM): a local sweep keeps",
            "its finished runs and the same command continues it."
        })
final class SweepCommand implements Callable<Integer> {

    enum Executor { local, slurm }

    @Parameters(index = "0", paramLabel = "SWEEP",
            description = "Sweep file, or an existing sweep directory to resume.")
    Path sweep;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Sweep directory: new, empty, or holding this same sweep (which resumes). Default: runs/sweep-<name>.")
    Path out;

    @Option(names = "--executor", paramLabel = "local|slurm", defaultValue = "local",
            description = "local: this machine's cores; slurm: a job array on the cluster. Default: ${DEFAULT-VALUE}.")
    Executor executor;

    @Option(names = "--workers", paramLabel = "N", description = "Runs at once with the local executor (default: all cores).")
    Integer workers;

    @Option(names = "--resume", description = "Continue the sweep in DIR (same as running the command again; fails if DIR holds no sweep yet).")
    boolean resume;

    @Option(names = "--dry-run", description = "Check the sweep file and show its runs (with --executor slurm, also the array "
            + "script it would submit); run nothing, write nothing.")
    boolean dryRun;

    @Option(names = "--wait", description = "With --executor slurm: wait until the jobs have ended, then report like a local sweep.")
    boolean waitForJobs;

    @Option(names = "--partition", paramLabel = "NAME", description = "Slurm partition (overrides slurm.partition in the sweep file).")
    String partition;

    @Option(names = "--time", paramLabel = "LIMIT", description = "Slurm time limit per array task, e.g. 01:00:00 (overrides slurm.time).")
    String time;

    @Option(names = "--max-parallel", paramLabel = "K", description = "Array tasks running at once, --array=0-N%%K (overrides slurm.max_parallel).")
    Integer maxParallel;

    @Option(names = {"--runs-per-task", "--chunk-size"}, paramLabel = "N",
            description = "Runs per array task (overrides slurm.runs_per_task). Default: one, or as many as keep the array within MaxArraySize.")
    Integer runsPerTask;

    @Option(names = "--poll-seconds", paramLabel = "S", defaultValue = "10", description = "How often --wait asks squeue. Default: ${DEFAULT-VALUE}.")
    int pollSeconds;

    @Option(names = {"-q", "--quiet"}, description = "No progress line; only the final report and errors.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        checkOptions();
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (Files.isDirectory(sweep)) {
            if (out != null && !out.toAbsolutePath().normalize().equals(sweep.toAbsolutePath().normalize())) {
                throw new Main.UserError("give the sweep directory once: either as SWEEP or as --out");
            }
            SweepDir dir = SweepDir.open(sweep);
            if (dryRun) {
                describe(o, dir.manifest(), dir.root());
                // Read only (a dry run changes nothing): runs that look complete on disk.
                List<Run> todo = dir.manifest().runs().stream().filter(r -> !dir.looksDone(r)).toList();
                o.printf(Locale.ROOT, "%d done, %d to run%n", dir.manifest().runs().size() - todo.size(), todo.size());
                if (executor == Executor.slurm && !todo.isEmpty()) {
                    o.print(slurmPreview(dir.manifest(), dir.root(), todo));
                    o.flush();
                }
                return 0;
            }
            checkSlurmDirectory(sweep);
            try (SweepLock lock = lock(sweep, err)) {
                // Read again under the lock: the command that held it may have changed the manifest.
                return drive(SweepDir.open(sweep), o, err);
            }
        }
        Sweep s = SweepParser.load(sweep);
        List<Run> runs = RunMatrix.expand(s);
        Manifest fresh = Manifest.of(s, runs, sweep);
        Path target = out != null ? out : Path.of("runs", "sweep-" + RunWriter.safeName(s.name()));
        if (dryRun) {
            describe(o, fresh, target);
            if (executor == Executor.slurm) {
                o.print(slurmPreview(fresh, target, runs));
                o.flush();
            }
            return 0;
        }
        if (resume && !SweepDir.isSweepDir(target)) {
            throw new Main.UserError("--resume: " + target + " holds no sweep yet; leave out --resume to start it");
        }
        SweepDir.checkTarget(target);
        checkSlurmDirectory(target);
        String text = ScenarioLoader.read(sweep);
        try (SweepLock lock = lock(target, err)) {
            return drive(SweepDir.prepare(target, fresh, text, s.base()), o, err);
        }
    }

    /**
     * A Slurm sweep's directory goes into #SBATCH lines, which cannot hold a line break or a
     * backslash: refused before anything is created (SlurmExecutor checks again before it writes
     * a script).
     */
    private void checkSlurmDirectory(Path dir) throws Main.UserError {
        String why = executor == Executor.slurm ? SlurmExecutor.unusableDirectory(dir) : null;
        if (why != null) {
            throw new Main.UserError("--executor slurm: " + why);
        }
    }

    /**
     * Takes the sweep directory's lock for the rest of the command, so a second sweep command on
     * the same directory is refused before it changes anything.
     */
    private SweepLock lock(Path root, PrintWriter err) throws Exception {
        try {
            SweepLock lock = SweepLock.acquire(root, "./mscsim " + String.join(" ", spec.commandLine().getParseResult().originalArgs()));
            if (lock.note() != null) {
                err.println("note: " + lock.note());
            }
            return lock;
        } catch (SweepLock.Held e) {
            throw new Main.UserError(e.getMessage(), Main.FAILED);
        }
    }

    /** Runs or submits what the sweep in {@code dir} still needs; the caller holds its lock. */
    private int drive(SweepDir dir, PrintWriter o, PrintWriter err) throws Exception {
        Manifest m = dir.manifest();
        String note = dir.versionNote();
        if (note != null) {
            err.println("note: " + note);
        }
        List<String> active = SlurmExecutor.activeJobs(dir);
        if (!active.isEmpty()) {
            throw new Main.UserError("Slurm jobs " + String.join(", ", active) + " of this sweep are still queued or running; wait for them "
                    + "(./mscsim sweep-status " + dir.root() + ") or cancel them (scancel " + String.join(" ", active) + ") first");
        }
        Pending p = Pending.of(dir);
        for (Map.Entry<Run, String> d : p.damaged().entrySet()) {
            err.println("note: " + d.getKey().id() + " was damaged (" + d.getValue() + "); it will run again");
        }
        int checkpointed = dir.checkpointed();
        o.printf(Locale.ROOT, "Sweep %s: %d runs (%s) in %s; %d done, %d to run%s%n", m.name(), m.size(), shape(m), dir.root(), p.done(),
                p.todo().size(), checkpointed == 0 ? "" : " (" + checkpointed + " continue from checkpoints)");
        o.flush();
        return executor == Executor.local ? local(dir, p, o, err) : slurm(dir, p, o, err);
    }

    private int local(SweepDir dir, Pending p, PrintWriter o, PrintWriter err) throws Exception {
        int n = workers != null ? workers : Batch.allCores();
        long t0 = System.nanoTime();
        ProgressLine line = quiet || p.todo().isEmpty() ? null : new ProgressLine(err, "sweep");
        List<RunExecution.Outcome> outcomes;
        try (StopOnSignal signal = StopOnSignal.install(dir, message -> {
            if (line != null && System.console() != null) {
                err.println();
            }
            err.println(message);
            err.flush();
        })) {
            outcomes = LocalExecutor.run(dir, dir.base(), p.todo(), n,
                    line == null ? null : (finished, total, failed) -> line.update(finished, total, "runs"), signal.flag(), warning -> {
                        if (line != null && System.console() != null) {
                            err.println(); // below the progress bar, which redraws on the next line
                        }
                        err.println("warning: " + warning);
                        err.flush();
                    });
            if (signal.flag().get()) {
                // Stopped by a signal: the shutdown hook rebuilds results.csv and reports, then the
                // JVM exits with the signal's code. Nothing more to do here, and nothing to race it.
                new java.util.concurrent.CountDownLatch(1).await();
            }
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        List<RunExecution.Outcome> failed = outcomes.stream().filter(RunExecution.Outcome::failed).toList();
        if (!p.todo().isEmpty()) {
            o.printf(Locale.ROOT, "Ran %d runs in %s with %d worker%s%s.%n", outcomes.size() - failed.size(), ProgressLine.duration(wall), n,
                    n == 1 ? "" : "s", failed.isEmpty() ? "" : ", " + failed.size() + " failed");
        }
        return report(dir, o, err);
    }

    private int slurm(SweepDir dir, Pending p, PrintWriter o, PrintWriter err) throws Exception {
        if (p.todo().isEmpty()) {
            return report(dir, o, err);
        }
        if (!Slurm.available()) {
            throw new Main.UserError("--executor slurm needs sbatch, which is not on the PATH here; run this on the cluster's login node "
                    + "(or use --executor local)");
        }
        SlurmSettings settings = slurmSettings(dir.manifest());
        Submission s = SlurmExecutor.submit(dir, p.todo(), settings);
        o.printf(Locale.ROOT, "Submitted %d runs as array job %s (%d task%s) and collect job %s (runs after the array); scripts and logs in %s%n",
                p.todo().size(), s.arrayJob(), s.chunks().size(), s.chunks().size() == 1 ? "" : "s", s.collectJob(), s.dir());
        if (!waitForJobs) {
            o.println("Follow it with ./mscsim sweep-status " + dir.root() + "; when the jobs end, results.csv is rebuilt by the collect job.");
            o.println("Run this command again afterwards to resubmit only runs that failed or were not run.");
            o.flush();
            return 0;
        }
        o.println("Waiting for the jobs (Ctrl-C stops waiting, not the jobs) ...");
        o.flush();
        ProgressLine line = quiet ? null : new ProgressLine(err, "slurm");
        SlurmExecutor.waitFor(dir, s, p.todo(), pollSeconds * 1000L, line == null ? null : (done, total) -> line.update(done, total, "runs"));
        return report(dir, o, err);
    }

    private String slurmPreview(Manifest m, Path dir, List<Run> todo) throws Exception {
        checkSlurmDirectory(dir);
        return SlurmExecutor.preview(m.name(), dir, todo, slurmSettings(m));
    }

    private SlurmSettings slurmSettings(Manifest m) {
        return m.slurm().overriddenBy(new SlurmSettings(partition, time, maxParallel, runsPerTask, List.of()));
    }

    /** Rebuilds results.csv and says what is done; exit code 1 if any run is not. */
    private static int report(SweepDir dir, PrintWriter o, PrintWriter err) throws Exception {
        Results.Collected c;
        java.io.IOException unwritten = null;
        try {
            c = Results.rebuild(dir);
        } catch (java.io.IOException e) {
            // e.g. a full disk: still say which runs are not done, then why results.csv is not new
            unwritten = e;
            c = Results.collect(dir);
        }
        Manifest m = dir.manifest();
        List<String> notDone = new ArrayList<>();
        for (Run r : m.runs()) {
            if (!dir.looksDone(r) || c.damaged().containsKey(r)) {
                String why = c.damaged().containsKey(r) ? c.damaged().get(r) : dir.failure(r);
                notDone.add(r.id() + (why == null ? " (not run)" : " (" + why + ")"));
            }
        }
        if (unwritten == null) {
            o.printf(Locale.ROOT, "Wrote %s: %d of %d runs.%n", dir.results(), c.rows().size(), m.size());
        }
        o.flush();
        if (notDone.isEmpty() && unwritten == null) {
            return 0;
        }
        if (!notDone.isEmpty()) {
            err.println("error: " + notDone.size() + " of " + m.size() + " runs are not done: " + String.join(", ", notDone.subList(0, Math.min(5, notDone.size())))
                    + (notDone.size() > 5 ? " and " + (notDone.size() - 5) + " more" : "") + ". Details in " + dir.root().resolve("failed")
                    + "; run the same command again to retry them.");
            err.flush();
        }
        if (unwritten != null) {
            throw unwritten;
        }
        return Main.FAILED;
    }

    static String shape(Manifest m) {
        int perPoint = Math.max(1, m.cases().size()) * m.replicates();
        StringBuilder b = new StringBuilder(m.design().label()).append(": ").append(m.size() / perPoint)
                .append(m.design() == Sweep.Design.LHS ? " samples" : m.size() / perPoint == 1 ? " point" : " points");
        if (!m.cases().isEmpty()) {
            b.append(" × ").append(m.cases().size()).append(" cases");
        }
        return b.append(" × ").append(m.replicates()).append(m.replicates() == 1 ? " replicate" : " replicates").toString();
    }

    private static void describe(PrintWriter o, Manifest m, Path dir) {
        o.printf(Locale.ROOT, "Sweep %s: %d runs (%s), into %s%n", m.name(), m.size(), shape(m), dir);
        List<String> header = new ArrayList<>(List.of("run_id", "replicate", "seed"));
        if (!m.cases().isEmpty()) {
            header.add("case");
        }
        header.addAll(m.parameters());
        m.outputs().forEach(x -> header.add(x.name()));
        o.println("results.csv columns: " + String.join(", ", header));
        o.println("outputs:");
        m.outputs().forEach(x -> o.println("  " + x.name() + ": " + x.describe()));
        o.println("runs:");
        List<Run> runs = m.runs();
        for (int i = 0; i < runs.size(); i++) {
            if (i == 8 && runs.size() > 10) {
                o.println("  ... " + (runs.size() - 9) + " more");
                i = runs.size() - 1;
            }
            Run r = runs.get(i);
            o.println("  " + r.describe() + " seed " + r.seed());
        }
        o.flush();
    }

    private void checkOptions() throws Main.UserError {
        if (workers != null && (workers < 1 || workers > 1024)) {
            throw new Main.UserError("--workers must be from 1 to 1024, got " + workers);
        }
        if (pollSeconds < 1 || pollSeconds > 3600) {
            throw new Main.UserError("--poll-seconds must be from 1 to 3600, got " + pollSeconds);
        }
        if (executor == Executor.local) {
            List<String> slurmOnly = new ArrayList<>();
            if (waitForJobs) {
                slurmOnly.add("--wait");
            }
            if (partition != null) {
                slurmOnly.add("--partition");
            }
            if (time != null) {
                slurmOnly.add("--time");
            }
            if (maxParallel != null) {
                slurmOnly.add("--max-parallel");
            }
            if (runsPerTask != null) {
                slurmOnly.add("--runs-per-task");
            }
            if (!slurmOnly.isEmpty()) {
                throw new Main.UserError(String.join(", ", slurmOnly) + (slurmOnly.size() == 1 ? " only applies" : " only apply") + " with --executor slurm");
            }
        } else if (workers != null) {
            throw new Main.UserError("--workers is for --executor local; on Slurm, each array task runs its runs on the CPUs it is given "
                    + "(add --cpus-per-task=N to slurm.extra_sbatch)");
        }
        String why;
        if (partition != null && (why = SlurmSettings.unsafe(partition)) != null) {
            throw new Main.UserError("--partition " + why);
        }
        if (time != null && (why = SlurmSettings.badTime(time)) != null) {
            throw new Main.UserError("--time " + why + ", got \"" + time + "\"");
        }
        if (maxParallel != null && maxParallel < 1) {
            throw new Main.UserError("--max-parallel must be 1 or more, got " + maxParallel);
        }
        if (runsPerTask != null && runsPerTask < 1) {
            throw new Main.UserError("--runs-per-task must be 1 or more, got " + runsPerTask);
        }
    }
}
