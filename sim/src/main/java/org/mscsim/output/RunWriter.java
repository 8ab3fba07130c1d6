package org.mscsim.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mscsim.Version;
import org.mscsim.checkpoint.Checkpoint;
import org.mscsim.scenario.ScenarioException;
import org.mscsim.scenario.ScenarioLoader;
import org.mscsim.model.Crowding;
import org.mscsim.model.MscModel;
import org.mscsim.model.Observables;
import org.mscsim.scenario.Scenario;
import org.mscsim.scenario.ScenarioWriter;

/**
 * Runs a scenario headless into a run directory:
 * {@code scenario.resolved.yaml} first (so the run can be repeated), {@code timeseries.csv}
 * streamed and renamed into place at the end, {@code charts/*.png}, and {@code summary.json}
 * last. A directory without {@code summary.json} is an unfinished run.
 */
public final class RunWriter {

    public static final String SUMMARY = "summary.json";
    public static final String TIMESERIES = "timeseries.csv";
    public static final String RESOLVED = "scenario.resolved.yaml";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Progress callback, called every output interval. */
    public interface Progress {
        void update(double hoursDone, double hoursTotal);
    }

    /** What a finished run produced. */
    /** A finished run; {@code resumedFromH} is the simulated hour it was continued from, or NaN if it ran in one go. */
    public record Result(Path dir, Map<String, Object> summary, TimeSeries series, double wallSeconds, List<String> log,
                         double resumedFromH) {
    }

    private RunWriter() {
    }

    /** The --out given cannot take a new run (a file, or a directory with something in it): bad input, not a failure. */
    public static final class UnusableOutput extends IOException {
        private static final long serialVersionUID = 1L;

        UnusableOutput(String message) {
            super(message);
        }
    }

