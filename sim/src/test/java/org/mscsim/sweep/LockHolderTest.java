package org.mscsim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who holds a lock file, and whether that process still lives, read back as sweep-status does. */
class LockHolderTest {

    @TempDir
    Path tmp;

    private Path lockFile(String text) throws Exception {
        return Files.writeString(tmp.resolve("r00000.lock"), text);
    }

    private static LockHolder.Liveness liveness(Path file, boolean probe) {
        return LockHolder.read(file, probe).orElseThrow().liveness();
    }

    @Test
    void aHolderOnThisHostIsAliveWhileItsProcessRuns() throws Exception {
        Path file = lockFile(LockHolder.line("computing run r00000"));
        LockHolder.Holder h = LockHolder.read(file, false).orElseThrow();
        assertEquals(ProcessHandle.current().pid(), h.pid());
        assertEquals(SweepLock.host(), h.host());
        assertEquals("computing run r00000", h.what());
        assertEquals(LockHolder.Liveness.ALIVE, h.liveness());
    }

    @Test
    void aHolderWhoseProcessHasEndedIsDead() throws Exception {
        Process p = new ProcessBuilder("true").start();
        assertEquals(0, p.waitFor());
        Path file = lockFile("pid " + p.pid() + " on host " + SweepLock.host() + " since "
                + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ": computing run r00000\n");
        assertEquals(LockHolder.Liveness.DEAD, liveness(file, true));
    }

    @Test
    void aPidReusedByALaterProcessDoesNotCount() throws Exception {
        // This process's pid, but written a day before this process started: another process's line.
        Instant started = ProcessHandle.current().info().startInstant().orElseThrow();
        Path file = lockFile("pid " + ProcessHandle.current().pid() + " on host " + SweepLock.host() + " since "
                + started.minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS) + ": computing run r00000\n");
        assertEquals(LockHolder.Liveness.DEAD, liveness(file, false));
    }

    @Test
    void aHolderOnAnotherHostIsJudgedByTheLockItself() throws Exception {
        Path file = lockFile("pid 1 on host some-other-node since 2024-01-01T00:00:00Z: computing run r00000\n");
        assertEquals(LockHolder.Liveness.UNKNOWN, liveness(file, false), "without a probe nothing can be said");
        assertEquals(LockHolder.Liveness.DEAD, liveness(file, true), "nobody holds the lock");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE); var held = ch.lock()) {
            assertEquals(LockHolder.Liveness.ALIVE, liveness(file, true), "somebody holds the lock");
        }
    }

    @Test
    void anEmptyOrForeignLockFileNamesNobody() throws Exception {
        assertTrue(LockHolder.read(lockFile(""), true).isEmpty(), "released (truncated) lock");
        assertTrue(LockHolder.read(lockFile("garbage\n"), true).isEmpty());
        assertTrue(LockHolder.read(tmp.resolve("absent.lock"), true).isEmpty());
    }
}
