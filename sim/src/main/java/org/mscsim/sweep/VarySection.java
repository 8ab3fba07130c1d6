package org.mscsim.sweep;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mscsim.scenario.Param;
import org.mscsim.scenario.YamlNode;

/**
 * The {@code vary:} entries of a sweep file: for each parameter a list of values, a from/to/step
 * range, or (Latin hypercube only) a uniform or log-uniform distribution, every value and bound
 * checked against the parameter's own range.
 */
final class VarySection {

    /** Most values one factor may list or a range may produce. */
    static final int MAX_LIST = 10_000;

    private final Problems problems;

    VarySection(Problems problems) {
        this.problems = problems;
    }

    /** The factor for one parameter under vary:, or null after recording why there is none. */
    Factor factor(Param p, YamlNode node, Sweep.Design design) {
        String path = "vary." + p.key();
        if (node instanceof YamlNode.ListNode list) {
            List<Object> values = values(p, list, path);
            return values == null ? null : new Factor(p, values, null);
        }
        if (!(node instanceof YamlNode.MapNode m)) {
            problems.add(problems.at(node.line()) + path + " must be a list of values, {from, to, step} or {distribution, min, max}, got "
                    + node.describe() + (node instanceof YamlNode.Scalar ? " (a single value belongs under set:)" : ""));
            return null;
        }
        Map<String, YamlNode.Entry> e = m.entries();
        Set<String> keys = e.keySet();
        if (keys.contains("values")) {
            if (!problems.only(m, path, "values")) {
                return null;
            }
            YamlNode v = e.get("values").value();
            if (!(v instanceof YamlNode.ListNode list)) {
                problems.add(problems.at(v.line()) + path + ".values must be a list, got " + v.describe());
                return null;
            }
            List<Object> values = values(p, list, path + ".values");
            return values == null ? null : new Factor(p, values, null);
        }
        if (keys.contains("from") || keys.contains("to") || keys.contains("step")) {
            if (!problems.only(m, path, "from", "to", "step") || !problems.all(m, path, "from", "to", "step")) {
                return null;
            }
            List<Object> values = range(p, e, path, m.line());
            return values == null ? null : new Factor(p, values, null);
        }
        if (keys.contains("distribution")) {
            if (!problems.only(m, path, "distribution", "min", "max") || !problems.all(m, path, "distribution", "min", "max")) {
                return null;
            }
            if (design != Sweep.Design.LHS) {
                problems.add(problems.at(m.line()) + path + ": a distribution needs design: lhs; a grid needs values (a list or from/to/step)");
                return null;
            }
            Factor.Distribution d = distribution(p, e, path);
            return d == null ? null : new Factor(p, null, d);
        }
        problems.add(problems.at(m.line()) + path + " must be a list of values, {values: [...]}, {from, to, step} or "
                + "{distribution: uniform or log-uniform, min, max}");
        return null;
    }

    List<Object> values(Param p, YamlNode.ListNode list, String path) {
        if (list.items().isEmpty()) {
            problems.add(problems.at(list.line()) + path + " must list at least one value");
            return null;
        }
        if (list.items().size() > MAX_LIST) {
            problems.add(problems.at(list.line()) + path + " lists " + list.items().size() + " values; at most " + MAX_LIST);
            return null;
        }
        List<Object> out = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < list.items().size(); i++) {
            Object v = problems.value(p, list.items().get(i), path + "[" + (i + 1) + "]");
            ok &= v != null;
            out.add(v);
        }
        return ok ? out : null;
    }

    /** from, from + step, ... up to and including to, in exact decimal arithmetic (0.1 steps give 0.3, not 0.30000000000000004). */
    List<Object> range(Param p, Map<String, YamlNode.Entry> e, String path, int line) {
        BigDecimal from = decimal(e.get("from").value(), path + ".from");
        BigDecimal to = decimal(e.get("to").value(), path + ".to");
        BigDecimal step = decimal(e.get("step").value(), path + ".step");
        if (from == null || to == null || step == null) {
            return null;
        }
        if (step.signum() <= 0) {
            problems.add(problems.at(e.get("step").value().line()) + path + ".step must be a number > 0, got \"" + step.toPlainString() + "\"");
            return null;
        }
        if (to.compareTo(from) < 0) {
            problems.add(problems.at(line) + path + ": to (" + to.toPlainString() + ") is below from (" + from.toPlainString() + ")");
            return null;
        }
        BigDecimal count = to.subtract(from).divide(step, 0, RoundingMode.FLOOR).add(BigDecimal.ONE);
        if (count.compareTo(BigDecimal.valueOf(MAX_LIST)) > 0) {
            problems.add(problems.at(line) + path + ": from/to/step gives " + count.toPlainString() + " values; at most " + MAX_LIST);
            return null;
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < count.intValue(); i++) {
            String text = from.add(step.multiply(BigDecimal.valueOf(i))).stripTrailingZeros().toPlainString();
            try {
                out.add(p.parse(new YamlNode.Scalar(line, text, YamlNode.Scalar.Type.NUMBER)));
            } catch (Param.Invalid ex) {
                problems.add(problems.at(line) + path + ": from/to/step gives " + text + ", but " + p.key() + " must be " + ex.getMessage());
                return null;
            }
        }
        return out;
    }

    /** Most digits a range end or step may have on either side of the decimal point. */
    static final int MAX_DIGITS = 30;

    /**
     * A range end or step as an exact decimal. Its digits are bounded: an exponent such as
     * 1e-999999 would otherwise make a count of values with a million digits (slow to compute,
     * and a megabyte of error message).
     */
    BigDecimal decimal(YamlNode node, String path) {
        Object v = problems.number(node, path, Param.Type.REAL, -Double.MAX_VALUE, Double.MAX_VALUE, null);
        if (v == null) {
            return null;
        }
        BigDecimal d = new BigDecimal(((YamlNode.Scalar) node).text().trim().replace("_", "")).stripTrailingZeros();
        if (d.signum() != 0 && (d.scale() > MAX_DIGITS || d.precision() - d.scale() > MAX_DIGITS)) {
            problems.add(problems.at(node.line()) + path + " must be a number within ±1e" + MAX_DIGITS + " with at most " + MAX_DIGITS
                    + " decimal places, got " + node.describe());
            return null;
        }
        return d;
    }

    Factor.Distribution distribution(Param p, Map<String, YamlNode.Entry> e, String path) {
        if (p.type() != Param.Type.INT && p.type() != Param.Type.LONG && p.type() != Param.Type.REAL) {
            problems.add(problems.at(e.get("distribution").keyLine()) + path + ": a distribution needs a numeric parameter; " + p.key()
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
            problems.add(problems.at(shapeNode.line()) + path + ".distribution must be uniform or log-uniform, got " + shapeNode.describe());
        }
        Object min = problems.value(p, e.get("min").value(), path + ".min");
        Object max = problems.value(p, e.get("max").value(), path + ".max");
        if (shape == null || min == null || max == null) {
            return null;
        }
        double lo = ((Number) min).doubleValue();
        double hi = ((Number) max).doubleValue();
        if (!(lo < hi) || Double.isInfinite(hi)) {
            problems.add(problems.at(e.get("max").value().line()) + path + ".max must be a finite number above min (" + p.toYaml(min) + "), got "
                    + e.get("max").value().describe());
            return null;
        }
        if (shape == Factor.Shape.LOG_UNIFORM && lo <= 0) {
            problems.add(problems.at(e.get("min").value().line()) + path + ".min must be above 0 for log-uniform, got " + e.get("min").value().describe());
            return null;
        }
        return new Factor.Distribution(shape, lo, hi);
    }
}
