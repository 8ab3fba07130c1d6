package org.mscsim.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mscsim.Version;
import org.mscsim.scenario.Scenario;
import org.mscsim.scenario.ScenarioWriter;

/**
 * {@code sweep.json}: everything needed to run, check, resume and summarise a sweep from its
 * directory alone — the expanded run matrix (id, replicate, seed, parameter values of every
 * run), the outputs to summarise and the Slurm settings. The base scenario every run starts
 * from is beside it in {@code base.yaml}.
 *
 * <p>{@link #definitionSha256} identifies what is simulated: the base scenario's values and every
 * run's seed and parameter values (not the MSCSim version, outputs or Slurm settings). A
 * directory is only ever resumed by a sweep with the same hash; outputs and Slurm settings may
 * change between invocations, since they do not change any run.
 */
public record Manifest(String name, String description, String mscsimVersion, String definitionSha256, String sweepFile,
                       String baseLabel, Sweep.Design design, int samples, int replicates, long seed,
                       List<String> parameters, List<String> cases, List<Output> outputs, SlurmSettings slurm, List<Run> runs) {

    public static final String FORMAT = "mscsim-sweep 1";
    private static final ObjectMapper JSON = new ObjectMapper();

    public Manifest {
        parameters = List.copyOf(parameters);
        cases = List.copyOf(cases);
        outputs = List.copyOf(outputs);
        runs = List.copyOf(runs);
    }

    /** The manifest of a freshly expanded sweep. */
    public static Manifest of(Sweep s, List<Run> runs, Path sweepFile) {
        List<String> cases = new ArrayList<>();
        for (Case c : s.cases()) {
            cases.add(c.name());
        }
        return new Manifest(s.name(), s.description(), Version.get(), hash(s.base(), runs), sweepFile.toAbsolutePath().toString(),
                s.baseLabel(), s.design(), s.samples(), s.replicates(), s.seed(), RunMatrix.parameterKeys(s), cases, s.outputs(),
                s.slurm(), runs);
    }

    /** This manifest with another sweep file's outputs and Slurm settings (same runs). */
    public Manifest withSettingsOf(Manifest other) {
        return new Manifest(name, other.description, mscsimVersion, definitionSha256, other.sweepFile, baseLabel, design, samples,
                replicates, seed, parameters, cases, other.outputs, other.slurm, runs);
    }

    public int size() {
        return runs.size();
    }

    /** {@code base.yaml}: the base scenario with the sweep's fixed values, as YAML that reads back identically. */
    public static String baseYaml(Scenario base, String sweepName) {
        return ScenarioWriter.toYaml(base, "Base scenario of sweep \"" + sweepName.replace("\n", " ") + "\" (MSCSim " + Version.get()
                + "), with the sweep's set: values applied.\nEvery run of the sweep is this scenario with its own seed and varied values (sweep.json).");
    }

    /** SHA-256 of what the sweep simulates: base values (version excluded) and every run's id, seed and values. */
    public static String hash(Scenario base, List<Run> runs) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(FORMAT.getBytes(StandardCharsets.UTF_8));
            md.update(ScenarioWriter.toYaml(base.with("mscsim_version", ""), "base").getBytes(StandardCharsets.UTF_8));
            StringBuilder b = new StringBuilder();
            for (Run r : runs) {
                b.setLength(0);
                b.append('\n').append(r.id()).append('|').append(r.replicate()).append('|').append(r.seed()).append('|')
                        .append(r.caseName() == null ? "" : r.caseName());
                for (Map.Entry<String, String> v : r.values().entrySet()) {
                    b.append('|').append(v.getKey()).append('=').append(v.getValue());
                }
                md.update(b.toString().getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JSON text: settings pretty-printed, then one line per run (a 10,000-run manifest stays about 1 MB). */
    public String toJson() {
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("format", FORMAT);
        head.put("name", name);
        head.put("description", description);
        head.put("mscsim_version", mscsimVersion);
        head.put("definition_sha256", definitionSha256);
        head.put("sweep_file", sweepFile);
        head.put("base", baseLabel);
        head.put("design", design.label());
        head.put("samples", samples);
        head.put("replicates", replicates);
        head.put("seed", seed);
        head.put("parameters", parameters);
        head.put("cases", cases);
        List<Map<String, Object>> outs = new ArrayList<>();
        for (Output o : outputs) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", o.name());
            m.put("column", o.column());
            m.put("stat", o.stat().name().toLowerCase(Locale.ROOT));
            if (o.stat() == Output.Stat.AT) {
                m.put("at_h", o.atH());
            }
            if (o.stat() == Output.Stat.TIME_TO) {
                m.put("threshold", o.threshold());
                m.put("direction", o.above() ? "above" : "below");
            }
            outs.add(m);
        }
        head.put("outputs", outs);
        Map<String, Object> sl = new LinkedHashMap<>();
        sl.put("partition", slurm.partition());
        sl.put("time", slurm.time());
        sl.put("max_parallel", slurm.maxParallel());
        sl.put("runs_per_task", slurm.runsPerTask());
        sl.put("extra_sbatch", slurm.extraSbatch());
        head.put("slurm", sl);
        String pretty = org.mscsim.output.RunWriter.json(head);
        StringBuilder b = new StringBuilder(pretty.substring(0, pretty.lastIndexOf('}')).stripTrailing());
        b.append(",\n  \"runs\" : [");
        for (int i = 0; i < runs.size(); i++) {
            Run r = runs.get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.id());
            m.put("replicate", r.replicate());
            m.put("seed", r.seed());
            if (r.caseName() != null) {
                m.put("case", r.caseName());
            }
            m.put("values", r.values());
            b.append(i == 0 ? "\n    " : ",\n    ").append(compact(m));
        }
        return b.append("\n  ]\n}\n").toString();
    }

    private static String compact(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a manifest, checking it is one this version understands. */
    public static Manifest parse(String json, String source) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(source + ": not a readable sweep manifest (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new IOException(source + ": not an MSCSim sweep manifest (expected \"format\": \"" + FORMAT + "\")");
        }
        try {
            List<String> parameters = strings(root.get("parameters"));
            List<Output> outputs = new ArrayList<>();
            for (JsonNode o : root.get("outputs")) {
                Output.Stat stat = Output.Stat.valueOf(o.get("stat").asText().toUpperCase(Locale.ROOT));
                String column = o.get("column").asText();
                Output out = stat == Output.Stat.AT ? Output.at(column, o.get("at_h").asDouble())
                        : stat == Output.Stat.TIME_TO ? Output.timeTo(column, o.get("threshold").asDouble(), o.get("direction").asText().equals("above"))
                        : Output.simple(column, stat);
                outputs.add(out.named(o.get("name").asText()));
            }
            JsonNode sl = root.get("slurm");
            SlurmSettings slurm = new SlurmSettings(text(sl.get("partition")), text(sl.get("time")),
                    sl.get("max_parallel").isNull() ? null : sl.get("max_parallel").asInt(),
                    sl.get("runs_per_task").isNull() ? null : sl.get("runs_per_task").asInt(), strings(sl.get("extra_sbatch")));
            JsonNode runsNode = root.get("runs");
            List<Run> runs = new ArrayList<>(runsNode.size());
            for (JsonNode r : runsNode) {
                Map<String, String> values = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = r.get("values").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> v = it.next();
                    values.put(v.getKey(), v.getValue().asText());
                }
                String id = r.get("id").asText();
                if (!id.equals(Run.id(runs.size(), runsNode.size()))) {
                    throw new IOException(source + ": run " + runs.size() + " has id " + id + ", expected " + Run.id(runs.size(), runsNode.size()));
                }
                runs.add(new Run(runs.size(), id, r.get("replicate").asInt(), r.get("seed").asLong(), text(r.get("case")), values));
            }
            return new Manifest(root.get("name").asText(), root.get("description").asText(), root.get("mscsim_version").asText(),
                    root.get("definition_sha256").asText(), root.get("sweep_file").asText(), root.get("base").asText(),
                    Sweep.Design.valueOf(root.get("design").asText().toUpperCase(Locale.ROOT)), root.get("samples").asInt(),
                    root.get("replicates").asInt(), root.get("seed").asLong(), parameters, strings(root.get("cases")), outputs, slurm, runs);
        } catch (RuntimeException e) {
            throw new IOException(source + ": damaged sweep manifest (" + e + ")");
        }
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : n) {
            out.add(s.asText());
        }
        return out;
    }
}
