package org.mscsim.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mscsim.cli.Main;
import org.mscsim.output.RunWriter;

/** How one sweep run is computed: in partial/ under its lock, or privately in tmp/ when another process holds the lock. */
class RunExecutionTest {

    @TempDir
    Path tmp;

    /** The tiny grid sweep, run to the end with one worker. */
    private SweepDir finishedSweep() throws Exception {
        Path file = TinySweeps.write(tmp, "grid.yaml", TinySweeps.GRID);
        Path out = tmp.resolve("out");
        assertEquals(0, Main.execute("sweep", file.toString(), "--out", out.toString(), "--workers", "1", "--quiet"));
        return SweepDir.open(out);
    }

    /** A run of a finished sweep, taken out of runs/ as if it had never finished, and its timeseries to compare with. */
    private record Removed(Run run, byte[] reference) {
    }

    private static Removed removeFinished(SweepDir dir, int index) throws Exception {
        Run run = dir.manifest().runs().get(index);
        byte[] reference = Files.readAllBytes(dir.runDir(run).resolve(RunWriter.TIMESERIES));
        Trees.delete(dir.runDir(run));
        return new Removed(run, reference);
    }

    @Test
    void aRunWhoseLockIsHeldIsComputedPrivatelyAndStillPublishedWhole() throws Exception {
        SweepDir dir = finishedSweep();
        Removed removed = removeFinished(dir, 1);
        Run run = removed.run();
        byte[] reference = removed.reference();

        Files.createDirectories(dir.partialDir(run));
        Path holders = Files.writeString(dir.partialDir(run).resolve("holder.txt"), "another process is computing this run here");
        Path lock = dir.partialDir(run).resolveSibling(run.id() + ".lock");
        try (FileChannel held = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             var l = held.lock()) {
            RunExecution.Outcome o = RunExecution.execute(dir, dir.base(), run);
            assertEquals(RunExecution.Outcome.Status.DONE, o.status(), String.valueOf(o.error()));
            assertTrue(Files.exists(holders), "the holder's partial/ directory is left alone");
        }
        assertArrayEquals(reference, Files.readAllBytes(dir.runDir(run).resolve(RunWriter.TIMESERIES)), "the same run, computed in tmp/");
        assertEquals(RunExecution.Outcome.Status.ALREADY_DONE, RunExecution.execute(dir, dir.base(), run).status());
    }

    @Test
    void aRunContinuesFromItsCheckpointWithoutAWarning() throws Exception {
        SweepDir dir = finishedSweep();
        Run run = dir.manifest().runs().get(4);
        byte[] reference = Files.readAllBytes(dir.runDir(run).resolve(RunWriter.TIMESERIES));
        TinySweeps.stoppedWithCheckpoint(dir, run, 10);
        List<String> warnings = new ArrayList<>();

        RunExecution.Outcome o = RunExecution.execute(dir, dir.base(), run, CHECKPOINTS, warnings::add);
        assertEquals(RunExecution.Outcome.Status.DONE, o.status(), String.valueOf(o.error()));
        assertEquals(10, o.resumedFromH(), 0.5, "continued from its checkpoint");
        assertEquals(List.of(), warnings);
        assertArrayEquals(reference, Files.readAllBytes(dir.runDir(run).resolve(RunWriter.TIMESERIES)));
    }

    @Test
    void aDamagedCheckpointIsNamedInAWarningAndTheRunStartsOverToTheSameResult() throws Exception {
        SweepDir dir = finishedSweep();
        Run run = dir.manifest().runs().get(5);
        byte[] reference = Files.readAllBytes(dir.runDir(run).resolve(RunWriter.TIMESERIES));
        Path checkpoint = TinySweeps.stoppedWithCheckpoint(dir, run, 10);
        TinySweeps.damage(checkpoint);
        List<String> warnings = new ArrayList<>();

        RunExecution.Outcome o = RunExecution.execute(dir, dir.base(), run, CHECKPOINTS, warnings::add);
        assertEquals(RunExecution.Outcome.Status.DONE, o.status(), String.valueOf(o.error()));
        assertTrue(Double.isNaN(o.resumedFromH()), "started over");
        assertEquals(1, warnings.size(), warnings.toString());
        String w = warnings.get(0);
        assertTrue(w.startsWith("run " + run.id() + " cannot continue from its checkpoint: " + checkpoint + ": corrupt checkpoint ("), w);
        assertTrue(w.endsWith("It starts over from 0 h (the result is the same; only the computing time is repeated)"), w);
        assertArrayEquals(reference, Files.readAllBytes(dir.runDir(run).resolve(RunWriter.TIMESERIES)), "the same result as ever");
        assertFalse(Files.exists(dir.partialDir(run)), "the damaged checkpoint is gone with the finished run");
    }

