package org.mscsim.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mscsim.scenario.Scenario;
import org.mscsim.scenario.ScenarioLoader;

/** Small, fast versions of the co-culture for mechanism tests. */
public final class Small {

    private Small() {
    }

    /** A 100 x 100 co-culture (a quarter of the default) at MSC:T 1:10 over the given hours. */
    public static Scenario coculture(double hours, String... sets) throws Exception {
        List<String> all = new ArrayList<>(List.of(
                "grid.width=100", "grid.height=100",
                "populations.msc=100", "populations.t_cd4=650", "populations.t_cd8=350",
                "populations.b=150", "populations.nk=150", "populations.macrophage=200",
                "time.hours=" + hours));
        all.addAll(Arrays.asList(sets));
        return ScenarioLoader.builtIn(ScenarioLoader.DEFAULT_SCENARIO, all);
    }

    /** Runs to the end and returns the last sample of every observable. */
    public static double[] finalRow(Scenario s) {
        MscModel m = new MscModel(s, 1);
        double[] row = new double[Observables.COLUMNS.size()];
        m.addObserver(mm -> Observables.sample(mm, row));
        m.start();
        for (long i = 0; i < m.totalSteps(); i++) {
            m.step();
        }
        m.notifyObservers();
        m.finish();
        return row;
    }

    public static double get(double[] row, String column) {
        return row[Observables.index(column)];
    }
}
