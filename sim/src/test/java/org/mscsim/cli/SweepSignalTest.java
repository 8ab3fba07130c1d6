package org.mscsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mscsim.sweep.TinySweeps;

/**
 * Ctrl-C (SIGINT) and {@code kill} (SIGTERM) in the middle of a local sweep, sent to a real
 * {@code mscsim sweep} process: it stops with the conventional exit code (130, 143) and a message
 * saying what was kept; every run in {@code runs/} is whole (byte-identical to an uninterrupted
 * sweep's), the unfinished ones are only in {@code tmp/}, {@code results.csv} lists exactly the
 * runs in {@code runs/}; and the same command then finishes the sweep with the uninterrupted
 * {@code results.csv}.
 */
class SweepSignalTest {

    private static final int RUNS = 16;

    @TempDir
    Path tmp;

    @Test
    void aSweepStoppedByCtrlCOrKillKeepsWhatFinishedRebuildsResultsAndResumes() throws Exception {
        Path file = TinySweeps.write(tmp, "signal.yaml", "name: signal\n" + TinySweeps.SMALL_BASE.replace("time.hours: 24", "time.hours: 48")
                + "vary:\n  blockade.ido: [0, 0.25, 0.5, 0.75]\n  blockade.pge2: [0, 1]\nreplicates: 2\nseed: 9\n"
                + "outputs:\n  - t_divisions: final\n  - kyn_mean: max\n");
        Path reference = tmp.resolve("reference");
        assertEquals(0, Cli.run("sweep", file.toString(), "--out", reference.toString(), "--workers", "2", "--quiet").exitCode());
        Path out = tmp.resolve("stopped");

        MscsimProcess first = MscsimProcess.start(tmp.resolve("first.log"), "sweep", file.toString(), "--out", out.toString(), "--workers", "2");
        assertTrue(first.await(() -> MscsimProcess.runs(out).size() >= 3, 120), "runs start finishing: " + first.log());
        boolean ctrlC = !first.ignoresSigint();
        if (ctrlC) {
            first.interrupt();
        } else {
            // Started with SIGINT ignored (a background job of a non-interactive shell): the JVM cannot see Ctrl-C.
            System.out.println("note: this test's JVM ignores SIGINT; sending SIGTERM twice instead");
            first.terminate();
        }
        int code = first.waitFor(60);
        assertEquals(ctrlC ? 130 : 143, code, first.log());
        int done = checkStopped(out, reference, first.log());
        assertTrue(done < RUNS, "stopped midway, after " + done + " runs");

        MscsimProcess second = MscsimProcess.start(tmp.resolve("second.log"), "sweep", file.toString(), "--out", out.toString(), "--workers", "2");
        assertTrue(second.await(() -> MscsimProcess.runs(out).size() >= done + 2, 120), "the resumed sweep runs: " + second.log());
        second.terminate();
        assertEquals(143, second.waitFor(60), second.log());
        assertTrue(second.log().contains(done + " done, " + (RUNS - done) + " to run"), second.log());
        int done2 = checkStopped(out, reference, second.log());
        assertTrue(done2 >= done + 2, done + " then " + done2);

        Cli.Result last = Cli.run("sweep", file.toString(), "--out", out.toString(), "--workers", "2", "--quiet");
        assertEquals(0, last.exitCode(), last.err());
        assertTrue(last.out().contains(done2 + " done, " + (RUNS - done2) + " to run"), last.out());
        assertArrayEquals(Files.readAllBytes(reference.resolve("results.csv")), Files.readAllBytes(out.resolve("results.csv")),
                "stopped twice and resumed: the results of an uninterrupted sweep");
        assertFalse(Files.exists(out.resolve("tmp")) && list(out.resolve("tmp")).size() > 0, "the resume cleared tmp/");
        assertEquals(List.of(), list(out.resolve("partial")), "every checkpointed run was continued and published");
    }

    /** Checks the state a stopped sweep leaves; returns how many runs it kept. */
    private static int checkStopped(Path out, Path reference, String log) throws Exception {
        List<Path> runs = MscsimProcess.runs(out);
        assertTrue(log.contains("interrupted: the sweep stopped; " + runs.size() + " of " + RUNS + " runs are done, in "), log);
        assertTrue(log.contains("Run the same command again to finish it."), log);
        assertFalse(log.contains("\tat ") || log.contains("Exception"), log);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("; (\\d+) unfinished runs? keeps? a checkpoint in ").matcher(log);
        int checkpointed = 0;
        for (Path p : list(out.resolve("partial"))) {
            checkpointed += Files.isRegularFile(p.resolve("checkpoint.bin")) ? 1 : 0;
        }
        assertEquals(m.find() ? Integer.parseInt(m.group(1)) : 0, checkpointed, "each run in progress keeps a checkpoint: " + log);
        List<String> ids = new ArrayList<>();
        for (Path run : runs) {
            ids.add(run.getFileName().toString());
            for (String f : List.of("timeseries.csv", "summary.json", "scenario.resolved.yaml")) {
                assertArrayEquals(Files.readAllBytes(reference.resolve("runs").resolve(run.getFileName()).resolve(f)),
                        Files.readAllBytes(run.resolve(f)), run.getFileName() + "/" + f + ": a run in runs/ is whole");
            }
        }
        List<String> expected = new ArrayList<>();
        for (String line : Files.readAllLines(reference.resolve("results.csv"))) {
            if (expected.isEmpty() || ids.contains(line.substring(0, line.indexOf(',')))) {
                expected.add(line);
            }
        }
        assertEquals(expected, Files.readAllLines(out.resolve("results.csv")), "results.csv holds exactly the runs in runs/");
        assertFalse(Files.isDirectory(out.resolve("failed")) && !list(out.resolve("failed")).isEmpty(),
                "a stopped run is not recorded as failed");
        return runs.size();
    }

    private static List<Path> list(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }
}
