package org.mscsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mscsim.sweep.TinySweeps;
import org.mscsim.sweep.slurm.Slurm;

/**
 * The Slurm executor against a real cluster (CI starts a one-node Slurm on localhost with
 * ../shared/recipes/slurm-local.sh). Skipped only where sbatch is absent and CI is not set.
 */
class SlurmSweepTest {

    @TempDir
    Path tmp;

    @Test
    void aJobArrayOnSlurmGivesTheLocalResultsByteForByteAndResubmitsOnlyWhatIsMissing() throws Exception {
        boolean ci = System.getenv("CI") != null && !System.getenv("CI").isBlank() && !System.getenv("CI").equals("false");
        assumeTrue(Slurm.available() || ci, "sbatch is not on the PATH (and CI is not set): Slurm end-to-end test skipped");
        assertTrue(Slurm.available(), "CI is set but sbatch is not on the PATH: start the cluster with ../shared/recipes/slurm-local.sh start");

        Path pwned = tmp.resolve("PWNED");
        Path file = TinySweeps.write(tmp, "slurm.yaml", TinySweeps.GRID + String.join("\n",
                "slurm:",
                "  time: \"00:05:00\"",
                "  extra_sbatch:",
                "    - '--comment=\"a b; $(touch " + pwned + ") `touch " + pwned + "` q\"'",
                ""));
        Path local = tmp.resolve("local");
        assertEquals(0, Cli.run("sweep", file.toString(), "--out", local.toString(), "--workers", "1", "--quiet").exitCode());

        Path dir = tmp.resolve("on slurm; $(touch " + pwned + ") 'q' \"dq\" %j #x");
        Cli.Result r = Cli.run("sweep", file.toString(), "--out", dir.toString(), "--executor", "slurm", "--partition", "debug",
                "--max-parallel", "2", "--runs-per-task", "3", "--wait", "--poll-seconds", "1", "--quiet");
        assertEquals(0, r.exitCode(), r.out() + r.err() + logs(dir));
        assertTrue(r.out().contains("Submitted 8 runs as array job "), r.out());
        assertArrayEquals(Files.readAllBytes(local.resolve("results.csv")), Files.readAllBytes(dir.resolve("results.csv")),
                "the same results.csv from Slurm as from the local executor");
        assertFalse(Files.exists(pwned), "no value in a script was executed");

        Path sub = dir.resolve("slurm/s001");
        String job = Files.readString(sub.resolve("job.json"));
        assertTrue(job.matches("(?s).*\"array_job\" : \"\\d+\".*\"collect_job\" : \"\\d+\".*"), job);
        assertEquals(3, Files.readAllLines(sub.resolve("chunks.txt")).size(), "8 runs in tasks of at most 3");
        String array = Files.readString(sub.resolve("array.sbatch"));
        assertTrue(array.contains("#SBATCH --array=0-2%2\n") && array.contains("#SBATCH --partition=\"debug\"\n"), array);
        assertTrue(Files.readString(sub.resolve("logs/collect.out")).contains("8 of 8 runs"), logs(dir));

        Cli.Result status = Cli.run("sweep-status", dir.toString());
        assertEquals(0, status.exitCode(), status.out());
        assertTrue(status.out().contains("Slurm submission 1"), status.out());

        SweepCommandTest.deleteTree(dir.resolve("runs/r00002"));
        SweepCommandTest.deleteTree(dir.resolve("runs/r00005"));
        Cli.Result missing = Cli.run("sweep-status", dir.toString());
        assertEquals(SweepStatusCommand.INCOMPLETE, missing.exitCode(), missing.out());
        Cli.Result again = Cli.run("sweep", dir.toString(), "--executor", "slurm", "--wait", "--poll-seconds", "1", "--quiet");
        assertEquals(0, again.exitCode(), again.out() + again.err() + logs(dir));
        assertTrue(again.out().contains("6 done, 2 to run") && again.out().contains("Submitted 2 runs"), again.out());
        assertEquals(List.of("r00002", "r00005"), Files.readAllLines(dir.resolve("slurm/s002/chunks.txt")));
        assertArrayEquals(Files.readAllBytes(local.resolve("results.csv")), Files.readAllBytes(dir.resolve("results.csv")));
        assertFalse(Files.exists(pwned));
    }

