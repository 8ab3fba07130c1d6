package org.mscsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mscsim.scenario.ScenarioLoader;

class ValidateCommandTest {

    @TempDir
    Path tmp;

    @Test
    void validFilePrintsEveryResolvedParameterWithUnits() {
        Cli.Result r = Cli.run("validate", "../scenarios/coculture.yaml");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("../scenarios/coculture.yaml: valid ("), r.out());
        assertTrue(r.out().contains("diffusion_um2_per_min: 18000"), r.out());
        assertTrue(r.out().contains("# µm²/min"), r.out());
    }

    @Test
    void printedResolvedScenarioIsItselfValid() throws Exception {
        Cli.Result r = Cli.run("validate", "--set", "populations.msc=123");
        String yaml = r.out().substring(0, r.out().lastIndexOf("built-in"));
        assertEquals(123, ScenarioLoader.parse(yaml, "printed").integer("populations.msc"));
    }

    @Test
    void invalidFileListsEveryProblemWithExitCode2() throws Exception {
        Path f = tmp.resolve("broken.yaml");
        Files.writeString(f, "grid:\n  width: 0\n  boundry: closed\ntime: {dt_min: fast}\n");
        Cli.Result r = Cli.run("validate", f.toString());
        assertEquals(Main.BAD_INPUT, r.exitCode());
        assertTrue(r.err().contains(f + " line 2: grid.width must be a whole number from 10 to 4000, got \"0\""), r.err());
        assertTrue(r.err().contains(f + " line 3: unknown key \"grid.boundry\" (did you mean \"grid.boundary\"?)"), r.err());
        assertTrue(r.err().contains(f + " line 4: time.dt_min must be a number from 0.01 to 60, got \"fast\""), r.err());
        assertTrue(r.out().isEmpty(), "nothing printed as if valid");
    }

    @Test
    void sweepAndTrialFilesAreCheckedByTheirOwnRules() throws Exception {
        Cli.Result trial = Cli.run("validate", "../scenarios/itp-trial.yaml");
        assertEquals(0, trial.exitCode(), trial.err());
        assertTrue(trial.out().startsWith("../scenarios/itp-trial.yaml: valid trial file (3 arms: 0.5e6/kg × 3, 1.0e6/kg × 3,"
                + " 2.0e6/kg × 12; 28 weeks of follow-up; patient "), trial.out());
        Cli.Result sweep = Cli.run("validate", "../scenarios/sweeps/coculture-lhs.yaml");
        assertTrue(sweep.out().startsWith("../scenarios/sweeps/coculture-lhs.yaml: valid sweep file (60 runs: lhs: 60 samples"), sweep.out());
        Cli.Result set = Cli.run("validate", "../scenarios/itp-trial.yaml", "--set", "seed=3");
        assertEquals(Main.BAD_INPUT, set.exitCode());
        assertTrue(set.err().contains("--set, --seed and --hours change a scenario; ../scenarios/itp-trial.yaml is a trial file"), set.err());
        Path bad = Files.writeString(tmp.resolve("bad-trial.yaml"), "name: t\npatient: nowhere.yaml\narms: []\n");
        Cli.Result broken = Cli.run("validate", bad.toString());
        assertEquals(Main.BAD_INPUT, broken.exitCode());
        assertTrue(broken.err().contains(bad.toString()), broken.err());
    }

    @Test
    void shippedScenariosAreAllValid() throws Exception {
        try (var files = Files.list(Path.of("../scenarios"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                Cli.Result r = Cli.run("validate", "--quiet", f.toString());
                assertEquals(0, r.exitCode(), f + ": " + r.err());
            }
        }
        try (var files = Files.list(Path.of("../scenarios/sweeps"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                Cli.Result r = Cli.run("validate", f.toString());
                assertEquals(0, r.exitCode(), f + ": " + r.err());
                assertTrue(r.out().startsWith(f + ": valid sweep file ("), r.out());
            }
        }
    }

    @Test
    void parametersMarkdownIsUpToDate() throws Exception {
        String doc = Files.readString(Path.of("../scenarios/PARAMETERS.md"));
        String begin = "<!-- BEGIN GENERATED: ./mscsim params --markdown -->";
        String end = "<!-- END GENERATED -->";
        int b = doc.indexOf(begin);
        int e = doc.indexOf(end);
        assertTrue(b >= 0 && e > b, "PARAMETERS.md needs the generated-table markers");
        String generated = doc.substring(b + begin.length(), e).strip();
        assertEquals(ParamsCommand.markdown().strip(), generated,
                "scenarios/PARAMETERS.md is stale: replace the generated part with the output of ./mscsim params --markdown");
    }
}
