package org.mscsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mscsim.scenario.Intervention;

/** The event log names interventions in the words and units of the GUI's controls. */
class ActionTextTest {

    @Test
    void dosesAndCountsReadAsTheyAreWrittenInAClinic() {
        assertEquals("2×10⁶", ActionText.millions(2e6));
        assertEquals("0.5×10⁶", ActionText.millions(5e5));
        assertEquals("1.2×10⁸", ActionText.scientific(1.2e8));
        assertEquals("1×10¹⁰", ActionText.scientific(9.9999e9), "a mantissa that rounds up to 10 moves the exponent");
        assertEquals("3.46×10³", ActionText.scientific(3456));
        assertEquals("120", ActionText.scientific(120));
        assertEquals("50 %", ActionText.percent(0.5));
    }

    @Test
    void blockadesAreNamedByTheirDrugOrAntibody() {
        Map<String, Double> two = new LinkedHashMap<>();
        two.put("pd_l1", 1.0);
        two.put("ido", 0.5);
        assertEquals("anti-PD-L1 100 %, IDO inhibitor (1-MT) 50 %", ActionText.blockades(two));
        assertEquals("COX-2 inhibitor (PGE2) 0 %", ActionText.blockade("pge2", 0));
    }

    @Test
    void theModelsLogUsesTheControlsWording() throws Exception {
        MscModel m = new MscModel(Small.coculture(1, "grid.width=30", "grid.height=30", "populations.msc=10",
                "populations.t_cd4=50", "populations.t_cd8=30", "populations.b=10", "populations.nk=10",
                "populations.macrophage=10"), 1);
        m.start();
        m.step();
        m.apply(new Intervention(m.timeH(), new Intervention.Block(Map.of("pd_l1", 1.0))));
        m.apply(new Intervention(m.timeH(), new Intervention.SetParameters(Map.of("blockade.tgf_beta", 0.3))));
        m.apply(new Intervention(m.timeH(), new Intervention.SetParameters(Map.of("t_cell.arrest_per_h", 0.1))));
        m.finish();
        assertEquals(List.of("0.08 h: anti-PD-L1 100 %", "0.08 h: anti-TGF-β 30 %", "0.08 h: set t_cell.arrest_per_h = 0.1"), m.log());
    }
}
