package org.mscsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mscsim.cells.Cell;
import org.mscsim.cells.CellType;
import org.mscsim.fields.Field;
import org.mscsim.fields.FieldId;

/** {@code replate_nk}: NK cells harvested from a culture and re-plated with targets at a fixed E:T. */
class ReplateTest {

    private static Map<CellType, Integer> census(MscModel m) {
        Map<CellType, Integer> n = new EnumMap<>(CellType.class);
        for (Cell c : m.cells()) {
            if (c.alive()) {
                n.merge(c.type(), 1, Integer::sum);
            }
        }
        return n;
    }

    @Test
    void onlyNkCellsStayWithOneTargetPerRatioInFreshMedium() throws Exception {
        MscModel m = new MscModel(Small.coculture(48, "populations.nk=400"), 1);
        m.start();
        for (int i = 0; i < 200; i++) {
            m.step();
        }
        Map<CellType, Integer> before = census(m);
        int nk = before.get(CellType.NK);
        int others = m.tissue.count() - nk;
        assertTrue(m.fields.get(FieldId.PGE2).mean() > 0, "the culture has made PGE2");

        String line = m.replateNk(10);

        Map<CellType, Integer> after = census(m);
        int targets = Math.round(nk / 10f);
        assertEquals(Map.of(CellType.NK, nk, CellType.TARGET, targets), after);
        for (FieldId id : FieldId.ALL) {
            Field f = m.fields.get(id);
            assertEquals(f.initial(), f.mean(), 1e-12 * Math.max(1, f.initial()), id + " is back at its fresh-medium level");
        }
        assertEquals("re-plated " + nk + " NK cells with " + targets + " target cells (E:T 10:1) in fresh medium; "
                + others + " other cells taken out", line);
        m.finish();
    }

    @Test
    void aScenarioReplatesAtItsTimeAndLogsIt() throws Exception {
        MscModel m = new MscModel(Small.coculture(2, "interventions=[{at_h: 1, replate_nk: 2.5}]"), 1);
        m.start();
        for (long i = 0; i < m.totalSteps(); i++) {
            m.step();
        }
        assertEquals(1, m.log().size(), String.valueOf(m.log()));
        assertTrue(m.log().get(0).startsWith("1.00 h: re-plated "), m.log().get(0));
        assertTrue(m.log().get(0).contains("(E:T 2.5:1)"), m.log().get(0));
        assertEquals(0, census(m).getOrDefault(CellType.MSC, 0));
        m.finish();
    }
}
