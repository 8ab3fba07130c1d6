package org.mscsim.viz.interventions;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.mscsim.scenario.Intervention;

/** Short names of interventions, for chart marks, buttons and the action log. */
public final class InterventionLabels {

    /** Blockade keys (as in {@code blockade.*}) and what a bench immunologist would call them. */
    public static final Map<String, String> BLOCKADES = blockades();
    /** Blockade keys and the molecule each one blocks, for the compact "blockades now" line. */
    public static final Map<String, String> TARGETS = Map.of("pd_l1", "PD-L1", "ido", "IDO", "pge2", "PGE2", "tgf_beta", "TGF-β");

    private InterventionLabels() {
    }

    private static Map<String, String> blockades() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("pd_l1", "anti-PD-L1");
        m.put("ido", "IDO inhibitor (1-MT)");
        m.put("pge2", "COX-2 inhibitor (PGE2)");
        m.put("tgf_beta", "anti-TGF-β");
        return m;
    }

    /** A label short enough for a chart mark, e.g. "+200 MSC", "anti-PD-L1 100 %". */
    public static String describe(Intervention.Action a) {
        if (a instanceof Intervention.AddMsc add) {
            return "+" + add.count() + " MSC";
        }
        if (a instanceof Intervention.RemoveMsc remove) {
            return "−" + remove.count() + " MSC";
        }
        if (a instanceof Intervention.AddTargets add) {
            return "+" + add.count() + " targets";
        }
        if (a instanceof Intervention.ReplaceMedium medium) {
            return "medium " + percent(medium.fraction()) + " replaced";
        }
        if (a instanceof Intervention.InfuseMscPerKg infuse) {
            return "infusion " + new java.math.BigDecimal(infuse.cellsPerKg() / 1e6).round(new java.math.MathContext(3))
                    .stripTrailingZeros().toPlainString() + "×10⁶ MSC/kg";
        }
        if (a instanceof Intervention.Block block) {
            StringBuilder b = new StringBuilder();
            for (Map.Entry<String, Double> e : block.strengths().entrySet()) {
                if (b.length() > 0) {
                    b.append(", ");
                }
                b.append(BLOCKADES.getOrDefault(e.getKey(), e.getKey())).append(' ').append(percent(e.getValue()));
            }
            return b.toString();
        }
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, Object> e : ((Intervention.SetParameters) a).values().entrySet()) {
            if (b.length() > 0) {
                b.append(", ");
            }
            String blockade = e.getKey().startsWith("blockade.") ? BLOCKADES.get(e.getKey().substring("blockade.".length())) : null;
            if (blockade != null && e.getValue() instanceof Double d) {
                b.append(blockade).append(' ').append(percent(d));
            } else {
                b.append(e.getKey()).append(" = ").append(e.getValue());
            }
        }
        return b.toString();
    }

    public static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f %%", fraction * 100);
    }
}
