package org.mscsim.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns scenario YAML (a file, the built-in default, or {@code --set KEY=VALUE} overrides) into
 * a validated {@link Scenario}. Every problem found is reported at once, each naming the source,
 * line, key and what was expected; unknown keys are errors.
 */
public final class ScenarioLoader {

    /** Name of the embedded default scenario (a copy of {@code scenarios/coculture.yaml}). */
    public static final String DEFAULT_SCENARIO = "coculture.yaml";
    private static final String BUILT_IN_DIR = "/org/mscsim/scenarios/";
    private static final long MAX_BYTES = 4L << 20;

    private static final List<String> ACTIONS = List.of("add_msc", "remove_msc", "add_targets", "replace_medium", "replate_nk", "infuse_msc_per_kg", "block", "set");

    private final Parameters registry = Parameters.get();
    private final String source;
    private final List<String> problems = new ArrayList<>();

    private ScenarioLoader(String source) {
        this.source = source;
    }

    /** Loads a scenario file and applies overrides. */
    public static Scenario load(Path file, List<String> sets) throws ScenarioException {
        String text = read(file);
        return applySets(parse(text, file.toString()), sets);
    }

    /** Loads a built-in scenario shipped inside the jar (e.g. {@link #DEFAULT_SCENARIO}). */
    public static Scenario builtIn(String name, List<String> sets) throws ScenarioException {
        try (InputStream in = ScenarioLoader.class.getResourceAsStream(BUILT_IN_DIR + name)) {
            if (in == null) {
                throw new ScenarioException("no built-in scenario " + name);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return applySets(parse(text, "built-in " + name), sets);
        } catch (IOException e) {
            throw new ScenarioException("cannot read built-in scenario " + name + ": " + e.getMessage());
        }
    }

    /** Reads a text file for any of MSCSim's YAML inputs, with a clear message if it cannot. */
    public static String read(Path file) throws ScenarioException {
        try {
            if (Files.isDirectory(file)) {
                throw new ScenarioException(file + ": is a directory, expected a YAML file");
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new ScenarioException(file + ": " + size + " bytes is too large for a scenario (limit 4 MiB)");
            }
            // Read at most the limit whatever the size said: a device or pipe (/dev/zero, /dev/stdin)
            // reports size 0 and may never end.
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) MAX_BYTES + 1);
            }
            if (bytes.length > MAX_BYTES) {
                throw new ScenarioException(file + ": more than 4 MiB, too large for a scenario (limit 4 MiB)");
            }
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw new ScenarioException(file + ": no such file");
        } catch (CharacterCodingException e) {
            throw new ScenarioException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new ScenarioException(file + ": cannot read: " + e.getMessage());
        }
    }

    /** Parses and validates scenario text. */
    public static Scenario parse(String text, String source) throws ScenarioException {
        YamlNode root = YamlReader.parse(text, source);
        if ((root == null || root instanceof YamlNode.Scalar sc && sc.text().isEmpty()) && !text.isBlank()
                && text.lines().map(String::strip).allMatch(l -> l.isEmpty() || l.startsWith("#") || l.equals("---") || l.equals("..."))) {
            // Only comments (and document markers): written on purpose, so it means what {} means, every default.
            root = new YamlNode.MapNode(1, Map.of());
        }
        if (root == null) {
            // A file with nothing at all in it is more often an accident (a failed copy, the wrong
            // file) than a choice, so it is refused rather than run on every default.
            throw new ScenarioException(source + ": is empty; a scenario is a YAML mapping such as \"populations: {msc: 400}\" (for every"
                    + " default, write {} or a comment, as an empty file is more often a failed copy than a choice)");
        }
        if (!(root instanceof YamlNode.MapNode map)) {
            throw new ScenarioException(source + " line " + root.line() + ": a scenario must be a YAML mapping of keys to values, got "
                    + root.describe());
        }
        FileKind.require(map, FileKind.SCENARIO, source);
        ScenarioLoader l = new ScenarioLoader(source);
        Map<String, Object> values = l.defaults();
        List<Intervention> interventions = new ArrayList<>();
        l.walk(map, "", values, interventions);
        Scenario s = new Scenario(source, values, sorted(interventions));
        l.crossCheck(s, map.line());
        l.throwIfAny();
        return s;
    }

    /**
     * A command-line option that sets one parameter, e.g. {@code --hours 48} for
     * {@code time.hours=48}; messages about it name the option, not the key.
     */
    public record OptionSet(String option, String key, String value) {
    }

    /** Applies {@code KEY=VALUE} overrides, each validated exactly like the file. */
    public static Scenario applySets(Scenario s, List<String> sets) throws ScenarioException {
        return applySets(s, sets, List.of());
    }

    /** Applies {@code KEY=VALUE} overrides and then {@code options}, each validated exactly like the file. */
    public static Scenario applySets(Scenario s, List<String> sets, List<OptionSet> options) throws ScenarioException {
        if ((sets == null || sets.isEmpty()) && options.isEmpty()) {
            return s;
        }
        List<String> all = new ArrayList<>(sets == null ? List.of() : sets);
        for (OptionSet o : options) {
            all.add(o.key() + "=" + o.value());
        }
        int firstOption = all.size() - options.size();
        List<String> problems = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>(s.values());
        List<Intervention> interventions = s.interventions();
        for (int i = 0; i < all.size(); i++) {
            String set = all.get(i);
            OptionSet option = i >= firstOption ? options.get(i - firstOption) : null;
            // Every message about this override names it; a runaway one is named by its start.
            String where = option != null ? option.option() : "--set " + YamlNode.inline(set);
            int eq = set.indexOf('=');
            if (eq <= 0) {
                problems.add(where + ": expected KEY=VALUE, e.g. populations.msc=500");
                continue;
            }
            String key = set.substring(0, eq).trim();
            String text = set.substring(eq + 1);
            ScenarioLoader l = new ScenarioLoader(where);
            YamlNode node;
            try {
                node = YamlReader.parse(text, where);
            } catch (ScenarioException e) {
                problems.addAll(e.problems());
                continue;
            }
            if (key.equals("interventions")) {
                List<Intervention> list = new ArrayList<>();
                l.interventions(node == null ? new YamlNode.ListNode(1, List.of()) : node, list);
                interventions = sorted(list);
            } else if (l.registry.has(key)) {
                l.scalar(l.registry.param(key), node == null ? new YamlNode.Scalar(1, "", YamlNode.Scalar.Type.NULL) : node, values);
            } else if (l.registry.isSection(key)) {
                l.wholeSection(key, node);
            } else {
                l.unknown(key, 0);
            }
            for (String p : l.problems) {
                String problem = p.replace(where + " line 1: ", where + ": ").replace(where + " line 0: ", where + ": ");
                if (option != null) {
                    // "--hours: time.hours must be ..." -> "--hours must be ...": the user typed the option, not the key
                    problem = problem.replace(where + ": " + key + " must be ", where + " must be ");
                }
                problems.add(problem);
            }
        }
        Scenario out = new Scenario(s.source(), values, interventions);
        if (problems.isEmpty()) {
            ScenarioLoader l = new ScenarioLoader("--set");
            l.crossCheck(out, 0);
            problems.addAll(l.problems);
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return out;
    }

    /**
     * Validates one live change (GUI edit, {@code set:} intervention) and returns the typed
     * value, or throws with the same text the CLI would print.
     */
    public static Object parseValue(String key, String text, String where) throws ScenarioException {
        ScenarioLoader l = new ScenarioLoader(where);
        Param p = l.registry.param(key);
        if (p == null) {
            l.unknown(key, 0);
            l.throwIfAny();
        }
        YamlNode node = YamlReader.parse(text, where);
        Map<String, Object> out = new LinkedHashMap<>();
        l.scalar(p, node == null ? new YamlNode.Scalar(0, "", YamlNode.Scalar.Type.NULL) : node, out);
        if (!l.problems.isEmpty()) {
            // A single value has no line worth naming: "where: ...", as --set reports it.
            List<String> problems = new ArrayList<>();
            for (String problem : l.problems) {
                problems.add(problem.replace(where + " line 1: ", where + ": "));
            }
            throw new ScenarioException(problems);
        }
        return out.get(key);
    }

    private Map<String, Object> defaults() {
        Map<String, Object> v = new LinkedHashMap<>();
        for (Param p : registry.all()) {
            v.put(p.key(), p.defaultValue());
        }
        return v;
    }

    private void walk(YamlNode.MapNode map, String prefix, Map<String, Object> values, List<Intervention> interventions) {
        for (YamlNode.Entry e : map.entries().values()) {
            String key = prefix.isEmpty() ? e.key() : prefix + "." + e.key();
            if (key.equals("interventions")) {
                interventions(e.value(), interventions);
            } else if (registry.has(key)) {
                scalar(registry.param(key), e.value(), values);
            } else if (registry.isSection(key)) {
                if (e.value() instanceof YamlNode.MapNode sub) {
                    walk(sub, key, values, interventions);
                } else {
                    problems.add(at(e.keyLine()) + key + " is a section; expected a mapping of its keys (such as "
                            + exampleIn(key) + "), got " + e.value().describe());
                }
            } else {
                unknown(key, e.keyLine());
            }
        }
    }

    /**
     * {@code --set populations=...}: a section given one value. In a file a section is a
     * mapping merged over the defaults, but on the command line it would be unclear whether its
     * other keys keep the file's values, so --set takes one key at a time; the message spells out
     * the --set options for a mapping of plain values.
     */
    private void wholeSection(String key, YamlNode node) {
        List<String> options = new ArrayList<>();
        if (node instanceof YamlNode.MapNode m && !m.entries().isEmpty() && !flatSets(m, key, options)) {
            options.clear();
        }
        problems.add(at(0) + key + " is a section, not one value; --set takes one of its keys at a time"
                + (options.isEmpty() ? ", such as --set " + exampleIn(key) + "=VALUE" : ": " + String.join(" ", options)));
    }

    /**
     * Adds "--set KEY=VALUE" for every plain value under {@code m}; false if a key is not a
     * parameter or a value is not a plain word or number (then no options are spelt out).
     */
    private boolean flatSets(YamlNode.MapNode m, String prefix, List<String> out) {
        for (YamlNode.Entry e : m.entries().values()) {
            String k = prefix + "." + e.key();
            if (e.value() instanceof YamlNode.MapNode sub) {
                if (!flatSets(sub, k, out)) {
                    return false;
                }
            } else if (e.value() instanceof YamlNode.Scalar sc && registry.has(k) && (k + sc.text()).matches("[A-Za-z0-9_.+-]+")
                    && out.size() < 8) {
                out.add("--set " + k + "=" + sc.text());
            } else {
                return false;
            }
        }
        return true;
    }

    /** What may stand at the top of a scenario: sections, top-level keys and interventions. */
    private java.util.Set<String> topLevelNames() {
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (String section : registry.sections().keySet()) {
            if (!section.isEmpty()) {
                names.add(section.contains(".") ? section.substring(0, section.indexOf('.')) : section); // fields.pge2 -> fields
            }
        }
        for (Param p : registry.all()) {
            if (p.section().isEmpty()) {
                names.add(p.key());
            }
        }
        names.add("interventions");
        return names;
    }

    private void scalar(Param p, YamlNode node, Map<String, Object> values) {
        try {
            values.put(p.key(), p.parse(node));
        } catch (Param.Invalid ex) {
            problems.add(at(node.line()) + p.key() + " must be " + ex.getMessage() + ", got " + node.describe());
        }
    }

    private void unknown(String key, int line) {
        String hint = registry.closest(key);
        if (hint == null && !key.contains(".")) {
            hint = Hints.closest(key, topLevelNames()); // a misspelt section ("populatons:") is hinted like a key
        }
        problems.add(at(line) + "unknown key " + YamlNode.show(key) + (hint != null ? " (did you mean \"" + hint + "\"?)"
                : "; see scenarios/PARAMETERS.md for the keys a scenario understands"));
    }

    private void interventions(YamlNode node, List<Intervention> out) {
        if (!(node instanceof YamlNode.ListNode list)) {
            problems.add(at(node.line()) + "interventions must be a list of items like {at_h: 24, add_msc: 100}, got "
                    + node.describe());
            return;
        }
        for (int i = 0; i < list.items().size(); i++) {
            YamlNode item = list.items().get(i);
            String name = "interventions[" + (i + 1) + "]";
            if (!(item instanceof YamlNode.MapNode m)) {
                problems.add(at(item.line()) + name + " must be a mapping like {at_h: 24, add_msc: 100}, got " + item.describe());
                continue;
            }
            Double at = null;
            List<YamlNode.Entry> actions = new ArrayList<>();
            for (YamlNode.Entry e : m.entries().values()) {
                if (e.key().equals("at_h")) {
                    at = nonNegative(e.value(), name + ".at_h");
                } else if (ACTIONS.contains(e.key())) {
                    actions.add(e);
                } else {
                    problems.add(at(e.keyLine()) + name + ": unknown key " + YamlNode.show(e.key()) + "; an intervention has at_h and one of "
                            + String.join(", ", ACTIONS));
                }
            }
            if (!m.entries().containsKey("at_h")) {
                problems.add(at(m.line()) + name + " needs at_h (hours from the start)");
            }
            if (actions.size() != 1) {
                problems.add(at(m.line()) + name + " must have exactly one action (" + String.join(", ", ACTIONS) + "), got "
                        + (actions.isEmpty() ? "none" : actions.size()));
                continue;
            }
            Intervention.Action action = action(actions.get(0), name);
            if (action instanceof Intervention.InfuseMscPerKg && infusionLine == 0) {
                infusionLine = actions.get(0).keyLine();
            }
            if (action instanceof Intervention.ReplateNk && replateLine == 0) {
                replateLine = actions.get(0).keyLine();
            }
            if (at != null && action != null) {
                out.add(new Intervention(at, action));
            }
        }
    }

    private Intervention.Action action(YamlNode.Entry e, String name) {
        String key = name + "." + e.key();
        switch (e.key()) {
            case "add_msc":
            case "remove_msc":
            case "add_targets": {
                Param p = registry.param("populations.msc");
                try {
                    int n = (Integer) p.parse(e.value());
                    return e.key().equals("add_msc") ? new Intervention.AddMsc(n)
                            : e.key().equals("remove_msc") ? new Intervention.RemoveMsc(n) : new Intervention.AddTargets(n);
                } catch (Param.Invalid ex) {
                    problems.add(at(e.value().line()) + key + " must be " + ex.getMessage() + ", got " + e.value().describe());
                    return null;
                }
            }
            case "infuse_msc_per_kg": {
                Param p = new Param(key, Param.Type.REAL, null, 0, 1e12, List.of(), "cells/kg", "-", "-", false);
                try {
                    return new Intervention.InfuseMscPerKg((Double) p.parse(e.value()));
                } catch (Param.Invalid ex) {
                    problems.add(at(e.value().line()) + key + " must be a dose in cells/kg " + ex.getMessage().replace("a number ", "")
                            + ", e.g. 2.0e6, got " + e.value().describe());
                    return null;
                }
            }
            case "replace_medium": {
                Param p = registry.param("blockade.pd_l1");
                try {
                    return new Intervention.ReplaceMedium((Double) p.parse(e.value()));
                } catch (Param.Invalid ex) {
                    problems.add(at(e.value().line()) + key + " must be a fraction " + ex.getMessage().replace("a number ", "")
                            + ", got " + e.value().describe());
                    return null;
                }
            }
            case "replate_nk": {
                Param p = new Param(key, Param.Type.REAL, null, 0.01, 1000, List.of(), "NK cells per target", "-", "-", false);
                try {
                    return new Intervention.ReplateNk((Double) p.parse(e.value()));
                } catch (Param.Invalid ex) {
                    problems.add(at(e.value().line()) + key + " must be an effector:target ratio (NK cells per target) "
                            + ex.getMessage().replace("a number ", "") + ", e.g. 10, got " + e.value().describe());
                    return null;
                }
            }
            case "block": {
                if (!(e.value() instanceof YamlNode.MapNode m) || m.entries().isEmpty()) {
                    problems.add(at(e.value().line()) + key + " must be a mapping of blockades to strengths 0–1, e.g. {pd_l1: 1}, got "
                            + e.value().describe());
                    return null;
                }
                Map<String, Double> strengths = new LinkedHashMap<>();
                for (YamlNode.Entry b : m.entries().values()) {
                    Param p = registry.param("blockade." + b.key());
                    if (p == null) {
                        problems.add(at(b.keyLine()) + key + ": unknown blockade " + YamlNode.show(b.key()) + "; expected pd_l1, ido, pge2 or tgf_beta");
                        continue;
                    }
                    try {
                        strengths.put(b.key(), (Double) p.parse(b.value()));
                    } catch (Param.Invalid ex) {
                        problems.add(at(b.value().line()) + key + "." + b.key() + " must be " + ex.getMessage() + ", got "
                                + b.value().describe());
                    }
                }
                return new Intervention.Block(strengths);
            }
            case "set": {
                if (!(e.value() instanceof YamlNode.MapNode m) || m.entries().isEmpty()) {
                    problems.add(at(e.value().line()) + key + " must be a mapping of parameters to values, e.g. {t_cell.activation_per_h: 0.1}, got "
                            + e.value().describe());
                    return null;
                }
                Map<String, Object> values = new LinkedHashMap<>();
                setEntries(m, "", key, values);
                return new Intervention.SetParameters(values);
            }
            default:
                throw new IllegalStateException(e.key());
        }
    }

    private void setEntries(YamlNode.MapNode m, String prefix, String name, Map<String, Object> values) {
        for (YamlNode.Entry e : m.entries().values()) {
            String k = prefix.isEmpty() ? e.key() : prefix + "." + e.key();
            Param p = registry.param(k);
            if (p != null) {
                if (!p.live()) {
                    problems.add(at(e.keyLine()) + name + ": " + k + " cannot change during a run (it is fixed at the start)");
                    continue;
                }
                scalar(p, e.value(), values);
            } else if (registry.isSection(k) && e.value() instanceof YamlNode.MapNode sub) {
                setEntries(sub, k, name, values);
            } else if (registry.isSection(k)) {
                problems.add(at(e.keyLine()) + name + ": " + k + " is a section; expected a mapping of its keys (such as "
                        + exampleIn(k) + "), got " + e.value().describe());
            } else {
                unknown(k, e.keyLine());
            }
        }
    }

    private Double nonNegative(YamlNode node, String key) {
        Param shape = new Param(key, Param.Type.REAL, null, 0, 1e9, List.of(), "h", "-", "-", false);
        try {
            return (Double) shape.parse(node);
        } catch (Param.Invalid ex) {
            problems.add(at(node.line()) + key + " must be " + ex.getMessage() + ", got " + node.describe());
            return null;
        }
    }

    /** Line of the first infuse_msc_per_kg intervention read, for the in-vivo cross-check; 0 if none. */
    private int infusionLine;
    /** Line of the first replate_nk intervention read, for the in-vivo cross-check; 0 if none. */
    private int replateLine;

    private void crossCheck(Scenario s, int line) {
        long voxels = (long) s.integer("grid.width") * s.integer("grid.height");
        long cells = 0;
        for (String k : List.of("populations.msc", "populations.t_cd4", "populations.t_cd8", "populations.b",
                "populations.nk", "populations.macrophage", "populations.target")) {
            cells += s.integer(k);
        }
        if (!s.bool("invivo.enabled") && s.interventions().stream().anyMatch(i -> i.action() instanceof Intervention.InfuseMscPerKg)) {
            problems.add(at(infusionLine > 0 ? infusionLine : line)
                    + "infuse_msc_per_kg needs an in-vivo scenario (invivo.enabled: true); a culture takes add_msc: N");
        }
        if (s.bool("invivo.enabled") && s.interventions().stream().anyMatch(i -> i.action() instanceof Intervention.ReplateNk)) {
            problems.add(at(replateLine > 0 ? replateLine : line)
                    + "replate_nk needs a culture (a well's NK cells re-plated for a cytotoxicity read-out); an in-vivo patch (invivo.enabled: true) keeps receiving cells from the blood");
        }
        if (cells > voxels) {
            problems.add(at(line) + "populations add up to " + cells + " cells but the grid has only " + voxels
                    + " voxels (grid.width × grid.height, one cell per voxel)");
        }
    }

    private String exampleIn(String section) {
        for (Param p : registry.all()) {
            if (p.key().startsWith(section + ".")) {
                return p.key();
            }
        }
        return "...";
    }

    private String at(int line) {
        return line > 0 ? source + " line " + line + ": " : source + ": ";
    }

    private void throwIfAny() throws ScenarioException {
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
    }

    private static List<Intervention> sorted(List<Intervention> list) {
        List<Intervention> s = new ArrayList<>(list);
        s.sort((a, b) -> Double.compare(a.atH(), b.atH()));
        return s;
    }
}
