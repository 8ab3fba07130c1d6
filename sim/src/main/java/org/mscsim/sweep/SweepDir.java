package org.mscsim.sweep;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.mscsim.Version;
import org.mscsim.output.AtomicFiles;
import org.mscsim.output.RunWriter;
import org.mscsim.scenario.Scenario;
import org.mscsim.scenario.ScenarioException;
import org.mscsim.scenario.ScenarioLoader;

/**
 * A sweep directory and its contract:
 * <pre>
 * sweep.json      the manifest (written last when the directory is created)
 * sweep.yaml      the sweep file as given, for the record
 * base.yaml       the base scenario every run starts from
 * results.csv     one row per completed run, rebuilt from runs/ (never edited in place)
 * runs/RUN_ID/    a complete run directory; it appears only by renaming a finished one into place
 * failed/RUN_ID.txt  why a run failed (removed when it later succeeds)
 * partial/RUN_ID/ a run being computed, with its checkpoints; one stopped midway (a signal, a
 *                 Slurm time limit) stays here and the next executor continues it
 * tmp/            runs computed without checkpoints (when another process holds the run's lock)
 *                 and damaged runs set aside; whatever is left here is cleared on the next start
 * slurm/          batch scripts, job ids and task logs of Slurm submissions
 * </pre>
 * A run counts as done when {@code runs/RUN_ID/summary.json} exists; {@link Results} also checks
 * its files are readable and belong to that run.
 */
public final class SweepDir {

    public static final String MANIFEST = "sweep.json";
    public static final String SWEEP_COPY = "sweep.yaml";
    public static final String BASE = "base.yaml";
    public static final String RESULTS = "results.csv";

    private static final AtomicLong TEMPORARIES = new AtomicLong();

    /** What is known about a run from its files. */
    public enum State { DONE, FAILED, MISSING }

    private final Path root;
    private final Manifest manifest;
    private final Object publishing = new Object();
    private volatile boolean stopped;

    private SweepDir(Path root, Manifest manifest) {
        this.root = root;
        this.manifest = manifest;
    }

    public static boolean isSweepDir(Path dir) {
        return Files.isRegularFile(dir.resolve(MANIFEST));
    }

    /** Opens an existing sweep directory. */
    public static SweepDir open(Path root) throws IOException, ScenarioException {
        if (!isSweepDir(root)) {
            throw new ScenarioException(root + ": not a sweep directory (it has no " + MANIFEST + "); make one with ./mscsim sweep SWEEP.yaml --out "
                    + root);
        }
        Path file = root.resolve(MANIFEST);
        return new SweepDir(root, Manifest.parse(Files.readString(file), file.toString()));
    }

