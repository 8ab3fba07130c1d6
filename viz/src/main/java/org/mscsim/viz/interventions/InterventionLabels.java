package org.mscsim.viz.interventions;

import java.util.Map;
import org.mscsim.model.ActionText;
import org.mscsim.scenario.Intervention;

/** Short names of interventions, for chart marks, buttons and the action log. */
public final class InterventionLabels {

    /** Blockade keys and the molecule each one blocks, for the compact "blockades now" line. */
    public static final Map<String, String> TARGETS = Map.of("pd_l1", "PD-L1", "ido", "IDO", "pge2", "PGE2", "tgf_beta", "TGF-β");

    private InterventionLabels() {
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
            return "medium " + ActionText.percent(medium.fraction()) + " replaced";
        }
        if (a instanceof Intervention.ReplateNk replate) {
            return "NK re-plated, E:T " + ActionText.scientific(replate.effectorsPerTarget()) + ":1";
        }
        if (a instanceof Intervention.InfuseMscPerKg infuse) {
            return "infusion " + ActionText.millions(infuse.cellsPerKg()) + " MSC/kg";
        }
        if (a instanceof Intervention.Block block) {
            return ActionText.blockades(block.strengths());
        }
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, Object> e : ((Intervention.SetParameters) a).values().entrySet()) {
            if (b.length() > 0) {
                b.append(", ");
            }
            String blockade = e.getKey().startsWith("blockade.") ? e.getKey().substring("blockade.".length()) : null;
            if (blockade != null && ActionText.BLOCKADES.containsKey(blockade) && e.getValue() instanceof Number n) {
                b.append(ActionText.blockade(blockade, n.doubleValue()));
            } else {
                b.append(e.getKey()).append(" = ").append(e.getValue());
            }
        }
        return b.toString();
    }
}
