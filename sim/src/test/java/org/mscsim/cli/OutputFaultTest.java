package org.mscsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mscsim.sweep.TinySweeps;

/**
 * Output that cannot be written: a disk that fills up at each stage of a run, sweep, trial and
 * assay, a read-only output directory, and an output path below a regular file. Each must end
 * with exit code 1 and one line {@code error: <path>: <reason>} naming what could not be written,
 * no stack trace, and nothing that looks complete: no {@code summary.json} in an unfinished run,
 * no run in a sweep's {@code runs/} that is not whole, no {@code report.txt} in an unfinished
 * trial or assay, no temporary file left. A sweep that ran out of space finishes when run again.
 *
 * <p>The full and read-only disks are small tmpfs mounts, which need root (CI runs as root);
 * elsewhere those tests are skipped with a note.
 */
class OutputFaultTest {

    private static final String NO_SPACE = "No space left on device";

    @TempDir
    Path tmp;

    /** The small co-culture of {@link Cli#SMALL} over 48 h. */
    private static final String[] SMALL_48H = java.util.Arrays.stream(Cli.SMALL).map(a -> a.equals("24") ? "48" : a).toArray(String[]::new);
    /** The same, for an assay (which has no --quiet): 40 x 40 ... populations, 2 h. */
    private static final String[] ASSAY = {"--set", "grid.width=60", "--set", "grid.height=60", "--set", "populations.msc=40",
        "--set", "populations.t_cd4=260", "--set", "populations.t_cd8=140", "--set", "populations.b=60", "--set", "populations.nk=60",
        "--set", "populations.macrophage=80", "--hours", "2", "--replicates", "1", "--workers", "2"};

    /** {@code run} of the small co-culture for 48 h with {@code more} arguments. */
    private static String[] run(String... more) {
        return Cli.concat(Cli.concat(new String[] {"run"}, SMALL_48H), more);
    }

    private static String[] assay(String... more) {
        return Cli.concat(Cli.concat(new String[] {"assay", "transwell"}, ASSAY), more);
    }

    @Test
    void aRunOnAFullDiskNamesTheFileItCouldNotWriteAndLeavesNoSummary() throws Exception {
        Path reference = tmp.resolve("reference");
        assertEquals(0, Cli.run(run("--out", reference.toString(), "--set", "output.charts=false")).exitCode());
        try (TinyDisk disk = TinyDisk.mount(tmp.resolve("disk"), "1m", false)) {
            assumeTrue(disk != null, "mounting a tmpfs needs root: full-disk test skipped");
            long page = Files.getFileStore(disk.dir()).getBlockSize();
            long resolved = pages(reference.resolve("scenario.resolved.yaml"), page);
            long series = pages(reference.resolve("timeseries.csv"), page);
            long summary = pages(reference.resolve("summary.json"), page);
            // Space for everything before the stage that must fail, in whole pages as tmpfs counts.
            Object[][] stages = {
                {0L, "scenario.resolved.yaml", false},
                {resolved, "timeseries.csv", false},
                {resolved + series, "summary.json", false},
                {resolved + series, "charts/populations.png", true},
            };
            int n = 0;
            for (Object[] stage : stages) {
                Path out = disk.dir().resolve("run" + n++);
                disk.leave((Long) stage[0]);
                Cli.Result r = Cli.run(run("--out", out.toString(), "--set", "output.charts=" + stage[2]));
                assertEquals(Main.FAILED, r.exitCode(), stage[1] + ": " + r.err());
                assertEquals("error: " + out.resolve((String) stage[1]) + ": " + NO_SPACE, r.err().strip(), "one clear line");
                assertFalse(Files.exists(out.resolve("summary.json")), "an unfinished run has no summary.json");
                assertNoTemporaries(out);
                // (scenario.resolved.yaml says output.charts, so it differs from the reference where charts are on)
                for (String f : (Boolean) stage[2] ? List.of("timeseries.csv") : List.of("scenario.resolved.yaml", "timeseries.csv")) {
                    if (Files.exists(out.resolve(f))) {
                        assertArrayEquals(Files.readAllBytes(reference.resolve(f)), Files.readAllBytes(out.resolve(f)),
                                f + " is either absent or whole");
                    }
                }
            }
            disk.leave(resolved + series + summary + 2 * page);
            Path out = disk.dir().resolve("fits");
            assertEquals(0, Cli.run(run("--out", out.toString(), "--set", "output.charts=false")).exitCode(),
                    "with room for every file the same run succeeds");
            assertArrayEquals(Files.readAllBytes(reference.resolve("summary.json")), Files.readAllBytes(out.resolve("summary.json")));
        }
    }

