package org.mscsim.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mscsim.model.Observables;
import org.mscsim.output.Num;
import org.mscsim.scenario.Hints;
import org.mscsim.scenario.Param;
import org.mscsim.scenario.Scenario;
import org.mscsim.scenario.YamlNode;

/**
 * The {@code outputs:} list of a sweep file: each item summarises one {@code timeseries.csv}
 * column ({@code final}, {@code max}, {@code min}, {@code {at: H}}, {@code {time_to: T}}) into a
 * results.csv column, optionally renamed with {@code name:}.
 */
final class OutputsSection {

    private static final List<String> STATS = List.of("final", "max", "min");

    private final Problems problems;
    private final Map<String, Integer> outputLines = new LinkedHashMap<>();
    private final Map<String, String> outputPaths = new LinkedHashMap<>();

    OutputsSection(Problems problems) {
        this.problems = problems;
    }

    List<Output> outputs(YamlNode node) {
        if (!(node instanceof YamlNode.ListNode list) || list.items().isEmpty()) {
            problems.add(problems.at(node.line()) + "outputs must be a list of summaries such as [{t_divisions: final}, {msc: {at: 24}}], got "
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
                problems.add(problems.at(item.line()) + path + ": results.csv column " + o.name() + " is already made by outputs["
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

    Output output(YamlNode item, String path) {
        if (!(item instanceof YamlNode.MapNode m)) {
            problems.add(problems.at(item.line()) + path + " must be a mapping of a timeseries column to a summary, e.g. {t_divisions: final}, got "
                    + item.describe());
            return null;
        }
        String name = null;
        YamlNode.Entry column = null;
        for (YamlNode.Entry e : m.entries().values()) {
            if (e.key().equals("name")) {
                name = problems.oneLine(e.value(), path + ".name");
                if (name != null && !name.matches("[A-Za-z][A-Za-z0-9_.]*")) {
                    problems.add(problems.at(e.value().line()) + path + ".name must start with a letter and use only letters, digits, _ and ., got "
                            + YamlNode.show(name));
                    name = null;
                }
            } else if (column != null) {
                problems.add(problems.at(e.keyLine()) + path + " must summarise one column; it also names " + YamlNode.show(e.key()));
                return null;
            } else {
                column = e;
            }
        }
        if (column == null) {
            problems.add(problems.at(m.line()) + path + " names no timeseries column, e.g. {t_divisions: final}");
            return null;
        }
        String col = column.key();
        List<String> columns = Observables.COLUMNS.stream().map(Observables.Column::name).filter(c -> !c.equals("time_h")).toList();
        if (!columns.contains(col)) {
            String hint = Hints.closest(col, columns);
            problems.add(problems.at(column.keyLine()) + path + ": no timeseries column " + YamlNode.show(col) + (hint != null ? " (did you mean \"" + hint + "\"?)"
                    : "; columns are " + String.join(", ", columns)));
            return null;
        }
        Output o = stat(col, column.value(), path + "." + col);
        return o == null ? null : name != null ? o.named(name) : o;
    }

    Output stat(String col, YamlNode node, String path) {
        String expected = " must be final, max, min, {at: HOURS} or {time_to: THRESHOLD} (or {time_to: {threshold: T, direction: above or below}}), got ";
        if (node instanceof YamlNode.Scalar s) {
            String t = s.text().trim().toLowerCase(Locale.ROOT);
            if (STATS.contains(t)) {
                return Output.simple(col, Output.Stat.valueOf(t.toUpperCase(Locale.ROOT)));
            }
            problems.add(problems.at(node.line()) + path + expected + node.describe());
            return null;
        }
        if (!(node instanceof YamlNode.MapNode m) || m.entries().size() != 1) {
            problems.add(problems.at(node.line()) + path + expected + node.describe());
            return null;
        }
        YamlNode.Entry e = m.entries().values().iterator().next();
        if (e.key().equals("at")) {
            Object h = problems.number(e.value(), path + ".at", Param.Type.REAL, 0, 1e9, null);
            return h == null ? null : Output.at(col, (Double) h);
        }
        if (!e.key().equals("time_to")) {
            problems.add(problems.at(e.keyLine()) + path + expected + YamlNode.show(e.key()));
            return null;
        }
        YamlNode v = e.value();
        if (v instanceof YamlNode.Scalar) {
            Object t = problems.number(v, path + ".time_to", Param.Type.REAL, -Double.MAX_VALUE, Double.MAX_VALUE, null);
            return t == null ? null : Output.timeTo(col, (Double) t, true);
        }
        if (!(v instanceof YamlNode.MapNode tm) || !problems.only(tm, path + ".time_to", "threshold", "direction")
                || !problems.all(tm, path + ".time_to", "threshold")) {
            if (!(v instanceof YamlNode.MapNode)) {
                problems.add(problems.at(v.line()) + path + ".time_to must be a number or {threshold: T, direction: above or below}, got " + v.describe());
            }
            return null;
        }
        Object t = problems.number(tm.entries().get("threshold").value(), path + ".time_to.threshold", Param.Type.REAL,
                -Double.MAX_VALUE, Double.MAX_VALUE, null);
        boolean above = true;
        if (tm.entries().containsKey("direction")) {
            YamlNode d = tm.entries().get("direction").value();
            String text = d instanceof YamlNode.Scalar s ? s.text().trim() : "";
            if (!text.equals("above") && !text.equals("below")) {
                problems.add(problems.at(d.line()) + path + ".time_to.direction must be above or below, got " + d.describe());
                return null;
            }
            above = text.equals("above");
        }
        return t == null ? null : Output.timeTo(col, (Double) t, above);
    }

    /** An {@code at:} time after the end of the shortest run could never be read; say so now, not after the sweep. */
    void checkTimes(List<Output> outputs, Scenario base, List<Factor> factors, List<Case> cases) {
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
                problems.add(problems.at(outputLines.get(o.name())) + outputPaths.get(o.name()) + ": at " + Num.format(o.atH())
                        + " h is after the end of the shortest run (time.hours " + Num.format(shortest) + ")");
            }
        }
    }
}
