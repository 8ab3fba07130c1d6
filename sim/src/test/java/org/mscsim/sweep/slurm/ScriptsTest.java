package org.mscsim.sweep.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mscsim.scenario.ScenarioException;
import org.mscsim.sweep.Run;
import org.mscsim.sweep.SlurmSettings;

class ScriptsTest {

    static final String NASTY = "we ird; $(touch PWNED) `touch PWNED` 'q' \"dq\" \\ %j #x & | > <";

    @TempDir
    Path tmp;

    @Test
    void shellQuotingKeepsAnyTextExactAndInert() throws Exception {
        for (String s : List.of(NASTY, "'", "''", "a'b'c", "$HOME", "!!", "", "ünï 𝔠ode\ttab")) {
            Process p = new ProcessBuilder("bash", "-c", "printf %s " + Quoting.shell(s)).directory(tmp.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor());
            assertEquals(s, out);
        }
        assertFalse(Files.exists(tmp.resolve("PWNED")));
    }

    @Test
    void sbatchValuesAreDoubleQuotedWithBackslashEscapes() {
        assertEquals("\"a b\"", Quoting.sbatch("a b"));
        assertEquals("\"say \\\"hi\\\" \\\\ #1\"", Quoting.sbatch("say \"hi\" \\ #1"));
        assertEquals("/x/100%%/logs", Quoting.outputPath("/x/100%/logs"));
        assertThrows(IllegalArgumentException.class, () -> Quoting.sbatch("a\nb"));
    }

    @Test
    void theArrayScriptPassesTheDirectoryIntactAndHoldsNoParameterValues() throws Exception {
        Path dir = tmp.resolve(NASTY);
        Path sub = dir.resolve("slurm/s001");
        // A stand-in for java that prints the arguments it gets, one per line.
        Path fakeJava = tmp.resolve("fake java");
        Files.writeString(fakeJava, "#!/bin/bash\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n");
        fakeJava.toFile().setExecutable(true);
        SlurmSettings settings = new SlurmSettings("p \"q\" $(touch PWNED)", "01:00:00", 4, null, List.of("--mem=2G", "--comment=\"x y\""));
        Scripts.Context c = new Scripts.Context("my sweep; $(touch PWNED)", dir, sub, 3, new TaskCommand(fakeJava.toString(), "/a b/c.jar:/d"), settings);
        String script = Scripts.array(c, 7, 20, 3);

        assertTrue(script.contains("#SBATCH --array=0-6%4\n"), script);
        assertTrue(script.contains("#SBATCH --partition=\"p \\\"q\\\" $(touch PWNED)\"\n"), script);
        assertTrue(script.contains("#SBATCH --time=\"01:00:00\"\n"), script);
        assertTrue(script.contains("#SBATCH --mem=2G\n#SBATCH --comment=\"x y\"\n"), script);
        assertTrue(script.contains("#SBATCH --job-name=\"mscsim-my_sweep____touch_PWNED_\"\n"), script);
        assertTrue(script.contains("#SBATCH --output=\"" + tmp.toString().replace("%", "%%") + "/we ird; $(touch PWNED) `touch PWNED` 'q' \\\"dq\\\" \\\\ %%j #x & | > </slurm/s001/logs/task-%a.out\"\n"),
                script);
        for (String line : script.split("\n")) {
            assertFalse(line.contains("blockade") || line.contains("populations"), "no parameter in the script: " + line);
        }
        Path file = tmp.resolve("array.sbatch");
        Files.writeString(file, script);
        ProcessBuilder pb = new ProcessBuilder("bash", file.toString()).directory(tmp.toFile());
        pb.environment().put("SLURM_ARRAY_TASK_ID", "5");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        assertEquals(List.of("-Djava.awt.headless=true", "-cp", "/a b/c.jar:/d", "org.mscsim.cli.Main", "sweep-task", dir.toString(), "3", "5"),
                List.of(out.split("\n")));
        assertFalse(Files.exists(tmp.resolve("PWNED")), "nothing in a value was executed");

        String collect = Scripts.collect(c);
        assertTrue(collect.contains("#SBATCH --time=\"01:00:00\"\n"), collect);
        assertTrue(collect.contains("org.mscsim.cli.Main sweep-collect \"$sweep_dir\"\n"), collect);
        assertFalse(collect.contains("--array"), collect);
    }

    @Test
    void theCollectJobAsksForAtMostAnHour() {
        SlurmSettings long24 = new SlurmSettings(null, "1-00:00:00", null, null, List.of());
        Scripts.Context c = new Scripts.Context("s", Path.of("/d"), Path.of("/d/slurm/s001"), 1, new TaskCommand("/j", "/cp"), long24);
        assertTrue(Scripts.collect(c).contains("#SBATCH --time=\"01:00:00\"\n"));
        assertTrue(Scripts.array(c, 1, 1, 1).contains("#SBATCH --time=\"1-00:00:00\"\n"));
        assertEquals(86400, SlurmSettings.seconds("1-00:00:00"));
        assertEquals(5400, SlurmSettings.seconds("90"));
        assertEquals(3723, SlurmSettings.seconds("1:02:03"));
    }

    @Test
    void tenThousandRunsFitTheDefaultArraySizeAndEveryRunIsInOneTask() throws Exception {
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            runs.add(new Run(i, Run.id(i, 10_000), 1, i, null, Map.of()));
        }
        SlurmExecutor.Plan plan = SlurmExecutor.plan(runs, null, Slurm.DEFAULT_MAX_ARRAY_SIZE);
        assertEquals(10, plan.runsPerTask());
        assertEquals(1000, plan.chunks().size());
        Set<String> seen = new HashSet<>();
        for (List<String> chunk : plan.chunks()) {
            assertTrue(chunk.size() <= 10);
            seen.addAll(chunk);
        }
        assertEquals(10_000, seen.size());
        assertEquals(List.of("r00000", "r01000", "r02000"), plan.chunks().get(0).subList(0, 3), "dealt round-robin");

        assertEquals(3, SlurmExecutor.plan(runs.subList(0, 3), null, 1001).chunks().size(), "one run per task when they fit");
        ScenarioException e = assertThrows(ScenarioException.class, () -> SlurmExecutor.plan(runs, 5, 1001));
        assertTrue(e.getMessage().contains("makes 2000 array tasks for 10000 runs, more than this cluster's MaxArraySize (1001); "
                + "use --runs-per-task 10 or more"), e.getMessage());
    }
}
