package org.mscsim.invivo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mscsim.scenario.Scenario;
import org.mscsim.scenario.ScenarioLoader;

class SystemicTest {

    static Scenario patient() throws Exception {
        return ScenarioLoader.parse("name: body\ninvivo: {enabled: true, body_weight_kg: 60}\n", "x.yaml");
    }

    static Systemic.PatchState patch(double plasma, double phago, double cd8) {
        Systemic.PatchState p = new Systemic.PatchState();
        p.plasmaCells = plasma;
        p.antibodyPgPerCellDay = 20;
        p.phagocyticCapacity = phago;
        p.activatedCd8Share = cd8;
        return p;
    }

    @Test
    void infusedMscsLeaveTheBloodWithinHoursAndTheLungWithinDays() throws Exception {
        Systemic s = new Systemic(patient());
        Systemic.PatchState p = patch(300, 0.6, 0.4);
        s.settle(p);
        double dose = s.infuse(2.0e6);
        assertEquals(1.2e8, dose, 1e-6, "2e6/kg x 60 kg");
        double peakLung = 0;
        for (int i = 0; i < 8 * 4; i++) {
            s.step(p, 0.25);
            peakLung = Math.max(peakLung, s.mscLung());
        }
        assertTrue(s.mscBlood() < 1e-6 * dose, "undetectable in blood at 8 h (Chen 2024): " + s.mscBlood());
        assertTrue(peakLung > 0.9 * dose, "almost all lodge in the lung: " + peakLung);
        for (int i = 0; i < 64 * 4; i++) {
            s.step(p, 0.25);
        }
        assertTrue(s.mscLung() < 0.1 * dose, "lung MSCs mostly gone by 72 h: " + s.mscLung() / dose);
        assertTrue(s.patchMscEquivalents() > 0, "the vesicle reservoir outlives the cells");
        assertTrue(s.tBloodRelative() > 0.95, "circulating T cells recover once the lung is clear");
    }

    @Test
    void circulatingTCellsDipWhileMscsAreInTheLung() throws Exception {
        Systemic s = new Systemic(patient());
        Systemic.PatchState p = patch(300, 0.6, 0.4);
        s.settle(p);
        assertEquals(1.0, s.tBloodRelative());
        s.infuse(2.0e6);
        for (int i = 0; i < 8; i++) {
            s.step(p, 0.25);
        }
        assertTrue(s.tBloodRelative() < 0.8, "transient dip during infusion: " + s.tBloodRelative());
    }

    @Test
    void settleStartsAtTheSteadyStateAndStaysThere() throws Exception {
        Systemic s = new Systemic(patient());
        Systemic.PatchState p = patch(300, 0.6, 0.4);
        s.settle(p);
        double a = s.antibody();
        double pl = s.platelets();
        for (int i = 0; i < 1000; i++) {
            s.step(p, 0.25);
        }
        assertEquals(a, s.antibody(), 1e-9 * a);
        assertEquals(pl, s.platelets(), 1e-9 * pl);
        // Production / destruction: 25 / (0.1 + 0.15 A phi + 1.2 share).
        assertEquals(25 / (0.1 + 0.15 * a * 0.6 + 1.2 * 0.4), pl, 1e-9);
    }

    @Test
    void lessPhagocytosisAndFewerActivatedCd8CellsRaisePlatelets() throws Exception {
        Systemic s = new Systemic(patient());
        s.settle(patch(300, 0.6, 0.4));
        double before = s.platelets();
        for (int i = 0; i < 24 * 14; i++) {
            s.step(patch(300, 0.3, 0.05), 1.0);
        }
        assertTrue(s.platelets() > 1.8 * before, before + " -> " + s.platelets());
    }

    @Test
    void stepSizeBarelyMattersBecauseLinearPartsAreExact() throws Exception {
        Systemic fine = new Systemic(patient());
        Systemic coarse = new Systemic(patient());
        Systemic.PatchState p = patch(300, 0.6, 0.4);
        fine.settle(p);
        coarse.settle(p);
        fine.infuse(1e6);
        coarse.infuse(1e6);
        for (int i = 0; i < 96 * 8; i++) {
            fine.step(p, 0.125);
        }
        for (int i = 0; i < 96; i++) {
            coarse.step(p, 1.0);
        }
        assertEquals(fine.mscLung(), coarse.mscLung(), 1e-9 * fine.mscLung() + 1e-6);
        assertEquals(fine.ev(), coarse.ev(), 0.01 * fine.ev());
    }
}