    @Test
    void cancelledTasksShowAsFailedAndAResubmissionFinishesTheSweep() throws Exception {
        boolean ci = System.getenv("CI") != null && !System.getenv("CI").isBlank() && !System.getenv("CI").equals("false");
        assumeTrue(Slurm.available() || ci, "sbatch is not on the PATH (and CI is not set): Slurm end-to-end test skipped");
        assertTrue(Slurm.available(), "CI is set but sbatch is not on the PATH: start the cluster with ../shared/recipes/slurm-local.sh start");

        Path file = TinySweeps.write(tmp, "cancel.yaml", TinySweeps.GRID.replace("replicates: 2", "replicates: 1")
                + "slurm: {time: \"00:05:00\", max_parallel: 1}\n");
        Path dir = tmp.resolve("cancelled");
        Cli.Result submitted = Cli.run("sweep", file.toString(), "--out", dir.toString(), "--executor", "slurm", "--quiet");
        assertEquals(0, submitted.exitCode(), submitted.err());
        Cli.Result queued = Cli.run("sweep-status", dir.toString());
        assertEquals(SweepStatusCommand.INCOMPLETE, queued.exitCode(), queued.out());
        assertTrue(queued.out().contains("queued") || queued.out().contains("running"), queued.out());
        Cli.Result refused = Cli.run("sweep", dir.toString(), "--quiet");
        assertEquals(Main.BAD_INPUT, refused.exitCode(), "no second executor while the jobs run");
        assertTrue(refused.err().contains("are still queued or running"), refused.err());

        String job = Files.readString(dir.resolve("slurm/s001/job.json"));
        String array = job.replaceAll("(?s).*\"array_job\" : \"(\\d+)\".*", "$1");
        String collect = job.replaceAll("(?s).*\"collect_job\" : \"(\\d+)\".*", "$1");
        assertEquals(0, new ProcessBuilder("scancel", array).inheritIO().start().waitFor());
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (active(array + "," + collect) && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        Cli.Result cancelled = Cli.run("sweep-status", dir.toString());
        if (cancelled.exitCode() != 0) {   // unless every task slipped through before scancel
            assertEquals(Main.FAILED, cancelled.exitCode(), cancelled.out());
            assertTrue(cancelled.out().contains("its Slurm task ended CANCELLED before the run finished"), cancelled.out());
        }
        Cli.Result again = Cli.run("sweep", file.toString(), "--out", dir.toString(), "--executor", "slurm", "--wait",
                "--poll-seconds", "1", "--quiet");
        assertEquals(0, again.exitCode(), again.out() + again.err() + logs(dir));
        assertEquals(0, Cli.run("sweep-status", dir.toString()).exitCode());
        assertEquals(5, Files.readAllLines(dir.resolve("results.csv")).size());
    }

    /**
     * A task that Slurm stops (SIGTERM, as at a task's time limit, before SIGKILL KillWait
     * seconds later) keeps a checkpoint of its run in progress; the resubmission continues the
     * run from there, and the result is byte-identical to an uninterrupted run's.
     */
    @Test
    void aRunStoppedBySlurmContinuesFromItsCheckpointWhenResubmitted() throws Exception {
        boolean ci = System.getenv("CI") != null && !System.getenv("CI").isBlank() && !System.getenv("CI").equals("false");
        assumeTrue(Slurm.available() || ci, "sbatch is not on the PATH (and CI is not set): Slurm end-to-end test skipped");
        assertTrue(Slurm.available(), "CI is set but sbatch is not on the PATH: start the cluster with ../shared/recipes/slurm-local.sh start");

        // One run of the built-in co-culture (~7 s on a quiet machine), stopped once it has
        // written its first ~55 of 200 hourly rows (one 8 KiB buffer).
        Path file = TinySweeps.write(tmp, "long.yaml", String.join("\n",
                "name: long", "set:", "  output.charts: false", "  time.hours: 200", "vary:", "  blockade.ido: [0.5]", "seed: 5",
                "outputs:", "  - t_divisions: final", "  - kyn_mean: max", "slurm: {time: \"00:10:00\"}", ""));
        Path local = tmp.resolve("local");
        assertEquals(0, Cli.run("sweep", file.toString(), "--out", local.toString(), "--workers", "1", "--quiet").exitCode());

        Path dir = tmp.resolve("stopped");
        Cli.Result submitted = Cli.run("sweep", file.toString(), "--out", dir.toString(), "--executor", "slurm", "--quiet");
        assertEquals(0, submitted.exitCode(), submitted.err());
        String job = Files.readString(dir.resolve("slurm/s001/job.json"));
        String array = job.replaceAll("(?s).*\"array_job\" : \"(\\d+)\".*", "$1");
        String collect = job.replaceAll("(?s).*\"collect_job\" : \"(\\d+)\".*", "$1");
        Path partial = dir.resolve("partial/r00000");
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (timeSeriesBytes(partial) < 8192 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(timeSeriesBytes(partial) >= 8192, "the task is computing the run in partial/: " + logs(dir));
        assertEquals(0, new ProcessBuilder("scancel", "--full", "--signal=TERM", array).inheritIO().start().waitFor());
        while (active(array + "," + collect) && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        assertFalse(Files.exists(dir.resolve("runs/r00000")), "stopped midway: " + logs(dir));
        assertTrue(Files.isRegularFile(partial.resolve("checkpoint.bin")), "a checkpoint was kept: " + logs(dir));
        assertTrue(logs(dir).contains("runs in progress kept a checkpoint in partial/"), logs(dir));
        Cli.Result status = Cli.run("sweep-status", dir.toString());
        assertTrue(status.out().contains("r00000") && status.out().contains("continues from its checkpoint in partial/"), status.out());

        Cli.Result again = Cli.run("sweep", dir.toString(), "--executor", "slurm", "--wait", "--poll-seconds", "1", "--quiet");
        assertEquals(0, again.exitCode(), again.out() + again.err() + logs(dir));
        assertTrue(again.out().contains("0 done, 1 to run (1 continue from checkpoints)"), again.out());
        String task = Files.readString(dir.resolve("slurm/s002/logs/task-0.out"));
        assertTrue(task.matches("(?s).*r00000: done \\(continued from its checkpoint at [1-9][0-9.]* h\\).*"), task);
        assertArrayEquals(Files.readAllBytes(local.resolve("runs/r00000/timeseries.csv")), Files.readAllBytes(dir.resolve("runs/r00000/timeseries.csv")));
        assertArrayEquals(Files.readAllBytes(local.resolve("results.csv")), Files.readAllBytes(dir.resolve("results.csv")),
                "stopped, continued from the checkpoint: the results of an uninterrupted run");
        assertFalse(Files.exists(partial), "partial/ is emptied once the run is done");
    }

    /** Bytes of the time series being written in a run directory (its temporary file), 0 if none yet. */
    private static long timeSeriesBytes(Path run) throws Exception {
        if (!Files.isDirectory(run)) {
            return 0;
        }
        try (var files = Files.list(run)) {
            long most = 0;
            for (Path f : files.filter(f -> f.getFileName().toString().contains("timeseries.csv.")).toList()) {
                try {
                    most = Math.max(most, Files.size(f));
                } catch (java.io.IOException e) {
                    // renamed into place or removed meanwhile
                }
            }
            return most;
        }
    }

    /** Whether squeue still lists any of the jobs as pending or running. */
    private static boolean active(String jobs) throws Exception {
        Process p = new ProcessBuilder("squeue", "-h", "-j", jobs, "-o", "%T").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out.contains("PENDING") || out.contains("RUNNING") || out.contains("COMPLETING") || out.contains("CONFIGURING");
    }

    private static String logs(Path dir) throws Exception {
        StringBuilder b = new StringBuilder();
        Path slurm = dir.resolve("slurm");
        if (Files.isDirectory(slurm)) {
            try (var all = Files.walk(slurm)) {
                for (Path p : all.filter(p -> p.toString().endsWith(".out")).toList()) {
                    b.append("\n--- ").append(p).append('\n').append(Files.readString(p));
                }
            }
        }
        return b.toString();
    }
}
