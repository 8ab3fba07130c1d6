package org.mscsim.viz.parameters;

import org.mscsim.scenario.ScenarioException;

/** How the parameter inspector reads and changes the scenario of the running GUI. */
public interface ParameterAccess {

    /** The value in effect now (typed as in the scenario). */
    Object value(String key);

    /**
     * Validates {@code text} exactly as the command line would and applies it from the next step
     * on; returns the typed value.
     *
     * @throws ScenarioException with the command line's message if the text is not valid
     */
    Object edit(String key, String text) throws ScenarioException;

    /** Tells the user why an edit was refused (the message is the command line's). */
    void refused(ScenarioException e);
}
