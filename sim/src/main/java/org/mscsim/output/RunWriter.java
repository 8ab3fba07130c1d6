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
    public record Result(Path dir, Map<String, Object> summary, TimeSeries series, double wallSeconds, List<String> log) {
    }

    private RunWriter() {
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
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new IOException(dir + " exists and is not a directory");
            }
            if (Files.isDirectory(dir)) {
                try (var entries = Files.list(dir)) {
                    if (entries.findAny().isPresent()) {
                        throw new IOException(dir + " already holds files (a previous run?); choose another --out or remove it");
                    }
                }
            }
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
        AtomicFiles.write(dir.resolve(RESOLVED), resolvedYaml(s));
        TimeSeries ts = new TimeSeries(dir.resolve(TIMESERIES));
        long t0 = System.nanoTime();
        MscModel m;
        try {
            m = simulate(s, threads, ts, progress);
            ts.publish();
        } catch (IOException | RuntimeException | Error e) {
            ts.discard();
            throw e;
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        if (s.bool("output.charts")) {
            Charts.writeRunCharts(ts, s.name(), dir.resolve("charts"));
        }
        Map<String, Object> summary = summary(s, m, ts);
        AtomicFiles.write(dir.resolve(SUMMARY), json(summary) + "\n");
        return new Result(dir, summary, ts, wall, m.log());
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
        double m1 = last[ts.index("mac_m1")];
        double m2 = last[ts.index("mac_m2")];
        readouts.put("m2_fraction_of_polarised", m1 + m2 == 0 ? 0.0 : m2 / (m1 + m2));
        readouts.put("nk_kills", m.nkKills);
        readouts.put("msc_not_placed", m.mscNotPlaced);
        out.put("readouts", readouts);
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

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
