package org.mscsim.viz.interventions;

import java.util.List;
import java.util.Map;
import org.mscsim.scenario.Intervention;

/** What the intervention panel needs from the GUI: acting on the running model and reading it back. */
public interface Intervener {

    /**
     * Applies an action to the running model now, between steps; false (and nothing happens) when
     * no run is in progress.
     */
    boolean intervene(Intervention.Action action);

    /** Whether a run is in progress (playing or paused), so actions can apply. */
    boolean running();

    /** Whether the scenario couples the patch to a body ({@code invivo.enabled}), so MSCs can be infused per kg. */
    boolean inVivo();

    /** The blockade strengths in effect now, keyed like {@code blockade.*}. */
    Map<String, Double> blockades();

    /** The model's log of applied interventions and notes, oldest first. */
    List<String> log();
}
