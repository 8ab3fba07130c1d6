package org.mscsim.assay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mscsim.batch.Batch;
import org.mscsim.scenario.Scenario;
import org.mscsim.scenario.ScenarioLoader;

class AttributionTest {

    static Scenario tiny() throws Exception {
        return ScenarioLoader.builtIn(ScenarioLoader.DEFAULT_SCENARIO, List.of("grid.width=50", "grid.height=50",
                "populations.msc=100", "populations.t_cd4=160", "populations.t_cd8=90", "populations.b=40", "populations.nk=40",
                "populations.macrophage=50", "time.hours=72", "output.charts=false"));
    }

    @Test
    void shapleyValuesAddUpToTheTotalEffect() throws Exception {
        Assays.Attribution a = Assays.attribution(tiny(), "t_divisions", new Assays.Options(2, 2, null));
        double sum = 0;
        for (String p : Assays.PATHWAYS) {
            sum += a.shapley().get(p).mean();
        }
        assertEquals(a.total().mean(), sum, 1e-6 * Math.max(1, Math.abs(a.total().mean())));
        double alone = 0;
        for (String p : Assays.PATHWAYS) {
            alone += a.alone().get(p).mean();
        }
        assertEquals(a.total().mean() - alone, a.interaction().mean(), 1e-6 * Math.max(1, Math.abs(a.total().mean())));
        assertEquals(4 + 3, a.report().tables().get(0).rows().size(), "one row per pathway, interaction, total, inert MSCs");
    }

    @Test
    void batchResultsDoNotDependOnTheNumberOfWorkers() throws Exception {
        Experiment e = new Experiment(tiny(), 2).condition("none", "populations.msc=0").condition("msc");
        List<Batch.Outcome> one = Batch.run(e.jobs(), 1, null);
        List<Batch.Outcome> two = Batch.run(e.jobs(), 2, null);
        for (int i = 0; i < one.size(); i++) {
            assertArrayEquals(one.get(i).series().last(), two.get(i).series().last());
        }
        assertEquals(e.seed(0), one.get(0).job().scenario().seed(), "replicate seeds are shared by every condition");
        assertEquals(e.seed(0), one.get(1).job().scenario().seed());
    }
}
