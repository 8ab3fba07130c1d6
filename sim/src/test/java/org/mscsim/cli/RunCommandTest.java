package org.mscsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mscsim.cli.Cli.SMALL;
import static org.mscsim.cli.Cli.concat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {

    /** The columns DESIGN.md promises in every timeseries.csv (in-vivo ones come with the ITP scenario). */
    static final List<String> DESIGN_COLUMNS = List.of("time_h", "msc", "t_cd4", "t_cd8", "t_cd8_cd28neg", "treg",
            "t_divisions", "b_naive", "b_activated", "plasma", "antibody", "nk", "nk_activated", "nk_kills", "mac_m0",
            "mac_m1", "mac_m2", "pge2_mean", "kyn_mean", "tgfb_mean", "ifng_mean");

    @TempDir
    Path tmp;

    @Test
    void aRunWhoseGridFillsUpSaysSoAndARoomyOneDoesNot() throws Exception {
        Path full = tmp.resolve("full");
        Cli.Result r = Cli.run("run", "--set", "grid.width=34", "--set", "grid.height=34", "--set", "populations.msc=0",
                "--set", "populations.t_cd4=650", "--set", "populations.t_cd8=350", "--set", "populations.b=0",
                "--set", "populations.nk=0", "--set", "populations.macrophage=0", "--hours", "96", "--out", full.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("warning: the grid filled up: T cells ready to divide waited for a free neighbour"), r.out());
        assertTrue(r.out().contains("room at the same cells per µL: e.g. --set grid.width=51 --set grid.height=51 --set grid.depth_um=1422.2"),
                "1.5× the edge, 3200 µm × 34² / 51² deep\n" + r.out());
        assertTrue(r.out().matches("(?s).*event \\d+\\.\\d\\d h: the grid is full around dividing T cells.*"), "logged once when it happens\n" + r.out());
        assertEquals(1, r.out().split("the grid is full around dividing T cells", -1).length - 1, r.out());
        JsonNode readouts = new ObjectMapper().readTree(full.resolve("summary.json").toFile()).get("readouts");
        assertTrue(readouts.get("t_division_waits").asLong() > 0, readouts.toString());
        assertTrue(readouts.get("room_wait_per_division").asDouble() > 0.05, readouts.toString());

        Path roomy = tmp.resolve("roomy");
        Cli.Result ok = Cli.run(concat(concat(new String[] {"run"}, SMALL), "--out", roomy.toString()));
        assertEquals(0, ok.exitCode(), ok.err());
        JsonNode roomySummary = new ObjectMapper().readTree(roomy.resolve("summary.json").toFile());
        assertFalse(roomySummary.get("events").toString().contains("the grid is full"), roomySummary.get("events").toString());
        assertTrue(new ObjectMapper().readTree(full.resolve("summary.json").toFile()).get("events").toString()
                .contains("the grid is full around dividing T cells"));
        assertEquals(0, new ObjectMapper().readTree(roomy.resolve("summary.json").toFile()).get("readouts").get("t_division_waits").asLong());
    }

    @Test
    void runWritesEveryOutputAndNoPartialFiles() throws Exception {
        Path dir = tmp.resolve("run");
        Cli.Result r = Cli.run(concat(concat(new String[] {"run"}, SMALL), "--out", dir.toString()));
        assertEquals(0, r.exitCode(), r.err());
        List<String> csv = Files.readAllLines(dir.resolve("timeseries.csv"));
        List<String> header = List.of(csv.get(0).split(","));
        assertTrue(header.containsAll(DESIGN_COLUMNS), "missing design columns in " + header);
        assertEquals("time_h", header.get(0));
        assertEquals(25, csv.size() - 1, "hourly rows from 0 to 24 h");
        assertTrue(csv.get(csv.size() - 1).startsWith("24,"), csv.get(csv.size() - 1));

        JsonNode summary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        assertEquals(1, summary.get("seed").asLong());
        assertTrue(summary.get("readouts").has("division_index"));
        assertTrue(summary.get("readout_descriptions").get("division_index").asText().contains("same window"),
                "summary.json says what the division index divides by");
        assertEquals("cells", summary.get("columns").get("msc").get("unit").asText());

        String resolved = Files.readString(dir.resolve("scenario.resolved.yaml"));
        assertTrue(resolved.contains("mscsim_version: \""), resolved);
        assertTrue(resolved.contains("width: 60"), resolved);

        for (String png : List.of("populations.png", "t_cells.png", "t_divisions.png", "macrophages_nk_msc.png", "fields.png")) {
            byte[] bytes = Files.readAllBytes(dir.resolve("charts").resolve(png));
            assertTrue(bytes.length > 1000 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G', png);
        }
        try (Stream<Path> all = Files.walk(dir)) {
            assertFalse(all.anyMatch(p -> p.getFileName().toString().endsWith(".partial")), "temporary files left behind");
        }
    }

    @Test
    void sameSeedGivesIdenticalBytesAndAnotherSeedDiffers() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        Path c = tmp.resolve("c");
        assertEquals(0, Cli.run(concat(concat(new String[] {"run"}, SMALL), "--out", a.toString(), "--seed", "42")).exitCode());
        assertEquals(0, Cli.run(concat(concat(new String[] {"run"}, SMALL), "--out", b.toString(), "--seed", "42")).exitCode());
        assertEquals(0, Cli.run(concat(concat(new String[] {"run"}, SMALL), "--out", c.toString(), "--seed", "43")).exitCode());
        for (String f : List.of("timeseries.csv", "summary.json", "scenario.resolved.yaml")) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f + " differs for the same seed");
        }
        assertFalse(Files.readString(a.resolve("timeseries.csv")).equals(Files.readString(c.resolve("timeseries.csv"))),
                "a different seed must give different numbers");
    }

    @Test
    void threadCountDoesNotChangeTheResults() throws Exception {
        Path one = tmp.resolve("one");
        Path two = tmp.resolve("two");
        assertEquals(0, Cli.run(concat(concat(new String[] {"run"}, SMALL), "--out", one.toString(), "--threads", "1")).exitCode());
        assertEquals(0, Cli.run(concat(concat(new String[] {"run"}, SMALL), "--out", two.toString(), "--threads", "2")).exitCode());
        assertArrayEquals(Files.readAllBytes(one.resolve("timeseries.csv")), Files.readAllBytes(two.resolve("timeseries.csv")));
        assertArrayEquals(Files.readAllBytes(one.resolve("summary.json")), Files.readAllBytes(two.resolve("summary.json")));
    }

    @Test
    void resolvedScenarioAloneRepeatsTheRunBitForBit() throws Exception {
        Path first = tmp.resolve("first");
        Path again = tmp.resolve("again");
        String[] args = concat(concat(new String[] {"run"}, SMALL), "--out", first.toString(), "--seed", "7",
                "--set", "interventions=[{at_h: 6, add_msc: 20}, {at_h: 12, block: {pd_l1: 1}}]");
        assertEquals(0, Cli.run(args).exitCode());
        Cli.Result r = Cli.run("run", first.resolve("scenario.resolved.yaml").toString(), "--out", again.toString(), "--quiet");
        assertEquals(0, r.exitCode(), r.err());
        assertArrayEquals(Files.readAllBytes(first.resolve("timeseries.csv")), Files.readAllBytes(again.resolve("timeseries.csv")));
        assertArrayEquals(Files.readAllBytes(first.resolve("summary.json")), Files.readAllBytes(again.resolve("summary.json")));
    }

    /** {@link Cli#SMALL} over {@code h} hours instead of 24. */
    private static String[] hours(int h) {
        return java.util.Arrays.stream(SMALL).map(a -> a.equals("24") ? Integer.toString(h) : a).toArray(String[]::new);
    }

    @Test
    void interventionsAtTheSameTimeActInTheFilesOrder() throws Exception {
        // Wash out, then re-seed: whatever the seed, 20 MSCs are left (MASON shuffles schedule ties).
        for (int seed = 1; seed <= 6; seed++) {
            Path dir = tmp.resolve("order" + seed);
            String[] args = concat(concat(new String[] {"run"}, hours(5)), "--out", dir.toString(), "--seed", Integer.toString(seed),
                    "--set", "interventions=[{at_h: 4, remove_msc: 100000}, {at_h: 4, add_msc: 20}]",
                    "--set", "msc.death_per_h=0", "--set", "nk.kill_per_h=0");
            Cli.Result r = Cli.run(args);
            assertEquals(0, r.exitCode(), r.err());
            List<String> rows = Files.readAllLines(dir.resolve("timeseries.csv"));
            assertEquals("20", rows.get(rows.size() - 1).split(",")[1], "seed " + seed + ": MSCs after remove-then-add");
            String summary = Files.readString(dir.resolve("summary.json"));
            assertTrue(summary.indexOf("4.00 h: removed 40 MSCs (all there were; asked for up to 100000)")
                    < summary.indexOf("4.00 h: added 20 MSCs"), summary);
        }
    }

    @Test
    void aRunSaysWhichInterventionsComeAfterItsEnd() throws Exception {
        Cli.Result r = Cli.run(concat(concat(new String[] {"run"}, hours(2)), "--out", tmp.resolve("late").toString(),
                "--set", "interventions=[{at_h: 1, add_msc: 5}, {at_h: 10, add_msc: 5}, {at_h: 24, replace_medium: 1}]"));
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("note: 2 intervention(s) come after the end of the run (time.hours = 2) and will not happen: at 10 h, 24 h"),
                r.err());
    }

    @Test
    void interventionsHappenAtTheirTime() throws Exception {
        Path dir = tmp.resolve("iv");
        String[] args = concat(concat(new String[] {"run"}, SMALL), "--out", dir.toString(),
                "--set", "interventions=[{at_h: 10, add_msc: 25}]", "--set", "msc.death_per_h=0", "--set", "nk.kill_per_h=0");
        assertEquals(0, Cli.run(args).exitCode());
        List<String> rows = Files.readAllLines(dir.resolve("timeseries.csv"));
        assertEquals("40", rows.get(10).split(",")[1], "9 h: 40 MSCs");
        assertEquals("65", rows.get(11).split(",")[1], "10 h: 40 + 25 MSCs");
        String summary = Files.readString(dir.resolve("summary.json"));
        assertTrue(summary.contains("10.00 h: added 25 MSCs"), summary);
    }

    @Test
    void anExistingRunIsNeverOverwritten() throws Exception {
        Path dir = tmp.resolve("keep");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("timeseries.csv"), "precious");
        Cli.Result r = Cli.run(concat(concat(new String[] {"run"}, SMALL), "--out", dir.toString()));
        assertEquals(Main.BAD_INPUT, r.exitCode(), "a used --out is bad input, not a failure");
        assertTrue(r.err().contains("already holds files"), r.err());
        assertEquals("precious", Files.readString(dir.resolve("timeseries.csv")));
    }

    @Test
    void badInputGivesAClearErrorAndNoOutput() throws Exception {
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, "populations:\n  msc: lots\n");
        Path dir = tmp.resolve("nothing");
        Cli.Result r = Cli.run("run", bad.toString(), "--out", dir.toString());
        assertEquals(Main.BAD_INPUT, r.exitCode());
        assertTrue(r.err().contains(bad + " line 2: populations.msc must be a whole number from 0 to 16000000, got \"lots\""), r.err());
        assertFalse(Files.exists(dir), "no run directory for a scenario that failed validation");

        Cli.Result s = Cli.run("run", "--set", "blockade.ido=2", "--out", dir.toString());
        assertEquals(Main.BAD_INPUT, s.exitCode());
        assertTrue(s.err().contains("--set blockade.ido=2: blockade.ido must be a number from 0 to 1, got \"2\""), s.err());

        Cli.Result missing = Cli.run("run", tmp.resolve("nope.yaml").toString());
        assertEquals(Main.BAD_INPUT, missing.exitCode());
        assertTrue(missing.err().contains("nope.yaml: no such file"), missing.err());

        Cli.Result option = Cli.run("run", "--hours", "-1");
        assertEquals(Main.BAD_INPUT, option.exitCode());
        assertEquals("error: --hours must be a number from 0.01 to 100000, got \"-1\"\n", option.err(), "names the option typed");

        Path commentsOnly = Files.writeString(tmp.resolve("defaults.yaml"), "# every parameter at its default\n");
        Cli.Result defaults = Cli.run("validate", commentsOnly.toString());
        assertEquals(0, defaults.exitCode(), defaults.err());
        assertEquals(Cli.run("validate", Files.writeString(tmp.resolve("empty-mapping.yaml"), "{}\n").toString()).out()
                .replace("empty-mapping", "defaults"), defaults.out(), "a file of comments is read as {}");
    }

    @Test
    void runPrintsAOneScreenSummary() throws Exception {
        Path dir = tmp.resolve("printed");
        String[] args = concat(SMALL, "--out", dir.toString());
        args = java.util.Arrays.stream(args).filter(a -> !a.equals("--quiet")).toArray(String[]::new);
        Cli.Result r = Cli.run(concat(new String[] {"run"}, args));
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("T-cell divisions"), r.out());
        assertTrue(r.out().contains("Wrote " + dir), r.out());
        assertTrue(r.out().lines().count() < 40, "fits on one screen");
        assertTrue(r.err().contains("100%"), "progress reaches 100 %: " + r.err());
    }
}
