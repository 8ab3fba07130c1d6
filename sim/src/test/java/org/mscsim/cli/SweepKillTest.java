package org.mscsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mscsim.sweep.TinySweeps;

/** kill -9 in the middle of a local sweep, then the same command again, as a user would. */
class SweepKillTest {

    private static final int RUNS = 16;

    @TempDir
    Path tmp;

    @Test
    void aSweepKilledMidwayLosesNoFinishedRunAndResumesToTheUninterruptedResults() throws Exception {
        Path file = TinySweeps.write(tmp, "kill.yaml", "name: kill\n" + TinySweeps.SMALL_BASE.replace("time.hours: 24", "time.hours: 48")
                + "vary:\n  blockade.ido: [0, 0.25, 0.5, 0.75]\n  blockade.pge2: [0, 1]\nreplicates: 2\n"
                + "outputs:\n  - t_divisions: final\n  - kyn_mean: max\n");
        Path reference = tmp.resolve("reference");
        assertEquals(0, Cli.run("sweep", file.toString(), "--out", reference.toString(), "--workers", "2", "--quiet").exitCode());

        Path out = tmp.resolve("killed");
        Path log = tmp.resolve("killed.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                "org.mscsim.cli.Main", "sweep", file.toString(), "--out", out.toString(), "--workers", "2")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (finished(out) < 3 && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        p.destroyForcibly();   // SIGKILL: no shutdown hooks, no finally blocks
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        int done = finished(out);
        assertTrue(done >= 3 && done < RUNS, "killed midway, after " + done + " runs; log:\n" + Files.readString(log));

        for (Path run : runs(out)) {
            Path same = reference.resolve("runs").resolve(run.getFileName());
            for (String f : List.of("timeseries.csv", "summary.json", "scenario.resolved.yaml")) {
                assertArrayEquals(Files.readAllBytes(same.resolve(f)), Files.readAllBytes(run.resolve(f)),
                        run.getFileName() + "/" + f + ": a run in runs/ is complete and correct");
            }
        }
        assertFalse(Files.exists(out.resolve("results.csv")), "results.csv is written at the end only");

        Cli.Result again = Cli.run("sweep", file.toString(), "--out", out.toString(), "--workers", "2", "--quiet");
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().contains(done + " done, " + (RUNS - done) + " to run"), again.out());
        assertArrayEquals(Files.readAllBytes(reference.resolve("results.csv")), Files.readAllBytes(out.resolve("results.csv")));
        assertEquals(RUNS, finished(out));
    }

    private static int finished(Path out) throws Exception {
        return runs(out).size();
    }

    private static List<Path> runs(Path out) throws Exception {
        Path runs = out.resolve("runs");
        if (!Files.isDirectory(runs)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(runs)) {
            return s.toList();
        }
    }
}