    /**
     * Throws {@link UnusableOutput} if {@code dir} cannot take a new run: it is a file, or a
     * directory with something in it. Commands that compute before they write check first, so a
     * used --out is reported before the work, not after.
     */
    public static void checkUsable(Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UnusableOutput(dir + " exists and is not a directory");
        }
        if (Files.isDirectory(dir)) {
            try (var entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new UnusableOutput(dir + " already holds files (a previous run?); choose another --out or remove it");
                }
            }
        }
    }

    /**
     * Chooses a run directory: {@code requested} if given (it must not hold files already), else
     * a fresh {@code runs/<name>-<timestamp>} under {@code runsRoot}. A previous run is never
     * overwritten.
     */
    public static Path prepare(Path requested, String scenarioName, Path runsRoot) throws IOException {
        Path dir;
        if (requested != null) {
            dir = requested;
            checkUsable(dir);
        } else {
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            String base = safeName(scenarioName) + "-" + stamp;
            dir = runsRoot.resolve(base);
            for (int n = 2; Files.exists(dir); n++) {
                dir = runsRoot.resolve(base + "-" + n);
            }
        }
        Files.createDirectories(dir);
        return dir;
    }

    /** A file-name-safe version of a scenario name. */
    public static String safeName(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]", "_");
        s = s.replaceAll("^[.]+", "");
        return s.isEmpty() ? "run" : s.length() > 60 ? s.substring(0, 60) : s;
    }

    /** Runs the scenario to its end, writing every output into {@code dir}. */
    public static Result run(Scenario s, Path dir, int threads, Progress progress) throws IOException {
        return run(s, dir, threads, progress, 0);
    }

    /**
     * Runs the scenario to its end, writing every output into {@code dir} and, when
     * {@code checkpointEveryH} is positive, a checkpoint every that many simulated hours, from
     * which {@link #resume} continues the run exactly.
     */
    public static Result run(Scenario s, Path dir, int threads, Progress progress, double checkpointEveryH) throws IOException {
        return run(s, dir, threads, progress, new Checkpoints(checkpointEveryH, 0));
    }

    /**
     * When a run writes checkpoints: every {@code everyH} simulated hours and/or every
     * {@code everyWallS} seconds of computing (0 for never). A run with either keeps a
     * checkpoint when it is stopped ({@link #STOP}). Checkpoints never change a run's outputs.
     */
    public record Checkpoints(double everyH, double everyWallS) {
        public static final Checkpoints NONE = new Checkpoints(0, 0);

        boolean any() {
            return everyH > 0 || everyWallS > 0;
        }
    }

    /** Runs the scenario to its end, writing every output into {@code dir} and checkpoints as {@code policy} says. */
    public static Result run(Scenario s, Path dir, int threads, Progress progress, Checkpoints policy) throws IOException {
        String resolved = resolvedYaml(s);
        AtomicFiles.write(dir.resolve(RESOLVED), resolved);
        TimeSeries ts = new TimeSeries(dir.resolve(TIMESERIES));
        MscModel m = new MscModel(s, threads);
        m.addObserver(ts);
        addProgress(m, s, progress);
        try {
            m.start();
        } catch (RuntimeException | Error e) {
            ts.discard();
            m.finish();
            throw e;
        }
        return finish(s, dir, m, ts, policy, Checkpoint.hash(resolved));
    }

    /**
     * Continues the run in {@code dir} from its checkpoint; the finished outputs are identical to
     * those of an uninterrupted run.
     */
    public static Result resume(Path dir, int threads, Progress progress) throws IOException, ScenarioException {
        return resume(dir, threads, progress, null);
    }

    /**
     * The same, checkpointing from here on as {@code policy} says, or (when null) every as many
     * simulated hours as the interrupted run did.
     */
    public static Result resume(Path dir, int threads, Progress progress, Checkpoints policy) throws IOException, ScenarioException {
        if (Files.exists(dir.resolve(SUMMARY))) {
            throw new ScenarioException(dir + ": this run is already complete (summary.json exists)");
        }
        Path resolvedFile = dir.resolve(RESOLVED);
        if (!Files.isRegularFile(resolvedFile)) {
            throw new ScenarioException(dir + ": not a run directory (no " + RESOLVED + ")");
        }
        Path cp = dir.resolve(Checkpoint.FILE);
        if (!Files.isRegularFile(cp)) {
            throw new ScenarioException(dir + ": no checkpoint to resume from (the run was started without --checkpoint-every, or"
                    + " stopped before its first checkpoint); start it again with ./mscsim run " + resolvedFile + " --out NEWDIR");
        }
        String resolved = ScenarioLoader.read(resolvedFile);
        Scenario initial = ScenarioLoader.parse(resolved, resolvedFile.toString());
        Checkpoint.State state = Checkpoint.read(cp, Checkpoint.hash(resolved));
        MscModel m = new MscModel(state.scenario(), threads);
        TimeSeries ts = new TimeSeries(dir.resolve(TIMESERIES));
        try {
            m.resume(state);
            state.restoreInto(ts, m);
        } catch (IOException | RuntimeException | Error e) {
            ts.discard();
            m.finish();
            throw e;
        }
        m.addObserver(ts);
        addProgress(m, initial, progress);
        return finish(initial, dir, m, ts, policy != null ? policy : new Checkpoints(state.everyH(), 0), Checkpoint.hash(resolved));
    }

    private static void addProgress(MscModel m, Scenario s, Progress progress) {
        if (progress != null) {
            double hours = s.real("time.hours");
            m.addObserver(model -> progress.update(model.timeH(), hours));
        }
    }

    /**
     * Set when the process is asked to stop (SIGINT, SIGTERM): the run stops after the current
     * step, writes a checkpoint if it keeps them, marks its directory as interrupted and throws
     * {@link Interrupted}.
     */
    public static final java.util.concurrent.atomic.AtomicBoolean STOP = new java.util.concurrent.atomic.AtomicBoolean();

    /** Thrown by a run stopped through {@link #STOP}. */
    public static final class Interrupted extends IOException {
        private static final long serialVersionUID = 1L;

        Interrupted(String message) {
            super(message);
        }
    }

    /** Name of the note left in a run directory whose run was stopped before the end. */
    public static final String INTERRUPTED = "INTERRUPTED.txt";

    /** Steps the started or resumed model to the end, checkpointing, then writes the outputs. */
    private static Result finish(Scenario s, Path dir, MscModel m, TimeSeries ts, Checkpoints policy, String hash) throws IOException {
        long t0 = System.nanoTime();
        double startH = m.stepsDone() > 0 ? m.timeH() : Double.NaN;
        Path cp = dir.resolve(Checkpoint.FILE);
        double everyH = policy.everyH();
        try {
            long steps = m.totalSteps();
            long every = everyH > 0 ? Math.max(1, Math.round(everyH * 60.0 / s.real("time.dt_min"))) : 0;
            long everyWallNs = (long) (policy.everyWallS() * 1e9);
            long lastWrite = System.nanoTime();
            while (m.stepsDone() < steps) {
                if (STOP.get()) {
                    String how;
                    if (policy.any()) {
                        Checkpoint.write(cp, hash, everyH, m, ts);
                        how = "resume it with: ./mscsim run --resume " + dir;
                    } else {
                        how = "it kept no checkpoint (--checkpoint-every); run it again";
                    }
                    String note = String.format(java.util.Locale.ROOT, "stopped at %.2f h of %s h; %s%n", m.timeH(),
                            Num.format(s.real("time.hours")), how);
                    AtomicFiles.write(dir.resolve(INTERRUPTED), note);
                    throw new Interrupted(dir + ": " + note.strip());
                }
                m.step();
                if (m.stepsDone() < steps && ((every > 0 && m.stepsDone() % every == 0)
                        || (everyWallNs > 0 && System.nanoTime() - lastWrite >= everyWallNs))) {
                    Checkpoint.write(cp, hash, everyH, m, ts);
                    lastWrite = System.nanoTime();
                }
            }
            if (steps % m.stepsPerOutput() != 0) {
                m.notifyObservers();
            }
            ts.publish();
        } catch (IOException | RuntimeException | Error e) {
            ts.discard();
            throw e;
        } finally {
            m.finish();
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        if (s.bool("output.charts")) {
            Charts.writeRunCharts(ts, s.name(), dir.resolve("charts"));
        }
        Map<String, Object> summary = summary(s, m, ts);
        AtomicFiles.write(dir.resolve(SUMMARY), json(summary) + "\n");
        Files.deleteIfExists(cp);
        Files.deleteIfExists(dir.resolve(INTERRUPTED));
        return new Result(dir, summary, ts, wall, m.log(), startH);
    }

    /**
     * Runs a scenario to its end, recording into {@code ts} at every output interval and once more
     * at the end; returns the finished model (its fields and cells stay readable).
     */
    public static MscModel simulate(Scenario s, int threads, TimeSeries ts, Progress progress) {
        MscModel m = new MscModel(s, threads);
        double hours = s.real("time.hours");
        try {
            m.addObserver(ts);
            if (progress != null) {
                m.addObserver(model -> progress.update(model.timeH(), hours));
            }
            m.start();
            long steps = m.totalSteps();
            for (long i = 0; i < steps; i++) {
                m.step();
            }
            if (steps % m.stepsPerOutput() != 0) {
                m.notifyObservers();
            }
        } finally {
            m.finish();
        }
        return m;
    }

    public static String resolvedYaml(Scenario s) {
        return ScenarioWriter.toYaml(s.with("mscsim_version", Version.get()),
                "MSCSim " + Version.get() + " resolved scenario: every parameter this run used.\n"
                        + "Repeat the run bit for bit with: ./mscsim run scenario.resolved.yaml");
    }

    /** The run's summary: deterministic (no wall-clock times), so it is identical for the same seed. */
    static Map<String, Object> summary(Scenario s, MscModel m, TimeSeries ts) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mscsim_version", Version.get());
        out.put("scenario", s.name());
        out.put("seed", s.seed());
        out.put("hours", s.real("time.hours"));
        out.put("dt_min", s.real("time.dt_min"));
        out.put("steps", m.stepsDone());
        double[] last = ts.last();
        Map<String, Object> readouts = new LinkedHashMap<>();
        readouts.put("t_cells_seeded", m.tCellsSeeded);
        readouts.put("t_divisions", m.tDivisions);
        readouts.put("division_index", m.tCellsSeeded == 0 ? 0.0 : (double) m.tDivisions / m.tCellsSeeded);
        readouts.put("t_division_waits", m.tDivisionWaits);
        readouts.put("room_wait_per_division", Crowding.share(m.tDivisionWaits, m.tDivisions, s.real("time.dt_min"), s.real("t_cell.cycle_h")));
        double m1 = last[ts.index("mac_m1")];
        double m2 = last[ts.index("mac_m2")];
        readouts.put("m2_fraction_of_polarised", m1 + m2 == 0 ? 0.0 : m2 / (m1 + m2));
        readouts.put("nk_kills", m.nkKills);
        readouts.put("msc_not_placed", m.mscNotPlaced);
        out.put("readouts", readouts);
        out.put("readout_descriptions", readoutDescriptions(m.systemic != null));
        Map<String, Object> finals = new LinkedHashMap<>();
        Map<String, Object> peaks = new LinkedHashMap<>();
        List<Observables.Column> columns = ts.columns();
        for (int k = 0; k < columns.size(); k++) {
            String name = columns.get(k).name();
            if (name.equals("time_h")) {
                continue;
            }
            finals.put(name, last[k]);
            double max = Double.NEGATIVE_INFINITY;
            for (double[] row : ts.rows()) {
                max = Math.max(max, row[k]);
            }
            peaks.put(name, max);
        }
        out.put("final", finals);
        out.put("peak", peaks);
        Map<String, Object> units = new LinkedHashMap<>();
        for (Observables.Column c : columns) {
            Map<String, Object> col = new LinkedHashMap<>();
            col.put("unit", c.unit());
            col.put("description", c.doc());
            units.put(c.name(), col);
        }
        out.put("columns", units);
        out.put("events", m.log());
        return out;
    }

    /**
     * What each readout counts. In vivo, time 0 is the end of the burn-in: divisions and the T
     * cells they are divided by are both counted from there, so the index covers one window.
     */
    static Map<String, String> readoutDescriptions(boolean inVivo) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("t_cells_seeded", inVivo
                ? "T cells present at time 0 (the end of the burn-in) plus T cells recruited since"
                : "T cells seeded at time 0 plus any added since");
        d.put("t_divisions", inVivo
                ? "T-cell divisions since time 0 (the end of the burn-in)"
                : "T-cell divisions since time 0");
        d.put("division_index", "t_divisions / t_cells_seeded: divisions per T cell over the same window");
        d.put("t_division_waits", "steps in which a T cell ready to divide found no free neighbour and waited, over the same window");
        d.put("room_wait_per_division", "t_division_waits × dt / t_divisions / t_cell.cycle_h: time spent waiting for room per division,"
                + " as a share of a cell cycle; above " + Crowding.WARN_SHARE + " the grid, not the biology, limits proliferation");
        d.put("m2_fraction_of_polarised", "M2 / (M1 + M2) macrophages at the end");
        d.put("nk_kills", "cells lysed by NK cells since time 0");
        d.put("msc_not_placed", "MSCs that could not be placed because the grid was full");
        return d;
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
