package org.mscsim.scenario;

import java.util.Set;

/**
 * Which of MSCSim's three YAML files a mapping is, by the keys only that kind has, so a command
 * given the wrong kind says which command reads it instead of listing every key as unknown.
 */
public enum FileKind {
    SCENARIO("a scenario", "./mscsim run"),
    SWEEP("a sweep file", "./mscsim sweep"),
    TRIAL("a trial file", "./mscsim trial");

    private final String what;
    private final String command;

    FileKind(String what, String command) {
        this.what = what;
        this.command = command;
    }

    private static final Set<String> TRIAL_ONLY = Set.of("arms", "follow_up_weeks", "variability", "patient");
    private static final Set<String> SWEEP_ONLY = Set.of("vary", "outputs", "design", "cases", "base");

    /**
     * The kind the top-level keys show, or null when they show none or a mix (then the file's own
     * loader reports each key it does not know, with its hints).
     */
    public static FileKind of(YamlNode.MapNode root) {
        Set<String> keys = root.entries().keySet();
        Parameters registry = Parameters.get();
        boolean scenario = keys.stream().anyMatch(k -> !k.equals("name") && !k.equals("description") && !k.equals("seed")
                && (registry.isSection(k) || registry.has(k) || k.equals("interventions")));
        boolean trial = keys.stream().anyMatch(TRIAL_ONLY::contains);
        boolean sweep = keys.stream().anyMatch(SWEEP_ONLY::contains);
        if (scenario && !trial && !sweep) {
            return SCENARIO;
        }
        if (trial && !scenario) {
            return TRIAL;
        }
        if (sweep && !scenario) {
            return SWEEP;
        }
        return null;
    }

    /**
     * The kind of the YAML file at {@code file}, or null if it shows none or cannot be read as a
     * YAML mapping (its loader then reports why).
     */
    public static FileKind peek(java.nio.file.Path file) {
        try {
            YamlNode root = YamlReader.parse(ScenarioLoader.read(file), file.toString());
            return root instanceof YamlNode.MapNode map ? of(map) : null;
        } catch (ScenarioException e) {
            return null;
        }
    }

    /**
     * Throws if {@code root} is a file of another kind than {@code expected}: one message naming
     * the command that reads it.
     */
    public static void require(YamlNode.MapNode root, FileKind expected, String source) throws ScenarioException {
        FileKind kind = of(root);
        if (kind != null && kind != expected) {
            throw new ScenarioException(source + ": this is " + kind.what + ", not " + expected.what + "; run it with "
                    + kind.command + " " + source);
        }
    }
}
