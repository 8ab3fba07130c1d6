package org.mscsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mscsim.output.RunWriter;
import org.mscsim.sweep.TinySweeps;

/**
 * Output paths stay inside the chosen directory: names a user writes (scenario, sweep, trial and
 * assay names become directory names) cannot climb out with {@code ../}, an absolute path or a
 * separator; and run ids, which become directories under a sweep's {@code runs/} and
 * {@code tmp/}, cannot be made to point elsewhere by editing {@code sweep.json} or a Slurm
 * submission's {@code chunks.txt}.
 */
class OutputPathTest {

    static final List<String> EVIL = List.of("../../../../tmp/escape", "/etc/cron.d/escape", "..", ".", "", "...", ".hidden",
            "a/b", "a\\b", "C:\\Windows\\escape", "~/escape", "$HOME/escape", "x/../../escape", "nul\0byte", "line\nbreak",
            "ünïcödé/𝔠", "-rf", " ", "name".repeat(40), "....//....//escape", "%2e%2e%2fescape", "\u202e/gpj.exe");

    @TempDir
    Path tmp;

    @Test
    void namesBecomeOneSafeDirectoryInsideTheRunsDirectory() throws Exception {
        Path root = tmp.resolve("runs");
        for (String name : EVIL) {
            String safe = RunWriter.safeName(name);
            assertTrue(safe.matches("[A-Za-z0-9._-]{1,60}") && !safe.startsWith("."), "\"" + name + "\" gives \"" + safe + "\"");
            // As the run, trial and assay commands name their default directories.
            for (String label : List.of(name, "trial-" + name, "assay-" + name + "-" + name)) {
                Path dir = RunWriter.prepare(null, label, root);
                assertEquals(root, dir.getParent(), label);
                assertTrue(dir.toRealPath().startsWith(root.toRealPath()), label + " -> " + dir);
            }
        }
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of(root), s.toList(), "nothing was written beside runs/");
        }
    }

    @Test
    void aSweepsDefaultDirectoryIsInsideRunsWhateverItsName() throws Exception {
        for (String name : List.of("../../../../tmp/escape", "/etc/cron.d/escape", "..", "a/../../b")) {
            Path file = TinySweeps.write(tmp, "named.yaml", "name: " + org.mscsim.scenario.Param.quote(name) + "\n" + TinySweeps.GRID
                    .replace("name: tiny-grid\n", ""));
            Cli.Result r = Cli.run("sweep", file.toString(), "--dry-run");
            assertEquals(0, r.exitCode(), r.err());
            String into = r.out().lines().findFirst().orElseThrow().replaceFirst(".*, into ", "");
            Path dir = Path.of(into).normalize();
            assertTrue(dir.startsWith("runs") && dir.getNameCount() == 2, name + " -> " + into);
        }
    }

    @Test
    void runIdsFromAnEditedManifestOrChunkListCannotPointOutsideTheSweep() throws Exception {
        Path file = TinySweeps.write(tmp, "ids.yaml", TinySweeps.GRID);
        Path dir = tmp.resolve("sweep");
        assertEquals(0, Cli.run("sweep", file.toString(), "--out", dir.toString(), "--workers", "2", "--quiet").exitCode());
        SweepCommandTest.deleteTree(dir.resolve("runs/r00001"));
        Path manifest = dir.resolve("sweep.json");
        String good = Files.readString(manifest);

        for (String evil : List.of("../../escape", "/tmp/escape", "r00001/../../../escape")) {
            String edited = good.replace("\"id\":\"r00001\"", "\"id\":\"" + evil + "\"");
            assertTrue(!edited.equals(good), "the manifest lists each run as {\"id\":\"r00001\",...}");
            Files.writeString(manifest, edited);
            for (String[] command : List.of(new String[] {"sweep", dir.toString(), "--quiet"}, new String[] {"sweep-status", dir.toString()},
                    new String[] {"sweep-collect", dir.toString()})) {
                Cli.Result r = Cli.run(command);
                assertTrue(r.exitCode() != 0, String.join(" ", command) + " with id " + evil);
                assertTrue(r.err().startsWith("error: " + manifest + ": "), r.err());
                assertTrue(r.err().contains("has id " + evil + ", expected r00001"), r.err());
            }
        }
        Files.writeString(manifest, good);

        Files.createDirectories(dir.resolve("slurm/s001"));
        for (String evil : List.of("../../escape", "/tmp/escape", "r00001/../../escape")) {
            Files.writeString(dir.resolve("slurm/s001/chunks.txt"), evil + " r00001\n");
            Cli.Result r = Cli.run("sweep-task", dir.toString(), "1", "0");
            assertEquals(Main.FAILED, r.exitCode(), r.out() + r.err());
            assertTrue(r.err().contains("chunks.txt names run " + evil + ", which " + manifest + " does not have"), r.err());
            assertFalse(Files.exists(dir.resolve("runs/r00001")), "a refused task runs nothing");
        }
        Cli.Result r = Cli.run("sweep-task", dir.toString(), "999", "0");
        assertEquals(Main.FAILED, r.exitCode());
        assertTrue(r.err().startsWith("error: " + dir.resolve("slurm/s999/chunks.txt") + ": no such file"),
                "a submission number is a directory under slurm/: " + r.err());

        assertFalse(Files.exists(Path.of("/tmp/escape")));
        try (Stream<Path> s = Files.walk(tmp)) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().equals("escape")).toList());
        }
    }
}