    @Test
    void aSweepThatRunsOutOfSpaceKeepsOnlyWholeRunsAndFinishesWhenRunAgain() throws Exception {
        Path file = TinySweeps.write(tmp, "full.yaml", "name: full\n" + TinySweeps.SMALL_BASE
                + "vary:\n  blockade.ido: [0, 0.5, 1]\n  blockade.pge2: [0, 1]\nseed: 3\noutputs:\n  - t_divisions: final\n  - kyn_mean: max\n");
        Path reference = tmp.resolve("reference");
        assertEquals(0, Cli.run("sweep", file.toString(), "--out", reference.toString(), "--workers", "1", "--quiet").exitCode());
        try (TinyDisk disk = TinyDisk.mount(tmp.resolve("disk"), "2m", false)) {
            assumeTrue(disk != null, "mounting a tmpfs needs root: full-disk test skipped");
            long page = Files.getFileStore(disk.dir()).getBlockSize();
            long prepared = pages(reference.resolve("sweep.yaml"), page) + pages(reference.resolve("base.yaml"), page)
                    + pages(reference.resolve("sweep.json"), page);
            long run = 0;
            try (Stream<Path> s = Files.list(reference.resolve("runs/r00000"))) {
                for (Path f : s.toList()) {
                    run += pages(f, page);
                }
            }

            // Full before the sweep directory is complete: nothing that looks like a sweep is left.
            Path early = disk.dir().resolve("early");
            disk.leave(page);
            Cli.Result r = Cli.run("sweep", file.toString(), "--out", early.toString(), "--workers", "1", "--quiet");
            assertEquals(Main.FAILED, r.exitCode(), r.err());
            assertTrue(r.err().strip().matches("error: " + java.util.regex.Pattern.quote(early.toString()) + "/[a-z.]+: " + NO_SPACE), r.err());
            assertFalse(Files.exists(early.resolve("sweep.json")));
            disk.free();
            r = Cli.run("sweep", file.toString(), "--out", early.toString(), "--workers", "1", "--quiet");
            assertEquals(0, r.exitCode(), "with space again the same command starts the sweep: " + r.err());
            assertArrayEquals(Files.readAllBytes(reference.resolve("results.csv")), Files.readAllBytes(early.resolve("results.csv")));

            // Full after two runs: those two are kept whole, the others fail cleanly and run later.
            Path dir = disk.dir().resolve("sweep");
            disk.leave(prepared + 2 * run + page);
            r = Cli.run("sweep", file.toString(), "--out", dir.toString(), "--workers", "1", "--quiet");
            assertEquals(Main.FAILED, r.exitCode(), r.out() + r.err());
            assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.err());
            assertTrue(r.err().contains(NO_SPACE), r.err());
            List<String> kept = new ArrayList<>();
            try (Stream<Path> s = Files.list(dir.resolve("runs"))) {
                for (Path run1 : s.sorted().toList()) {
                    kept.add(run1.getFileName().toString());
                    for (String f : List.of("summary.json", "timeseries.csv", "scenario.resolved.yaml")) {
                        assertArrayEquals(Files.readAllBytes(reference.resolve("runs").resolve(run1.getFileName()).resolve(f)),
                                Files.readAllBytes(run1.resolve(f)), run1.getFileName() + "/" + f + ": a run in runs/ is whole");
                    }
                }
            }
            assertTrue(kept.size() >= 1 && kept.size() < 6, "some runs fit, not all: " + kept);
            assertNoTemporaries(dir);
            if (Files.exists(dir.resolve("results.csv"))) {
                List<String> rows = Files.readAllLines(dir.resolve("results.csv"));
                List<String> expected = new ArrayList<>();
                for (String line : Files.readAllLines(reference.resolve("results.csv"))) {
                    if (expected.isEmpty() || kept.contains(line.substring(0, line.indexOf(',')))) {
                        expected.add(line);
                    }
                }
                assertEquals(expected, rows, "results.csv holds exactly the runs that finished");
            }
            disk.free();
            r = Cli.run("sweep", file.toString(), "--out", dir.toString(), "--workers", "1", "--quiet");
            assertEquals(0, r.exitCode(), r.err());
            assertArrayEquals(Files.readAllBytes(reference.resolve("results.csv")), Files.readAllBytes(dir.resolve("results.csv")),
                    "resumed after the disk was freed: the results of an uninterrupted sweep");
        }
    }

    @Test
    void aTrialAndAnAssayOnAFullDiskLeaveNoReport() throws Exception {
        Path trial = smallTrial();
        try (TinyDisk disk = TinyDisk.mount(tmp.resolve("disk"), "1m", false)) {
            assumeTrue(disk != null, "mounting a tmpfs needs root: full-disk test skipped");
            long page = Files.getFileStore(disk.dir()).getBlockSize();
            disk.leave(2 * page);
            Path out = disk.dir().resolve("trial");
            Cli.Result r = Cli.run("trial", trial.toString(), "--out", out.toString(), "--workers", "2");
            assertEquals(Main.FAILED, r.exitCode(), r.err());
            assertTrue(r.err().lines().anyMatch(l -> l.matches("error: " + java.util.regex.Pattern.quote(out.toString())
                    + "/[a-z_]+\\.(png|csv|txt): " + NO_SPACE)), r.err());
            assertFalse(Files.exists(out.resolve("report.txt")), "report.txt is written last: its absence marks an unfinished trial");
            assertNoTemporaries(out);

            disk.leave(page);
            Path assay = disk.dir().resolve("assay");
            r = Cli.run(assay("--out", assay.toString()));
            assertEquals(Main.FAILED, r.exitCode(), r.err());
            assertTrue(r.err().lines().anyMatch(l -> l.startsWith("error: " + assay + "/") && l.endsWith(": " + NO_SPACE)), r.err());
            assertFalse(Files.exists(assay.resolve("report.txt")));
            assertNoTemporaries(assay);
        }
    }

    @Test
    void aReadOnlyOutputDirectoryIsOneClearErrorForEveryCommand() throws Exception {
        Path sweep = TinySweeps.write(tmp, "ro.yaml", TinySweeps.GRID);
        Path trial = smallTrial();
        try (TinyDisk disk = TinyDisk.mount(tmp.resolve("ro"), "64k", true)) {
            assumeTrue(disk != null, "mounting a tmpfs needs root: read-only output test skipped");
            for (String[] command : commands(disk.dir().resolve("out"), sweep, trial)) {
                Cli.Result r = Cli.run(command);
                assertEquals(Main.FAILED, r.exitCode(), String.join(" ", command) + ": " + r.err());
                assertEquals(List.of("error: " + disk.dir().resolve("out") + ": Read-only file system"), errors(r), String.join(" ", command));
            }
        }
    }

    @Test
    void anOutputPathBelowARegularFileIsOneClearErrorForEveryCommand() throws Exception {
        Path sweep = TinySweeps.write(tmp, "nd.yaml", TinySweeps.GRID);
        Path trial = smallTrial();
        Path file = tmp.resolve("a-file");
        Files.writeString(file, "not a directory");
        Path out = file.resolve("out");
        for (String[] command : commands(out, sweep, trial)) {
            Cli.Result r = Cli.run(command);
            assertEquals(Main.FAILED, r.exitCode(), String.join(" ", command) + ": " + r.err());
            List<String> errors = errors(r);
            assertTrue(errors.size() == 1 && errors.get(0).matches("error: " + java.util.regex.Pattern.quote(out.toString())
                    + ": (Not a directory|already exists)"), String.join(" ", command) + ": " + r.err());
        }
        assertEquals("not a directory", Files.readString(file));
    }

    /** The four commands that write an output directory, each pointed at {@code out}. */
    private static List<String[]> commands(Path out, Path sweep, Path trial) {
        return List.of(
                run("--out", out.toString()),
                new String[] {"sweep", sweep.toString(), "--out", out.toString(), "--workers", "1", "--quiet"},
                new String[] {"trial", trial.toString(), "--out", out.toString()},
                assay("--out", out.toString()));
    }

    /** The error lines on stderr (an assay or trial prints progress there too), and no stack trace. */
    private static List<String> errors(Cli.Result r) {
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.err());
        return r.err().lines().filter(l -> l.startsWith("error: ")).toList();
    }

    /** A two-patient, one-week trial on a 40 x 40 patch with a one-day burn-in: about two seconds. */
    private Path smallTrial() throws IOException {
        Path dir = tmp.resolve("trial-in");
        Files.createDirectories(dir);
        Files.copy(Path.of("../scenarios/itp-patient.yaml"), dir.resolve("itp-patient.yaml"));
        return TinySweeps.write(dir, "small-trial.yaml", String.join("\n",
                "name: small-trial",
                "patient: itp-patient.yaml",
                "set: {grid.width: 40, grid.height: 40, invivo.burn_in_h: 24,",
                "      populations: {t_cd4: 200, t_cd8: 100, b: 60, nk: 30, macrophage: 80}}",
                "seed: 5",
                "follow_up_weeks: 1",
                "response: {eligible_below: 1000}",
                "arms:",
                "  - {name: low, dose_per_kg: 1.0e6, infusions_at_weeks: [0], patients: 1}",
                "  - {name: high, dose_per_kg: 2.0e6, infusions_at_weeks: [0], patients: 1}",
                ""));
    }

    private static long pages(Path f, long page) throws IOException {
        return (Files.size(f) + page - 1) / page * page;
    }

    /** No .partial file and nothing in a sweep's tmp/ or partial/ (a failed run keeps no checkpoint) is left behind. */
    static void assertNoTemporaries(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Set<String> left = new LinkedHashSet<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(p -> p.getFileName().toString().endsWith(".partial") || p.getParent() != null
                    && (p.getParent().getFileName().toString().equals("tmp") || p.getParent().getFileName().toString().equals("partial")))
                    .forEach(p -> left.add(dir.relativize(p).toString()));
        }
        assertTrue(left.isEmpty(), "temporary files left: " + left);
    }
}
