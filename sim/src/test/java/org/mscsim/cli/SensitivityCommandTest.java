package org.mscsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mscsim.sweep.TinySweeps;

class SensitivityCommandTest {

    @TempDir
    Path tmp;

    @Test
    void prccOfARealLatinHypercubeSweepFindsTheParameterThatDrivesAnOutput() throws Exception {
        Path file = TinySweeps.write(tmp, "lhs.yaml", "name: tiny-lhs\n" + TinySweeps.SMALL_BASE + String.join("\n",
                "design: lhs",
                "samples: 24",
                "seed: 3",
                "vary:",
                "  msc.pge2_basal_molecules_per_s: {distribution: log-uniform, min: 10, max: 2000}",
                "  t_cell.cycle_h: {distribution: uniform, min: 10, max: 24}",
                "  b_cell.antibody_half_life_h: {distribution: uniform, min: 24, max: 480}",
                "outputs:",
                "  - pge2_mean: final",
                "  - t_divisions: final",
                "  - t_divisions: {time_to: 100000}",
                ""));
        Path out = tmp.resolve("out");
        assertEquals(0, Cli.run("sweep", file.toString(), "--out", out.toString(), "--quiet").exitCode());
        Cli.Result r = Cli.run("sensitivity", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("PRCC of 3 outputs against 3 parameters, 24 runs"), r.out());
        assertTrue(r.out().contains("note: time_to_t_divisions_above_100000_h: only 0 runs have a value, too few for PRCC"), r.out());

        List<String> rows = Files.readAllLines(out.resolve("prcc.csv"));
        assertEquals("output,parameter,prcc,p_value,n", rows.get(0));
        assertEquals(1 + 3 * 3, rows.size());
        String[] pge2 = rows.get(1).split(",");
        assertEquals("pge2_mean_final", pge2[0]);
        assertEquals("msc.pge2_basal_molecules_per_s", pge2[1]);
        assertTrue(Double.parseDouble(pge2[2]) > 0.9, "PGE2 secretion drives the PGE2 level: " + rows.get(1));
        assertTrue(Double.parseDouble(pge2[3]) < 1e-6, rows.get(1));
        assertEquals("24", pge2[4]);
        // The T-cell cycle barely touches the PGE2 level once MSC secretion is controlled for: no
        // significant PRCC (or an undefined one, which the command notes, when the level is an
        // exact monotone function of the secretion rate).
        String[] cycle = rows.get(2).split(",");
        assertEquals("t_cell.cycle_h", cycle[1]);
        assertTrue(cycle[3].equals("NaN") || Double.parseDouble(cycle[3]) > 0.01, rows.get(2));
        if (cycle[3].equals("NaN")) {
            assertTrue(r.out().contains("note: pge2_mean_final: PRCC undefined for t_cell.cycle_h"), r.out());
        }
        String[] divisions = rows.get(4).split(",");
        assertEquals("t_divisions_final", divisions[0]);
        assertTrue(Double.parseDouble(divisions[2]) < -0.5 && Double.parseDouble(divisions[3]) < 0.01,
                "more PGE2, fewer T-cell divisions: " + rows.get(4));
        assertTrue(rows.get(9).startsWith("time_to_t_divisions_above_100000_h,b_cell.antibody_half_life_h,NaN,NaN,0"), rows.get(9));
        byte[] png = Files.readAllBytes(out.resolve("prcc.png"));
        assertTrue(png.length > 5000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G');
    }

    @Test
    void refusesTooFewRunsAndParametersThatDoNotVary() throws Exception {
        Path few = TinySweeps.write(tmp, "few.yaml", "name: few\n" + TinySweeps.SMALL_BASE
                + "design: lhs\nsamples: 4\nvary:\n  blockade.ido: {distribution: uniform, min: 0, max: 1}\n"
                + "  blockade.pge2: {distribution: uniform, min: 0, max: 1}\noutputs:\n  - t_divisions: final\n");
        Path a = tmp.resolve("a");
        assertEquals(0, Cli.run("sweep", few.toString(), "--out", a.toString(), "--quiet").exitCode());
        Cli.Result r = Cli.run("sensitivity", a.toString());
        assertEquals(Main.BAD_INPUT, r.exitCode());
        assertTrue(r.err().contains("PRCC of 2 parameters needs at least 5 completed runs, there are 4"), r.err());

        Path flat = TinySweeps.write(tmp, "flat.yaml", "name: flat\n" + TinySweeps.SMALL_BASE
                + "vary:\n  blockade.ido: [0.5]\n  blockade.pge2: [0, 0.5, 1]\nreplicates: 2\noutputs:\n  - t_divisions: final\n");
        Path b = tmp.resolve("b");
        assertEquals(0, Cli.run("sweep", flat.toString(), "--out", b.toString(), "--quiet").exitCode());
        Cli.Result f = Cli.run("sensitivity", b.toString());
        assertEquals(Main.BAD_INPUT, f.exitCode());
        assertTrue(f.err().contains("blockade.ido does not vary in the 6 completed runs"), f.err());
        Cli.Result chosen = Cli.run("sensitivity", b.toString(), "--parameter", "blockade.pge2");
        assertEquals(0, chosen.exitCode(), chosen.err());
        assertTrue(chosen.out().contains("note: this is a grid sweep"), chosen.out());

        Cli.Result none = Cli.run("sensitivity", tmp.resolve("nothing").toString());
        assertEquals(Main.BAD_INPUT, none.exitCode());
    }
}
