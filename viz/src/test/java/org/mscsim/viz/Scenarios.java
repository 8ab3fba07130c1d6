package org.mscsim.viz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mscsim.model.MscModel;
import org.mscsim.scenario.Scenario;
import org.mscsim.scenario.ScenarioLoader;

/** Small co-cultures for GUI tests: the default scenario shrunk so a test takes a second. */
public final class Scenarios {

    private Scenarios() {
    }

    /** A 40 x 40 co-culture at MSC:T 1:10 with every cell type. */
    public static Scenario small(String... sets) throws Exception {
        List<String> all = new ArrayList<>(List.of(
                "grid.width=40", "grid.height=40",
                "populations.msc=16", "populations.t_cd4=104", "populations.t_cd8=56",
                "populations.b=24", "populations.nk=24", "populations.macrophage=32", "populations.target=8"));
        all.addAll(Arrays.asList(sets));
        return ScenarioLoader.builtIn(ScenarioLoader.DEFAULT_SCENARIO, all);
    }

    /** A started model of {@link #small} after {@code steps} steps. */
    public static MscModel started(long steps, String... sets) throws Exception {
        MscModel m = new MscModel(small(sets), 1);
        m.start();
        for (long i = 0; i < steps; i++) {
            m.step();
        }
        return m;
    }
}
