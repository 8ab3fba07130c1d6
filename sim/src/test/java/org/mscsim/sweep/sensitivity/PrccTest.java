package org.mscsim.sweep.sensitivity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class PrccTest {

    @Test
    void monotoneParameterScoresNearOneAndAnIrrelevantOneNearZero() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(2008);
        int n = 200;
        double[][] x = new double[n][2];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = rng.nextDouble();
            x[i][1] = rng.nextDouble();
            // strongly nonlinear but monotone in x1, a little noise, nothing from x2
            y[i] = Math.exp(4 * x[i][0]) + 0.5 * (rng.nextDouble() - 0.5);
        }
        Prcc.Coefficient[] c = Prcc.of(x, y);
        assertTrue(c[0].prcc() > 0.95, "x1: " + c[0]);
        assertTrue(c[0].pValue() < 1e-20, "x1 is significant: " + c[0]);
        assertTrue(Math.abs(c[1].prcc()) < 0.15, "x2: " + c[1]);
        assertTrue(c[1].pValue() > 0.05, "x2 is not significant: " + c[1]);
    }

    @Test
    void aNegativeEffectGivesANegativeCoefficient() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(5);
        int n = 100;
        double[][] x = new double[n][3];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = rng.nextDouble();
            }
            y[i] = 1 / (0.1 + x[i][1]) + x[i][2] + 0.2 * rng.nextDouble();
        }
        Prcc.Coefficient[] c = Prcc.of(x, y);
        assertTrue(c[1].prcc() < -0.9, "x2 lowers y: " + c[1]);
        assertTrue(c[2].prcc() > 0.5, "x3 raises y: " + c[2]);
        assertTrue(Math.abs(c[0].prcc()) < 0.25, "x1 does nothing: " + c[0]);
    }

    @Test
    void equalsThePartialCorrelationOfTheRanksFromTheInverseCorrelationMatrix() {
        // Independent route to the same number: the partial correlation of variables i and j given
        // the rest is -P_ij / sqrt(P_ii P_jj) with P the inverse of their correlation matrix.
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(77);
        int n = 60;
        int k = 3;
        double[][] x = new double[n][k];
        double[] y = new double[n];
        double[][] ranked = new double[n][k + 1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                x[i][j] = rng.nextDouble() + (j == 2 ? 0.5 * x[i][0] : 0);
            }
            y[i] = x[i][0] - 2 * x[i][1] * x[i][1] + rng.nextDouble();
        }
        for (int j = 0; j < k; j++) {
            double[] col = new double[n];
            for (int i = 0; i < n; i++) {
                col[i] = x[i][j];
            }
            double[] r = Prcc.ranks(col);
            for (int i = 0; i < n; i++) {
                ranked[i][j] = r[i];
            }
        }
        double[] ry = Prcc.ranks(y);
        for (int i = 0; i < n; i++) {
            ranked[i][k] = ry[i];
        }
        RealMatrix corr = new PearsonsCorrelation(new Array2DRowRealMatrix(ranked)).getCorrelationMatrix();
        RealMatrix p = MatrixUtils.inverse(corr);
        Prcc.Coefficient[] c = Prcc.of(x, y);
        for (int j = 0; j < k; j++) {
            double expected = -p.getEntry(j, k) / Math.sqrt(p.getEntry(j, j) * p.getEntry(k, k));
            assertEquals(expected, c[j].prcc(), 1e-10, "parameter " + j);
        }
    }

    @Test
    void pValueFollowsStudentsTWithNMinus2MinusKDegreesOfFreedom() {
        // r = 0.5 from n = 30 controlling for k = 2: t = 0.5 sqrt(26 / 0.75) = 2.9439, df 26, two-sided p = 0.00676
        assertEquals(0.00676, Prcc.pValue(0.5, 30, 2), 5e-5);
        assertEquals(1, Prcc.pValue(0, 30, 2), 1e-12);
        assertEquals(0, Prcc.pValue(1, 30, 2));
    }

    @Test
    void tiesShareTheirAverageRank() {
        assertArrayEquals(new double[] {1, 2.5, 2.5, 4, 6, 6, 6}, Prcc.ranks(new double[] {-3, 0, 0, 1, 7, 7, 7}));
        assertArrayEquals(new double[] {3, 1, 2}, Prcc.ranks(new double[] {30, 10, 20}));
    }

    @Test
    void tooFewSamplesAreRefused() {
        double[][] x = {{1, 2}, {2, 1}, {3, 3}, {4, 5}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Prcc.of(x, new double[] {1, 2, 3, 4}));
        assertTrue(e.getMessage().contains("needs at least 5 samples"), e.getMessage());
    }
}
