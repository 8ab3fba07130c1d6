package org.mscsim.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.mscsim.output.AtomicFiles;
import org.mscsim.output.Num;
import org.mscsim.output.RunWriter;
import org.mscsim.scenario.Param;
import org.mscsim.scenario.Parameters;
import org.mscsim.scenario.ScenarioException;
import org.mscsim.scenario.ScenarioLoader;

/**
 * Builds {@code results.csv} from the completed runs on disk: one row per completed run in run
 * order — {@code run_id, replicate, seed}, {@code case} (when the sweep has cases), every varied
 * parameter by its dotted key, then every output. Runs not done yet are left out (see
 * {@code sweep-status}). The file depends only on the runs' files, so it is byte-identical
 * whichever executor, worker count or order produced them.
 */
public final class Results {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A completed run and its outputs, in the manifest's output order. */
    public record Row(Run run, double[] outputs) {
    }

    /** What the run directories gave: rows for good runs, and why each damaged one was not used. */
    public record Collected(List<Row> rows, Map<Run, String> damaged) {
    }

    private Results() {
    }

    /** Reads every run that looks done, checking its files are complete and belong to that run. */
    public static Collected collect(SweepDir dir) {
        Manifest m = dir.manifest();
        List<Run> runs = m.runs();
        Row[] rows = new Row[runs.size()];
        String[] damage = new String[runs.size()];
        // Reading thousands of small files is I/O- and parse-bound; spread it over the cores. The
        // arrays are indexed by run, so the result does not depend on the order of completion.
        IntStream.range(0, runs.size()).parallel().forEach(i -> {
            Run run = runs.get(i);
            if (!dir.looksDone(run)) {
                return;
            }
            try {
                rows[i] = new Row(run, outputs(dir.runDir(run), run, m.outputs()));
            } catch (IOException | RuntimeException e) {
                damage[i] = e.getMessage() == null ? e.toString() : e.getMessage();
            }
        });
        List<Row> good = new ArrayList<>();
        Map<Run, String> damaged = new LinkedHashMap<>();
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] != null) {
                good.add(rows[i]);
            } else if (damage[i] != null) {
                damaged.put(runs.get(i), damage[i]);
            }
        }
        return new Collected(good, damaged);
    }

    /** Collects and (re)writes {@code results.csv} atomically. */
    public static Collected rebuild(SweepDir dir) throws IOException {
        Collected c = collect(dir);
        AtomicFiles.write(dir.results(), csv(dir.manifest(), c.rows()));
        return c;
    }

    /** The outputs of one run directory, after checking it is this run's and complete. */
    static double[] outputs(Path runDir, Run run, List<Output> outputs) throws IOException {
        JsonNode summary;
        try {
            summary = JSON.readTree(runDir.resolve(RunWriter.SUMMARY).toFile());
        } catch (IOException e) {
            throw new IOException("summary.json unreadable (" + e.getClass().getSimpleName() + ")");
        }
        if (summary == null || summary.path("seed").asLong(-1) != run.seed()) {
            throw new IOException("summary.json is not this run's (seed " + summary.path("seed").asText("missing") + ", expected " + run.seed() + ")");
        }
        Path file = runDir.resolve(RunWriter.TIMESERIES);
        if (!Files.isRegularFile(file)) {
            throw new IOException("timeseries.csv is missing");
        }
        SeriesFile series = SeriesFile.read(file);
        double hours = summary.path("hours").asDouble(Double.NaN);
        if (!(Math.abs(series.lastTime() - hours) < 1e-6)) {
            throw new IOException("timeseries.csv ends at " + Num.format(series.lastTime()) + " h, the run lasted " + Num.format(hours) + " h");
        }
        double[] time = series.column("time_h");
        double[] out = new double[outputs.size()];
        for (int k = 0; k < out.length; k++) {
            Output o = outputs.get(k);
            out[k] = o.of(time, series.column(o.column()));
        }
        return out;
    }

    public static String csv(Manifest m, List<Row> rows) {
        StringBuilder b = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("run_id", "replicate", "seed"));
        if (!m.cases().isEmpty()) {
            header.add("case");
        }
        header.addAll(m.parameters());
        for (Output o : m.outputs()) {
            header.add(o.name());
        }
        line(b, header);
        for (Row r : rows) {
            List<String> cells = new ArrayList<>(header.size());
            cells.add(r.run().id());
            cells.add(Integer.toString(r.run().replicate()));
            cells.add(Long.toString(r.run().seed()));
            if (!m.cases().isEmpty()) {
                cells.add(r.run().caseName());
            }
            for (String key : m.parameters()) {
                cells.add(display(key, r.run().values().get(key)));
            }
            for (double v : r.outputs()) {
                cells.add(Num.format(v));
            }
            line(b, cells);
        }
        return b.toString();
    }

    private static void line(StringBuilder b, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(Csv.field(cells.get(i)));
        }
        b.append('\n');
    }

    /** Parameter values as YAML wrote them, except text, which goes in unquoted (CSV quotes it if needed). */
    private static String display(String key, String yaml) {
        Param p = Parameters.get().param(key);
        if (p != null && p.type() == Param.Type.TEXT) {
            try {
                return (String) ScenarioLoader.parseValue(key, yaml, "sweep.json");
            } catch (ScenarioException e) {
                return yaml;
            }
        }
        return yaml;
    }
}
