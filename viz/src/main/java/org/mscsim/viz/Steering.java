package org.mscsim.viz;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.swing.JOptionPane;
import javax.swing.SwingUtilities;
import org.mscsim.model.MscModel;
import org.mscsim.model.ActionText;
import org.mscsim.scenario.Intervention;
import org.mscsim.scenario.ScenarioException;
import org.mscsim.scenario.ScenarioLoader;
import org.mscsim.viz.interventions.InterventionLabels;
import org.mscsim.viz.interventions.Intervener;
import org.mscsim.viz.parameters.ParameterAccess;

/**
 * Every change the user makes to a running model, from the parameter inspector or the
 * intervention buttons. Each is applied between steps (under the schedule lock MASON's play
 * thread holds while stepping), logged by the model and marked on the charts' time axis.
 */
final class Steering implements ParameterAccess, Intervener {

    /** How edits are named in error messages, where the command line says "--set KEY=VALUE". */
    static final String EDIT_SOURCE = "Model inspector";

    private final MscModelWithUI gui;

    Steering(MscModelWithUI gui) {
        this.gui = gui;
    }

    @Override
    public Object value(String key) {
        synchronized (gui.state.schedule) {
            return gui.scenarioNow().value(key);
        }
    }

    /**
     * A valid edit changes the set-up kept for the next start and, during a run, the model from the
     * next step on; a run logs it as a {@code set} intervention at the current time.
     */
    @Override
    public Object edit(String key, String text) throws ScenarioException {
        Object v = ScenarioLoader.parseValue(key, text, EDIT_SOURCE);
        Intervention.Action set = new Intervention.SetParameters(Map.of(key, v));
        double t;
        synchronized (gui.state.schedule) {
            // A value typed by the user counts even when the running model already has it (after a
            // blockade button, say): it becomes part of the next run's set-up. The inspector's own
            // refreshes never get here (ParameterInspector drops what its sliders report then).
            gui.editSetup(key, v);
            if (!gui.running()) {
                return v;
            }
            MscModel m = gui.model();
            t = m.timeH();
            m.apply(new Intervention(t, set));
        }
        gui.marked(t, InterventionLabels.describe(set));
        return v;
    }

    @Override
    public void refused(ScenarioException e) {
        if (gui.scripted()) {
            return;
        }
        // Shown after the inspector has released the schedule lock, so the model is not held up.
        SwingUtilities.invokeLater(() -> JOptionPane.showMessageDialog(gui.window().frame(), cliText(e),
                "Invalid parameter value", JOptionPane.ERROR_MESSAGE));
    }

    /** The lines the command line prints for the same problems. */
    static String cliText(ScenarioException e) {
        StringBuilder b = new StringBuilder();
        for (String p : e.problems()) {
            if (b.length() > 0) {
                b.append('\n');
            }
            b.append("error: ").append(p);
        }
        return b.toString();
    }

    @Override
    public boolean intervene(Intervention.Action action) {
        double t;
        synchronized (gui.state.schedule) {
            if (!gui.running()) {
                return false;
            }
            MscModel m = gui.model();
            t = m.timeH();
            m.apply(new Intervention(t, action));
            gui.intervened();
        }
        gui.marked(t, InterventionLabels.describe(action));
        return true;
    }

    @Override
    public boolean running() {
        return gui.running();
    }

    @Override
    public boolean inVivo() {
        synchronized (gui.state.schedule) {
            return gui.scenarioNow().bool("invivo.enabled");
        }
    }

    @Override
    public Map<String, Double> blockades() {
        Map<String, Double> out = new LinkedHashMap<>();
        synchronized (gui.state.schedule) {
            for (String k : ActionText.BLOCKADES.keySet()) {
                out.put(k, gui.scenarioNow().real("blockade." + k));
            }
        }
        return out;
    }

    @Override
    public List<String> log() {
        synchronized (gui.state.schedule) {
            return gui.model().log();
        }
    }
}
