package org.mscsim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mscsim.scenario.ScenarioException;

class SweepParserTest {

    @TempDir
    Path tmp;

    @Test
    void shippedSweepsAreValidAndExpandToTheirDocumentedSize() throws Exception {
        Sweep ratio = SweepParser.load(Path.of("../scenarios/sweeps/coculture-ratio-blockade.yaml"));
        assertEquals(48, RunMatrix.expand(ratio).size(), "4 doses x 6 cases x 2 replicates");
        assertEquals(List.of("populations.msc", "blockade.pd_l1", "blockade.ido", "blockade.pge2", "blockade.tgf_beta"),
                RunMatrix.parameterKeys(ratio));
        Sweep lhs = SweepParser.load(Path.of("../scenarios/sweeps/coculture-lhs.yaml"));
        assertEquals(Sweep.Design.LHS, lhs.design());
        assertEquals(60, RunMatrix.expand(lhs).size());
        try (var files = Files.list(Path.of("../scenarios/sweeps"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                RunMatrix.expand(SweepParser.load(f));
            }
        }
    }

    @Test
    void everyProblemNamesFileLineKeyAndExpectation() throws Exception {
        Path f = TinySweeps.write(tmp, "bad.yaml", String.join("\n",
                "name: bad",                                              // 1
                "vary:",                                                  // 2
                "  populations.msc:",                                     // 3
                "    values: [10, 20, many]",                             // 4
                "  blockade.pd_l1: {distribution: uniform, min: 0, max: 1}", // 5
                "  t_cell.cylce_h: [10, 12]",                             // 6
                "set:",                                                   // 7
                "  seed: 3",                                              // 8
                "  blockade.ido: 2",                                      // 9
                "replicate: 2",                                           // 10
                "outputs:",                                               // 11
                "  - t_divisons: final",                                  // 12
                "  - msc: {at: 500}",                                     // 13
                "  - pge2_mean: median",                                  // 14
                "slurm:",                                                 // 15
                "  time: soon",                                           // 16
                "  extra_sbatch: [\"--mem=2G\\n--wrap=rm\"]",             // 17
                ""));
        ScenarioException e = assertThrows(ScenarioException.class, () -> SweepParser.load(f));
        String all = String.join("\n", e.problems());
        for (String expected : List.of(
                f + " line 4: vary.populations.msc.values[3] must be a whole number from 0 to 16000000, got \"many\"",
                f + " line 5: vary.blockade.pd_l1: a distribution needs design: lhs; a grid needs values (a list or from/to/step)",
                f + " line 6: vary: unknown parameter \"t_cell.cylce_h\" (did you mean \"t_cell.cycle_h\"?)",
                f + " line 8: set.seed: not allowed in a sweep; each run's seed is derived from the sweep's seed:",
                f + " line 9: set.blockade.ido must be a number from 0 to 1, got \"2\"",
                f + " line 10: unknown key \"replicate\" (did you mean \"replicates\"?)",
                f + " line 12: outputs[1]: no timeseries column \"t_divisons\" (did you mean \"t_divisions\"?)",
                f + " line 14: outputs[3].pge2_mean must be final, max, min, {at: HOURS} or {time_to: THRESHOLD}",
                f + " line 16: slurm.time must be a Slurm time limit: MINUTES, MINUTES:SECONDS, HOURS:MINUTES:SECONDS",
                f + " line 17: slurm.extra_sbatch[1] must be one line (a line break would start a new command in the batch script)")) {
            assertTrue(all.contains(expected), "missing: " + expected + "\nin:\n" + all);
        }
    }

    @Test
    void outputTimesAfterTheEndOfARunAreRefusedBeforeRunning() throws Exception {
        Path f = TinySweeps.write(tmp, "late.yaml", "name: late\n" + TinySweeps.SMALL_BASE
                + "vary:\n  blockade.pd_l1: [0, 1]\noutputs:\n  - t_divisions: final\n  - msc: {at: 30}\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> SweepParser.load(f));
        assertTrue(e.getMessage().contains(f + " line 19: outputs[2]: at 30 h is after the end of the shortest run (time.hours 24)"),
                e.getMessage());
    }

    @Test
    void rangesUseExactDecimalSteps() throws Exception {
        Path f = TinySweeps.write(tmp, "range.yaml", "name: range\n" + TinySweeps.SMALL_BASE
                + "vary:\n  blockade.ido: {from: 0, to: 1, step: 0.1}\noutputs:\n  - t_divisions: final\n");
        Sweep s = SweepParser.load(f);
        List<Run> runs = RunMatrix.expand(s);
        assertEquals(11, runs.size());
        assertEquals("0.3", runs.get(3).values().get("blockade.ido"));
        assertEquals("1", runs.get(10).values().get("blockade.ido"));
    }

    @Test
    void aParameterIsEitherFixedVariedOrSetByACase() throws Exception {
        Path f = TinySweeps.write(tmp, "twice.yaml", "name: twice\n" + TinySweeps.SMALL_BASE
                + "vary:\n  populations.msc: [10, 20]\n"
                + "cases:\n  - {name: a, set: {populations.msc: 5}}\n  - {name: a}\n"
                + "outputs:\n  - t_divisions: final\n");
        String all = assertThrows(ScenarioException.class, () -> SweepParser.load(f)).getMessage();
        assertTrue(all.contains("vary.populations.msc: populations.msc is also in set:"), all);
        assertTrue(all.contains("cases[1].set.populations.msc: populations.msc is also in set:"), all);
        assertTrue(all.contains("cases[2].name \"a\" is used by another case"), all);
    }

    @Test
    void runsWhoseCellsDoNotFitTheGridAreRefused() throws Exception {
        Path f = TinySweeps.write(tmp, "crowded.yaml", "name: crowded\n" + TinySweeps.baseWithout("populations.msc")
                + "vary:\n  populations.msc: [20, 2000]\noutputs:\n  - t_divisions: final\n");
        Sweep s = SweepParser.load(f);
        String all = assertThrows(ScenarioException.class, () -> RunMatrix.expand(s)).getMessage();
        assertTrue(all.contains("run r00001 (populations.msc=2000, replicate 1): populations add up to 2300 cells but the grid has only 1600 voxels"),
                all);
    }

    @Test
    void baseIsReadRelativeToTheSweepFile() throws Exception {
        TinySweeps.write(tmp.resolve("scen"), "small.yaml", "name: small-base\ngrid: {width: 40, height: 40}\n"
                + "populations: {msc: 10, t_cd4: 100, t_cd8: 50, b: 10, nk: 10, macrophage: 10}\ntime: {hours: 6}\n");
        Path f = TinySweeps.write(tmp.resolve("sweeps"), "s.yaml", "base: ../scen/small.yaml\nvary:\n  blockade.ido: [0, 1]\n"
                + "outputs:\n  - t_divisions: final\n");
        Sweep s = SweepParser.load(f);
        assertEquals("small-base", s.base().name());
        assertEquals("s", s.name(), "the file name when the sweep has no name:");
        Path missing = TinySweeps.write(tmp.resolve("sweeps"), "m.yaml", "base: nope.yaml\nvary:\n  blockade.ido: [0, 1]\n"
                + "outputs:\n  - t_divisions: final\n");
        String all = assertThrows(ScenarioException.class, () -> SweepParser.load(missing)).getMessage();
        assertTrue(all.contains(missing + " line 1: base: no scenario file"), all);
    }
}