    /**
     * Refuses, before anything is written, a {@code root} that cannot become this sweep's
     * directory: a file, or a directory holding other files and no sweep.
     */
    public static void checkTarget(Path root) throws IOException, ScenarioException {
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new ScenarioException(root + " exists and is not a directory; choose another --out");
        }
        if (Files.isDirectory(root) && !isSweepDir(root) && !startable(root)) {
            throw new ScenarioException(root + " already holds files but no " + MANIFEST
                    + ", so it is not a sweep directory; choose another --out");
        }
    }

    /**
     * Creates {@code root} for this sweep, or reopens it if it already holds the same sweep (same
     * definition hash), taking the new outputs and Slurm settings. A directory holding anything
     * else is refused, so runs of two different sweeps never mix.
     */
    public static SweepDir prepare(Path root, Manifest fresh, String sweepText, Scenario base) throws IOException, ScenarioException {
        checkTarget(root);
        if (isSweepDir(root)) {
            SweepDir existing = open(root);
            Manifest old = existing.manifest;
            if (!old.definitionSha256().equals(fresh.definitionSha256())) {
                throw new ScenarioException(root + " holds another sweep: \"" + old.name() + "\" from " + old.sweepFile() + " (definition "
                        + old.definitionSha256().substring(0, 12) + "), not this one (" + fresh.definitionSha256().substring(0, 12)
                        + "; its base scenario, varied values, seeds or run count differ). A directory holds the runs of one sweep "
                        + "only: choose another --out, or delete " + root + " to start again.");
            }
            Manifest updated = old.withSettingsOf(fresh);
            if (!updated.toJson().equals(old.toJson())) {
                AtomicFiles.write(root.resolve(MANIFEST), updated.toJson());
            }
            AtomicFiles.write(root.resolve(SWEEP_COPY), sweepText);
            return new SweepDir(root, updated);
        }
        boolean created = !Files.exists(root);
        try {
            Files.createDirectories(root.resolve("runs"));
            AtomicFiles.write(root.resolve(SWEEP_COPY), sweepText);
            AtomicFiles.write(root.resolve(BASE), Manifest.baseYaml(base, fresh.name()));
            AtomicFiles.write(root.resolve(MANIFEST), fresh.toJson());
        } catch (IOException e) {
            // Without sweep.json this is no sweep directory yet (a full disk, say): take back what
            // was written, so that the same command works once the problem is fixed.
            for (Path p : List.of(root.resolve(BASE), root.resolve(SWEEP_COPY), root.resolve("runs"))) {
                deleteQuietly(p);
            }
            if (created) {
                deleteQuietly(root);
            }
            throw e;
        }
        return new SweepDir(root, fresh);
    }

    /**
     * Whether a directory without a manifest may become a sweep directory: it is empty, or holds
     * only what an earlier start of a sweep left before its {@code sweep.json} was written (killed
     * or out of space): {@code sweep.yaml}, {@code base.yaml}, an empty {@code runs/}, the lock
     * file and hidden temporary files.
     */
    static boolean startable(Path root) throws IOException {
        try (Stream<Path> entries = Files.list(root)) {
            for (Path p : entries.toList()) {
                String name = p.getFileName().toString();
                boolean leftover = name.equals(SWEEP_COPY) || name.equals(BASE) || name.equals(SweepLock.FILE)
                        || name.startsWith(".") && name.endsWith(".partial");
                if (name.equals("runs") && Files.isDirectory(p)) {
                    try (Stream<Path> runs = Files.list(p)) {
                        leftover = runs.findAny().isEmpty();
                    }
                }
                if (!leftover) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // best effort: the caller reports the error that brought us here
        }
    }

    public Path root() {
        return root;
    }

    public Manifest manifest() {
        return manifest;
    }

    /** The base scenario as every executor reads it: from {@code base.yaml}, so all see the same values. */
    public Scenario base() throws ScenarioException {
        return ScenarioLoader.load(root.resolve(BASE), List.of());
    }

    /** A note when the directory was started by another MSCSim version, else null. */
    public String versionNote() {
        if (manifest.mscsimVersion().equals(Version.get())) {
            return null;
        }
        return root + " was started with MSCSim " + manifest.mscsimVersion() + "; this is " + Version.get()
                + ", so runs made by the two versions may differ";
    }

    public Path runDir(Run run) {
        return root.resolve("runs").resolve(run.id());
    }

    /** Where a run is computed with checkpoints, so that a later process can continue it. */
    public Path partialDir(Run run) {
        return root.resolve("partial").resolve(run.id());
    }

    /**
     * Who is computing {@code run} now, as its lock file {@code partial/RUN_ID.lock} says: empty
     * if nobody, or if the process named there has ended (killed, or stopped with a checkpoint).
     * A holder on another host is checked through the lock itself; if the file system cannot say,
     * the holder is returned as {@link LockHolder.Liveness#UNKNOWN}.
     */
    public Optional<LockHolder.Holder> computing(Run run) {
        return LockHolder.read(partialDir(run).resolveSibling(run.id() + ".lock"), true)
                .filter(h -> h.liveness() != LockHolder.Liveness.DEAD);
    }

    /**
     * The sweep command holding this directory's lock ({@code DIR/.lock}), unless it has ended.
     * Its lock is never probed (a sweep command starting at that instant would be refused), so a
     * holder on another host is {@link LockHolder.Liveness#UNKNOWN}.
     */
    public Optional<LockHolder.Holder> sweepCommand() {
        return LockHolder.read(root.resolve(SweepLock.FILE), false).filter(h -> h.liveness() != LockHolder.Liveness.DEAD);
    }

    /** Runs not done that hold a checkpoint to continue from. */
    public int checkpointed() {
        Path partial = root.resolve("partial");
        if (!Files.isDirectory(partial)) {
            return 0;
        }
        int n = 0;
        for (Run r : manifest.runs()) {
            if (!looksDone(r) && Files.isRegularFile(partialDir(r).resolve(org.mscsim.checkpoint.Checkpoint.FILE))) {
                n++;
            }
        }
        return n;
    }

    public Path failureRecord(Run run) {
        return root.resolve("failed").resolve(run.id() + ".txt");
    }

    public Path results() {
        return root.resolve(RESULTS);
    }

    public Path slurmDir() {
        return root.resolve("slurm");
    }

    /** Cheap test used by status and by tasks to skip work: the run's last file exists. */
    public boolean looksDone(Run run) {
        return Files.isRegularFile(runDir(run).resolve(RunWriter.SUMMARY));
    }

    public State state(Run run) {
        if (looksDone(run)) {
            return State.DONE;
        }
        return Files.isRegularFile(failureRecord(run)) ? State.FAILED : State.MISSING;
    }

    /** The first line of a failed run's record, or null. */
    public String failure(Run run) {
        try {
            List<String> lines = Files.readAllLines(failureRecord(run));
            return lines.isEmpty() ? "failed" : lines.get(0);
        } catch (IOException e) {
            return null;
        }
    }

    /** A fresh, unique temporary directory for computing a run (several processes may share the sweep directory). */
    Path newTemporary(Run run) throws IOException {
        Path tmp = root.resolve("tmp");
        Files.createDirectories(tmp);
        return Files.createDirectory(tmp.resolve(run.id() + "." + ProcessHandle.current().pid() + "-" + TEMPORARIES.incrementAndGet()));
    }

    /**
     * Moves a finished run into place with one rename, so {@code runs/RUN_ID} is either absent or
     * complete. If another process finished the same run first, its copy stays and this one goes.
     *
     * @return false, leaving the run in {@code tmp/}, once {@link #stopPublishing} was called
     */
    boolean publish(Run run, Path finished) throws IOException {
        Path target = runDir(run);
        Files.createDirectories(target.getParent());
        synchronized (publishing) {
            if (stopped) {
                return false;
            }
            try {
                Files.move(finished, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                Trees.delete(finished);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot rename " + finished + " to " + target + " atomically (tmp/ and runs/ must be on one filesystem)", e);
            }
            return true;
        }
    }

    /**
     * No run is moved into {@code runs/} after this returns (a run being renamed finishes first),
     * so {@code runs/} no longer changes under a {@code results.csv} rebuilt after it: used when
     * a sweep is stopped by a signal. Runs that finish later stay in {@code tmp/}.
     */
    public void stopPublishing() {
        synchronized (publishing) {
            stopped = true;
        }
    }

    void recordFailure(Run run, Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        String text = summary(error) + "\n\nrun " + run.describe() + "\nMSCSim " + Version.get() + ", " + Instant.now() + ", host "
                + SweepLock.host() + ", pid " + ProcessHandle.current().pid() + "\n\n" + trace;
        try {
            Files.createDirectories(failureRecord(run).getParent());
            AtomicFiles.write(failureRecord(run), text);
        } catch (IOException | RuntimeException e) {
            // The run is missing either way; status reports it and a re-run retries it.
        }
    }

    /**
     * A failure's first line, which the sweep's report and sweep-status show: an I/O error as
     * "path: reason" like every other I/O error MSCSim reports (no Java class name; the stack
     * trace follows in the record), anything else as it describes itself.
     */
    static String summary(Throwable error) {
        if (error instanceof java.nio.file.FileSystemException f && f.getFile() != null) {
            return f.getFile() + (f.getOtherFile() != null ? " -> " + f.getOtherFile() : "") + ": " + AtomicFiles.reason(f);
        }
        if (error instanceof IOException && error.getMessage() != null) {
            return error.getMessage();
        }
        return error.toString();
    }

    void clearFailure(Run run) throws IOException {
        Files.deleteIfExists(failureRecord(run));
    }

    /**
     * Takes a damaged run (unreadable or not this run's files) out of {@code runs/} so it is
     * computed again, keeping the reason as its failure record.
     */
    public void discard(Run run, String reason) throws IOException {
        Path dir = runDir(run);
        if (Files.exists(dir)) {
            Path tmp = root.resolve("tmp");
            Files.createDirectories(tmp);
            Path aside = tmp.resolve(run.id() + ".damaged-" + ProcessHandle.current().pid() + "-" + TEMPORARIES.incrementAndGet());
            Files.move(dir, aside, StandardCopyOption.ATOMIC_MOVE);
            Trees.delete(aside);
        }
        Files.createDirectories(failureRecord(run).getParent());
        AtomicFiles.write(failureRecord(run), "damaged run directory removed: " + reason + "\n");
    }

    /**
     * Removes what interrupted runs left in {@code tmp/}. Only safe when nothing else is computing
     * runs of this sweep; the executors check for active Slurm jobs first.
     */
    public int clearTemporaries() throws IOException {
        Path tmp = root.resolve("tmp");
        if (!Files.isDirectory(tmp)) {
            return 0;
        }
        List<Path> left = new ArrayList<>();
        try (Stream<Path> entries = Files.list(tmp)) {
            entries.forEach(left::add);
        }
        for (Path p : left) {
            Trees.delete(p);
        }
        return left.size();
    }
}
