package org.mscsim.fields;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DiffusionSolverTest {

    private static final double DX = 10;      // µm
    private static final double D = 6000;     // µm²/min, a cytokine in water

    @Test
    void pointSourceSteadyStateMatchesBesselK0() {
        // lambda = sqrt(D/k) = 100 µm = 10 voxels; the patch reaches 10 lambda in each direction.
        int n = 201;
        int mid = n / 2;
        double k = 0.6;                       // 1/min
        double dt = 0.005;                    // min
        double source = 1.0;                  // concentration units per minute in the source voxel
        DiffusionSolver s = new DiffusionSolver(n, n, DiffusionSolver.Boundary.OUTFLOW);
        s.configure(D, k, 0, 0, dt, DX);
        double[][] c = new double[n][n];
        for (int step = 0; step < 4000; step++) {        // 20 min = 12 decay times
            c[mid][mid] += dt * source;
            s.step(c);
        }
        double lambda = Math.sqrt(D / k) / DX;           // in voxels
        double q = source * DX * DX;                     // emitted amount per minute per unit depth
        double worst = 0;
        for (int r = 3; r <= 3 * lambda; r++) {
            double analytic = q / (2 * Math.PI * D) * besselK0(r / lambda);
            // Average the four lattice directions; the solver is isotropic to discretisation error.
            double model = (c[mid][mid + r] + c[mid][mid - r] + c[mid + r][mid] + c[mid - r][mid]) / 4;
            worst = Math.max(worst, Math.abs(model / analytic - 1));
        }
        assertTrue(worst < 0.05, "worst relative error from 3 voxels to 3 lambda: " + worst);
    }

    @Test
    void stepProfileSpreadsAsErfc() {
        // A 1-D problem on a strip: c = 1 left of the middle, 0 right of it, spreading as
        // c(x, t) = erfc(x / sqrt(4 D t)) / 2 about the interface.
        int nx = 400;
        int ny = 3;
        double dt = 0.02;
        int steps = 1000;                                // 20 min: sqrt(4Dt) = 69 voxels
        DiffusionSolver s = new DiffusionSolver(nx, ny, DiffusionSolver.Boundary.CLOSED);
        s.configure(D, 0, 0, 0, dt, DX);
        double[][] c = new double[ny][nx];
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx / 2; x++) {
                c[y][x] = 1;
            }
        }
        for (int i = 0; i < steps; i++) {
            s.step(c);
        }
        double width = Math.sqrt(4 * D * dt * steps);
        double worst = 0;
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                double pos = (x + 0.5) * DX - nx / 2.0 * DX;
                double analytic = 0.5 * erfc(pos / width);
                worst = Math.max(worst, Math.abs(c[y][x] - analytic));
            }
        }
        assertTrue(worst < 0.003, "worst absolute error (of a unit step): " + worst);
    }

    @Test
    void closedBoundariesConserveMassExactlyWithoutDecay() {
        int nx = 97;
        int ny = 61;
        double[][] c = randomField(nx, ny, 1);
        double before = sum(c);
        DiffusionSolver s = new DiffusionSolver(nx, ny, DiffusionSolver.Boundary.CLOSED);
        s.configure(D, 0, 0, 0, 50, DX);                // r = 3000: far beyond explicit stability
        for (int i = 0; i < 200; i++) {
            s.step(c);
        }
        // Exact in exact arithmetic (every column of the matrix sums to one); what remains is
        // floating-point rounding, about 1e-14 of the total per step at this extreme r.
        assertEquals(before, sum(c), before * 1e-11);
        // 200 steps of 50 min spread everything: the field is flat.
        double mean = before / (nx * ny);
        for (double[] row : c) {
            for (double v : row) {
                assertTrue(v >= 0, "negative concentration " + v);
                assertEquals(mean, v, mean * 1e-6);
            }
        }
    }

    @Test
    void periodicBoundariesConserveMassAndAreTranslationInvariant() {
        int nx = 64;
        int ny = 40;
        DiffusionSolver s = new DiffusionSolver(nx, ny, DiffusionSolver.Boundary.PERIODIC);
        s.configure(D, 0, 0, 0, 0.5, DX);
        double[][] a = new double[ny][nx];
        double[][] b = new double[ny][nx];
        a[0][0] = 1;                                      // a corner: must wrap to all four sides
        b[ny / 2][nx / 2] = 1;                            // the same source in the middle
        for (int i = 0; i < 50; i++) {
            s.step(a);
            s.step(b);
        }
        assertEquals(1.0, sum(a), 1e-12);
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                assertEquals(b[(y + ny / 2) % ny][(x + nx / 2) % nx], a[y][x], 1e-14, "at " + x + "," + y);
            }
        }
        assertEquals(a[0][1], a[0][nx - 1], 1e-15, "wraps symmetrically along x");
        assertEquals(a[1][0], a[ny - 1][0], 1e-15, "wraps symmetrically along y");
    }

    @Test
    void outflowBoundariesDrainMass() {
        int n = 30;
        DiffusionSolver s = new DiffusionSolver(n, n, DiffusionSolver.Boundary.OUTFLOW);
        s.configure(D, 0, 0, 0, 5, DX);
        double[][] c = filled(n, n, 1);
        s.step(c);
        double after1 = sum(c);
        for (int i = 0; i < 100; i++) {
            s.step(c);
        }
        assertTrue(after1 < n * n && sum(c) < after1 * 0.01, "mass leaves through the edges");
    }

    @Test
    void uniformFieldDecaysExponentially() {
        int n = 20;
        double halfLife = 30;
        double dt = 7;
        DiffusionSolver s = new DiffusionSolver(n, n, DiffusionSolver.Boundary.CLOSED);
        s.configure(D, Math.log(2) / halfLife, 0, 0, dt, DX);
        double[][] c = filled(n, n, 5);
        int steps = 30;
        for (int i = 0; i < steps; i++) {
            s.step(c);
        }
        double expected = 5 * Math.pow(0.5, steps * dt / halfLife);
        for (double[] row : c) {
            for (double v : row) {
                assertEquals(expected, v, expected * 1e-12);
            }
        }
    }

    @Test
    void supplyRelaxesTowardsItsTargetWithDecay() {
        int n = 10;
        DiffusionSolver s = new DiffusionSolver(n, n, DiffusionSolver.Boundary.CLOSED);
        double k = 0.01;
        double supply = 0.03;
        s.configure(D, k, supply, 40, 10, DX);
        double[][] c = new double[n][n];
        for (int i = 0; i < 500; i++) {
            s.step(c);
        }
        double steady = supply * 40 / (k + supply);
        for (double[] row : c) {
            for (double v : row) {
                assertEquals(steady, v, 1e-9);
            }
        }
    }

    @Test
    void splittingWorkAcrossThreadsGivesIdenticalBits() {
        // Eight fields: 2 threads solve four whole fields each; 3 and 5 threads solve six and five
        // whole and share the rest, a lead and a helper thread per field. Five fields on two
        // threads, the bench's case, share one.
        for (DiffusionSolver.Boundary b : DiffusionSolver.Boundary.values()) {
            for (int count : new int[] {5, 8}) {
                int nx = 53;
                int ny = 47;
                double[][][] reference = null;
                for (int threads : new int[] {1, 2, 3, 5}) {
                    Field[] all = new Field[count];
                    for (int k = 0; k < count; k++) {
                        FieldId id = FieldId.ALL[k];
                        Field f = new Field(id, nx, ny, b);
                        // PGE2 without diffusion exercises the decay-only path.
                        f.configure(DX, 10, 3, id == FieldId.PGE2 ? 0 : D * (1 + k), 45, 0, 0.5, 2);
                        double[][] start = randomField(nx, ny, 7 + k);
                        for (int y = 0; y < ny; y++) {
                            System.arraycopy(start[y], 0, f.c[y], 0, nx);
                        }
                        all[k] = f;
                    }
                    try (Workers w = new Workers(threads)) {
                        Fields fields = new Fields(all, w);
                        for (int i = 0; i < 20; i++) {
                            fields.step();
                        }
                    }
                    double[][][] now = new double[count][][];
                    for (int k = 0; k < count; k++) {
                        now[k] = all[k].c;
                    }
                    if (reference == null) {
                        reference = now;
                    } else {
                        for (int k = 0; k < count; k++) {
                            assertArrayEquals(reference[k], now[k],
                                    b + ", " + count + " fields, " + threads + " threads, field " + k + ": the split changed the answer");
                        }
                    }
                }
            }
        }
    }

    @Test
    void aFailingThreadStopsItsPartnersAndTheCauseIsReported() {
        // Three threads, two fields, both shared: thread 0 is the helper of field 1 and the lead of
        // field 0. A missing row makes it fail; the threads waiting for it must stop rather than
        // wait forever, the caller must see the cause, and the next step must work again.
        int nx = 16;
        int ny = 64;
        Field[] fs = new Field[2];
        for (int k = 0; k < 2; k++) {
            fs[k] = new Field(FieldId.ALL[k], nx, ny, DiffusionSolver.Boundary.PERIODIC);
            fs[k].configure(DX, 10, 3, D, 45, 0, 0, 1);
        }
        try (Workers w = new Workers(3)) {
            Fields fields = new Fields(fs, w);
            fields.step();
            double[] row = fs[1].c[ny - 1];
            fs[1].c[ny - 1] = null;
            NullPointerException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> assertThrows(NullPointerException.class, fields::step), "the partners of a failed thread must not wait forever");
            assertTrue(e.getSuppressed().length <= 1, "at most the other parts' first failure rides along");
            fs[1].c[ny - 1] = row;
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                fields.step();
                fields.step();
            }, "after a failed step the next ones run normally");
        }
    }

    @Test
    void theForwardPassRefusesAHelperSplitInsideABlock() {
        DiffusionSolver s = new DiffusionSolver(16, 32, DiffusionSolver.Boundary.CLOSED);
        s.configure(D, 0, 0, 0, 5, DX);
        double[][] c = new double[32][16];
        assertThrows(IllegalArgumentException.class, () -> s.forward(c, 12, () -> { }));
    }

    @Test
    void helperRowsAndTwoPassesGiveTheWholeStepsBits() {
        for (DiffusionSolver.Boundary b : DiffusionSolver.Boundary.values()) {
            int nx = 61;
            int ny = 43;
            // Where the helper's rows start: all of them, from a block boundary, none.
            for (int solvedFrom : new int[] {0, 8, 40, ny}) {
                DiffusionSolver whole = new DiffusionSolver(nx, ny, b);
                DiffusionSolver shared = new DiffusionSolver(nx, ny, b);
                whole.configure(D, 0.01, 0.002, 3, 5, DX);
                shared.configure(D, 0.01, 0.002, 3, 5, DX);
                double[][] a = randomField(nx, ny, 11);
                double[][] c = randomField(nx, ny, 11);
                int[] awaited = {0};
                for (int i = 0; i < 10; i++) {
                    whole.step(a);
                    shared.solveRows(c, solvedFrom, ny);
                    shared.forward(c, solvedFrom, () -> awaited[0]++);
                    shared.backward(c);
                }
                assertArrayEquals(a, c, b + ", helper rows from " + solvedFrom);
                assertEquals(solvedFrom < ny ? 10 : 0, awaited[0], "the forward pass waits once per step for the helper's rows");
            }
        }
    }

    private static double[][] randomField(int nx, int ny, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] c = new double[ny][nx];
        for (double[] row : c) {
            for (int i = 0; i < nx; i++) {
                row[i] = r.nextDouble() * 10;
            }
        }
        return c;
    }

    private static double[][] filled(int nx, int ny, double value) {
        double[][] c = new double[ny][nx];
        for (double[] row : c) {
            Arrays.fill(row, value);
        }
        return c;
    }

    private static double sum(double[][] c) {
        double s = 0;
        for (double[] row : c) {
            for (double v : row) {
                s += v;
            }
        }
        return s;
    }

    /** K0(x) = integral over t in [0, inf) of exp(-x cosh t), by Simpson's rule. */
    static double besselK0(double x) {
        double upper = acosh(60 / x + 1);
        int n = 20_000;
        double h = upper / n;
        double s = Math.exp(-x) + Math.exp(-x * Math.cosh(upper));
        for (int i = 1; i < n; i++) {
            s += (i % 2 == 0 ? 2 : 4) * Math.exp(-x * Math.cosh(i * h));
        }
        return s * h / 3;
    }

    private static double acosh(double v) {
        return Math.log(v + Math.sqrt(v * v - 1));
    }

    /** erfc by Simpson integration of the Gaussian (accurate to ~1e-10 here). */
    static double erfc(double x) {
        if (x < 0) {
            return 2 - erfc(-x);
        }
        double upper = x + 10;
        int n = 20_000;
        double h = (upper - x) / n;
        double s = Math.exp(-x * x) + Math.exp(-upper * upper);
        for (int i = 1; i < n; i++) {
            double t = x + i * h;
            s += (i % 2 == 0 ? 2 : 4) * Math.exp(-t * t);
        }
        return 2 / Math.sqrt(Math.PI) * s * h / 3;
    }

    @Test
    void numericalHelpersAreAccurate() {
        assertEquals(0.4210244382, besselK0(1), 1e-8);
        assertEquals(0.0036910983, besselK0(5), 1e-9);
        assertEquals(0.1572992070, erfc(1), 1e-9);
    }
}
