package org.mscsim.viz.interventions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mscsim.model.ActionText;
import org.mscsim.scenario.Intervention;

class InterventionLabelsTest {

    @Test
    void marksNameTheActionAsABenchImmunologistWould() {
        assertEquals("+200 MSC", InterventionLabels.describe(new Intervention.AddMsc(200)));
        assertEquals("−50 MSC", InterventionLabels.describe(new Intervention.RemoveMsc(50)));
        assertEquals("+500 targets", InterventionLabels.describe(new Intervention.AddTargets(500)));
        assertEquals("medium 50 % replaced", InterventionLabels.describe(new Intervention.ReplaceMedium(0.5)));
        assertEquals("NK re-plated, E:T 10:1", InterventionLabels.describe(new Intervention.ReplateNk(10)));
        assertEquals("NK re-plated, E:T 2.5:1", InterventionLabels.describe(new Intervention.ReplateNk(2.5)));
        assertEquals("infusion 2×10⁶ MSC/kg", InterventionLabels.describe(new Intervention.InfuseMscPerKg(2e6)));
        assertEquals("infusion 0.5×10⁶ MSC/kg", InterventionLabels.describe(new Intervention.InfuseMscPerKg(5e5)));
        Map<String, Double> both = new LinkedHashMap<>();
        both.put("pd_l1", 1.0);
        both.put("ido", 0.5);
        assertEquals("anti-PD-L1 100 %, IDO inhibitor (1-MT) 50 %", InterventionLabels.describe(new Intervention.Block(both)));
        assertEquals("COX-2 inhibitor (PGE2) 80 %",
                InterventionLabels.describe(new Intervention.SetParameters(Map.of("blockade.pge2", 0.8))));
        assertEquals("t_cell.cycle_h = 12.0",
                InterventionLabels.describe(new Intervention.SetParameters(Map.of("t_cell.cycle_h", 12.0))));
    }

    @Test
    void everyBlockadeKeyHasAName() {
        assertEquals(ActionText.BLOCKADES.keySet(), InterventionLabels.TARGETS.keySet());
    }
}
