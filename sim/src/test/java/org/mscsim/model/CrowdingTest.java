package org.mscsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** T cells that could not divide for want of room are counted, and a full grid is called out. */
class CrowdingTest {

    @Test
    void shareIsTheWaitPerDivisionAsAShareOfACycle() {
        // 120 waits of 5 min = 10 h over 20 divisions = 0.5 h each, of a 10-h cycle.
        assertEquals(0.05, Crowding.share(120, 20, 5, 10), 1e-12);
        assertEquals(0.0, Crowding.share(0, 20, 5, 10));
        assertEquals(1.0, Crowding.share(120, 0, 5, 10), 1e-12, "waits without a division count against one");
        assertFalse(Crowding.limits(0.01));
        assertTrue(Crowding.limits(0.011));
    }

    @Test
    void aFullGridHoldsDivisionsBackAndARoomyOneDoesNot() throws Exception {
        // 1000 T cells and no other cell on 34 x 34 = 1156 voxels fill up within a few divisions.
        double[] full = Small.finalRow(Small.coculture(96, "grid.width=34", "grid.height=34", "populations.msc=0",
                "populations.b=0", "populations.nk=0", "populations.macrophage=0"));
        double waits = Small.get(full, "t_division_waits");
        assertTrue(waits > 0, "waits counted on a full grid");
        assertTrue(Small.get(full, "t_cd4") + Small.get(full, "t_cd8") > 0.95 * 34 * 34, "the grid is full");
        // The same cells on the default 100 x 100 patch never wait.
        double[] roomy = Small.finalRow(Small.coculture(24, "populations.msc=0"));
        assertEquals(0.0, Small.get(roomy, "t_division_waits"));
    }

    @Test
    void theLogSaysOnceWhenTheGridStartsToHoldDivisionsBack() throws Exception {
        MscModel m = new MscModel(Small.coculture(120, "grid.width=34", "grid.height=34", "populations.msc=0",
                "populations.b=0", "populations.nk=0", "populations.macrophage=0"), 1);
        m.start();
        while (m.tDivisionWaits < m.tCellsSeeded && m.stepsDone() < m.totalSteps()) {
            m.step();
        }
        assertTrue(m.crowdingLogged, "the waits reached the T-cell count");
        assertEquals(1, m.log().stream().filter(e -> e.contains("the grid is full around dividing T cells")).count(), m.log().toString());
        // In vivo, recruits raise the T-cell count past the waits again; the log must not repeat itself.
        m.tCellsSeeded = m.tDivisionWaits + 1;
        long target = m.tCellsSeeded;
        while (m.tDivisionWaits < target && m.stepsDone() < m.totalSteps()) {
            m.step();
        }
        assertTrue(m.tDivisionWaits >= target, "waited past the raised count");
        assertEquals(1, m.log().stream().filter(e -> e.contains("the grid is full around dividing T cells")).count(), m.log().toString());
        m.finish();
    }
}
