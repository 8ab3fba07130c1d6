package org.mscsim.viz.parameters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mscsim.scenario.Param;
import org.mscsim.scenario.Parameters;
import org.mscsim.scenario.Scenario;
import org.mscsim.scenario.ScenarioException;
import org.mscsim.scenario.ScenarioLoader;
import org.mscsim.viz.Scenarios;
import sim.util.Interval;

class ParameterPropertiesTest {

    /** Applies edits to a scenario the way the GUI does, remembering refusals. */
    static final class Access implements ParameterAccess {
        Scenario scenario;
        final List<String> refused = new ArrayList<>();

        Access(Scenario s) {
            this.scenario = s;
        }

        public Object value(String key) {
            return scenario.value(key);
        }

        public Object edit(String key, String text) throws ScenarioException {
            Object v = ScenarioLoader.parseValue(key, text, "Model inspector");
            scenario = scenario.with(key, v);
            return v;
        }

        public void refused(ScenarioException e) {
            refused.addAll(e.problems());
        }
    }

    private static ParameterProperties section(String key, Access access) {
        return new ParameterProperties(Parameters.get().sections().get(key),
                ParameterInspector.group(Parameters.get().all()).get(key), access);
    }

    private static int index(ParameterProperties p, String key) {
        for (int i = 0; i < p.numProperties(); i++) {
            if (p.param(i).key().equals(key)) {
                return i;
            }
        }
        throw new AssertionError(key);
    }

    @Test
    void everyParameterIsShownInExactlyOneSection() {
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, List<Param>> e : ParameterInspector.group(Parameters.get().all()).entrySet()) {
            assertTrue(Parameters.get().sections().containsKey(e.getKey()), e.getKey());
            for (Param p : e.getValue()) {
                assertTrue(seen.add(p.key()));
            }
        }
        assertEquals(Parameters.get().all().size(), seen.size());
    }

    @Test
    void namesCarryUnitsAndRangesBecomeSliders() throws Exception {
        ParameterProperties blockade = section("blockade", new Access(Scenarios.small()));
        int pdl1 = index(blockade, "blockade.pd_l1");
        assertEquals("pd_l1 (fraction)", blockade.getName(pdl1));
        Interval range = (Interval) blockade.getDomain(pdl1);
        assertEquals(0.0, range.getMin().doubleValue());
        assertEquals(1.0, range.getMax().doubleValue());
        assertTrue(blockade.isReadWrite(pdl1));
        assertEquals("0", blockade.getValue(pdl1));
        assertTrue(blockade.getDescription(pdl1).contains("Live"));
    }

    @Test
    void onlyLiveParametersAreEditable() throws Exception {
        ParameterProperties populations = section("populations", new Access(Scenarios.small()));
        for (int i = 0; i < populations.numProperties(); i++) {
            assertFalse(populations.isReadWrite(i), populations.getName(i));
            assertTrue(populations.getDescription(i).contains("Fixed when a run starts"));
        }
    }

    @Test
    void choicesAreListsAndSwitchesCheckBoxes() throws Exception {
        Access access = new Access(Scenarios.small());
        ParameterProperties top = section("", access);
        int effect = index(top, "b_cell_effect");
        assertEquals(Integer.TYPE, top.getType(effect));
        assertEquals(0, top.getValue(effect));
        top.setValue(effect, "1");
        assertEquals("support", access.scenario.text("b_cell_effect"));
        ParameterProperties coculture = section("coculture", access);
        int transwell = index(coculture, "coculture.transwell");
        assertEquals(Boolean.TYPE, coculture.getType(transwell));
        coculture.setValue(transwell, "true");
        assertEquals(Boolean.TRUE, access.scenario.value("coculture.transwell"));
    }

    @Test
    void editsAreValidatedAsTheCommandLineValidatesThem() throws Exception {
        Access access = new Access(Scenarios.small());
        ParameterProperties blockade = section("blockade", access);
        int ido = index(blockade, "blockade.ido");
        assertEquals("0.5", blockade.setValue(ido, "0.5"));
        assertEquals(0.5, access.scenario.real("blockade.ido"));
        assertNull(blockade.setValue(ido, "lots"));
        assertEquals(List.of("Model inspector: blockade.ido must be a number from 0 to 1, got \"lots\""), access.refused);
        assertEquals(0.5, access.scenario.real("blockade.ido"), "a refused edit changes nothing");
    }

    @Test
    void sliderTextInTheUsersLocaleBecomesAYamlNumber() {
        Param real = Parameters.get().param("blockade.pd_l1");
        assertEquals("0.25", ParameterProperties.sliderText(real, "0.25"));
        assertEquals("lots", ParameterProperties.sliderText(real, "lots"));
        Param text = Parameters.get().param("name");
        assertEquals("1,5", ParameterProperties.sliderText(text, "1,5"));
    }
}
