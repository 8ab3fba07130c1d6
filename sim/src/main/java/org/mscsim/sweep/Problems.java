package org.mscsim.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.mscsim.scenario.Param;
import org.mscsim.scenario.ScenarioException;
import org.mscsim.scenario.YamlNode;

/**
 * The problems found in one sweep file, shared by the parsers of its sections, and the checks
 * they have in common. Each problem is a sentence naming the file, line and key, and what was
 * expected: {@code x.yaml line 7: vary.populations.msc[3] must be a whole number ..., got "many"}.
 */
final class Problems {

    private final String source;
    private final List<String> list = new ArrayList<>();

    Problems(String source) {
        this.source = source;
    }

    String source() {
        return source;
    }

    /** Records a problem, already prefixed with {@link #at}. */
    void add(String problem) {
        list.add(problem);
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    void throwIfAny() throws ScenarioException {
        if (!list.isEmpty()) {
            throw new ScenarioException(list);
        }
    }

    /** "file line N: ", or "file: " when the line is unknown. */
    String at(int line) {
        return line > 0 ? source + " line " + line + ": " : source + ": ";
    }

    /** A parameter's value, or null after recording why it is not one. */
    Object value(Param p, YamlNode node, String path) {
        try {
            return p.parse(node);
        } catch (Param.Invalid ex) {
            list.add(at(node.line()) + path + " must be " + ex.getMessage() + ", got " + node.describe());
            return null;
        }
    }

    /** False (after recording each) if the mapping has keys other than {@code allowed}. */
    boolean only(YamlNode.MapNode m, String path, String... allowed) {
        boolean ok = true;
        for (YamlNode.Entry e : m.entries().values()) {
            if (!List.of(allowed).contains(e.key())) {
                list.add(at(e.keyLine()) + path + ": unexpected key " + YamlNode.show(e.key()) + " beside " + String.join(", ", allowed));
                ok = false;
            }
        }
        return ok;
    }

    /** False (after recording each) if the mapping lacks one of {@code needed}. */
    boolean all(YamlNode.MapNode m, String path, String... needed) {
        boolean ok = true;
        for (String k : needed) {
            if (!m.entries().containsKey(k)) {
                List<String> keys = new java.util.ArrayList<>(m.entries().keySet());
                String has = keys.size() <= 8 ? String.join(", ", keys) : String.join(", ", keys.subList(0, 8)) + " and " + (keys.size() - 8) + " more";
                list.add(at(m.line()) + path + " needs " + k + " (it has " + (keys.isEmpty() ? "nothing" : has) + ")");
                ok = false;
            }
        }
        return ok;
    }

    /** A number of the given type and range (a sweep setting, not a parameter), or {@code fallback} after recording why not. */
    Object number(YamlNode node, String path, Param.Type type, double min, double max, Object fallback) {
        Param shape = new Param(path, type, null, min, max, List.of(), "-", "-", "-", false);
        try {
            return shape.parse(node);
        } catch (Param.Invalid ex) {
            String expected = min == -Double.MAX_VALUE ? "a number" : ex.getMessage();
            list.add(at(node.line()) + path + " must be " + expected + ", got " + node.describe());
            return fallback;
        }
    }

    /** One line of text, or null after recording why not. */
    String oneLine(YamlNode node, String path) {
        if (!(node instanceof YamlNode.Scalar s) || s.type() == YamlNode.Scalar.Type.NULL || s.text().isBlank()) {
            list.add(at(node.line()) + path + " must be text, got " + node.describe());
            return null;
        }
        if (s.text().contains("\n") || s.text().contains("\r")) {
            list.add(at(node.line()) + path + " must be one line of text");
            return null;
        }
        return s.text();
    }

    /** Text that passes {@code check} (which returns why it does not, or null), or null after recording why not. */
    String checked(YamlNode node, String path, Function<String, String> check) {
        if (!(node instanceof YamlNode.Scalar s) || s.type() == YamlNode.Scalar.Type.NULL) {
            list.add(at(node.line()) + path + " must be text, got " + node.describe());
            return null;
        }
        String why = check.apply(s.text());
        if (why != null) {
            list.add(at(node.line()) + path + " " + why + ", got " + YamlNode.show(s.text()));
            return null;
        }
        return s.text();
    }
}
