package org.mscsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mscsim.sweep.TinySweeps;

/**
 * {@code sweep-status} on a local sweep: the run a live {@code mscsim sweep} process is computing
 * counts as running (with that process's pid), and once the process is killed with
 * {@code kill -9}, which leaves its lock files behind, the run counts as missing again.
 */
class SweepStatusTest {

    @TempDir
    Path tmp;

    @Test
    void aLocalSweepsRunInProgressIsRunningUntilItsProcessIsKilled() throws Exception {
        // Runs long enough (tens of seconds) that the first is still in progress when status looks.
        Path file = TinySweeps.write(tmp, "long.yaml", "name: long\n" + TinySweeps.SMALL_BASE.replace("time.hours: 24", "time.hours: 20000")
                + "vary:\n  blockade.ido: [0, 1]\nseed: 5\noutputs:\n  - t_divisions: final\n");
        Path dir = tmp.resolve("long");
        Path lock = dir.resolve("partial").resolve("r00000.lock");
        MscsimProcess sweep = MscsimProcess.start(tmp.resolve("sweep.log"), "sweep", file.toString(), "--out", dir.toString(), "--workers", "1");
        try {
            assertTrue(sweep.await(() -> {
                try {
                    return Files.isRegularFile(lock) && Files.size(lock) > 0;
                } catch (Exception e) {
                    return false;
                }
            }, 120), "the first run starts: " + sweep.log());

            Cli.Result during = Cli.run("sweep-status", dir.toString());
            assertEquals(SweepStatusCommand.INCOMPLETE, during.exitCode(), during.out() + during.err());
            assertTrue(during.out().contains("  running       1\n    r00000 (pid " + sweep.pid() + " on host "), during.out());
            assertTrue(during.out().contains("  missing       1\n    r00001\n"), during.out());
            assertTrue(during.out().contains("A sweep command is at work on this directory (pid " + sweep.pid() + " on host "), during.out());
            assertFalse(during.out().contains("Run ./mscsim sweep"), "no advice to start a second sweep command: " + during.out());

            sweep.kill();
            assertEquals(137, sweep.waitFor(60), sweep.log());
        } finally {
            sweep.kill();
        }
        assertTrue(Files.size(lock) > 0, "kill -9 leaves the lock file naming the dead process");
        Cli.Result after = Cli.run("sweep-status", dir.toString());
        assertEquals(SweepStatusCommand.INCOMPLETE, after.exitCode(), after.out() + after.err());
        assertFalse(after.out().contains("running"), after.out());
        assertTrue(after.out().contains("  missing       2\n    r00000"), after.out());
        assertFalse(after.out().contains("at work"), after.out());
        assertTrue(after.out().contains("Run ./mscsim sweep " + dir + " "), after.out());

        // A sweep command on another host cannot be checked from here: it may have died there, so
        // status names it and still says how to go on.
        Files.writeString(dir.resolve(".lock"), "pid 4242 on host some-other-node since 2026-01-01T00:00:00Z: ./mscsim sweep long.yaml\n");
        Cli.Result elsewhere = Cli.run("sweep-status", dir.toString());
        assertTrue(elsewhere.out().contains("A sweep command is at work on this directory (pid 4242 on host some-other-node"), elsewhere.out());
        assertTrue(elsewhere.out().contains("If it is no longer running, run ./mscsim sweep " + dir + " to run only what is not done."),
                elsewhere.out());
    }
}
