package org.mscsim.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mscsim.batch.Seeds;
import org.mscsim.scenario.Param;
import org.mscsim.scenario.Parameters;
import org.mscsim.scenario.ScenarioException;

/**
 * Expands a sweep into its runs, always in the same order: design points (a grid with the first
 * vary: key changing slowest, or the Latin-hypercube samples in drawing order), then cases in file
 * order, then replicates. Run i gets id {@code r0000i} and seed {@code Seeds.derive(seed, i)}.
 */
public final class RunMatrix {

    /** Mixed into the master seed for the Latin-hypercube stream, so it is not any run's stream. */
    private static final long LHS_SALT = 0x4C48535F53414D50L; // "LHS_SAMP"
    private static final int MAX_REPORTED = 5;

    private RunMatrix() {
    }

    /** The results.csv parameter columns: the vary: keys in file order, then keys only cases set. */
    public static List<String> parameterKeys(Sweep s) {
        List<String> keys = new ArrayList<>();
        for (Factor f : s.factors()) {
            keys.add(f.key());
        }
        for (Case c : s.cases()) {
            for (String k : c.values().keySet()) {
                if (!keys.contains(k)) {
                    keys.add(k);
                }
            }
        }
        return keys;
    }

    /** Every run of the sweep, each checked to make a valid scenario (e.g. its cells fit the grid). */
    public static List<Run> expand(Sweep s) throws ScenarioException {
        List<Map<String, Object>> points = points(s);
        List<Case> cases = s.cases().isEmpty() ? java.util.Collections.singletonList(null) : s.cases();
        List<String> keys = parameterKeys(s);
        int total = points.size() * cases.size() * s.replicates();
        List<Run> runs = new ArrayList<>(total);
        Parameters registry = Parameters.get();
        for (Map<String, Object> point : points) {
            for (Case c : cases) {
                for (int r = 1; r <= s.replicates(); r++) {
                    int index = runs.size();
                    Map<String, String> values = new LinkedHashMap<>();
                    for (String k : keys) {
                        Object v = point.containsKey(k) ? point.get(k)
                                : c != null && c.values().containsKey(k) ? c.values().get(k) : s.base().value(k);
                        Param p = registry.param(k);
                        values.put(k, p.toYaml(v));
                    }
                    runs.add(new Run(index, Run.id(index, total), r, Seeds.derive(s.seed(), index), c == null ? null : c.name(), values));
                }
            }
        }
        check(s, runs);
        return runs;
    }

    private static List<Map<String, Object>> points(Sweep s) {
        List<Factor> factors = s.factors();
        List<Map<String, Object>> points = new ArrayList<>();
        if (s.design() == Sweep.Design.LHS) {
            Object[][] sample = Lhs.sample(factors, s.samples(), Seeds.derive(s.seed() ^ LHS_SALT, 0));
            for (Object[] row : sample) {
                Map<String, Object> p = new LinkedHashMap<>();
                for (int j = 0; j < factors.size(); j++) {
                    p.put(factors.get(j).key(), row[j]);
                }
                points.add(p);
            }
            return points;
        }
        points.add(new LinkedHashMap<>());
        for (Factor f : factors) {
            List<Map<String, Object>> next = new ArrayList<>(points.size() * f.values().size());
            for (Map<String, Object> p : points) {
                for (Object v : f.values()) {
                    Map<String, Object> q = new LinkedHashMap<>(p);
                    q.put(f.key(), v);
                    next.add(q);
                }
            }
            points = next;
        }
        return points;
    }

    /** Cross-parameter rules (cells must fit the grid) can only be checked on whole runs. */
    private static void check(Sweep s, List<Run> runs) throws ScenarioException {
        List<String> problems = new ArrayList<>();
        int bad = 0;
        for (Run run : runs) {
            try {
                run.scenario(s.base());
            } catch (ScenarioException e) {
                if (++bad <= MAX_REPORTED) {
                    for (String p : e.problems()) {
                        problems.add(s.source() + ": run " + run.describe() + ": " + p.replaceFirst("^--set[^:]*: ", ""));
                    }
                }
            }
        }
        if (bad > MAX_REPORTED) {
            problems.add(s.source() + ": and " + (bad - MAX_REPORTED) + " more runs with the same kind of problem");
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
    }
}
