package org.mscsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mscsim.batch.Seeds;
import org.mscsim.sweep.Run;
import org.mscsim.sweep.SweepDir;
import org.mscsim.sweep.TinySweeps;

class SweepCommandTest {

    @TempDir
    Path tmp;

    private Path grid() throws Exception {
        return TinySweeps.write(tmp, "grid.yaml", TinySweeps.GRID);
    }

    private static Cli.Result sweep(Path file, Path out, String... more) {
        return Cli.run(Cli.concat(new String[] {"sweep", file.toString(), "--out", out.toString(), "--quiet"}, more));
    }

    @Test
    void aSweepSaysWhichCheckpointIsDamagedAndRunsThatRunAgainFromTheStart() throws Exception {
        Path reference = tmp.resolve("reference");
        assertEquals(0, sweep(grid(), reference, "--workers", "1").exitCode());
        Path out = tmp.resolve("out");
        assertEquals(0, sweep(grid(), out, "--workers", "1").exitCode());
        SweepDir dir = SweepDir.open(out);
        Run run = dir.manifest().runs().get(3);
        Path checkpoint = TinySweeps.stoppedWithCheckpoint(dir, run, 8);
        Files.write(checkpoint, java.util.Arrays.copyOf(Files.readAllBytes(checkpoint), (int) Files.size(checkpoint) / 2));

        Cli.Result r = sweep(grid(), out, "--workers", "1");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("7 done, 1 to run (1 continue from checkpoints)"), r.out());
        assertEquals("warning: run r00003 cannot continue from its checkpoint: " + checkpoint + ": truncated checkpoint; it cannot be used"
                + " (the previous one was replaced atomically, so this file was damaged afterwards). It starts over from 0 h (the result is"
                + " the same; only the computing time is repeated)\n", r.err());
        assertArrayEquals(Files.readAllBytes(reference.resolve("results.csv")), Files.readAllBytes(out.resolve("results.csv")));
    }

    @Test
    void localSweepWritesOneCompleteRunDirectoryPerRunAndATidyResultsTable() throws Exception {
        Path out = tmp.resolve("out");
        Cli.Result r = sweep(grid(), out, "--workers", "2");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Sweep tiny-grid: 8 runs (grid: 4 points × 2 replicates)"), r.out());
        List<String> rows = Files.readAllLines(out.resolve("results.csv"));
        assertEquals("run_id,replicate,seed,blockade.pd_l1,msc.pge2_licensed_fold,t_divisions_final,msc_at_12h,pge2_mean_max,t_cd4_min,"
                + "time_to_t_divisions_above_5_h", rows.get(0));
        assertEquals(9, rows.size());
        assertTrue(rows.get(1).startsWith("r00000,1," + Seeds.derive(11, 0) + ",0,10,"), rows.get(1));
        assertTrue(rows.get(8).startsWith("r00007,2," + Seeds.derive(11, 7) + ",1,30,"), rows.get(8));
        for (int i = 0; i < 8; i++) {
            Path run = out.resolve("runs").resolve(String.format("r%05d", i));
            for (String f : List.of("timeseries.csv", "summary.json", "scenario.resolved.yaml")) {
                assertTrue(Files.isRegularFile(run.resolve(f)), run + "/" + f);
            }
        }
        String resolved = Files.readString(out.resolve("runs/r00005/scenario.resolved.yaml"));
        assertTrue(resolved.contains("seed: " + Seeds.derive(11, 5)) && resolved.contains("pd_l1: 1"), resolved);
        Path alone = tmp.resolve("alone");
        assertEquals(0, Cli.run("run", out.resolve("runs/r00005/scenario.resolved.yaml").toString(), "--out", alone.toString(), "--quiet")
                .exitCode());
        assertArrayEquals(Files.readAllBytes(out.resolve("runs/r00005/timeseries.csv")), Files.readAllBytes(alone.resolve("timeseries.csv")),
                "a sweep run is the same run on its own");
        for (String f : List.of("sweep.json", "sweep.yaml", "base.yaml")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        for (String work : List.of("tmp", "partial")) {
            if (Files.exists(out.resolve(work))) {
                try (Stream<Path> left = Files.list(out.resolve(work))) {
                    assertEquals(0, left.count(), "nothing left in " + work + "/");
                }
            }
        }
        assertTrue(Double.parseDouble(rows.get(1).split(",")[5]) > 0, "T cells divided: " + rows.get(1));
    }

    @Test
    void resultsAreByteIdenticalWithOneOrTwoWorkers() throws Exception {
        Path one = tmp.resolve("one");
        Path two = tmp.resolve("two");
        assertEquals(0, sweep(grid(), one, "--workers", "1").exitCode());
        assertEquals(0, sweep(grid(), two, "--workers", "2").exitCode());
        assertArrayEquals(Files.readAllBytes(one.resolve("results.csv")), Files.readAllBytes(two.resolve("results.csv")));
        assertArrayEquals(Files.readAllBytes(one.resolve("runs/r00003/timeseries.csv")), Files.readAllBytes(two.resolve("runs/r00003/timeseries.csv")));
    }

    @Test
    void runningAgainRunsOnlyDeletedOrDamagedRunsAndGivesTheSameResults() throws Exception {
        Path out = tmp.resolve("out");
        assertEquals(0, sweep(grid(), out).exitCode());
        byte[] first = Files.readAllBytes(out.resolve("results.csv"));
        byte[] keep = Files.readAllBytes(out.resolve("runs/r00000/timeseries.csv"));
        long kept = Files.getLastModifiedTime(out.resolve("runs/r00000/summary.json")).toMillis();

        Cli.Result nothing = sweep(grid(), out);
        assertEquals(0, nothing.exitCode(), nothing.err());
        assertTrue(nothing.out().contains("8 done, 0 to run"), nothing.out());

        deleteTree(out.resolve("runs/r00002"));
        Cli.Result dry = Cli.run("sweep", out.toString(), "--dry-run");
        assertEquals(0, dry.exitCode(), dry.err());
        assertTrue(dry.out().contains("7 done, 1 to run"), "a dry run on a sweep directory says what is left\n" + dry.out());
        Cli.Result slurmDry = Cli.run("sweep", out.toString(), "--dry-run", "--executor", "slurm", "--max-parallel", "3", "--time", "00:20:00");
        assertEquals(0, slurmDry.exitCode(), slurmDry.err());
        assertTrue(slurmDry.out().contains("1 run as an array of 1 task of up to 1 run, at most 3 at once"), slurmDry.out());
        assertTrue(slurmDry.out().contains("#SBATCH --array=0-0%3\n"), "the array script it would submit\n" + slurmDry.out());
        assertTrue(slurmDry.out().contains("#SBATCH --time=\"00:20:00\"\n"), slurmDry.out());
        assertFalse(Files.exists(out.resolve("slurm")), "a Slurm dry run writes no submission");
        Path damaged = out.resolve("runs/r00006/timeseries.csv");
        List<String> lines = Files.readAllLines(damaged);
        Files.write(damaged, lines.subList(0, 5));            // cut short, as by a full disk
        Files.writeString(out.resolve("runs/r00007/summary.json"), "{\"seed\": 1");   // not even JSON
        Files.createDirectories(out.resolve("tmp/r00004.123-1"));   // left by a killed process

        Cli.Result again = Cli.run("sweep", grid().toString(), "--out", out.toString(), "--resume", "--quiet");
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().contains("5 done, 3 to run"), again.out());
        assertTrue(again.err().contains("r00006 was damaged (timeseries.csv ends at 3 h, the run lasted 24 h); it will run again"), again.err());
        assertTrue(again.err().contains("r00007 was damaged (summary.json unreadable"), again.err());
        assertArrayEquals(first, Files.readAllBytes(out.resolve("results.csv")));
        assertArrayEquals(keep, Files.readAllBytes(out.resolve("runs/r00000/timeseries.csv")));
        assertEquals(kept, Files.getLastModifiedTime(out.resolve("runs/r00000/summary.json")).toMillis(), "finished runs are not redone");
        assertFalse(Files.exists(out.resolve("tmp/r00004.123-1")));
        assertFalse(Files.exists(out.resolve("failed/r00006.txt")), "a damaged run that succeeds again has no failure record");

        Cli.Result fromDir = Cli.run("sweep", out.toString(), "--quiet");
        assertEquals(0, fromDir.exitCode(), fromDir.err());
        assertTrue(fromDir.out().contains("8 done, 0 to run"), "the directory alone resumes: " + fromDir.out());
    }

    @Test
    void aDirectoryOfAnotherSweepIsRefused() throws Exception {
        Path out = tmp.resolve("out");
        assertEquals(0, sweep(grid(), out).exitCode());
        Path other = TinySweeps.write(tmp, "other.yaml", TinySweeps.GRID.replace("seed: 11", "seed: 12"));
        Cli.Result r = sweep(other, out);
        assertEquals(Main.BAD_INPUT, r.exitCode());
        assertTrue(r.err().contains(out + " holds another sweep: \"tiny-grid\" from " + grid().toAbsolutePath()), r.err());
        assertTrue(r.err().contains("choose another --out, or delete " + out), r.err());

        Path notSweep = tmp.resolve("notsweep");
        Files.createDirectories(notSweep);
        Files.writeString(notSweep.resolve("x.txt"), "mine");
        Cli.Result n = sweep(grid(), notSweep);
        assertEquals(Main.BAD_INPUT, n.exitCode());
        assertTrue(n.err().contains("already holds files but no sweep.json"), n.err());

        Cli.Result resume = sweep(grid(), tmp.resolve("fresh"), "--resume");
        assertEquals(Main.BAD_INPUT, resume.exitCode());
        assertTrue(resume.err().contains("--resume: " + tmp.resolve("fresh") + " holds no sweep yet"), resume.err());
    }

    @Test
    void changedOutputsAreSummarisedFromTheRunsWithoutRunningAgain() throws Exception {
        Path out = tmp.resolve("out");
        assertEquals(0, sweep(grid(), out).exitCode());
        Path more = TinySweeps.write(tmp, "more.yaml", TinySweeps.GRID + "  - {nk: final, name: nk_end}\n");
        Cli.Result r = sweep(more, out);
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("8 done, 0 to run"), r.out());
        assertTrue(Files.readAllLines(out.resolve("results.csv")).get(0).endsWith(",time_to_t_divisions_above_5_h,nk_end"));
    }

    @Test
    void failedRunsAreRecordedReportedAndRetried() throws Exception {
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        assertEquals(0, Cli.run("sweep", grid().toString(), "--out", out.toString(), "--dry-run").exitCode());
        assertFalse(Files.exists(out.resolve("sweep.json")), "--dry-run writes nothing");
        Cli.Result slurmDry = Cli.run("sweep", grid().toString(), "--out", out.toString(), "--dry-run", "--executor", "slurm");
        assertEquals(0, slurmDry.exitCode(), slurmDry.err());
        assertTrue(slurmDry.out().contains("8 runs as an array of 8 tasks of up to 1 run, then a collect job"), slurmDry.out());
        assertTrue(slurmDry.out().contains("sweep-task \"$sweep_dir\" 1 \"$SLURM_ARRAY_TASK_ID\""), slurmDry.out());
        assertFalse(Files.exists(out.resolve("sweep.json")) || Files.exists(out.resolve("slurm")), "a Slurm dry run writes nothing");
        // partial/ as a file: every run fails when it tries to make its working directory
        assertEquals(0, sweep(grid(), out, "--workers", "1").exitCode());
        deleteTree(out.resolve("runs/r00001"));
        deleteTree(out.resolve("runs/r00004"));
        if (Files.exists(out.resolve("partial"))) {
            deleteTree(out.resolve("partial"));
        }
        Files.writeString(out.resolve("partial"), "in the way");
        Cli.Result failed = sweep(grid(), out);
        assertEquals(Main.FAILED, failed.exitCode(), failed.err());
        assertTrue(failed.err().contains("error: 2 of 8 runs are not done: r00001 ("), failed.err());
        assertTrue(failed.err().contains("run the same command again to retry them"), failed.err());
        assertTrue(Files.readString(out.resolve("failed/r00004.txt")).contains("r00004 (blockade.pd_l1=1, msc.pge2_licensed_fold=10, replicate 1)"));
        assertEquals(7, Files.readAllLines(out.resolve("results.csv")).size(), "results.csv lists the 6 completed runs");

        Cli.Result status = Cli.run("sweep-status", out.toString());
        assertEquals(Main.FAILED, status.exitCode(), status.out());
        assertTrue(status.out().contains("done          6"), status.out());
        assertTrue(status.out().contains("failed        2"), status.out());
        assertTrue(status.out().contains("    r00001: " + out.resolve("partial") + ": "), "a failure is \"path: reason\": " + status.out());
        assertFalse(status.out().contains("Exception") || failed.err().contains("Exception"), "no Java class names: " + status.out() + failed.err());

        Files.delete(out.resolve("partial"));
        Cli.Result retried = sweep(grid(), out);
        assertEquals(0, retried.exitCode(), retried.err());
        assertTrue(retried.out().contains("6 done, 2 to run"), retried.out());
        assertFalse(Files.exists(out.resolve("failed/r00001.txt")));
        assertEquals(0, Cli.run("sweep-status", out.toString()).exitCode());
    }

    @Test
    void statusSaysWhatIsMissingWithItsOwnExitCode() throws Exception {
        Path out = tmp.resolve("out");
        assertEquals(0, sweep(grid(), out).exitCode());
        Cli.Result complete = Cli.run("sweep-status", out.toString());
        assertEquals(0, complete.exitCode(), complete.out());
        assertTrue(complete.out().contains("done          8"), complete.out());
        assertTrue(complete.out().contains("results.csv: 8 rows"), complete.out());
        deleteTree(out.resolve("runs/r00003"));
        Cli.Result missing = Cli.run("sweep-status", out.toString());
        assertEquals(SweepStatusCommand.INCOMPLETE, missing.exitCode(), missing.out());
        assertTrue(missing.out().contains("missing       1\n    r00003"), missing.out());
        assertTrue(missing.out().contains("results.csv: 8 rows (7 runs are done: rebuild it with ./mscsim sweep " + out + ")"), missing.out());
        Cli.Result notADir = Cli.run("sweep-status", tmp.toString());
        assertEquals(Main.BAD_INPUT, notADir.exitCode());
        assertTrue(notADir.err().contains("not a sweep directory"), notADir.err());
    }

    @Test
    void badSweepFilesAndOptionsAreRefusedWithoutWritingAnything() throws Exception {
        Path bad = TinySweeps.write(tmp, "bad.yaml", TinySweeps.GRID.replace("[0, 1]", "[0, lots]"));
        Path out = tmp.resolve("out");
        Cli.Result r = sweep(bad, out);
        assertEquals(Main.BAD_INPUT, r.exitCode());
        assertTrue(r.err().contains(bad + " line 16: vary.blockade.pd_l1[2] must be a number from 0 to 1, got \"lots\""), r.err());
        assertFalse(Files.exists(out));
        Cli.Result slurmOnly = sweep(grid(), out, "--partition", "debug");
        assertEquals(Main.BAD_INPUT, slurmOnly.exitCode());
        assertTrue(slurmOnly.err().contains("--partition only applies with --executor slurm"), slurmOnly.err());
        Cli.Result newline = sweep(grid(), out, "--executor", "slurm", "--partition", "debug\n#SBATCH --wrap=reboot");
        assertEquals(Main.BAD_INPUT, newline.exitCode());
        assertTrue(newline.err().contains("--partition must be one line"), newline.err());
        Cli.Result time = sweep(grid(), out, "--executor", "slurm", "--time", "1h; rm -rf /");
        assertEquals(Main.BAD_INPUT, time.exitCode());
        assertTrue(time.err().contains("--time must be a Slurm time limit"), time.err());
        assertFalse(Files.exists(out));
    }

    static void deleteTree(Path p) throws Exception {
        try (Stream<Path> all = Files.walk(p)) {
            for (Path q : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
