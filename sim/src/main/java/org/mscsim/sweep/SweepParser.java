package org.mscsim.sweep;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mscsim.scenario.Hints;
import org.mscsim.scenario.Param;
import org.mscsim.scenario.Parameters;
import org.mscsim.scenario.Scenario;
import org.mscsim.scenario.ScenarioException;
import org.mscsim.scenario.ScenarioLoader;
import org.mscsim.scenario.YamlNode;
import org.mscsim.scenario.YamlReader;

/**
 * Reads and validates a sweep file the way scenarios are validated: every problem at once, each
 * naming the file, line, key and what was expected; unknown keys are errors. Every parameter
 * value (fixed, listed, a range's end or a distribution's bound) is checked against the
 * parameter registry, so a sweep that validates expands only into valid scenarios.
 */
public final class SweepParser {

    private static final List<String> KEYS = List.of("name", "description", "base", "set", "vary", "cases", "design",
            "samples", "replicates", "seed", "outputs", "slurm");
    /** Keys a sweep may not set or vary: the seed comes from the master seed, the version is written by MSCSim. */
    private static final Map<String, String> RESERVED = Map.of(
            "seed", "each run's seed is derived from the sweep's seed: and the run's index; use replicates: for repeats",
            "mscsim_version", "it is written by MSCSim",
            "interventions", "put interventions in the base scenario");
    /** Largest sweep one directory holds; beyond it the manifest and results.csv become unwieldy. */
    public static final int MAX_RUNS = 200_000;
    /** Longest base: path taken; anything longer is damage, not a file name. */
    static final int MAX_PATH = 400;

    private final Parameters registry = Parameters.get();
    private final String source;
    private final Problems problems;

    private SweepParser(String source) {
        this.source = source;
        this.problems = new Problems(source);
    }

    /** Loads and validates a sweep file; {@code base:} is read relative to it. */
    public static Sweep load(Path file) throws ScenarioException {
        String text = ScenarioLoader.read(file);
        Path dir = file.toAbsolutePath().getParent();
        String stem = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        return parse(text, file.toString(), dir, stem);
    }

    /**
     * Parses and validates sweep text.
     *
     * @param dir         directory {@code base:} paths are relative to
     * @param defaultName name when the file gives none (the file name without .yaml)
     */
    public static Sweep parse(String text, String source, Path dir, String defaultName) throws ScenarioException {
        YamlNode root = YamlReader.parse(text, source);
        if (root == null) {
            throw new ScenarioException(source + ": is empty; a sweep is a YAML mapping with vary: and outputs: (see scenarios/sweeps/)");
        }
        if (!(root instanceof YamlNode.MapNode map)) {
            throw new ScenarioException(source + " line " + root.line() + ": a sweep must be a YAML mapping of keys to values, got "
                    + root.describe());
        }
        org.mscsim.scenario.FileKind.require(map, org.mscsim.scenario.FileKind.SWEEP, source);
        return new SweepParser(source).sweep(map, dir, defaultName);
    }

