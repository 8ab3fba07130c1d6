package org.mscsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mscsim.sweep.SweepLock;
import org.mscsim.sweep.TinySweeps;

/**
 * Two sweep commands on one directory: the second is refused (exit 1) with a message naming the
 * first (its pid, host and command line) and changes nothing; the first finishes with the same
 * results as if it had been alone. Commands that only read a sweep, and Slurm array tasks (which
 * run by the hundred at once on many nodes), need no lock.
 */
class SweepLockTest {

    private static final String OUTPUTS = "outputs:\n  - t_divisions: final\n  - kyn_mean: max\n";

    @TempDir
    Path tmp;

    /** Four runs of {@code hours}: long enough at 120 h (about a second each) for a second command to start meanwhile. */
    private Path sweepFile(String name, String outputs, int hours) throws Exception {
        return TinySweeps.write(tmp, name, "name: locked\n" + TinySweeps.SMALL_BASE.replace("time.hours: 24", "time.hours: " + hours)
                + "vary:\n  blockade.ido: [0, 1]\n  blockade.pge2: [0, 1]\nseed: 4\n" + outputs);
    }

    @Test
    void aSecondSweepOnTheSameDirectoryIsRefusedNamingTheFirstAndChangesNothing() throws Exception {
        Path file = sweepFile("locked.yaml", OUTPUTS, 120);
        Path other = sweepFile("other-outputs.yaml", OUTPUTS + "  - pge2_mean: max\n", 120);
        Path dir = tmp.resolve("shared");

        MscsimProcess first = MscsimProcess.start(tmp.resolve("first.log"), "sweep", file.toString(), "--out", dir.toString(), "--workers", "1");
        assertTrue(first.await(() -> {
            try {
                return Files.exists(dir.resolve("sweep.json")) && Files.size(dir.resolve(".lock")) > 0;
            } catch (Exception e) {
                return false;
            }
        }, 120), "the first sweep starts: " + first.log());
        byte[] manifest = Files.readAllBytes(dir.resolve("sweep.json"));
        byte[] copy = Files.readAllBytes(dir.resolve("sweep.yaml"));

        // The same directory again (this would clear the first one's runs in progress from tmp/) ...
        Cli.Result again = Cli.run("sweep", dir.toString(), "--workers", "1", "--quiet");
        // ... and with other outputs (this would rewrite sweep.json and sweep.yaml), from another process.
        MscsimProcess second = MscsimProcess.start(tmp.resolve("second.log"), "sweep", other.toString(), "--out", dir.toString());
        int secondCode = second.waitFor(60);
        boolean firstStillRunning = first.isAlive();

        assertEquals(Main.FAILED, again.exitCode(), again.out() + again.err());
        String holder = "pid " + first.pid() + " on host ";
        assertTrue(again.err().startsWith("error: " + dir + " is in use by another sweep command (" + holder), again.err());
        assertTrue(again.err().contains("./mscsim sweep " + file + " --out " + dir + " --workers 1)"), again.err());
        assertTrue(again.err().contains("wait until it has finished or stop it, then run this command again"), again.err());
        assertEquals(Main.FAILED, secondCode, second.log());
        assertTrue(second.log().contains("is in use by another sweep command (" + holder), second.log());
        if (firstStillRunning) {
            assertArrayEquals(manifest, Files.readAllBytes(dir.resolve("sweep.json")), "the refused sweep left sweep.json alone");
            assertArrayEquals(copy, Files.readAllBytes(dir.resolve("sweep.yaml")), "the refused sweep left sweep.yaml alone");
        }

        // Had the second cleared tmp/ under it, a run of the first would have failed to be renamed into runs/.
        assertEquals(0, first.waitFor(120), "the first sweep finished undisturbed: " + first.log());
        assertTrue(first.log().contains("Wrote " + dir.resolve("results.csv") + ": 4 of 4 runs."), first.log());
        assertEquals(0, Files.size(dir.resolve(".lock")), "the lock file no longer names a holder");

        Cli.Result after = Cli.run("sweep", other.toString(), "--out", dir.toString(), "--quiet");
        assertEquals(0, after.exitCode(), "once the first has finished, the second goes ahead: " + after.err());
        assertTrue(after.out().contains("4 done, 0 to run"), after.out());
    }

    @Test
    void readersAndSlurmTasksNeedNoLockWhileASweepHoldsIt() throws Exception {
        Path file = sweepFile("tasks.yaml", OUTPUTS, 24);
        Path dir = tmp.resolve("tasks");
        assertEquals(0, Cli.run("sweep", file.toString(), "--out", dir.toString(), "--workers", "1", "--quiet").exitCode());
        byte[] results = Files.readAllBytes(dir.resolve("results.csv"));
        SweepCommandTest.deleteTree(dir.resolve("runs/r00002"));
        // A submission's chunk list, as sweep --executor slurm writes it: task 0 runs r00002.
        Files.createDirectories(dir.resolve("slurm/s001"));
        Files.writeString(dir.resolve("slurm/s001/chunks.txt"), "r00002\n");

        try (SweepLock held = SweepLock.acquire(dir, "a test holding the lock")) {
            Cli.Result sweep = Cli.run("sweep", dir.toString(), "--quiet");
            assertEquals(Main.FAILED, sweep.exitCode(), sweep.err());
            assertTrue(sweep.err().contains(dir + " is in use by another sweep command in this process"), sweep.err());

            Cli.Result dry = Cli.run("sweep", dir.toString(), "--dry-run");
            assertEquals(0, dry.exitCode(), "a dry run only reads: " + dry.err());
            Cli.Result status = Cli.run("sweep-status", dir.toString());
            assertEquals(SweepStatusCommand.INCOMPLETE, status.exitCode(), status.out() + status.err());
            Cli.Result task = Cli.run("sweep-task", dir.toString(), "1", "0");
            assertEquals(0, task.exitCode(), "an array task runs while the submitter holds the lock: " + task.out() + task.err());
            assertTrue(Files.exists(dir.resolve("runs/r00002/summary.json")));
            Cli.Result collect = Cli.run("sweep-collect", dir.toString());
            assertEquals(0, collect.exitCode(), collect.out() + collect.err());
        }
        assertArrayEquals(results, Files.readAllBytes(dir.resolve("results.csv")), "the task's run and the collected table are as before");
        Cli.Result sweep = Cli.run("sweep", dir.toString(), "--quiet");
        assertEquals(0, sweep.exitCode(), "released: " + sweep.err());
        assertFalse(sweep.err().contains("in use"), sweep.err());
    }
}