    @Test
    void aFailureRecordStartsWithPathAndReasonLikeEveryIoError() {
        assertEquals("/s/partial/r00001: no such file or directory", SweepDir.summary(new java.nio.file.NoSuchFileException("/s/partial/r00001")));
        assertEquals("/s/runs/r00001/summary.json: No space left on device",
                SweepDir.summary(new java.io.IOException("/s/runs/r00001/summary.json: No space left on device")));
        assertEquals("java.lang.IllegalStateException: model bug", SweepDir.summary(new IllegalStateException("model bug")),
                "a program error keeps its type: it is a bug to report");
    }

    private static final RunWriter.Checkpoints CHECKPOINTS = new RunWriter.Checkpoints(0, RunExecution.CHECKPOINT_WALL_S);

    @Test
    void aCheckpointForOtherParametersIsDroppedAndTheRunStartsOver() throws Exception {
        SweepDir dir = finishedSweep();
        Run run = dir.manifest().runs().get(2);
        Run other = dir.manifest().runs().get(3);
        byte[] reference = Files.readAllBytes(dir.runDir(run).resolve(RunWriter.TIMESERIES));
        Trees.delete(dir.runDir(run));
        // Another run's files where this run's checkpoint would be: not this run's, so not used.
        Files.createDirectories(dir.partialDir(run));
        Files.copy(dir.runDir(other).resolve(RunWriter.RESOLVED), dir.partialDir(run).resolve(RunWriter.RESOLVED));
        Files.writeString(dir.partialDir(run).resolve("checkpoint.bin"), "not a checkpoint");

        List<String> warnings = new ArrayList<>();
        RunExecution.Outcome o = RunExecution.execute(dir, dir.base(), run, CHECKPOINTS, warnings::add);
        assertEquals(RunExecution.Outcome.Status.DONE, o.status(), String.valueOf(o.error()));
        assertTrue(Double.isNaN(o.resumedFromH()), "started over");
        assertEquals(List.of("run " + run.id() + " cannot continue from its checkpoint: " + dir.partialDir(run).resolve("checkpoint.bin")
                + ": written for other parameters than this run's (its scenario.resolved.yaml differs). It starts over from 0 h"
                + " (the result is the same; only the computing time is repeated)"), warnings);
        assertArrayEquals(reference, Files.readAllBytes(dir.runDir(run).resolve(RunWriter.TIMESERIES)));
        assertFalse(Files.exists(dir.partialDir(run)));
    }

    @Test
    void anUnreadableScenarioBesideACheckpointIsNamedAndTheRunStartsOver() throws Exception {
        SweepDir dir = finishedSweep();
        Removed removed = removeFinished(dir, 1);
        Path partial = dir.partialDir(removed.run());
        // A damaged byte that is not UTF-8 in the scenario beside the checkpoint.
        Files.createDirectories(partial);
        Files.write(partial.resolve(RunWriter.RESOLVED), new byte[] {'a', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n'});
        Files.writeString(partial.resolve("checkpoint.bin"), "not a checkpoint");

        List<String> warnings = new ArrayList<>();
        RunExecution.Outcome o = RunExecution.execute(dir, dir.base(), removed.run(), CHECKPOINTS, warnings::add);
        assertEquals(RunExecution.Outcome.Status.DONE, o.status(), String.valueOf(o.error()));
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains(": cannot be checked: " + partial.resolve(RunWriter.RESOLVED) + " is unreadable ("), warnings.get(0));
        assertArrayEquals(removed.reference(), Files.readAllBytes(dir.runDir(removed.run()).resolve(RunWriter.TIMESERIES)));
    }
}
