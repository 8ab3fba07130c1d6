package org.mscsim.sweep;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mscsim.model.Observables;
import org.mscsim.output.Num;
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
    private static final List<String> SLURM_KEYS = List.of("partition", "time", "max_parallel", "runs_per_task", "extra_sbatch");
    private static final List<String> STATS = List.of("final", "max", "min");
    /** Keys a sweep may not set or vary: the seed comes from the master seed, the version is written by MSCSim. */
    private static final Map<String, String> RESERVED = Map.of(
            "seed", "each run's seed is derived from the sweep's seed: and the run's index; use replicates: for repeats",
            "mscsim_version", "it is written by MSCSim",
            "interventions", "put interventions in the base scenario");
    /** Largest sweep one directory holds; beyond it the manifest and results.csv become unwieldy. */
    public static final int MAX_RUNS = 200_000;
    static final int MAX_LIST = 10_000;

    private final Parameters registry = Parameters.get();
    private final String source;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, Integer> outputLines = new LinkedHashMap<>();
    private final Map<String, String> outputPaths = new LinkedHashMap<>();

    private SweepParser(String source) {
        this.source = source;
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
        return new SweepParser(source).sweep(map, dir, defaultName);
    }

    private Sweep sweep(YamlNode.MapNode root, Path dir, String defaultName) throws ScenarioException {
        Map<String, YamlNode.Entry> e = root.entries();
        for (YamlNode.Entry entry : e.values()) {
            if (!KEYS.contains(entry.key())) {
                String hint = Hints.closest(entry.key(), KEYS);
                problems.add(at(entry.keyLine()) + "unknown key \"" + entry.key() + "\"" + (hint != null ? " (did you mean \"" + hint + "\"?)"
                        : "; a sweep file has " + String.join(", ", KEYS)));
            }
        }
        String name = e.containsKey("name") ? oneLine(e.get("name").value(), "name") : defaultName;
        String description = e.containsKey("description") ? oneLine(e.get("description").value(), "description") : "";
        String baseLabel = ScenarioLoader.DEFAULT_SCENARIO;
        Scenario base = null;
        if (e.containsKey("base")) {
            String path = oneLine(e.get("base").value(), "base");
            if (path != null) {
                Path file = dir.resolve(path).normalize();
                baseLabel = path;
                if (!Files.isRegularFile(file)) {
                    problems.add(at(e.get("base").value().line()) + "base: no scenario file " + file
                            + " (paths are relative to the sweep file)");
                } else {
                    base = loadBase(() -> ScenarioLoader.load(file, List.of()));
                }
            }
        } else {
            baseLabel = "built-in " + ScenarioLoader.DEFAULT_SCENARIO;
            base = loadBase(() -> ScenarioLoader.builtIn(ScenarioLoader.DEFAULT_SCENARIO, List.of()));
        }

        Map<String, Object> fixed = new LinkedHashMap<>();
        Map<String, Integer> fixedLines = new LinkedHashMap<>();
        if (e.containsKey("set")) {
            YamlNode setNode = e.get("set").value();
            if (setNode instanceof YamlNode.MapNode m) {
                for (Leaf leaf : leaves(m, "", "set")) {
                    Object v = value(leaf.param(), leaf.node(), "set." + leaf.param().key());
                    if (v != null) {
                        fixed.put(leaf.param().key(), v);
                        fixedLines.put(leaf.param().key(), leaf.line());
                    }
                }
            } else {
                problems.add(at(setNode.line()) + "set must be a mapping of parameters to values, e.g. {output.charts: false}, got "
                        + setNode.describe());
            }
        }

        Sweep.Design design = design(e.get("design"));
        List<Factor> factors = new ArrayList<>();
        if (e.containsKey("vary")) {
            YamlNode varyNode = e.get("vary").value();
            if (varyNode instanceof YamlNode.MapNode m) {
                for (Leaf leaf : leaves(m, "", "vary")) {
                    Factor f = factor(leaf, design);
                    if (f != null) {
                        if (fixed.containsKey(f.key())) {
                            problems.add(at(leaf.line()) + "vary." + f.key() + ": " + f.key() + " is also in set: (line "
                                    + fixedLines.get(f.key()) + "); a parameter is either fixed or varied");
                        }
                        factors.add(f);
                    }
                }
            } else {
                problems.add(at(varyNode.line()) + "vary must be a mapping of parameters to values, e.g. "
                        + "{populations.msc: [40, 400]}, got " + varyNode.describe());
            }
        }
        List<Case> cases = e.containsKey("cases") ? cases(e.get("cases").value(), fixed, factors) : List.of();

        int samples = 0;
        if (design == Sweep.Design.LHS) {
            if (!e.containsKey("samples")) {
                problems.add(at(e.get("design").value().line()) + "design: lhs needs samples: N (the number of Latin-hypercube points)");
            } else {
                samples = (Integer) number(e.get("samples").value(), "samples", Param.Type.INT, 2, MAX_RUNS, 0);
            }
            if (factors.isEmpty() && e.containsKey("vary")) {
                problems.add(at(e.get("vary").value().line()) + "design: lhs needs at least one parameter under vary:");
            }
        } else if (e.containsKey("samples")) {
            problems.add(at(e.get("samples").keyLine()) + "samples is for design: lhs; a grid runs every combination of the vary: values");
        }
        if (!e.containsKey("vary") && cases.isEmpty()) {
            problems.add(at(root.line()) + "a sweep needs vary: (parameters and their values) or cases:");
        }
        int replicates = e.containsKey("replicates") ? (Integer) number(e.get("replicates").value(), "replicates", Param.Type.INT, 1, 10_000, 1) : 1;
        long seed = e.containsKey("seed") ? (Long) number(e.get("seed").value(), "seed", Param.Type.LONG, 0, Long.MAX_VALUE, 1L) : 1L;
        List<Output> outputs = e.containsKey("outputs") ? outputs(e.get("outputs").value()) : List.of();
        if (!e.containsKey("outputs")) {
            problems.add(at(root.line()) + "a sweep needs outputs: the summaries results.csv gets, e.g. [{t_divisions: final}, {pge2_mean: max}]");
        }
        SlurmSettings slurm = e.containsKey("slurm") ? slurm(e.get("slurm").value()) : SlurmSettings.NONE;

        long runs = (long) replicates * Math.max(1, cases.size()) * (design == Sweep.Design.LHS ? samples : gridPoints(factors));
        if (runs > MAX_RUNS) {
            problems.add(at(root.line()) + "the sweep expands to " + runs + " runs; one sweep directory holds at most " + MAX_RUNS
                    + " (split it into several sweeps)");
        }
        if (base != null && problems.isEmpty()) {
            base = withFixed(base, fixed);
        }
        if (base != null && problems.isEmpty()) {
            checkOutputTimes(outputs, base, factors, cases);
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return new Sweep(source, name, description, baseLabel, base, factors, cases, design, samples, replicates, seed, outputs, slurm);
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
                problems.add(at(e.keyLine()) + where + "." + key + ": not allowed in a sweep; " + RESERVED.get(key));
            } else if (registry.has(key)) {
                Param p = registry.param(key);
                if (out.stream().anyMatch(l -> l.param().key().equals(key))) {
                    problems.add(at(e.keyLine()) + where + "." + key + " appears twice");
                } else {
                    out.add(new Leaf(p, e.keyLine(), e.value()));
                }
            } else if (registry.isSection(key) && e.value() instanceof YamlNode.MapNode sub) {
                out.addAll(leaves(sub, key, where));
            } else {
                String hint = registry.closest(key);
                problems.add(at(e.keyLine()) + where + ": unknown parameter \"" + key + "\"" + (hint != null ? " (did you mean \"" + hint + "\"?)"
                        : "; see scenarios/PARAMETERS.md or ./mscsim params"));
            }
        }
        return out;
    }

    private Object value(Param p, YamlNode node, String path) {
        try {
            return p.parse(node);
        } catch (Param.Invalid ex) {
            problems.add(at(node.line()) + path + " must be " + ex.getMessage() + ", got " + node.describe());
            return null;
        }
    }

    private Factor factor(Leaf leaf, Sweep.Design design) {
        Param p = leaf.param();
        String path = "vary." + p.key();
        YamlNode node = leaf.node();
        if (node instanceof YamlNode.ListNode list) {
            List<Object> values = values(p, list, path);
            return values == null ? null : new Factor(p, values, null);
        }
        if (!(node instanceof YamlNode.MapNode m)) {
            problems.add(at(node.line()) + path + " must be a list of values, {from, to, step} or {distribution, min, max}, got "
                    + node.describe() + (node instanceof YamlNode.Scalar ? " (a single value belongs under set:)" : ""));
            return null;
        }
        Map<String, YamlNode.Entry> e = m.entries();
        Set<String> keys = e.keySet();
        if (keys.contains("values")) {
            if (!only(m, path, "values")) {
                return null;
            }
            YamlNode v = e.get("values").value();
            if (!(v instanceof YamlNode.ListNode list)) {
                problems.add(at(v.line()) + path + ".values must be a list, got " + v.describe());
                return null;
            }
            List<Object> values = values(p, list, path + ".values");
            return values == null ? null : new Factor(p, values, null);
        }
        if (keys.contains("from") || keys.contains("to") || keys.contains("step")) {
            if (!only(m, path, "from", "to", "step") || !all(m, path, "from", "to", "step")) {
                return null;
            }
            List<Object> values = range(p, e, path, m.line());
            return values == null ? null : new Factor(p, values, null);
        }
        if (keys.contains("distribution")) {
            if (!only(m, path, "distribution", "min", "max") || !all(m, path, "distribution", "min", "max")) {
                return null;
            }
            if (design != Sweep.Design.LHS) {
                problems.add(at(m.line()) + path + ": a distribution needs design: lhs; a grid needs values (a list or from/to/step)");
                return null;
            }
            Factor.Distribution d = distribution(p, e, path);
            return d == null ? null : new Factor(p, null, d);
        }
        problems.add(at(m.line()) + path + " must be a list of values, {values: [...]}, {from, to, step} or "
                + "{distribution: uniform or log-uniform, min, max}");
        return null;
    }

    private List<Object> values(Param p, YamlNode.ListNode list, String path) {
        if (list.items().isEmpty()) {
            problems.add(at(list.line()) + path + " must list at least one value");
            return null;
        }
        if (list.items().size() > MAX_LIST) {
            problems.add(at(list.line()) + path + " lists " + list.items().size() + " values; at most " + MAX_LIST);
            return null;
        }
        List<Object> out = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < list.items().size(); i++) {
            Object v = value(p, list.items().get(i), path + "[" + (i + 1) + "]");
            ok &= v != null;
            out.add(v);
        }
        return ok ? out : null;
    }

    /** from, from + step, ... up to and including to, in exact decimal arithmetic (0.1 steps give 0.3, not 0.30000000000000004). */
    private List<Object> range(Param p, Map<String, YamlNode.Entry> e, String path, int line) {
        BigDecimal from = decimal(e.get("from").value(), path + ".from");
        BigDecimal to = decimal(e.get("to").value(), path + ".to");
        BigDecimal step = decimal(e.get("step").value(), path + ".step");
        if (from == null || to == null || step == null) {
            return null;
        }
        if (step.signum() <= 0) {
            problems.add(at(e.get("step").value().line()) + path + ".step must be a number > 0, got \"" + step.toPlainString() + "\"");
            return null;
        }
        if (to.compareTo(from) < 0) {
            problems.add(at(line) + path + ": to (" + to.toPlainString() + ") is below from (" + from.toPlainString() + ")");
            return null;
        }
        BigDecimal count = to.subtract(from).divide(step, 0, RoundingMode.FLOOR).add(BigDecimal.ONE);
        if (count.compareTo(BigDecimal.valueOf(MAX_LIST)) > 0) {
            problems.add(at(line) + path + ": from/to/step gives " + count.toPlainString() + " values; at most " + MAX_LIST);
            return null;
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < count.intValue(); i++) {
            String text = from.add(step.multiply(BigDecimal.valueOf(i))).stripTrailingZeros().toPlainString();
            try {
                out.add(p.parse(new YamlNode.Scalar(line, text, YamlNode.Scalar.Type.NUMBER)));
            } catch (Param.Invalid ex) {
                problems.add(at(line) + path + ": from/to/step gives " + text + ", but " + p.key() + " must be " + ex.getMessage());
                return null;
            }
        }
        return out;
    }

    private BigDecimal decimal(YamlNode node, String path) {
        Object v = number(node, path, Param.Type.REAL, -Double.MAX_VALUE, Double.MAX_VALUE, null);
        if (v == null) {
            return null;
        }
        return new BigDecimal(((YamlNode.Scalar) node).text().trim().replace("_", ""));
    }

    private Factor.Distribution distribution(Param p, Map<String, YamlNode.Entry> e, String path) {
        if (p.type() != Param.Type.INT && p.type() != Param.Type.LONG && p.type() != Param.Type.REAL) {
            problems.add(at(e.get("distribution").keyLine()) + path + ": a distribution needs a numeric parameter; " + p.key()
                    + " is " + p.expectation() + ", so list its values instead");
            return null;
        }
        YamlNode shapeNode = e.get("distribution").value();
        Factor.Shape shape = null;
        String text = shapeNode instanceof YamlNode.Scalar s ? s.text().trim() : "";
        for (Factor.Shape s : Factor.Shape.values()) {
            if (s.label.equals(text)) {
                shape = s;
            }
        }
        if (shape == null) {
            problems.add(at(shapeNode.line()) + path + ".distribution must be uniform or log-uniform, got " + shapeNode.describe());
        }
        Object min = value(p, e.get("min").value(), path + ".min");
        Object max = value(p, e.get("max").value(), path + ".max");
        if (shape == null || min == null || max == null) {
            return null;
        }
        double lo = ((Number) min).doubleValue();
        double hi = ((Number) max).doubleValue();
        if (!(lo < hi) || Double.isInfinite(hi)) {
            problems.add(at(e.get("max").value().line()) + path + ".max must be a finite number above min (" + p.toYaml(min) + "), got "
                    + e.get("max").value().describe());
            return null;
        }
        if (shape == Factor.Shape.LOG_UNIFORM && lo <= 0) {
            problems.add(at(e.get("min").value().line()) + path + ".min must be above 0 for log-uniform, got " + e.get("min").value().describe());
            return null;
        }
        return new Factor.Distribution(shape, lo, hi);
    }

    private boolean only(YamlNode.MapNode m, String path, String... allowed) {
        boolean ok = true;
        for (YamlNode.Entry e : m.entries().values()) {
            if (!List.of(allowed).contains(e.key())) {
                problems.add(at(e.keyLine()) + path + ": unexpected key \"" + e.key() + "\" beside " + String.join(", ", allowed));
                ok = false;
            }
        }
        return ok;
    }

    private boolean all(YamlNode.MapNode m, String path, String... needed) {
        boolean ok = true;
        for (String k : needed) {
            if (!m.entries().containsKey(k)) {
                problems.add(at(m.line()) + path + " needs " + k + " (it has " + String.join(", ", m.entries().keySet()) + ")");
                ok = false;
            }
        }
        return ok;
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
            problems.add(at(node.line()) + "cases must be a list of {name: ..., set: {...}}, got " + node.describe());
            return List.of();
        }
        List<Case> out = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < list.items().size(); i++) {
            String path = "cases[" + (i + 1) + "]";
            YamlNode item = list.items().get(i);
            if (!(item instanceof YamlNode.MapNode m)) {
                problems.add(at(item.line()) + path + " must be a mapping like {name: anti-PD-L1, set: {blockade.pd_l1: 1}}, got "
                        + item.describe());
                continue;
            }
            if (!only(m, path, "name", "set") || !all(m, path, "name")) {
                continue;
            }
            String name = oneLine(m.entries().get("name").value(), path + ".name");
            if (name != null && !names.add(name)) {
                problems.add(at(m.line()) + path + ".name \"" + name + "\" is used by another case");
            }
            Map<String, Object> values = new LinkedHashMap<>();
            YamlNode setNode = m.entries().containsKey("set") ? m.entries().get("set").value() : null;
            if (setNode instanceof YamlNode.MapNode sm) {
                for (Leaf leaf : leaves(sm, "", path + ".set")) {
                    String key = leaf.param().key();
                    if (fixed.containsKey(key) || factors.stream().anyMatch(f -> f.key().equals(key))) {
                        problems.add(at(leaf.line()) + path + ".set." + key + ": " + key + " is also "
                                + (fixed.containsKey(key) ? "in set:" : "under vary:") + "; a parameter belongs to one place");
                        continue;
                    }
                    Object v = value(leaf.param(), leaf.node(), path + ".set." + key);
                    if (v != null) {
                        values.put(key, v);
                    }
                }
            } else if (setNode != null && !(setNode instanceof YamlNode.Scalar s && s.type() == YamlNode.Scalar.Type.NULL)) {
                problems.add(at(setNode.line()) + path + ".set must be a mapping of parameters to values, got " + setNode.describe());
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
        problems.add(at(e.value().line()) + "design must be grid or lhs, got " + e.value().describe());
        return Sweep.Design.GRID;
    }

    private Object number(YamlNode node, String path, Param.Type type, double min, double max, Object fallback) {
        Param shape = new Param(path, type, null, min, max, List.of(), "-", "-", "-", false);
        try {
            return shape.parse(node);
        } catch (Param.Invalid ex) {
            String expected = min == -Double.MAX_VALUE ? "a number" : ex.getMessage();
            problems.add(at(node.line()) + path + " must be " + expected + ", got " + node.describe());
            return fallback;
        }
    }

    private String oneLine(YamlNode node, String path) {
        if (!(node instanceof YamlNode.Scalar s) || s.type() == YamlNode.Scalar.Type.NULL || s.text().isBlank()) {
            problems.add(at(node.line()) + path + " must be text, got " + node.describe());
            return null;
        }
        if (s.text().contains("\n") || s.text().contains("\r")) {
            problems.add(at(node.line()) + path + " must be one line of text");
            return null;
        }
        return s.text();
    }

    // ---------------------------------------------------------------- outputs

    private List<Output> outputs(YamlNode node) {
        if (!(node instanceof YamlNode.ListNode list) || list.items().isEmpty()) {
            problems.add(at(node.line()) + "outputs must be a list of summaries such as [{t_divisions: final}, {msc: {at: 24}}], got "
                    + node.describe());
            return List.of();
        }
        List<Output> out = new ArrayList<>();
        Map<String, Integer> names = new LinkedHashMap<>();
        for (int i = 0; i < list.items().size(); i++) {
            String path = "outputs[" + (i + 1) + "]";
            YamlNode item = list.items().get(i);
            Output o = output(item, path);
            if (o == null) {
                continue;
            }
            if (names.containsKey(o.name())) {
                problems.add(at(item.line()) + path + ": results.csv column " + o.name() + " is already made by outputs["
                        + names.get(o.name()) + "]; give one of them a name:");
                continue;
            }
            names.put(o.name(), i + 1);
            outputLines.put(o.name(), item.line());
            outputPaths.put(o.name(), path);
            out.add(o);
        }
        return out;
    }

    private Output output(YamlNode item, String path) {
        if (!(item instanceof YamlNode.MapNode m)) {
            problems.add(at(item.line()) + path + " must be a mapping of a timeseries column to a summary, e.g. {t_divisions: final}, got "
                    + item.describe());
            return null;
        }
        String name = null;
        YamlNode.Entry column = null;
        for (YamlNode.Entry e : m.entries().values()) {
            if (e.key().equals("name")) {
                name = oneLine(e.value(), path + ".name");
                if (name != null && !name.matches("[A-Za-z][A-Za-z0-9_.]*")) {
                    problems.add(at(e.value().line()) + path + ".name must start with a letter and use only letters, digits, _ and ., got \""
                            + name + "\"");
                    name = null;
                }
            } else if (column != null) {
                problems.add(at(e.keyLine()) + path + " must summarise one column; it also names \"" + e.key() + "\"");
                return null;
            } else {
                column = e;
            }
        }
        if (column == null) {
            problems.add(at(m.line()) + path + " names no timeseries column, e.g. {t_divisions: final}");
            return null;
        }
        String col = column.key();
        List<String> columns = Observables.COLUMNS.stream().map(Observables.Column::name).filter(c -> !c.equals("time_h")).toList();
        if (!columns.contains(col)) {
            String hint = Hints.closest(col, columns);
            problems.add(at(column.keyLine()) + path + ": no timeseries column \"" + col + "\"" + (hint != null ? " (did you mean \"" + hint + "\"?)"
                    : "; columns are " + String.join(", ", columns)));
            return null;
        }
        Output o = stat(col, column.value(), path + "." + col);
        return o == null ? null : name != null ? o.named(name) : o;
    }

    private Output stat(String col, YamlNode node, String path) {
        String expected = " must be final, max, min, {at: HOURS} or {time_to: THRESHOLD} (or {time_to: {threshold: T, direction: above or below}}), got ";
        if (node instanceof YamlNode.Scalar s) {
            String t = s.text().trim().toLowerCase(Locale.ROOT);
            if (STATS.contains(t)) {
                return Output.simple(col, Output.Stat.valueOf(t.toUpperCase(Locale.ROOT)));
            }
            problems.add(at(node.line()) + path + expected + node.describe());
            return null;
        }
        if (!(node instanceof YamlNode.MapNode m) || m.entries().size() != 1) {
            problems.add(at(node.line()) + path + expected + node.describe());
            return null;
        }
        YamlNode.Entry e = m.entries().values().iterator().next();
        if (e.key().equals("at")) {
            Object h = number(e.value(), path + ".at", Param.Type.REAL, 0, 1e9, null);
            return h == null ? null : Output.at(col, (Double) h);
        }
        if (!e.key().equals("time_to")) {
            problems.add(at(e.keyLine()) + path + expected + "\"" + e.key() + "\"");
            return null;
        }
        YamlNode v = e.value();
        if (v instanceof YamlNode.Scalar) {
            Object t = number(v, path + ".time_to", Param.Type.REAL, -Double.MAX_VALUE, Double.MAX_VALUE, null);
            return t == null ? null : Output.timeTo(col, (Double) t, true);
        }
        if (!(v instanceof YamlNode.MapNode tm) || !only(tm, path + ".time_to", "threshold", "direction")
                || !all(tm, path + ".time_to", "threshold")) {
            if (!(v instanceof YamlNode.MapNode)) {
                problems.add(at(v.line()) + path + ".time_to must be a number or {threshold: T, direction: above or below}, got " + v.describe());
            }
            return null;
        }
        Object t = number(tm.entries().get("threshold").value(), path + ".time_to.threshold", Param.Type.REAL,
                -Double.MAX_VALUE, Double.MAX_VALUE, null);
        boolean above = true;
        if (tm.entries().containsKey("direction")) {
            YamlNode d = tm.entries().get("direction").value();
            String text = d instanceof YamlNode.Scalar s ? s.text().trim() : "";
            if (!text.equals("above") && !text.equals("below")) {
                problems.add(at(d.line()) + path + ".time_to.direction must be above or below, got " + d.describe());
                return null;
            }
            above = text.equals("above");
        }
        return t == null ? null : Output.timeTo(col, (Double) t, above);
    }

    /** An {@code at:} time after the end of the shortest run could never be read; say so now, not after the sweep. */
    private void checkOutputTimes(List<Output> outputs, Scenario base, List<Factor> factors, List<Case> cases) {
        double shortest = base.real("time.hours");
        for (Factor f : factors) {
            if (f.key().equals("time.hours")) {
                shortest = f.values() != null ? f.values().stream().mapToDouble(v -> (Double) v).min().orElse(shortest) : f.distribution().min();
            }
        }
        for (Case c : cases) {
            if (c.values().containsKey("time.hours")) {
                shortest = Math.min(shortest, (Double) c.values().get("time.hours"));
            }
        }
        for (int i = 0; i < outputs.size(); i++) {
            Output o = outputs.get(i);
            if (o.stat() == Output.Stat.AT && o.atH() > shortest + 1e-9) {
                problems.add(at(outputLines.get(o.name())) + outputPaths.get(o.name()) + ": at " + Num.format(o.atH())
                        + " h is after the end of the shortest run (time.hours " + Num.format(shortest) + ")");
            }
        }
    }

    // ---------------------------------------------------------------- slurm

    private SlurmSettings slurm(YamlNode node) {
        if (!(node instanceof YamlNode.MapNode m)) {
            problems.add(at(node.line()) + "slurm must be a mapping such as {partition: normal, time: \"01:00:00\"}, got " + node.describe());
            return SlurmSettings.NONE;
        }
        String partition = null;
        String time = null;
        Integer maxParallel = null;
        Integer runsPerTask = null;
        List<String> extra = new ArrayList<>();
        for (YamlNode.Entry e : m.entries().values()) {
            String path = "slurm." + e.key();
            switch (e.key()) {
                case "partition":
                    partition = checked(e.value(), path, SlurmSettings::unsafe);
                    break;
                case "time":
                    time = checked(e.value(), path, SlurmSettings::badTime);
                    break;
                case "max_parallel":
                    maxParallel = (Integer) number(e.value(), path, Param.Type.INT, 1, 1_000_000, null);
                    break;
                case "runs_per_task":
                    runsPerTask = (Integer) number(e.value(), path, Param.Type.INT, 1, MAX_RUNS, null);
                    break;
                case "extra_sbatch":
                    if (e.value() instanceof YamlNode.ListNode list) {
                        for (int i = 0; i < list.items().size(); i++) {
                            String line = checked(list.items().get(i), path + "[" + (i + 1) + "]", SlurmSettings::badExtraLine);
                            if (line != null) {
                                extra.add(line);
                            }
                        }
                    } else {
                        problems.add(at(e.value().line()) + path + " must be a list of sbatch options such as [--mem=2G, --account=lab], got "
                                + e.value().describe());
                    }
                    break;
                default:
                    String hint = Hints.closest(e.key(), SLURM_KEYS);
                    problems.add(at(e.keyLine()) + "slurm: unknown key \"" + e.key() + "\"" + (hint != null ? " (did you mean \"" + hint + "\"?)"
                            : "; slurm: has " + String.join(", ", SLURM_KEYS)));
            }
        }
        return new SlurmSettings(partition, time, maxParallel, runsPerTask, extra);
    }

    private String checked(YamlNode node, String path, java.util.function.Function<String, String> check) {
        if (!(node instanceof YamlNode.Scalar s) || s.type() == YamlNode.Scalar.Type.NULL) {
            problems.add(at(node.line()) + path + " must be text, got " + node.describe());
            return null;
        }
        String why = check.apply(s.text());
        if (why != null) {
            problems.add(at(node.line()) + path + " " + why + ", got " + Param.quote(s.text()));
            return null;
        }
        return s.text();
    }

    private String at(int line) {
        return line > 0 ? source + " line " + line + ": " : source + ": ";
    }
}
