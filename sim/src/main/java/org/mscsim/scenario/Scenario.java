package org.mscsim.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated scenario: a value for every parameter (defaults filled in) and the timed
 * interventions. Immutable; {@link #with} returns a changed copy.
 *
 * @param source where it came from, for messages (a path, or "built-in coculture.yaml")
 */
public record Scenario(String source, Map<String, Object> values, List<Intervention> interventions) {

    public Scenario {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        interventions = List.copyOf(interventions);
    }

    public Object value(String key) {
        Object v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("no parameter " + key);
        }
        return v;
    }

    public double real(String key) {
        return ((Number) value(key)).doubleValue();
    }

    public int integer(String key) {
        return (Integer) value(key);
    }

    public boolean bool(String key) {
        return (Boolean) value(key);
    }

    public String text(String key) {
        return (String) value(key);
    }

    public long seed() {
        return (Long) value("seed");
    }

    public String name() {
        return text("name");
    }

    /** A copy with one value replaced; the value must already be validated for its parameter. */
    public Scenario with(String key, Object value) {
        Map<String, Object> v = new LinkedHashMap<>(values);
        if (!v.containsKey(key)) {
            throw new IllegalArgumentException("no parameter " + key);
        }
        v.put(key, value);
        return new Scenario(source, v, interventions);
    }

    public Scenario withInterventions(List<Intervention> list) {
        return new Scenario(source, values, list);
    }
}
