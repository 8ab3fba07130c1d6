package org.mscsim.sweep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mscsim.scenario.Scenario;
import org.mscsim.scenario.ScenarioException;
import org.mscsim.scenario.ScenarioLoader;

/**
 * One run of a sweep: its place in the expanded matrix, stable id, replicate number, seed and the
 * value of every varied parameter. The run's scenario is the sweep's base with these values and
 * the seed applied, and nothing else, so its result does not depend on where, when or beside
 * which other runs it is computed.
 *
 * @param index     0-based position in the matrix
 * @param id        directory name under {@code runs/}, e.g. {@code r00042}
 * @param replicate 1-based
 * @param caseName  the case's name, or null when the sweep has no cases
 * @param values    every varied parameter (vary: keys, then keys any case sets) to its value as
 *                  YAML text that reads back to the identical value
 */
public record Run(int index, String id, int replicate, long seed, String caseName, Map<String, String> values) {

    public Run {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The run's scenario: {@code base} with this run's values and seed, validated like {@code --set}. */
    public Scenario scenario(Scenario base) throws ScenarioException {
        List<String> sets = new ArrayList<>(values.size() + 1);
        for (Map.Entry<String, String> v : values.entrySet()) {
            sets.add(v.getKey() + "=" + v.getValue());
        }
        sets.add("seed=" + seed);
        return ScenarioLoader.applySets(base, sets);
    }

    /** The id for index {@code i} of a matrix of {@code total} runs: r00000 … r99999, wider only beyond. */
    public static String id(int i, int total) {
        int width = Math.max(5, Integer.toString(Math.max(0, total - 1)).length());
        StringBuilder b = new StringBuilder(Integer.toString(i));
        while (b.length() < width) {
            b.insert(0, '0');
        }
        return "r" + b;
    }

    /** Shown in messages: {@code r00042 (populations.msc=400, case anti-PD-L1, replicate 2)}. */
    public String describe() {
        StringBuilder b = new StringBuilder(id).append(" (");
        String sep = "";
        for (Map.Entry<String, String> v : values.entrySet()) {
            b.append(sep).append(v.getKey()).append('=').append(v.getValue());
            sep = ", ";
        }
        if (caseName != null) {
            b.append(sep).append("case ").append(caseName);
            sep = ", ";
        }
        return b.append(sep).append("replicate ").append(replicate).append(')').toString();
    }
}