    private Sweep sweep(YamlNode.MapNode root, Path dir, String defaultName) throws ScenarioException {
        Map<String, YamlNode.Entry> e = root.entries();
        for (YamlNode.Entry entry : e.values()) {
            if (!KEYS.contains(entry.key())) {
                String hint = Hints.closest(entry.key(), KEYS);
                problems.add(problems.at(entry.keyLine()) + "unknown key " + YamlNode.show(entry.key()) + (hint != null ? " (did you mean \"" + hint + "\"?)"
                        : "; a sweep file has " + String.join(", ", KEYS)));
            }
        }
        String name = e.containsKey("name") ? problems.oneLine(e.get("name").value(), "name") : defaultName;
        String description = e.containsKey("description") ? problems.oneLine(e.get("description").value(), "description") : "";
        Base base = base(e.get("base"), dir);
        Map<String, Integer> fixedLines = new LinkedHashMap<>();
        Map<String, Object> fixed = fixed(e.get("set"), fixedLines);
        Sweep.Design design = design(e.get("design"));
        List<Factor> factors = factors(e.get("vary"), design, fixed, fixedLines);
        List<Case> cases = e.containsKey("cases") ? cases(e.get("cases").value(), fixed, factors) : List.of();
        int samples = samples(e, design, factors);
        if (!e.containsKey("vary") && cases.isEmpty()) {
            problems.add(problems.at(root.line()) + "a sweep needs vary: (parameters and their values) or cases:");
        }
        int replicates = e.containsKey("replicates") ? (Integer) problems.number(e.get("replicates").value(), "replicates", Param.Type.INT, 1, 10_000, 1) : 1;
        long seed = e.containsKey("seed") ? (Long) problems.number(e.get("seed").value(), "seed", Param.Type.LONG, 0, Long.MAX_VALUE, 1L) : 1L;
        OutputsSection outputsSection = new OutputsSection(problems);
        List<Output> outputs = e.containsKey("outputs") ? outputsSection.outputs(e.get("outputs").value()) : List.of();
        if (!e.containsKey("outputs")) {
            problems.add(problems.at(root.line()) + "a sweep needs outputs: the summaries results.csv gets, e.g. [{t_divisions: final}, {pge2_mean: max}]");
        }
        SlurmSettings slurm = e.containsKey("slurm") ? SlurmSection.read(e.get("slurm").value(), problems) : SlurmSettings.NONE;

        long runs = (long) replicates * Math.max(1, cases.size()) * (design == Sweep.Design.LHS ? samples : gridPoints(factors));
        if (runs > MAX_RUNS) {
            problems.add(problems.at(root.line()) + "the sweep expands to " + runs + " runs; one sweep directory holds at most " + MAX_RUNS
                    + " (split it into several sweeps)");
        }
        Scenario scenario = base.scenario();
        if (scenario != null && problems.isEmpty()) {
            scenario = withFixed(scenario, fixed);
        }
        if (scenario != null && problems.isEmpty()) {
            outputsSection.checkTimes(outputs, scenario, factors, cases);
        }
        problems.throwIfAny();
        return new Sweep(source, name, description, base.label(), scenario, factors, cases, design, samples, replicates, seed, outputs, slurm);
    }

    /** The base scenario and how to name it; the scenario is null if it could not be read. */
    private record Base(String label, Scenario scenario) {
    }

    private Base base(YamlNode.Entry entry, Path dir) {
        if (entry == null) {
            return new Base("built-in " + ScenarioLoader.DEFAULT_SCENARIO,
                    loadBase(() -> ScenarioLoader.builtIn(ScenarioLoader.DEFAULT_SCENARIO, List.of())));
        }
        String path = problems.oneLine(entry.value(), "base");
        if (path == null) {
            return new Base("?", null);
        }
        Path file = resolve(dir, path);
        if (file == null) {
            problems.add(problems.at(entry.value().line()) + "base must be a file name, got " + YamlNode.show(path));
            return new Base(YamlNode.show(path), null);
        }
        if (!Files.isRegularFile(file)) {
            problems.add(problems.at(entry.value().line()) + "base: no scenario file " + file + " (paths are relative to the sweep file)");
            return new Base(path, null);
        }
        return new Base(path, loadBase(() -> ScenarioLoader.load(file, List.of())));
    }

