package org.mscsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** The tiles' streams for one step must be unrelated, from their very first draw. */
class CellRandomTest {

    @Test
    void neighbouringTilesFirstDrawsAreSpreadLikeIndependentUniforms() {
        CellRandom r = new CellRandom(1);
        int tiles = 400;
        double[] first = new double[tiles];
        for (int t = 0; t < tiles; t++) {
            r.enterTile(123456789L, t);
            first[t] = r.nextDouble();
        }
        // 400 independent uniforms: mean 0.5 ± 0.014, and neighbours differ by ~1/3 on average.
        double mean = 0;
        double gap = 0;
        for (int t = 0; t < tiles; t++) {
            mean += first[t] / tiles;
            if (t > 0) {
                gap += Math.abs(first[t] - first[t - 1]) / (tiles - 1);
            }
        }
        assertEquals(0.5, mean, 0.06, "mean of the tiles' first draws");
        assertTrue(gap > 0.25, "neighbouring tiles' first draws differ by only " + gap + " on average");
    }

    @Test
    void aTileStreamDependsOnlyOnTheStepSeedAndTheTile() {
        CellRandom a = new CellRandom(1);
        CellRandom b = new CellRandom(1);
        a.enterTile(7, 3);
        a.nextLong();
        a.enterTile(7, 5);
        b.enterTile(7, 5);
        assertEquals(b.nextLong(), a.nextLong());
    }

    /**
     * A tile's stream, reseeded in place, is exactly the generator Commons RNG makes from the same
     * seed: the same 64-bit, 32-bit, bounded and floating-point draws, whatever was drawn before.
     */
    @Test
    void aReseededStreamIsCommonsRngsGeneratorForThatSeed() {
        CellRandom r = new CellRandom(1);
        java.util.SplittableRandom seeds = new java.util.SplittableRandom(42);
        long golden = 0x9E3779B97F4A7C15L;
        long[] stepSeeds = new long[2000];
        for (int i = 0; i < stepSeeds.length; i++) {
            stepSeeds[i] = i < 4 ? new long[] {0, -1, Long.MIN_VALUE, -golden}[i] : seeds.nextLong();
        }
        for (long stepSeed : stepSeeds) {
            int tile = seeds.nextInt(5000);
            r.enterTile(stepSeed, tile);
            UniformRandomProvider expected = RandomSource.XO_RO_SHI_RO_128_PP.create(stepSeed ^ (tile * golden));
            assertEquals(expected.nextInt(), r.nextInt(), "first int");
            assertEquals(expected.nextLong(), r.nextLong());
            assertEquals(expected.nextInt(17), r.nextInt(17));
            assertEquals(expected.nextDouble(), r.nextDouble());
            assertEquals(expected.nextInt(), r.nextInt(), "int after a cached half was used");
        }
    }

    @Test
    void enteringATileAllocatesNothing() {
        CellRandom r = new CellRandom(1);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (int i = 0; i < 200_000; i++) { // warm up: compiled code, as in a run
            r.enterTile(i, i & 1023);
            sum += r.nextLong();
        }
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < 100_000; i++) {
            r.enterTile(i, i & 1023);
            sum += r.nextLong();
        }
        long bytes = threads.getThreadAllocatedBytes(id) - before;
        r.leave();
        // A new generator per tile would be >= 3 MB here; the measurement itself may cost a little.
        assertTrue(bytes < 10_000, bytes + " bytes allocated entering 100,000 tiles (sum " + sum + ")");
    }
}
