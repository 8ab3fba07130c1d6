package org.mscsim.assay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.mscsim.scenario.ScenarioLoader;

class NkAssayTest {

    @Test
    void reportStatesTheActualEffectorToTargetRatioOfEachCondition() throws Exception {
        int nk = 200;
        Assays.NkResult r = Assays.nk(ScenarioLoader.builtIn(ScenarioLoader.DEFAULT_SCENARIO, List.of("output.charts=false")),
                48, nk, new Assays.Options(2, 2, null));
        double alone = r.effectorToTarget().get("NK alone").mean();
        double withMsc = r.effectorToTarget().get("NK + MSC 10:1").mean();
        // 20 targets for 200 NK cells seeded: the actual E:T is 10:1 times each condition's NK expansion.
        assertEquals(10 * r.nkExpansion().get("NK alone").mean(), alone, 1e-9);
        assertEquals(10 * r.nkExpansion().get("NK + MSC 10:1").mean(), withMsc, 1e-9);
        assertNotEquals(alone, withMsc, 0.5, "NK cells expand less with MSCs, so the ratios differ");
        String text = r.report().text();
        assertTrue(text.contains(String.format(Locale.ROOT, "is %.1f:1\nfor NK alone and %.1f:1 with MSCs", alone, withMsc)), text);
        assertTrue(text.contains("mixes fewer NK cells with less killing per NK cell"), text);
        Table csv = r.report().tables().get(0);
        assertTrue(csv.columns().contains("e_to_t_at_targets_mean"), csv.columns().toString());
        assertTrue(csv.columns().contains("replated_target_lysis_pct_4h_mean"), csv.columns().toString());
    }

    @Test
    void nkCellsReplatedAloneAtTenToOneAreReadFromTheSameCultures() throws Exception {
        Assays.NkResult r = Assays.nk(ScenarioLoader.builtIn(ScenarioLoader.DEFAULT_SCENARIO, List.of("output.charts=false")),
                48, 200, new Assays.Options(2, 2, null));
        assertEquals(r.targetLysis().keySet(), r.replatedLysis().keySet());
        for (var e : r.replatedLysis().entrySet()) {
            assertTrue(e.getValue().mean() >= 0 && e.getValue().mean() <= 100, e.getKey() + ": " + e.getValue().mean());
        }
        // Re-plated, the licensed MSCs' medium no longer holds the NK cells back: more lysis than in the culture.
        assertTrue(r.replatedLysis().get("NK + IFN-γ-licensed MSC").mean() > r.targetLysis().get("NK + IFN-γ-licensed MSC").mean(),
                r.replatedLysis() + " vs " + r.targetLysis());
        String text = r.report().text();
        assertTrue(text.contains(String.format(Locale.ROOT, "as the published assay does: %.1f %% lysed without MSCs and %.1f %% after culture",
                r.replatedLysis().get("NK alone").mean(), r.replatedLysis().get("NK + MSC 10:1").mean())), text);
        assertTrue(text.contains("keeps no memory of MSC exposure"), text);
    }

    @Test
    void roomForTheCoCultureLeavesTheNkAssaysOwnPatchAlone() throws Exception {
        org.mscsim.scenario.Scenario base = ScenarioLoader.builtIn(ScenarioLoader.DEFAULT_SCENARIO, List.of("output.charts=false"));
        Assays.NkResult plain = Assays.nk(base, 24, 100, new Assays.Options(1, 2, null));
        // What --room 1.5 hands the assays: a medium 2.25 times shallower, which the NK assay undoes.
        Assays.NkResult roomy = Assays.nk(base.with("grid.depth_um", base.real("grid.depth_um") / 2.25), 24, 100,
                new Assays.Options(1, 2, null, base.real("grid.depth_um")));
        assertEquals(plain.replatedLysis().get("NK + MSC 10:1").mean(), roomy.replatedLysis().get("NK + MSC 10:1").mean());
        assertEquals(plain.targetLysis().get("NK + MSC 10:1").mean(), roomy.targetLysis().get("NK + MSC 10:1").mean());
        assertEquals(plain.mscLysed().get("NK + MSC 10:1").mean(), roomy.mscLysed().get("NK + MSC 10:1").mean());
    }
}