    /**
     * {@code path} relative to {@code dir}, or null if it cannot be a file name: too long, or
     * holding a NUL (from "\0"), a line break or another control character (Linux allows those in
     * names, but such a base: is damage, and would break every message that names the file).
     */
    private static Path resolve(Path dir, String path) {
        if (path.length() > MAX_PATH || path.chars().anyMatch(Character::isISOControl)) {
            return null;
        }
        try {
            return dir.resolve(path).normalize();
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** The set: values, by key; {@code lines} gets each key's line for later messages. */
    private Map<String, Object> fixed(YamlNode.Entry entry, Map<String, Integer> lines) {
        Map<String, Object> fixed = new LinkedHashMap<>();
        if (entry == null) {
            return fixed;
        }
        if (!(entry.value() instanceof YamlNode.MapNode m)) {
            problems.add(problems.at(entry.value().line()) + "set must be a mapping of parameters to values, e.g. {output.charts: false}, got "
                    + entry.value().describe());
            return fixed;
        }
        for (Leaf leaf : leaves(m, "", "set")) {
            Object v = problems.value(leaf.param(), leaf.node(), "set." + leaf.param().key());
            if (v != null) {
                fixed.put(leaf.param().key(), v);
                lines.put(leaf.param().key(), leaf.line());
            }
        }
        return fixed;
    }

    private List<Factor> factors(YamlNode.Entry entry, Sweep.Design design, Map<String, Object> fixed, Map<String, Integer> fixedLines) {
        List<Factor> factors = new ArrayList<>();
        if (entry == null) {
            return factors;
        }
        if (!(entry.value() instanceof YamlNode.MapNode m)) {
            problems.add(problems.at(entry.value().line()) + "vary must be a mapping of parameters to values, e.g. "
                    + "{populations.msc: [40, 400]}, got " + entry.value().describe());
            return factors;
        }
        VarySection vary = new VarySection(problems);
        for (Leaf leaf : leaves(m, "", "vary")) {
            Factor f = vary.factor(leaf.param(), leaf.node(), design);
            if (f == null) {
                continue;
            }
            if (fixed.containsKey(f.key())) {
                problems.add(problems.at(leaf.line()) + "vary." + f.key() + ": " + f.key() + " is also in set: (line "
                        + fixedLines.get(f.key()) + "); a parameter is either fixed or varied");
            }
            factors.add(f);
        }
        return factors;
    }

    private int samples(Map<String, YamlNode.Entry> e, Sweep.Design design, List<Factor> factors) {
        if (design != Sweep.Design.LHS) {
            if (e.containsKey("samples")) {
                problems.add(problems.at(e.get("samples").keyLine()) + "samples is for design: lhs; a grid runs every combination of the vary: values");
            }
            return 0;
        }
        if (factors.isEmpty() && e.containsKey("vary")) {
            problems.add(problems.at(e.get("vary").value().line()) + "design: lhs needs at least one parameter under vary:");
        }
        if (!e.containsKey("samples")) {
            problems.add(problems.at(e.get("design").value().line()) + "design: lhs needs samples: N (the number of Latin-hypercube points)");
            return 0;
        }
        return (Integer) problems.number(e.get("samples").value(), "samples", Param.Type.INT, 2, MAX_RUNS, 0);
    }

    private interface BaseLoader {
        Scenario load() throws ScenarioException;
    }

    private Scenario loadBase(BaseLoader loader) {
        try {
            return loader.load();
        } catch (ScenarioException ex) {
            for (String p : ex.problems()) {
                problems.add("base scenario: " + p);
            }
            return null;
        }
    }

    private Scenario withFixed(Scenario base, Map<String, Object> fixed) {
        List<String> sets = new ArrayList<>();
        for (Map.Entry<String, Object> f : fixed.entrySet()) {
            sets.add(f.getKey() + "=" + registry.param(f.getKey()).toYaml(f.getValue()));
        }
        try {
            return ScenarioLoader.applySets(base, sets);
        } catch (ScenarioException ex) {
            for (String p : ex.problems()) {
                problems.add(source + ": with set: applied, " + p.replaceFirst("^--set[^:]*: ", ""));
            }
            return null;
        }
    }

    // ---------------------------------------------------------------- parameters

    /** A parameter named in set:, vary: or a case, with its value node. */
    private record Leaf(Param param, int line, YamlNode node) {
    }

    /** The parameters in a mapping, written dotted ({@code populations.msc: ...}) or nested by section. */
    private List<Leaf> leaves(YamlNode.MapNode m, String prefix, String where) {
        List<Leaf> out = new ArrayList<>();
        for (YamlNode.Entry e : m.entries().values()) {
            String key = prefix.isEmpty() ? e.key() : prefix + "." + e.key();
            if (RESERVED.containsKey(key)) {
                problems.add(problems.at(e.keyLine()) + where + "." + key + ": not allowed in a sweep; " + RESERVED.get(key));
            } else if (registry.has(key)) {
                Param p = registry.param(key);
                if (out.stream().anyMatch(l -> l.param().key().equals(key))) {
                    problems.add(problems.at(e.keyLine()) + where + "." + key + " appears twice");
                } else {
                    out.add(new Leaf(p, e.keyLine(), e.value()));
                }
            } else if (registry.isSection(key) && e.value() instanceof YamlNode.MapNode sub) {
                out.addAll(leaves(sub, key, where));
            } else {
                String hint = registry.closest(key);
                problems.add(problems.at(e.keyLine()) + where + ": unknown parameter " + YamlNode.show(key) + (hint != null ? " (did you mean \"" + hint + "\"?)"
                        : "; see scenarios/PARAMETERS.md or ./mscsim params"));
            }
        }
        return out;
    }

    private static long gridPoints(List<Factor> factors) {
        long n = 1;
        for (Factor f : factors) {
            n *= f.values() == null ? 1 : f.values().size();
            if (n > Integer.MAX_VALUE) {
                return n;
            }
        }
        return n;
    }

    // ---------------------------------------------------------------- cases

    private List<Case> cases(YamlNode node, Map<String, Object> fixed, List<Factor> factors) {
        if (!(node instanceof YamlNode.ListNode list) || list.items().isEmpty()) {
            problems.add(problems.at(node.line()) + "cases must be a list of {name: ..., set: {...}}, got " + node.describe());
            return List.of();
        }
        List<Case> out = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < list.items().size(); i++) {
            String path = "cases[" + (i + 1) + "]";
            YamlNode item = list.items().get(i);
            if (!(item instanceof YamlNode.MapNode m)) {
                problems.add(problems.at(item.line()) + path + " must be a mapping like {name: anti-PD-L1, set: {blockade.pd_l1: 1}}, got "
                        + item.describe());
                continue;
            }
            if (!problems.only(m, path, "name", "set") || !problems.all(m, path, "name")) {
                continue;
            }
            String name = problems.oneLine(m.entries().get("name").value(), path + ".name");
            if (name != null && !names.add(name)) {
                problems.add(problems.at(m.line()) + path + ".name " + YamlNode.show(name) + " is used by another case");
            }
            Map<String, Object> values = new LinkedHashMap<>();
            YamlNode setNode = m.entries().containsKey("set") ? m.entries().get("set").value() : null;
            if (setNode instanceof YamlNode.MapNode sm) {
                for (Leaf leaf : leaves(sm, "", path + ".set")) {
                    String key = leaf.param().key();
                    if (fixed.containsKey(key) || factors.stream().anyMatch(f -> f.key().equals(key))) {
                        problems.add(problems.at(leaf.line()) + path + ".set." + key + ": " + key + " is also "
                                + (fixed.containsKey(key) ? "in set:" : "under vary:") + "; a parameter belongs to one place");
                        continue;
                    }
                    Object v = problems.value(leaf.param(), leaf.node(), path + ".set." + key);
                    if (v != null) {
                        values.put(key, v);
                    }
                }
            } else if (setNode != null && !(setNode instanceof YamlNode.Scalar s && s.type() == YamlNode.Scalar.Type.NULL)) {
                problems.add(problems.at(setNode.line()) + path + ".set must be a mapping of parameters to values, got " + setNode.describe());
            }
            if (name != null) {
                out.add(new Case(name, values));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- design, numbers, text

    private Sweep.Design design(YamlNode.Entry e) {
        if (e == null) {
            return Sweep.Design.GRID;
        }
        String text = e.value() instanceof YamlNode.Scalar s ? s.text().trim() : "";
        for (Sweep.Design d : Sweep.Design.values()) {
            if (d.label().equals(text)) {
                return d;
            }
        }
        problems.add(problems.at(e.value().line()) + "design must be grid or lhs, got " + e.value().describe());
        return Sweep.Design.GRID;
    }

    // ---------------------------------------------------------------- outputs

    // ---------------------------------------------------------------- slurm

}
