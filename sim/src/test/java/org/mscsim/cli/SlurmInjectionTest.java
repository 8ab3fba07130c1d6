package org.mscsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mscsim.sweep.TinySweeps;
import org.mscsim.sweep.slurm.Slurm;

/**
 * User text on the Slurm path: a line break anywhere it could reach a batch script is refused
 * with exit code 2 before anything is written or submitted; and a sweep whose directory, name,
 * case names, text values and extra #SBATCH line are full of shell and sbatch metacharacters
 * (and whose values hold line breaks) runs on a real Slurm exactly as it runs locally, executing
 * nothing. See also ScriptInjectionTest (the scripts themselves) and SlurmSweepTest.
 */
class SlurmInjectionTest {

    @TempDir
    Path tmp;

    private static final String GOOD = TinySweeps.SMALL_BASE + "vary:\n  blockade.pd_l1: [0, 1]\noutputs:\n  - t_divisions: final\n";

    @Test
    void lineBreaksThatCouldReachABatchScriptAreRefusedBeforeAnythingIsWritten() throws Exception {
        Path out = tmp.resolve("out");
        List<String> files = List.of(
                "name: \"a\\nb\"\n" + GOOD,
                "name: ok\ndescription: \"a\\n#SBATCH --wrap=x\"\n" + GOOD,
                GOOD + "cases:\n  - name: \"c\\ntouch PWNED\"\n",
                GOOD + "slurm: {partition: \"debug\\ntouch PWNED\"}\n",
                GOOD + "slurm: {time: \"01:00:00\\ntouch PWNED\"}\n",
                GOOD + "slurm: {extra_sbatch: [\"--mem=1G\\n#SBATCH --wrap=\\\"touch PWNED\\\"\"]}\n",
                GOOD + "slurm: {extra_sbatch: [\"--comment=a\\u2028b\"]}\n");
        for (String text : files) {
            Path file = TinySweeps.write(tmp, "bad.yaml", text);
            Cli.Result r = Cli.run("sweep", file.toString(), "--out", out.toString(), "--executor", "slurm");
            assertEquals(Main.BAD_INPUT, r.exitCode(), text + r.out() + r.err());
            assertTrue(r.err().startsWith("error: " + file + " line "), r.err());
            assertTrue(r.err().contains("one line"), r.err());
            assertFalse(Files.exists(out), "nothing written for:\n" + text);
        }
        Path file = TinySweeps.write(tmp, "good.yaml", GOOD);
        for (String[] option : List.of(new String[] {"--partition", "debug\ntouch PWNED"}, new String[] {"--partition", "a\rb"},
                new String[] {"--time", "01:00:00\n#SBATCH --wrap=x"})) {
            Cli.Result r = Cli.run("sweep", file.toString(), "--out", out.toString(), "--executor", "slurm", option[0], option[1]);
            assertEquals(Main.BAD_INPUT, r.exitCode(), r.err());
            assertTrue(r.err().startsWith("error: " + option[0] + " must be one line"), r.err());
            assertFalse(Files.exists(out));
        }
        // Slurm strips a backslash from an --output path (the logs, and then the tasks, would fail): refused like a line break.
        for (String[] bad : List.of(new String[] {"line\nbreak", "a line break"}, new String[] {"back\\slash", "a backslash"})) {
            Path broken = tmp.resolve(bad[0]);
            Cli.Result r = Cli.run("sweep", file.toString(), "--out", broken.toString(), "--executor", "slurm");
            assertEquals(Main.BAD_INPUT, r.exitCode(), r.err());
            assertTrue(r.err().startsWith("error: --executor slurm: the sweep directory's path contains " + bad[1]), r.err());
            assertFalse(Files.exists(broken), "refused before the directory was made");
        }
        try (Stream<Path> s = Files.walk(tmp)) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().equals("PWNED")).toList());
        }
    }

    @Test
    void aSweepFullOfMetacharactersRunsOnSlurmExactlyAsLocallyAndExecutesNothing() throws Exception {
        boolean ci = System.getenv("CI") != null && !System.getenv("CI").isBlank() && !System.getenv("CI").equals("false");
        assumeTrue(Slurm.available() || ci, "sbatch is not on the PATH (and CI is not set): Slurm end-to-end test skipped");
        assertTrue(Slurm.available(), "CI is set but sbatch is not on the PATH: start the cluster with ../shared/recipes/slurm-local.sh start");

        String touch = "touch " + tmp.resolve("PWNED");
        Path file = TinySweeps.write(tmp, "nasty.yaml", String.join("\n",
                "name: 'n\"; $(" + touch + ") `" + touch + "` #x %j %a \\ end'",
                "description: \"d; $(" + touch + ") 'q'\"",
                TinySweeps.SMALL_BASE.stripTrailing(),
                "vary:",
                "  description: [\"line1\\nline2; $(" + touch + ")\", \"`" + touch + "` 'q' \\\"dq\\\" \\\\ %j #x\"]",
                "cases:",
                "  - name: \"c; $(" + touch + ")\"",
                "  - name: \"`" + touch + "` \\\"q\\\" #x\"",
                "    set: {blockade.pd_l1: 1}",
                "outputs:",
                "  - t_divisions: final",
                "slurm:",
                "  time: \"00:05:00\"",
                "  extra_sbatch: ['--comment=\"$(" + touch + ") `" + touch + "` \\\\ q\"']",
                ""));
        Path local = tmp.resolve("local");
        Cli.Result l = Cli.run("sweep", file.toString(), "--out", local.toString(), "--workers", "2", "--quiet");
        assertEquals(0, l.exitCode(), l.err());
        String csv = Files.readString(local.resolve("results.csv"));
        assertTrue(csv.contains("\"line1\nline2; $(" + touch + ")\""), "the value exactly, quoted for CSV:\n" + csv);

        Path dir = tmp.resolve("on slurm `" + touch + "` $HOME %a %j #x 'q' \"dq\" \tü ; $(" + touch + ")");
        Cli.Result r = Cli.run("sweep", file.toString(), "--out", dir.toString(), "--executor", "slurm", "--runs-per-task", "2",
                "--wait", "--poll-seconds", "1", "--quiet");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertArrayEquals(Files.readAllBytes(local.resolve("results.csv")), Files.readAllBytes(dir.resolve("results.csv")),
                "the same results.csv from Slurm as from the local executor");
        assertTrue(Files.readString(dir.resolve("slurm/s001/logs/collect.out")).contains("4 of 4 runs"), "logs went where asked");
        try (Stream<Path> s = Files.walk(tmp)) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().equals("PWNED")).toList(), "nothing was executed");
        }
    }
}
