package org.mscsim.scenario;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mscsim.fuzz.Canary;
import org.mscsim.sweep.SweepParser;
import org.mscsim.trial.TrialSpec;

/**
 * YAML from users is read safely by every loader (scenario, --set, sweep, trial): alias bombs
 * and deep nesting are refused quickly instead of blowing up memory or the stack; tags never
 * build objects (a tag naming a class whose initialiser would trip a flag leaves it untouched);
 * the classic deserialisation payloads are refused by name; oversized inputs and endless devices
 * are refused after reading at most 4 MiB.
 */
class YamlSafetyTest {

    @TempDir
    Path tmp;

    /** 10^9 "lol"s if aliases were expanded. */
    static String billionLaughs() {
        StringBuilder b = new StringBuilder("l0: &l0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
        for (int k = 1; k <= 8; k++) {
            b.append("l").append(k).append(": &l").append(k).append(" [");
            for (int i = 0; i < 10; i++) {
                b.append(i > 0 ? ", " : "").append("*l").append(k - 1);
            }
            b.append("]\n");
        }
        return b.toString();
    }

    /** Loads {@code text} as a scenario, a sweep and a trial file, and as a --set value; each must be refused with {@code expected}. */
    private void refusedByEveryLoader(String text, String expected) throws Exception {
        Path scenario = tmp.resolve("s.yaml");
        Files.writeString(scenario, text);
        Files.copy(Path.of("../scenarios/itp-patient.yaml"), tmp.resolve("itp-patient.yaml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path trial = tmp.resolve("t.yaml");
        Files.writeString(trial, text + "patient: itp-patient.yaml\narms: [{name: a, dose_per_kg: 1.0e6, infusions_at_weeks: [0], patients: 1}]\n");
        Path sweep = tmp.resolve("w.yaml");
        Files.writeString(sweep, text + "vary: {blockade.pd_l1: [0, 1]}\noutputs: [{t_divisions: final}]\n");
        List<org.junit.jupiter.api.function.Executable> loads = List.of(
                () -> ScenarioLoader.load(scenario, List.of()),
                () -> SweepParser.load(sweep),
                () -> TrialSpec.load(trial),
                () -> ScenarioLoader.builtIn(ScenarioLoader.DEFAULT_SCENARIO, List.of("name=" + text)));
        for (org.junit.jupiter.api.function.Executable load : loads) {
            ScenarioException e = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThrows(ScenarioException.class, load));
            assertTrue(e.getMessage().contains(expected), "expected \"" + expected + "\" in: " + e.getMessage());
        }
    }

    @Test
    void aliasBombsAreRefusedAtTheFirstAlias() throws Exception {
        refusedByEveryLoader(billionLaughs(), "YAML aliases (*l0) are not supported");
        refusedByEveryLoader("a: &a [*a, *a]\n", "YAML aliases (*a) are not supported");
    }

    @Test
    void deepNestingIsRefusedWithoutRecursingIntoIt() throws Exception {
        // One bracket per line: a single line this long is refused before parsing (see below).
        refusedByEveryLoader("deep:\n" + " [\n".repeat(200_000) + " ]\n".repeat(200_000), "nested more than 64 levels deep");
        refusedByEveryLoader("deep:\n" + " {a:\n".repeat(100_000) + " 1\n" + " }\n".repeat(100_000), "nested more than 64 levels deep");
    }

    @Test
    void megabyteLongLinesAreRefusedBeforeTheParserSeesThem() throws Exception {
        // SnakeYAML's cost grows with the square of a token's length: a megabyte-long value took a second.
        refusedByEveryLoader("description: " + "b".repeat(1_000_000) + "\n", "line 1: 1,000,013 characters long; lines may be at most 65,536 characters");
    }

    @Test
    void tagsNeverBuildObjects() throws Exception {
        refusedByEveryLoader("x: !!org.mscsim.fuzz.Canary {}\n", "YAML tag \"!!org.mscsim.fuzz.Canary\" is not supported");
        refusedByEveryLoader("x: !!org.mscsim.fuzz.Canary [1]\n", "YAML tag \"!!org.mscsim.fuzz.Canary\" is not supported");
        refusedByEveryLoader("x: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://localhost:1/\"]]]]\n",
                "YAML tag \"!!javax.script.ScriptEngineManager\" is not supported");
        refusedByEveryLoader("x: !!java.lang.ProcessBuilder [[touch, PWNED]]\n", "YAML tag \"!!java.lang.ProcessBuilder\" is not supported");
        refusedByEveryLoader("x: !!python/object/apply:os.system [\"touch PWNED\"]\n", "YAML tag \"!!python/object/apply:os.system\"");
        refusedByEveryLoader("%TAG !! tag:evil.example,2000:\n---\nx: !!str y\n", "YAML tag \"!tag:evil.example,2000:str\" is not supported");
        assertFalse(Canary.Tripwire.touched, "no loader initialised the class a tag named");
        assertFalse(Files.exists(tmp.resolve("PWNED")) || Files.exists(Path.of("PWNED")));
    }

    @Test
    void oversizedInputsAndEndlessDevicesAreRefusedAfterAtMostFourMebibytes() throws Exception {
        Path big = tmp.resolve("big.yaml");
        Files.writeString(big, "name: x\ndescription: \"" + "y".repeat(4 << 20) + "\"\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(big, List.of()));
        assertTrue(e.getMessage().contains("too large for a scenario (limit 4 MiB)"), e.getMessage());
        ScenarioException zero = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(ScenarioException.class, () -> ScenarioLoader.load(Path.of("/dev/zero"), List.of())));
        assertTrue(zero.getMessage().startsWith("/dev/zero: more than 4 MiB"), zero.getMessage());
    }
}
