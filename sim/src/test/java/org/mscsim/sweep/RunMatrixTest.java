package org.mscsim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mscsim.batch.Seeds;
import org.mscsim.scenario.Parameters;

class RunMatrixTest {

    @TempDir
    Path tmp;

    private Sweep sweep(String body) throws Exception {
        return SweepParser.load(TinySweeps.write(tmp, "s" + System.nanoTime() + ".yaml", "name: m\n"
                + TinySweeps.baseWithout("populations.msc") + body));
    }

    @Test
    void gridRunsComeInDocumentedOrderWithStableIdsAndDerivedSeeds() throws Exception {
        Sweep s = sweep("vary:\n  populations.msc: [10, 20]\n  blockade.ido: [0, 0.5, 1]\n"
                + "cases:\n  - {name: plain}\n  - {name: no PD-L1, set: {blockade.pd_l1: 1}}\nreplicates: 2\nseed: 99\n"
                + "outputs:\n  - t_divisions: final\n");
        List<Run> runs = RunMatrix.expand(s);
        assertEquals(2 * 3 * 2 * 2, runs.size());
        for (int i = 0; i < runs.size(); i++) {
            Run r = runs.get(i);
            assertEquals(i, r.index());
            assertEquals(String.format("r%05d", i), r.id());
            assertEquals(Seeds.derive(99, i), r.seed(), "seed from the master seed and the index only");
        }
        // first vary: key slowest, then the second, then cases, then replicates
        assertEquals("10", runs.get(0).values().get("populations.msc"));
        assertEquals("10", runs.get(11).values().get("populations.msc"));
        assertEquals("20", runs.get(12).values().get("populations.msc"));
        assertEquals("0.5", runs.get(4).values().get("blockade.ido"));
        assertEquals("plain", runs.get(0).caseName());
        assertEquals("no PD-L1", runs.get(2).caseName());
        assertEquals("0", runs.get(0).values().get("blockade.pd_l1"), "a case's key shows the base value in other cases");
        assertEquals("1", runs.get(2).values().get("blockade.pd_l1"));
        assertEquals(1, runs.get(2).replicate());
        assertEquals(2, runs.get(3).replicate());
        assertEquals(1, runs.get(3).scenario(s.base()).real("blockade.pd_l1"));
        assertEquals(Seeds.derive(99, 3), runs.get(3).scenario(s.base()).seed());
    }

    @Test
    void theSameSweepAlwaysExpandsIdentically() throws Exception {
        String body = "design: lhs\nsamples: 20\nseed: 4\nvary:\n  blockade.ido: {distribution: uniform, min: 0, max: 1}\n"
                + "  msc.pge2_licensed_fold: {distribution: log-uniform, min: 2, max: 200}\noutputs:\n  - t_divisions: final\n";
        Sweep a = sweep(body);
        Sweep b = sweep(body);
        List<Run> ra = RunMatrix.expand(a);
        assertEquals(ra, RunMatrix.expand(b));
        assertEquals(Manifest.hash(a.base(), ra), Manifest.hash(b.base(), RunMatrix.expand(b)));
        Sweep other = sweep(body.replace("seed: 4", "seed: 5"));
        List<Run> ro = RunMatrix.expand(other);
        assertNotEquals(ra.get(0).values(), ro.get(0).values(), "another master seed gives other samples");
        assertNotEquals(Manifest.hash(a.base(), ra), Manifest.hash(other.base(), ro));
    }

    @Test
    void latinHypercubeHitsEachStratumOncePerParameter() throws Exception {
        int n = 97;
        Sweep s = sweep("design: lhs\nsamples: " + n + "\nseed: 12\nvary:\n"
                + "  blockade.ido: {distribution: uniform, min: 0.2, max: 0.7}\n"
                + "  msc.pge2_licensed_fold: {distribution: log-uniform, min: 2, max: 500}\n"
                + "  populations.msc: {distribution: uniform, min: 0, max: 969}\n"
                + "outputs:\n  - t_divisions: final\n");
        List<Run> runs = RunMatrix.expand(s);
        assertEquals(n, runs.size());
        assertStrata(runs, "blockade.ido", n, v -> (v - 0.2) / 0.5);
        assertStrata(runs, "msc.pge2_licensed_fold", n, v -> Math.log(v / 2) / Math.log(250));
        // whole numbers 0..969 are 970 values, 10 per stratum of 97
        assertStrata(runs, "populations.msc", n, v -> v / 970);
    }

    private static void assertStrata(List<Run> runs, String key, int n, java.util.function.DoubleUnaryOperator toUnit) {
        Set<Integer> hit = new HashSet<>();
        for (Run r : runs) {
            double v = Double.parseDouble(r.values().get(key));
            // a hair of tolerance: v / 970 * 97 is 60.99999999 for v = 610 in floating point
            int stratum = (int) Math.floor(toUnit.applyAsDouble(v) * n + 1e-9);
            assertTrue(stratum >= 0 && stratum < n, key + " value " + v + " outside its range");
            assertTrue(hit.add(stratum), key + ": stratum " + stratum + " hit twice");
        }
        assertEquals(n, hit.size());
    }

    @Test
    void sampledValuesReadBackExactlyAndStayInTheParameterRange() throws Exception {
        Sweep s = sweep("design: lhs\nsamples: 30\nvary:\n  blockade.ido: {distribution: uniform, min: 0, max: 1}\n"
                + "outputs:\n  - t_divisions: final\n");
        List<Double> seen = new ArrayList<>();
        for (Run r : RunMatrix.expand(s)) {
            String text = r.values().get("blockade.ido");
            double v = r.scenario(s.base()).real("blockade.ido");
            assertEquals(Parameters.get().param("blockade.ido").toYaml(v), text);
            assertTrue(v >= 0 && v <= 1);
            seen.add(v);
        }
        assertEquals(30, new HashSet<>(seen).size());
    }

    @Test
    void runIdsWidenOnlyBeyondOneHundredThousandRuns() {
        assertEquals("r00042", Run.id(42, 100));
        assertEquals("r99999", Run.id(99_999, 100_000));
        assertEquals("r000042", Run.id(42, 100_001));
    }
}
