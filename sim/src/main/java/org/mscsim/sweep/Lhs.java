package org.mscsim.sweep;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Latin-hypercube sampling (McKay, Beckman & Conover 1979; the design behind PRCC analyses,
 * Marino et al. 2008): each factor's range is cut into N equally probable strata and every
 * stratum is used by exactly one of the N points, with strata paired across factors at random.
 * Deterministic: the same factors, N and seed give the same points.
 */
public final class Lhs {

    private Lhs() {
    }

    /**
     * N points; {@code points[i][j]} is factor j's value at point i. Factors draw in order, each
     * a Fisher–Yates permutation of its strata followed by one uniform jitter per point.
     */
    public static Object[][] sample(List<Factor> factors, int n, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        Object[][] points = new Object[n][factors.size()];
        double below1 = Math.nextDown(1.0);
        for (int j = 0; j < factors.size(); j++) {
            int[] strata = new int[n];
            for (int i = 0; i < n; i++) {
                strata[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int k = rng.nextInt(i + 1);
                int t = strata[i];
                strata[i] = strata[k];
                strata[k] = t;
            }
            for (int i = 0; i < n; i++) {
                // (stratum + U) / N can round up to 1 for the top stratum; keep it inside [0, 1).
                double u = Math.min(below1, (strata[i] + rng.nextDouble()) / n);
                points[i][j] = factors.get(j).at(u);
            }
        }
        return points;
    }
}
