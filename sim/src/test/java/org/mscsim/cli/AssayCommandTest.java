package org.mscsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssayCommandTest {

    static final String[] TINY = {"--set", "grid.width=50", "--set", "grid.height=50", "--set", "populations.msc=25",
        "--set", "populations.t_cd4=160", "--set", "populations.t_cd8=90", "--set", "populations.b=40", "--set", "populations.nk=40",
        "--set", "populations.macrophage=50", "--hours", "48", "--workers", "2"};

    @TempDir
    Path tmp;

    @Test
    void suppressionAssayWritesTablesChartAndReport() throws Exception {
        Path dir = tmp.resolve("s");
        Cli.Result r = Cli.run(Cli.concat(Cli.concat(new String[] {"assay", "suppression"}, TINY), "--out", dir.toString(),
                "--replicates", "2"));
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("% suppression"), r.out());
        List<String> csv = Files.readAllLines(dir.resolve("suppression.csv"));
        assertEquals("ratio,n,division_index_mean,division_index_sd,pct_suppression_mean,pct_suppression_sd,"
                + "pct_suppression_cd4_mean,pct_suppression_cd8_mean", csv.get(0));
        assertEquals(5, csv.size(), "none, 1:1, 1:10, 1:100");
        assertTrue(Files.size(dir.resolve("suppression.png")) > 5000);
        assertEquals(2 * 4 + 1, Files.readAllLines(dir.resolve("suppression-runs.csv")).size());
    }

    @Test
    void everyAssayRuns() throws Exception {
        for (String assay : List.of("transwell", "blockade", "macrophage", "nk", "attribution")) {
            Path dir = tmp.resolve(assay);
            String[] extra = assay.equals("nk") ? new String[] {"--nk", "200", "--culture-h", "24"} : new String[0];
            Cli.Result r = Cli.run(Cli.concat(Cli.concat(Cli.concat(new String[] {"assay", assay}, TINY), extra),
                    "--out", dir.toString(), "--replicates", "1"));
            assertEquals(0, r.exitCode(), assay + ": " + r.err());
            assertTrue(Files.exists(dir.resolve(assay + ".csv")), assay);
            assertTrue(Files.exists(dir.resolve(assay + ".png")), assay);
            assertTrue(Files.exists(dir.resolve("report.txt")), assay);
        }
    }

    @Test
    void aUsedOutIsRefusedBeforeTheAssayComputes() throws Exception {
        Path used = Files.createDirectories(tmp.resolve("used"));
        Files.writeString(used.resolve("report.txt"), "precious");
        // The full-size validation would take minutes and print progress (every tenth of its runs)
        // before it wrote anything; the refusal must come first.
        Cli.Result r = Cli.run("validate-model", "--out", used.toString());
        assertEquals(Main.BAD_INPUT, r.exitCode(), r.err());
        assertTrue(r.err().contains(used + " already holds files"), r.err());
        assertTrue(!r.err().contains("runs"), "no progress line: nothing was computed\n" + r.err());
        assertEquals("precious", Files.readString(used.resolve("report.txt")));
    }

    /** The suppression assay on a 30 × 30 patch whose T cells fill it in 96 h; its report. */
    private String crowdedSuppression(String name, String... room) throws Exception {
        Path dir = tmp.resolve(name);
        Cli.Result r = Cli.run(Cli.concat(new String[] {"assay", "suppression", "--set", "grid.width=30", "--set", "grid.height=30",
            "--set", "populations.t_cd4=420", "--set", "populations.t_cd8=230", "--set", "populations.b=0", "--set", "populations.nk=0",
            "--set", "populations.macrophage=0", "--set", "populations.msc=0", "--ratios", "1:10", "--hours", "96", "--replicates", "1",
            "--out", dir.toString()}, room));
        assertEquals(0, r.exitCode(), r.err());
        return Files.readString(dir.resolve("report.txt"));
    }

    @Test
    void anAssayWhoseControlFillsTheGridWarnsAboutThatCondition() throws Exception {
        String report = crowdedSuppression("crowded");
        assertTrue(report.contains("warning: condition none: T cells ready to divide waited for a free neighbour"), report);
        assertTrue(report.contains("--room 1.5 gives them 2.25× the area"), report);

        // With room: twice the edge in a medium a quarter as deep, and the control no longer waits.
        String roomy = crowdedSuppression("roomy", "--room", "2");
        assertTrue(roomy.contains("60 × 60 voxels (--room: 4.00× the area, medium 800.0 µm deep, the same cells per µL)"), roomy);
        assertTrue(!roomy.contains("warning: condition none"), roomy);

        // Not room enough: the advice goes on from the room already given.
        String tight = crowdedSuppression("tight", "--room", "1.5");
        assertTrue(tight.contains("warning: condition none"), tight);
        assertTrue(tight.contains("--room 2.3 gives them 5.29× the area"), tight);
    }

    @Test
    void roomOneChangesNothing() throws Exception {
        String[] culture = {"assay", "suppression", "--set", "grid.width=30", "--set", "grid.height=30", "--set", "populations.t_cd4=100",
            "--set", "populations.t_cd8=50", "--set", "populations.b=0", "--set", "populations.nk=0", "--set", "populations.macrophage=0",
            "--set", "populations.msc=10", "--ratios", "1:10", "--hours", "24", "--replicates", "1"};
        Path plain = tmp.resolve("plain");
        Path one = tmp.resolve("one");
        assertEquals(0, Cli.run(Cli.concat(culture, "--out", plain.toString())).exitCode());
        assertEquals(0, Cli.run(Cli.concat(culture, "--room", "1", "--out", one.toString())).exitCode());
        for (String f : List.of("report.txt", "suppression.csv", "suppression-runs.csv")) {
            assertEquals(Files.readString(plain.resolve(f)), Files.readString(one.resolve(f)), f);
        }
    }

    @Test
    void badAssayOptionsAreClearErrors() {
        Cli.Result ratio = Cli.run("assay", "suppression", "--ratios", "1:x", "--out", tmp.resolve("a").toString());
        assertEquals(Main.BAD_INPUT, ratio.exitCode());
        assertTrue(ratio.err().contains("ratio \"1:x\": expected MSC:T such as 1:10, or none"), ratio.err());
        Cli.Result readout = Cli.run("assay", "attribution", "--readout", "tcells", "--out", tmp.resolve("b").toString());
        assertEquals(Main.BAD_INPUT, readout.exitCode());
        assertTrue(readout.err().contains("--readout tcells: no such timeseries.csv column"), readout.err());
        Cli.Result room = Cli.run("assay", "suppression", "--room", "0.5");
        assertEquals(Main.BAD_INPUT, room.exitCode());
        assertTrue(room.err().contains("--room must be a number from 1 to 5, got 0.5"), room.err());
        Cli.Result deep = Cli.run("assay", "suppression", "--set", "grid.width=900", "--set", "grid.height=900", "--room", "5");
        assertEquals(Main.BAD_INPUT, deep.exitCode());
        assertTrue(deep.err().contains("--room 5 would make the grid 4500 × 4500 with medium 128.00 µm deep; grid.width and grid.height go up to 4000"),
                deep.err());
        Cli.Result inVivo = Cli.run("assay", "suppression", "../scenarios/itp-patient.yaml", "--room", "1.5");
        assertEquals(Main.BAD_INPUT, inVivo.exitCode());
        assertTrue(inVivo.err().contains("--room spreads a culture over more area in shallower medium; an in-vivo patch"), inVivo.err());
        Cli.Result reps = Cli.run("assay", "blockade", "--replicates", "0");
        assertEquals(Main.BAD_INPUT, reps.exitCode());
        assertTrue(reps.err().contains("--replicates must be from 1 to 1000"), reps.err());
        Cli.Result none = Cli.run("assay", "attribution", "--set", "populations.msc=0", "--out", tmp.resolve("c").toString());
        assertEquals(Main.BAD_INPUT, none.exitCode());
        assertTrue(none.err().contains("attribution needs MSCs"), none.err());
    }

    @Test
    void validateModelReportsEveryPublishedTarget() throws Exception {
        Path dir = tmp.resolve("v");
        Cli.Result r = Cli.run(Cli.concat(Cli.concat(new String[] {"validate-model"}, TINY), "--nk", "200", "--replicates", "1",
                "--out", dir.toString()));
        assertEquals(0, r.exitCode(), r.err());
        List<String> rows = Files.readAllLines(dir.resolve("validation.csv"));
        assertEquals(25, rows.size(), "24 checks and a header");
        for (String row : rows.subList(1, rows.size())) {
            assertTrue(row.contains(",true,") || row.contains(",false,"), row);
        }
        // Targets a parameter was chosen to meet are counted apart from independent validation.
        List<String> calibrated = List.of("suppression_cd4", "suppression_cd8", "cd8_minus_cd4", "unlicensable", "pge2_fold_24h",
                "nk_k562_alone");
        for (String row : rows.subList(1, rows.size())) {
            String id = row.substring(0, row.indexOf(','));
            assertEquals(calibrated.contains(id), row.contains(",true,Calibrated: "), "calibrated mark of " + row);
        }
        assertTrue(r.out().matches("(?s).*\\d+ of 18 independent checks within their published range; \\d+ of 6 calibrated checks.*"),
                r.out());
        // The text says where the model misses the number it quotes, and what a range hides.
        assertTrue(r.out().contains("the published 98 [1]"), r.out());
        assertTrue(r.out().contains("the published 60 [2]"), r.out());
        assertTrue(r.out().contains("comparing it with 1:10 is an assumption"), r.out());
        assertTrue(r.out().contains("few MSCs can also stimulate"), r.out());
        assertTrue(r.out().contains("the model has no stimulatory mechanism"), r.out());
        assertTrue(r.out().matches("(?s).*K562 lysis in 4 h by NK cells cultured 96 h with MSCs.*the published 25 .*"), r.out());
        assertTrue(r.out().matches("(?s).*MSCs cut lysis by \\d+ % of its value without them; published: by 57 %.*"), r.out());
        assertTrue(r.out().matches("(?s).*re-plated\\s+at\\s+10:1.*"), r.out());
        assertTrue(r.out().matches("(?s).*E:T\\s+\\d+\\.\\d:1\\s+without\\s+and\\s+\\d+\\.\\d:1\\s+with\\s+MSCs.*"), r.out());
    }
}
