package org.mscsim.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry of every scenario parameter, read once from {@code parameters.yaml}. Keys keep
 * the file's order, which is also the order of resolved scenarios and of PARAMETERS.md.
 */
public final class Parameters {

    private static final Parameters INSTANCE = load();

    private final Map<String, Param> byKey;
    private final Map<String, String> sections;

    private Parameters(Map<String, Param> byKey, Map<String, String> sections) {
        this.byKey = Collections.unmodifiableMap(byKey);
        this.sections = Collections.unmodifiableMap(sections);
    }

    public static Parameters get() {
        return INSTANCE;
    }

    public List<Param> all() {
        return List.copyOf(byKey.values());
    }

    public Param param(String key) {
        return byKey.get(key);
    }

    public boolean has(String key) {
        return byKey.containsKey(key);
    }

    /** Section key (e.g. {@code fields.pge2}) → title, in display order. */
    public Map<String, String> sections() {
        return sections;
    }

    /** True if {@code prefix} is a section that contains parameters, e.g. {@code fields} or {@code fields.pge2}. */
    public boolean isSection(String prefix) {
        String p = prefix + ".";
        for (String k : byKey.keySet()) {
            if (k.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /** The known key closest to an unknown one, for "did you mean" hints; null if none is close. */
    public String closest(String key) {
        return Hints.closest(key, byKey.keySet());
    }

    private static Parameters load() {
        String resource = "parameters.yaml";
        String text;
        try (InputStream in = Parameters.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
        try {
            return parse(text, resource);
        } catch (ScenarioException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    static Parameters parse(String text, String source) throws ScenarioException {
        YamlNode.MapNode root = (YamlNode.MapNode) YamlReader.parse(text, source);
        List<String> problems = new ArrayList<>();
        Map<String, String> sections = new LinkedHashMap<>();
        YamlNode.MapNode sec = (YamlNode.MapNode) root.entries().get("sections").value();
        for (YamlNode.Entry e : sec.entries().values()) {
            sections.put(e.key(), ((YamlNode.Scalar) e.value()).text());
        }
        Map<String, Param> params = new LinkedHashMap<>();
        YamlNode.MapNode list = (YamlNode.MapNode) root.entries().get("parameters").value();
        for (YamlNode.Entry e : list.entries().values()) {
            try {
                params.put(e.key(), spec(e.key(), (YamlNode.MapNode) e.value()));
            } catch (Param.Invalid | RuntimeException ex) {
                problems.add(source + " line " + e.keyLine() + ": " + e.key() + ": " + ex.getMessage());
            }
        }
        for (Param p : params.values()) {
            if (!sections.containsKey(p.section())) {
                problems.add(source + ": " + p.key() + " is in section \"" + p.section() + "\" which has no title");
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return new Parameters(params, sections);
    }

    private static Param spec(String key, YamlNode.MapNode m) throws Param.Invalid {
        Map<String, YamlNode.Entry> e = m.entries();
        Param.Type type = Param.Type.valueOf(text(e, "type").toUpperCase(java.util.Locale.ROOT));
        double min = e.containsKey("min") ? number(e, "min") : Double.NEGATIVE_INFINITY;
        double max = e.containsKey("max") ? number(e, "max") : Double.POSITIVE_INFINITY;
        List<String> choices = new ArrayList<>();
        if (e.containsKey("choices")) {
            for (YamlNode n : ((YamlNode.ListNode) e.get("choices").value()).items()) {
                choices.add(((YamlNode.Scalar) n).text());
            }
        }
        String unit = text(e, "unit");
        String doc = text(e, "doc");
        String source = text(e, "source");
        if (unit.isEmpty() || doc.isEmpty() || source.isEmpty()) {
            throw new IllegalArgumentException("every parameter needs a unit, a doc and a source");
        }
        boolean live = e.containsKey("live") && Boolean.parseBoolean(text(e, "live"));
        Param shape = new Param(key, type, null, min, max, List.copyOf(choices), unit, doc, source, live);
        Object def = shape.parse(e.get("default").value());
        return new Param(key, type, def, min, max, List.copyOf(choices), unit, doc, source, live);
    }

    private static String text(Map<String, YamlNode.Entry> e, String field) {
        YamlNode.Entry entry = e.get(field);
        if (entry == null) {
            throw new IllegalArgumentException("missing " + field);
        }
        return ((YamlNode.Scalar) entry.value()).text();
    }

    private static double number(Map<String, YamlNode.Entry> e, String field) {
        String t = text(e, field).trim();
        if (t.equals(".inf")) {
            return Double.POSITIVE_INFINITY;
        }
        return Double.parseDouble(t);
    }
}
