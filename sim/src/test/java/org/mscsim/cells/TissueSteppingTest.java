package org.mscsim.cells;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.mscsim.fields.FieldId;
import org.mscsim.model.MscModel;
import org.mscsim.scenario.Scenario;
import org.mscsim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * With more than one thread, {@link Tissue#stepAll} splits its per-cell bookkeeping across the
 * threads and acts tiles of one colour on different threads. None of that may change what
 * happens: every cell, in list order, and every field must come out the same.
 */
class TissueSteppingTest {

    /** A patch of 12 x 10 tiles of unequal widths, with births and deaths. */
    private static Scenario crowded() throws Exception {
        return ScenarioLoader.builtIn(ScenarioLoader.DEFAULT_SCENARIO, List.of(
                "grid.width=401", "grid.height=370",
                "populations.msc=300", "populations.t_cd4=5000", "populations.t_cd8=2600",
                "populations.b=1000", "populations.nk=1200", "populations.macrophage=1400",
                "time.hours=100", "output.charts=false"));
    }

    private static String fingerprint(int threads, long[] events) throws Exception {
        MscModel m = new MscModel(crowded(), threads);
        m.start();
        int before = m.tissue.count();
        for (int i = 0; i < 720; i++) { // 60 h: past the first divisions
            m.step();
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < m.tissue.count(); i++) {
            Cell c = m.tissue.cell(i);
            sb.append(c.voxel()).append(c.type()).append(c.phenotype()).append(';');
        }
        long h = 17;
        for (FieldId id : FieldId.ALL) {
            for (double[] row : m.fields.get(id).c) {
                for (double v : row) {
                    h = 31 * h + Double.doubleToRawLongBits(v);
                }
            }
        }
        events[0] = m.tDivisions;
        events[1] = before + m.tDivisions - m.tissue.count(); // at least this many died
        m.finish();
        return sb.append(h).toString();
    }

    @Test
    void threadCountChangesNothing() throws Exception {
        long[] events = new long[2];
        String one = fingerprint(1, events);
        assertTrue(events[0] > 100, "the test needs divisions, got " + events[0]);
        assertTrue(events[1] > 100, "the test needs deaths, got at least " + events[1]);
        assertEquals(one, fingerprint(2, new long[2]), "2 threads");
        assertEquals(one, fingerprint(3, new long[2]), "3 threads (one idle during the acting phase)");
    }
}
