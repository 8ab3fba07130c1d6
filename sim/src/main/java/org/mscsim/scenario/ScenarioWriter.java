package org.mscsim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link Scenario} as YAML that {@link ScenarioLoader} reads back to the identical
 * scenario: every parameter, nested by section, with its unit as a comment. This is
 * {@code scenario.resolved.yaml} in a run directory.
 */
public final class ScenarioWriter {

    private ScenarioWriter() {
    }

    public static String toYaml(Scenario s, String header) {
        StringBuilder b = new StringBuilder();
        for (String line : header.split("\n")) {
            b.append("# ").append(line).append('\n');
        }
        List<String> open = new ArrayList<>();
        for (Param p : Parameters.get().all()) {
            List<String> path = List.of(p.key().split("\\."));
            List<String> parents = path.subList(0, path.size() - 1);
            int common = 0;
            while (common < open.size() && common < parents.size() && open.get(common).equals(parents.get(common))) {
                common++;
            }
            open = new ArrayList<>(open.subList(0, common));
            for (int d = common; d < parents.size(); d++) {
                if (d == 0) {
                    b.append('\n');
                }
                indent(b, d).append(parents.get(d)).append(":\n");
                open.add(parents.get(d));
            }
            StringBuilder line = new StringBuilder();
            indent(line, parents.size()).append(p.leaf()).append(": ").append(p.toYaml(s.value(p.key())));
            if (!p.unit().equals("-")) {
                pad(line, 44).append("# ").append(p.unit());
            }
            b.append(line).append('\n');
        }
        b.append('\n');
        if (s.interventions().isEmpty()) {
            b.append("interventions: []\n");
        } else {
            b.append("interventions:\n");
            for (Intervention i : s.interventions()) {
                b.append("  - {at_h: ").append(real(i.atH())).append(", ").append(action(i.action())).append("}\n");
            }
        }
        return b.toString();
    }

    private static String action(Intervention.Action a) {
        if (a instanceof Intervention.AddMsc m) {
            return "add_msc: " + m.count();
        }
        if (a instanceof Intervention.RemoveMsc m) {
            return "remove_msc: " + m.count();
        }
        if (a instanceof Intervention.AddTargets t) {
            return "add_targets: " + t.count();
        }
        if (a instanceof Intervention.InfuseMscPerKg f) {
            return "infuse_msc_per_kg: " + real(f.cellsPerKg());
        }
        if (a instanceof Intervention.ReplaceMedium r) {
            return "replace_medium: " + real(r.fraction());
        }
        if (a instanceof Intervention.ReplateNk r) {
            return "replate_nk: " + real(r.effectorsPerTarget());
        }
        if (a instanceof Intervention.Block bl) {
            StringBuilder b = new StringBuilder("block: {");
            String sep = "";
            for (Map.Entry<String, Double> e : bl.strengths().entrySet()) {
                b.append(sep).append(e.getKey()).append(": ").append(real(e.getValue()));
                sep = ", ";
            }
            return b.append('}').toString();
        }
        Intervention.SetParameters sp = (Intervention.SetParameters) a;
        StringBuilder b = new StringBuilder("set: {");
        String sep = "";
        for (Map.Entry<String, Object> e : sp.values().entrySet()) {
            Param p = Parameters.get().param(e.getKey());
            b.append(sep).append(e.getKey()).append(": ").append(p.toYaml(e.getValue()));
            sep = ", ";
        }
        return b.append('}').toString();
    }

    private static String real(double v) {
        return new Param("x", Param.Type.REAL, null, 0, 0, List.of(), "-", "-", "-", false).toYaml(v);
    }

    private static StringBuilder indent(StringBuilder b, int depth) {
        for (int i = 0; i < depth; i++) {
            b.append("  ");
        }
        return b;
    }

    private static StringBuilder pad(StringBuilder b, int column) {
        b.append(' ');
        while (b.length() < column) {
            b.append(' ');
        }
        return b;
    }
}
