package org.mscsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
