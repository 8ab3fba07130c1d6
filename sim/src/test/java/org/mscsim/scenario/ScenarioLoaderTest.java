package org.mscsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioLoaderTest {

    private static ScenarioException fails(String yaml) {
        return assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(yaml, "x.yaml"));
    }

    private static void assertProblem(ScenarioException e, String expected) {
        assertTrue(e.problems().contains(expected), "expected problem\n  " + expected + "\ngot\n  " + String.join("\n  ", e.problems()));
    }

    @Test
    void builtInDefaultScenarioIsValidAndComplete() throws Exception {
        Scenario s = ScenarioLoader.builtIn(ScenarioLoader.DEFAULT_SCENARIO, List.of());
        assertEquals(Parameters.get().all().size(), s.values().size());
        assertEquals("coculture", s.name());
        assertEquals(400, s.integer("populations.msc"));
        assertEquals(4000, s.integer("populations.t_cd4") + s.integer("populations.t_cd8"), "MSC:T = 1:10");
        assertEquals(120.0, s.real("time.hours"));
    }

    @Test
    void liveEditIsRefusedWithTheSetMessageAndNoLine() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.parseValue("blockade.pd_l1", "2", "Model inspector"));
        assertEquals(List.of("Model inspector: blockade.pd_l1 must be a number from 0 to 1, got \"2\""), e.problems());
    }

    @Test
    void missingKeysTakeTheirDefaults() throws Exception {
        Scenario s = ScenarioLoader.parse("populations: {msc: 7}\n", "x.yaml");
        assertEquals(7, s.integer("populations.msc"));
        assertEquals(Parameters.get().param("t_cell.cycle_h").defaultValue(), s.value("t_cell.cycle_h"));
    }

    @Test
    void unknownKeyNamesFileLineAndSuggestion() {
        ScenarioException e = fails("name: a\npopulations:\n  mcs: 5\n");
        assertProblem(e, "x.yaml line 3: unknown key \"populations.mcs\" (did you mean \"populations.msc\"?)");
    }

    @Test
    void wrongTypeSaysWhatWasExpected() {
        ScenarioException e = fails("populations:\n  msc: ten\n");
        assertProblem(e, "x.yaml line 2: populations.msc must be a whole number from 0 to 16000000, got \"ten\"");
    }

    @Test
    void fractionalCountIsRejected() {
        assertProblem(fails("populations: {nk: 2.5}\n"), "x.yaml line 1: populations.nk must be a whole number from 0 to 16000000, got \"2.5\"");
    }

    @Test
    void outOfRangeValuesAreRejected() {
        assertProblem(fails("blockade:\n  pd_l1: 1.5\n"), "x.yaml line 2: blockade.pd_l1 must be a number from 0 to 1, got \"1.5\"");
        assertProblem(fails("time: {dt_min: -1}\n"), "x.yaml line 1: time.dt_min must be a number from 0.01 to 60, got \"-1\"");
        assertProblem(fails("time: {hours: .inf}\n"), "x.yaml line 1: time.hours must be a number from 0.01 to 100000, got \".inf\"");
    }

    @Test
    void yamlsYesAndOnMeanTrue() throws Exception {
        // YAML 1.1 reads yes/no and on/off as booleans; "yes" must not turn into false.
        for (String yes : List.of("true", "yes", "Yes", "on", "ON", "True")) {
            assertTrue(ScenarioLoader.parse("coculture: {transwell: " + yes + "}\n", "x.yaml").bool("coculture.transwell"), yes);
            Scenario base = ScenarioLoader.parse("seed: 3\n", "x.yaml");
            assertTrue(ScenarioLoader.applySets(base, List.of("coculture.transwell=" + yes)).bool("coculture.transwell"), "--set " + yes);
        }
        for (String no : List.of("false", "no", "No", "off", "OFF")) {
            Scenario base = ScenarioLoader.parse("coculture: {transwell: true}\n", "x.yaml");
            assertFalse(ScenarioLoader.applySets(base, List.of("coculture.transwell=" + no)).bool("coculture.transwell"), "--set " + no);
        }
        assertEquals("yes", ScenarioLoader.parse("name: yes\n", "x.yaml").text("name"), "text keeps what was written");
    }

    @Test
    void aMisspeltSectionIsHintedLikeAKey() {
        ScenarioException e = fails("populatons:\n  msc: 10\nblockades: {pd_l1: 1}\n");
        assertProblem(e, "x.yaml line 1: unknown key \"populatons\" (did you mean \"populations\"?)");
        assertProblem(e, "x.yaml line 3: unknown key \"blockades\" (did you mean \"blockade\"?)");
        assertProblem(fails("feilds: {pge2: {half_life_min: 1}}\n"), "x.yaml line 1: unknown key \"feilds\" (did you mean \"fields\"?)");
        // A scenario with a key only sweeps have (outputs: for output:) is still a scenario, hinted.
        assertProblem(fails("populations: {msc: 1}\noutputs: {interval_h: 1}\n"),
                "x.yaml line 2: unknown key \"outputs\" (did you mean \"output\"?)");
    }

    @Test
    void aFileOfAnotherKindNamesTheCommandThatReadsIt() throws Exception {
        assertProblem(fails("name: t\npatient: itp-patient.yaml\narms: []\n"),
                "x.yaml: this is a trial file, not a scenario; run it with ./mscsim trial x.yaml");
        assertProblem(fails("base: coculture.yaml\nvary: {populations.msc: [1, 2]}\n"),
                "x.yaml: this is a sweep file, not a scenario; run it with ./mscsim sweep x.yaml");
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("kind");
        java.nio.file.Path scenario = java.nio.file.Files.writeString(dir.resolve("s.yaml"), "populations: {msc: 10}\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> org.mscsim.trial.TrialSpec.load(scenario));
        assertProblem(e, scenario + ": this is a scenario, not a trial file; run it with ./mscsim run " + scenario);
        e = assertThrows(ScenarioException.class,
                () -> org.mscsim.sweep.SweepParser.parse("populations: {msc: 10}\n", "s.yaml", dir, "s"));
        assertProblem(e, "s.yaml: this is a scenario, not a sweep file; run it with ./mscsim run s.yaml");
    }

    @Test
    void booleansAndChoicesAreChecked() {
        assertProblem(fails("coculture: {transwell: maybe}\n"), "x.yaml line 1: coculture.transwell must be true or false, got \"maybe\"");
        assertProblem(fails("grid: {boundary: round}\n"), "x.yaml line 1: grid.boundary must be one of closed, periodic, outflow, got \"round\"");
        assertProblem(fails("b_cell_effect: promote\n"), "x.yaml line 1: b_cell_effect must be one of inhibit, support, got \"promote\"");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        ScenarioException e = fails("populations:\n  msc: -1\n  bogus: 3\ngrid: {width: x}\n");
        assertEquals(3, e.problems().size(), String.join("\n", e.problems()));
    }

    @Test
    void sectionsMustBeMappings() {
        assertProblem(fails("grid: 5\n"),
                "x.yaml line 1: grid is a section; expected a mapping of its keys (such as grid.width), got \"5\"");
    }

    @Test
    void duplicateKeysAreErrors() {
        assertProblem(fails("seed: 1\nseed: 2\n"), "x.yaml line 2: key \"seed\" appears twice (first on line 1)");
    }

    @Test
    void malformedYamlNamesTheLine() {
        ScenarioException e = fails("populations:\n  msc: [1, 2\nseed: 3\n");
        assertTrue(e.getMessage().startsWith("x.yaml line "), e.getMessage());
        assertTrue(e.getMessage().contains("not valid YAML"), e.getMessage());
    }

    @Test
    void aFileOfOnlyCommentsMeansEveryDefaultLikeAnEmptyMapping() throws Exception {
        Scenario defaults = ScenarioLoader.parse("{}\n", "x.yaml");
        assertEquals(Parameters.get().all().size(), defaults.values().size());
        for (String commentsOnly : List.of("# every default\n", "# notes\n\n  # more notes\n", "---\n# after a marker\n")) {
            Scenario s = ScenarioLoader.parse(commentsOnly, "x.yaml");
            assertEquals(defaults.values(), s.values(), commentsOnly);
            assertEquals(List.of(), s.interventions());
        }
    }

    @Test
    void emptyAndNonMappingDocumentsAreExplained() {
        assertEquals(List.of("x.yaml: is empty; a scenario is a YAML mapping such as \"populations: {msc: 400}\" (for every default, "
                + "write {} or a comment, as an empty file is more often a failed copy than a choice)"), fails(" \n\n").problems());
        assertTrue(fails("").getMessage().contains("x.yaml: is empty"));
        assertTrue(fails("- a\n- b\n").getMessage().contains("must be a YAML mapping"));
    }

    @Test
    void populationsMustFitTheGrid() {
        ScenarioException e = fails("grid: {width: 10, height: 10}\npopulations: {msc: 0, t_cd4: 50, t_cd8: 50, b: 1, nk: 0, macrophage: 0}\n");
        assertTrue(e.getMessage().contains("populations add up to 101 cells but the grid has only 100 voxels"), e.getMessage());
    }

    @Test
    void interventionsAreParsedSortedAndValidated() throws Exception {
        Scenario s = ScenarioLoader.parse("""
                interventions:
                  - {at_h: 48, block: {pd_l1: 1, ido: 0.5}}
                  - {at_h: 24, add_msc: 100}
                  - at_h: 60
                    set: {t_cell: {activation_per_h: 0.1}, blockade.pge2: 1}
                  - {at_h: 72, remove_msc: 1000000}
                  - {at_h: 72, replace_medium: 1}
                  - {at_h: 96, add_targets: 50}
                  - {at_h: 96, replate_nk: 10}
                """, "x.yaml");
        assertEquals(7, s.interventions().size());
        assertEquals(new Intervention.ReplateNk(10.0), s.interventions().get(6).action());
        assertEquals(new Intervention.RemoveMsc(1000000), s.interventions().get(3).action());
        assertEquals(new Intervention.ReplaceMedium(1.0), s.interventions().get(4).action());
        assertEquals(new Intervention.AddTargets(50), s.interventions().get(5).action());
        assertEquals(24.0, s.interventions().get(0).atH());
        assertEquals(new Intervention.AddMsc(100), s.interventions().get(0).action());
        Intervention.Block b = (Intervention.Block) s.interventions().get(1).action();
        assertEquals(0.5, b.strengths().get("ido"));
        Intervention.SetParameters set = (Intervention.SetParameters) s.interventions().get(2).action();
        assertEquals(0.1, set.values().get("t_cell.activation_per_h"));
        assertEquals(1.0, set.values().get("blockade.pge2"));
    }

    @Test
    void badInterventionsAreExplained() {
        ScenarioException e = fails("""
                interventions:
                  - {add_msc: 5}
                  - {at_h: 1, add_msc: 5, block: {ido: 1}}
                  - {at_h: 2, block: {cox2: 1}}
                  - {at_h: 3, set: {grid.width: 10}}
                  - {at_h: -4, add_msc: 1}
                  - {at_h: 7, replace_medium: 2}
                  - {at_h: 8, replate_nk: 0}
                """);
        assertProblem(e, "x.yaml line 2: interventions[1] needs at_h (hours from the start)");
        assertProblem(e, "x.yaml line 3: interventions[2] must have exactly one action (add_msc, remove_msc, add_targets, replace_medium, replate_nk, infuse_msc_per_kg, block, set), got 2");
        assertProblem(e, "x.yaml line 4: interventions[3].block: unknown blockade \"cox2\"; expected pd_l1, ido, pge2 or tgf_beta");
        assertProblem(e, "x.yaml line 5: interventions[4].set: grid.width cannot change during a run (it is fixed at the start)");
        assertProblem(e, "x.yaml line 6: interventions[5].at_h must be a number from 0 to 1000000000, got \"-4\"");
        assertProblem(e, "x.yaml line 7: interventions[6].replace_medium must be a fraction from 0 to 1, got \"2\"");
        assertProblem(e, "x.yaml line 8: interventions[7].replate_nk must be an effector:target ratio (NK cells per target) from 0.01 to 1000, e.g. 10, got \"0\"");
    }

    @Test
    void anOptionThatSetsAParameterIsNamedInItsMessages() throws Exception {
        Scenario base = ScenarioLoader.parse("seed: 3\n", "x.yaml");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.applySets(base, List.of("populations.msc=ten"),
                List.of(new ScenarioLoader.OptionSet("--seed", "seed", "x"), new ScenarioLoader.OptionSet("--hours", "time.hours", "-1"))));
        assertEquals(List.of("--set populations.msc=ten: populations.msc must be a whole number from 0 to 16000000, got \"ten\"",
                "--seed must be a whole number from 0 to 9223372036854775807, got \"x\"",
                "--hours must be a number from 0.01 to 100000, got \"-1\""), e.problems());
        Scenario s = ScenarioLoader.applySets(base, List.of("time.hours=5"), List.of(new ScenarioLoader.OptionSet("--hours", "time.hours", "7")));
        assertEquals(7.0, s.real("time.hours"), "an option comes after --set, as before");
    }

    @Test
    void setOverridesAreValidatedLikeTheFile() throws Exception {
        Scenario base = ScenarioLoader.parse("seed: 3\n", "x.yaml");
        Scenario s = ScenarioLoader.applySets(base, List.of("populations.msc=500", "blockade.pd_l1=1", "coculture.transwell=true"));
        assertEquals(500, s.integer("populations.msc"));
        assertEquals(1.0, s.real("blockade.pd_l1"));
        assertTrue(s.bool("coculture.transwell"));
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.applySets(base, List.of("populations.msc=ten", "blockade.pdl1=1", "oops")));
        assertProblem(e, "--set populations.msc=ten: populations.msc must be a whole number from 0 to 16000000, got \"ten\"");
        assertProblem(e, "--set blockade.pdl1=1: unknown key \"blockade.pdl1\" (did you mean \"blockade.pd_l1\"?)");
        assertProblem(e, "--set oops: expected KEY=VALUE, e.g. populations.msc=500");
    }

    @Test
    void aWholeSectionGivenToSetIsNamedAsASectionNotMisspelt() throws Exception {
        Scenario base = ScenarioLoader.parse("seed: 3\n", "x.yaml");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.applySets(base,
                List.of("populations={msc: 3, nk: 5}", "populations=3", "fields={pge2: {half_life_min: 30}}", "grid={width: [1]}")));
        assertEquals(List.of(
                "--set populations={msc: 3, nk: 5}: populations is a section, not one value; --set takes one of its keys at a time: "
                        + "--set populations.msc=3 --set populations.nk=5",
                "--set populations=3: populations is a section, not one value; --set takes one of its keys at a time, "
                        + "such as --set populations.msc=VALUE",
                "--set fields={pge2: {half_life_min: 30}}: fields is a section, not one value; --set takes one of its keys at a time: "
                        + "--set fields.pge2.half_life_min=30",
                "--set grid={width: [1]}: grid is a section, not one value; --set takes one of its keys at a time, "
                        + "such as --set grid.width=VALUE"), e.problems());
        for (String p : e.problems()) {
            assertFalse(p.contains("did you mean"), p);
        }
        // The options it spells out are accepted as they stand.
        assertEquals(5, ScenarioLoader.applySets(base, List.of("populations.msc=3", "populations.nk=5")).integer("populations.nk"));
    }

    @Test
    void aSectionGivenOneValueInASetInterventionIsNamedAsASection() {
        assertProblem(fails("interventions:\n  - {at_h: 1, set: {t_cell: 3}}\n"), "x.yaml line 2: interventions[1].set: t_cell is a section;"
                + " expected a mapping of its keys (such as " + firstKeyOf("t_cell") + "), got \"3\"");
    }

    private static String firstKeyOf(String section) {
        return Parameters.get().all().stream().map(Param::key).filter(k -> k.startsWith(section + ".")).findFirst().orElseThrow();
    }

    @Test
    void setCanReplaceInterventions() throws Exception {
        Scenario s = ScenarioLoader.applySets(ScenarioLoader.parse("seed: 3\n", "x.yaml"),
                List.of("interventions=[{at_h: 5, add_msc: 10}]"));
        assertEquals(List.of(new Intervention(5, new Intervention.AddMsc(10))), s.interventions());
    }

    @Test
    void resolvedYamlReadsBackToTheIdenticalScenario() throws Exception {
        Scenario s = ScenarioLoader.parse("""
                name: "odd: name \\"quoted\\""
                description: "line one\\nline two"
                seed: 9007199254740993
                fields: {pge2: {half_life_min: 0.1234567890123}}
                t_cell: {cycle_cv: 0.3}
                interventions:
                  - {at_h: 12.5, set: {t_cell.activation_per_h: 0.07, b_cell_effect: support}}
                  - {at_h: 24, block: {tgf_beta: 0.25}}
                  - {at_h: 30, add_msc: 9}
                  - {at_h: 31, remove_msc: 3}
                  - {at_h: 32, replace_medium: 0.5}
                  - {at_h: 33, add_targets: 4}
                  - {at_h: 34, replate_nk: 12.5}
                """, "x.yaml");
        String yaml = ScenarioWriter.toYaml(s, "header");
        Scenario back = ScenarioLoader.parse(yaml, "resolved.yaml");
        assertEquals(s.values(), back.values());
        assertEquals(s.interventions(), back.interventions());
        assertEquals(9007199254740993L, back.seed(), "seeds keep all 64 bits");
    }

    @Test
    void everyParameterDocumentsUnitMeaningAndSource() {
        for (Param p : Parameters.get().all()) {
            assertFalse(p.unit().isBlank(), p.key());
            assertFalse(p.doc().isBlank(), p.key());
            assertFalse(p.source().isBlank(), p.key());
        }
    }
}
