package org.mscsim.sweep.sensitivity;

import java.util.Arrays;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;

/**
 * Partial rank correlation coefficients (Marino, Hogue, Ray & Kirschner 2008, J Theor Biol
 * 254:178): the monotone association between one parameter and an output once the linear
 * effects of all other parameters are removed. Parameters and output are rank-transformed
 * (average ranks for ties); the ranks of parameter j and of the output are each regressed on the
 * ranks of the other parameters (with intercept, least squares by QR), and the PRCC is the
 * Pearson correlation of the two residuals. Significance: t = r √((n − 2 − k) / (1 − r²)) with
 * n − 2 − k degrees of freedom, k the number of parameters controlled for.
 */
public final class Prcc {

    /** One coefficient with its two-sided p-value; NaN when it is undefined (output constant given the others). */
    public record Coefficient(double prcc, double pValue) {
    }

    private Prcc() {
    }

    /**
     * PRCC of {@code y} against each column of {@code x}.
     *
     * @param x {@code x[i][j]}: parameter j in sample i; at least k + 3 samples for k parameters
     * @param y the output in each sample, all finite
     * @throws IllegalArgumentException if parameters are collinear (one is a linear function of others)
     */
    public static Coefficient[] of(double[][] x, double[] y) {
        int n = y.length;
        int k = x[0].length;
        if (n < k + 3) {
            throw new IllegalArgumentException("PRCC of " + k + " parameters needs at least " + (k + 3) + " samples, got " + n);
        }
        double[][] ranks = new double[k][];
        for (int j = 0; j < k; j++) {
            double[] col = new double[n];
            for (int i = 0; i < n; i++) {
                col[i] = x[i][j];
            }
            ranks[j] = ranks(col);
        }
        double[] ry = ranks(y);
        Coefficient[] out = new Coefficient[k];
        for (int j = 0; j < k; j++) {
            double[] residualX;
            double[] residualY;
            if (k == 1) {
                // Nothing to control for: the PRCC is Spearman's rank correlation.
                residualX = centred(ranks[0]);
                residualY = centred(ry);
            } else {
                DecompositionSolver solver = others(ranks, j, n);
                residualX = residuals(solver, ranks[j], ranks, j);
                residualY = residuals(solver, ry, ranks, j);
            }
            double r = correlation(residualX, residualY);
            out[j] = new Coefficient(r, pValue(r, n, k - 1));
        }
        return out;
    }

    /** Two-sided p-value of a partial correlation r from n samples controlling for k variables. */
    public static double pValue(double r, int n, int k) {
        if (Double.isNaN(r)) {
            return Double.NaN;
        }
        double df = n - 2 - k;
        if (Math.abs(r) >= 1) {
            return 0;
        }
        double t = Math.abs(r) * Math.sqrt(df / (1 - r * r));
        // 2·P(T ≤ −|t|) rather than 2·(1 − P(T ≤ |t|)), which would round small p-values to 0.
        return Math.min(1, 2 * new TDistribution(null, df).cumulativeProbability(-t));
    }

    /** Ranks 1..n, ties sharing their average rank. */
    public static double[] ranks(double[] v) {
        int n = v.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
        double[] r = new double[n];
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && Double.compare(v[order[j + 1]], v[order[i]]) == 0) {
                j++;
            }
            double average = (i + j) / 2.0 + 1;
            for (int m = i; m <= j; m++) {
                r[order[m]] = average;
            }
            i = j + 1;
        }
        return r;
    }

    private static DecompositionSolver others(double[][] ranks, int skip, int n) {
        int k = ranks.length;
        double[][] z = new double[n][k];
        for (int i = 0; i < n; i++) {
            z[i][0] = 1;
            int c = 1;
            for (int m = 0; m < k; m++) {
                if (m != skip) {
                    z[i][c++] = ranks[m][i];
                }
            }
        }
        return new QRDecomposition(new Array2DRowRealMatrix(z, false), 1e-10).getSolver();
    }

    private static double[] residuals(DecompositionSolver solver, double[] target, double[][] ranks, int skip) {
        RealVector b;
        try {
            b = solver.solve(new ArrayRealVector(target, false));
        } catch (SingularMatrixException e) {
            throw new IllegalArgumentException("the parameters other than number " + (skip + 1) + " are collinear");
        }
        int n = target.length;
        double[] res = new double[n];
        for (int i = 0; i < n; i++) {
            double fit = b.getEntry(0);
            int c = 1;
            for (int m = 0; m < ranks.length; m++) {
                if (m != skip) {
                    fit += b.getEntry(c++) * ranks[m][i];
                }
            }
            res[i] = target[i] - fit;
        }
        return res;
    }

    private static double[] centred(double[] v) {
        double mean = 0;
        for (double d : v) {
            mean += d;
        }
        mean /= v.length;
        double[] c = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            c[i] = v[i] - mean;
        }
        return c;
    }

    private static double correlation(double[] a, double[] b) {
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += a[i] * b[i];
            saa += a[i] * a[i];
            sbb += b[i] * b[i];
        }
        // Residual variance at rounding level means the output (or parameter) is fully explained
        // by the others: the partial correlation is undefined.
        double scale = a.length * (double) a.length * a.length;
        if (saa <= 1e-18 * scale || sbb <= 1e-18 * scale) {
            return Double.NaN;
        }
        return Math.max(-1, Math.min(1, sab / Math.sqrt(saa * sbb)));
    }
}
