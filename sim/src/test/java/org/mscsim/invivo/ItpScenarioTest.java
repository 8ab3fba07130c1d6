package org.mscsim.invivo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mscsim.cells.Cell;
import org.mscsim.cells.CellType;
import org.mscsim.cells.TCell;
import org.mscsim.model.MscModel;
import org.mscsim.output.RunWriter;
import org.mscsim.output.TimeSeries;
import org.mscsim.scenario.ScenarioException;
import org.mscsim.scenario.ScenarioLoader;

/** The shipped ITP patient, shrunk (a 40 x 40 patch, short burn-in) so it runs in seconds. */
class ItpScenarioTest {

    static final List<String> SMALL = List.of("grid.width=40", "grid.height=40", "populations.t_cd4=210", "populations.t_cd8=110",
            "populations.b=64", "populations.nk=32", "populations.macrophage=80", "invivo.burn_in_h=120",
            "invivo.t_influx_per_h=3.2", "invivo.b_influx_per_h=0.8", "invivo.nk_influx_per_h=0.3",
            "invivo.monocyte_influx_per_h=0.3", "invivo.patch_scale=525000", "itp.platelet_production_per_day=18");

    static TimeSeries run(double hours, String... more) throws Exception {
        List<String> sets = new java.util.ArrayList<>(SMALL);
        sets.add("time.hours=" + hours);
        sets.addAll(List.of(more));
        TimeSeries ts = new TimeSeries();
        RunWriter.simulate(ScenarioLoader.load(Path.of("../scenarios/itp-patient.yaml"), sets), 1, ts, null);
        return ts;
    }

    @Test
    void infusionsClearFromBloodWithinHoursDipTCellsAndRaisePlatelets() throws Exception {
        TimeSeries treated = run(336);
        TimeSeries untreated = run(336, "interventions=[]");
        double[] blood = treated.column("msc_blood");
        assertEquals(1.2e8, blood[0], 1e-3, "2e6/kg x 60 kg infused at time 0");
        assertTrue(blood[8] < 100, "undetectable in blood at 8 h: " + blood[8]);
        assertTrue(blood[168] > 1e7, "the second weekly infusion at 168 h");
        double[] tBlood = treated.column("t_blood_rel");
        assertTrue(tBlood[2] < 0.85 && tBlood[120] > 0.95, "transient T-cell dip: " + tBlood[2] + " then " + tBlood[120]);
        double baseline = treated.column("platelets")[0];
        assertTrue(baseline < 30, "refractory ITP at baseline: " + baseline);
        assertEquals(baseline, untreated.column("platelets")[0], 1e-9, "same patient before treatment");
        double treatedDay14 = treated.column("platelets")[336];
        double untreatedDay14 = untreated.column("platelets")[336];
        assertTrue(treatedDay14 > 1.3 * untreatedDay14, "MSCs raise platelets: " + treatedDay14 + " vs " + untreatedDay14);
        assertTrue(treated.column("t_cd8_cd28neg")[336] > untreated.column("t_cd8_cd28neg")[336],
                "CD8+CD28− cells rise with MSCs");
        assertTrue(treated.column("ev_msc_equivalents")[200] > 0);
    }

    /** Live T cells on the patch, put into {@code into} (identity, so recruits can be told apart). */
    private static int liveTCells(MscModel m, java.util.Set<Cell> into) {
        int n = 0;
        for (int i = 0; i < m.tissue.count(); i++) {
            Cell c = m.tissue.cell(i);
            if (c.alive() && c.type() == CellType.T_CELL) {
                n++;
                if (into != null) {
                    into.add(c);
                }
            }
        }
        return n;
    }

    @Test
    void divisionIndexCountsDivisionsAndTCellsOverTheSameWindowAfterTheBurnIn() throws Exception {
        List<String> sets = new java.util.ArrayList<>(SMALL);
        sets.add("time.hours=48");
        MscModel m = new MscModel(ScenarioLoader.load(Path.of("../scenarios/itp-patient.yaml"), sets), 1);
        m.start();
        java.util.Set<Cell> atZero = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        int presentAtZero = liveTCells(m, atZero);
        assertEquals(0, m.tDivisions, "divisions are counted from the end of the burn-in");
        assertEquals(presentAtZero, m.tCellsSeeded, "at time 0 the denominator is the T cells present then");
        assertNotEquals(210 + 110, presentAtZero, "the burn-in changed the T-cell count, so the test tells the windows apart");
        // A recruit is a T cell of generation 0 (daughters have generation >= 1) not present at time 0.
        java.util.Set<Cell> recruits = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.Set<Cell> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (long i = 0; i < m.totalSteps(); i++) {
            m.step();
            seen.clear();
            liveTCells(m, seen);
            for (Cell c : seen) {
                if (!atZero.contains(c) && ((TCell) c).generation() == 0) {
                    recruits.add(c);
                }
            }
        }
        m.finish();
        assertTrue(recruits.size() > 10, "T cells were recruited after time 0: " + recruits.size());
        assertTrue(m.tDivisions > 0, "T cells divided after time 0");
        // A recruit that leaves or dies within its first step is never seen, so allow a few.
        long recruitedAfterZero = m.tCellsSeeded - presentAtZero;
        assertTrue(recruitedAfterZero >= recruits.size() && recruitedAfterZero <= recruits.size() * 1.02 + 2,
                "denominator = T cells present at the end of the burn-in (" + presentAtZero + ") + T cells recruited after it ("
                        + recruits.size() + " seen), got " + m.tCellsSeeded);
    }

    @Test
    void withoutRecruitmentTheDivisionIndexDividesByTheTCellsPresentAtTheEndOfTheBurnIn() throws Exception {
        List<String> sets = new java.util.ArrayList<>(SMALL);
        sets.addAll(List.of("time.hours=24", "invivo.t_influx_per_h=0"));
        MscModel m = new MscModel(ScenarioLoader.load(Path.of("../scenarios/itp-patient.yaml"), sets), 1);
        m.start();
        int presentAtZero = liveTCells(m, null);
        assertNotEquals(210 + 110, presentAtZero, "T cells died or left during the burn-in");
        for (long i = 0; i < m.totalSteps(); i++) {
            m.step();
        }
        m.finish();
        assertEquals(presentAtZero, m.tCellsSeeded, "no T cell recruited, so the denominator is the T cells present at time 0");
    }

    @Test
    void infusionNeedsAnInVivoScenario() {
        ScenarioException e = org.junit.jupiter.api.Assertions.assertThrows(ScenarioException.class,
                () -> ScenarioLoader.parse("name: culture\ninterventions:\n  - {at_h: 0, add_msc: 5}\n  - {at_h: 1, infuse_msc_per_kg: 1.0e6}\n", "x.yaml"));
        assertTrue(e.getMessage().contains("x.yaml line 4: infuse_msc_per_kg needs an in-vivo scenario (invivo.enabled: true)"),
                "names the intervention's line: " + e.getMessage());
    }

    @Test
    void replatingNeedsACulture() {
        ScenarioException e = org.junit.jupiter.api.Assertions.assertThrows(ScenarioException.class,
                () -> ScenarioLoader.parse("name: patient\ninvivo: {enabled: true}\ninterventions:\n  - {at_h: 1, replate_nk: 10}\n", "x.yaml"));
        assertTrue(e.getMessage().contains("x.yaml line 4: replate_nk needs a culture"), "names the intervention's line: " + e.getMessage());
    }
}
