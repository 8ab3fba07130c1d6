package org.mscsim.scenario;

import java.util.List;

/**
 * A scenario (or sweep, or trial) file that cannot be used, with every problem found, each a
 * sentence for a person: {@code scenarios/x.yaml line 12: populations.msc must be ...}.
 */
public final class ScenarioException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public ScenarioException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public ScenarioException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
