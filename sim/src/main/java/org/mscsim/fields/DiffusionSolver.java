package org.mscsim.fields;

/**
 * Diffusion and decay of one soluble field on an {@code nx × ny} lattice, by the implicit
 * locally one-dimensional (LOD) scheme BioFVM uses: each step solves a backward-Euler
 * tridiagonal system along x for every row, then along y for every column (Thomas algorithm),
 * so it is unconditionally stable at any {@code dt}. Decay and supply are linear and, with a
 * uniform rate, commute with the diffusion operator, so they are applied exactly
 * ({@code exp(-k dt)}) rather than split into the tridiagonal diagonals.
 *
 * <p>The coefficients are the same on every row (and every column), so the Thomas forward
 * elimination factors are computed once per {@link #configure} and each solve is two sweeps
 * over the data. Concentrations live in one flat row-major array, {@code c[y * nx + x]}.
 *
 * <p>Rows and columns are independent within a direction, so callers may split the x pass by
 * rows and the y pass by column ranges across threads; each voxel sees the same arithmetic in
 * the same order whatever the split, so results are bit-identical for any thread count.
 */
public final class DiffusionSolver {

    /** How the field behaves at the edge of the patch. */
    public enum Boundary {
        /** Zero flux: nothing leaves; mass is conserved without decay. */
        CLOSED,
        /** The patch repeats; what leaves one edge enters the opposite one. */
        PERIODIC,
        /** The patch borders a large sink held at zero (a ghost voxel of concentration 0). */
        OUTFLOW;

        public static Boundary parse(String s) {
            return valueOf(s.toUpperCase(java.util.Locale.ROOT));
        }
    }

    private final int nx;
    private final int ny;
    private final Boundary boundary;

    private double r;          // D dt / dx², the implicit coupling to each neighbour
    private double keep;       // exp(-(decay + supply) dt): share of the deviation from `target` kept
    private double add;        // target * (1 - keep): what supply adds per step
    private boolean identity;  // no diffusion: the tridiagonal solve is a no-op

    private final Sweep sx;
    private final Sweep sy;
    private final double[] columnScratch; // per-column Sherman–Morrison factors (periodic y)
    /** Rows solved together in the x pass: 8 doubles fill two AVX2 registers. */
    static final int BLOCK = 8;
    /** One transposed block per thread, allocated once per thread and reused every step. */
    private final ThreadLocal<double[]> rowScratch;

    public DiffusionSolver(int nx, int ny, Boundary boundary) {
        if (nx < 3 || ny < 3) {
            throw new IllegalArgumentException("grid must be at least 3 x 3, got " + nx + " x " + ny);
        }
        this.nx = nx;
        this.ny = ny;
        this.boundary = boundary;
        this.sx = new Sweep(nx);
        this.sy = new Sweep(ny);
        this.columnScratch = new double[nx];
        this.rowScratch = ThreadLocal.withInitial(() -> new double[nx * BLOCK]);
    }

    /**
     * Sets the physics for subsequent steps.
     *
     * @param diffusionUm2PerMin diffusion coefficient D (µm²/min)
     * @param decayPerMin        first-order decay rate k (1/min); 0 for none
     * @param supplyPerMin       relaxation rate s towards {@code supplyTarget} (1/min), e.g.
     *                           tryptophan replenished from plasma; 0 for none
     * @param supplyTarget       the level supply relaxes towards (field units)
     * @param dtMin              time step (min)
     * @param dxUm               voxel edge (µm)
     */
    public void configure(double diffusionUm2PerMin, double decayPerMin, double supplyPerMin,
                          double supplyTarget, double dtMin, double dxUm) {
        r = diffusionUm2PerMin * dtMin / (dxUm * dxUm);
        identity = r == 0.0;
        double rate = decayPerMin + supplyPerMin;
        keep = Math.exp(-rate * dtMin);
        // dc/dt = -k c + s (T - c) relaxes to c* = s T / (k + s) at rate k + s.
        double steady = rate == 0.0 ? 0.0 : supplyPerMin * supplyTarget / rate;
        add = steady * (1.0 - keep);
        if (!identity) {
            sx.factor(r, boundary);
            sy.factor(r, boundary);
        }
    }

    public int nx() { return nx; }

    public int ny() { return ny; }

    /** One full step on a single thread: x pass, y pass, decay and supply. */
    public void step(double[] c) {
        solveRows(c, 0, ny);
        solveColumns(c, 0, nx);
    }

    /**
     * The x pass for rows {@code [rowFrom, rowTo)}. Each row's Thomas recurrence is a chain of
     * dependent multiply-adds, so rows are solved {@value #BLOCK} at a time: copied into a
     * transposed scratch block, swept with the block's rows side by side (unit-stride,
     * independent, vectorisable, like the y pass), and copied back. The arithmetic per voxel is
     * exactly that of a one-row sweep, so the answer does not depend on the blocking.
     */
    public void solveRows(double[] c, int rowFrom, int rowTo) {
        if (identity) {
            return;
        }
        double[] scratch = rowScratch.get();
        for (int r0 = rowFrom; r0 < rowTo; r0 += BLOCK) {
            int rows = Math.min(BLOCK, rowTo - r0);
            solveRowBlock(c, r0, rows, scratch);
        }
    }

    private void solveRowBlock(double[] c, int r0, int rows, double[] t) {
        final Sweep s = sx;
        final double rr = r;
        final double[] inv = s.inv;
        final double[] g = s.g;
        final int n = nx;
        final int B = BLOCK;
        // Transpose in: t[i * B + b] = c[(r0 + b) * n + i].
        for (int b = 0; b < rows; b++) {
            final int o = (r0 + b) * n;
            for (int i = 0; i < n; i++) {
                t[i * B + b] = c[o + i];
            }
        }
        {
            final double i0 = inv[0];
            for (int b = 0; b < B; b++) {
                t[b] *= i0;
            }
        }
        for (int i = 1; i < n; i++) {
            final int o = i * B;
            final int p = o - B;
            final double ii = inv[i];
            for (int b = 0; b < B; b++) {
                t[o + b] = (t[o + b] + rr * t[p + b]) * ii;
            }
        }
        for (int i = n - 2; i >= 0; i--) {
            final int o = i * B;
            final int q = o + B;
            final double gi = g[i];
            for (int b = 0; b < B; b++) {
                t[o + b] += gi * t[q + b];
            }
        }
        if (s.periodic) {
            final double[] z = s.z;
            final double fz = s.fz;
            final double bg = s.betaOverGamma;
            final int last = (n - 1) * B;
            for (int b = 0; b < rows; b++) {
                final double m = fz * (t[b] + bg * t[last + b]);
                for (int i = 0; i < n; i++) {
                    t[i * B + b] -= m * z[i];
                }
            }
        }
        // Transpose out.
        for (int b = 0; b < rows; b++) {
            final int o = (r0 + b) * n;
            for (int i = 0; i < n; i++) {
                c[o + i] = t[i * B + b];
            }
        }
    }

    /**
     * The y pass for columns {@code [colFrom, colTo)}, followed by the exact decay/supply
     * update. It walks whole row segments so the inner loops are unit-stride and vectorisable.
     */
    public void solveColumns(double[] c, int colFrom, int colTo) {
        final int n = nx;
        final double kp = keep;
        final double ad = add;
        if (identity) {
            scale(c, 0, ny, colFrom, colTo, kp, ad);
            return;
        }
        final Sweep s = sy;
        final double rr = r;
        final double[] inv = s.inv;
        final double[] g = s.g;
        final int m = ny;
        {
            final double i0 = inv[0];
            for (int i = colFrom; i < colTo; i++) {
                c[i] *= i0;
            }
        }
        for (int j = 1; j < m; j++) {
            final int o = j * n;
            final int p = o - n;
            final double ij = inv[j];
            for (int i = colFrom; i < colTo; i++) {
                c[o + i] = (c[o + i] + rr * c[p + i]) * ij;
            }
        }
        if (s.periodic) {
            for (int j = m - 2; j >= 0; j--) {
                final int o = j * n;
                final int q = o + n;
                final double gj = g[j];
                for (int i = colFrom; i < colTo; i++) {
                    c[o + i] += gj * c[q + i];
                }
            }
            // Sherman–Morrison correction per column, fused with decay and supply. Row 0 and
            // the last row feed every row's correction, so take the per-column factor first.
            final double[] z = s.z;
            final double fz = s.fz;
            final double bg = s.betaOverGamma;
            final double[] corr = columnScratch;
            final int last = (m - 1) * n;
            for (int i = colFrom; i < colTo; i++) {
                corr[i] = fz * (c[i] + bg * c[last + i]);
            }
            for (int j = 0; j < m; j++) {
                final int o = j * n;
                final double zj = z[j];
                for (int i = colFrom; i < colTo; i++) {
                    c[o + i] = (c[o + i] - corr[i] * zj) * kp + ad;
                }
            }
            return;
        }
        // Back substitution; row j+1 is scaled only after row j has used its unscaled value.
        for (int j = m - 2; j >= 0; j--) {
            final int o = j * n;
            final int q = o + n;
            final double gj = g[j];
            for (int i = colFrom; i < colTo; i++) {
                final double below = c[q + i];
                c[o + i] += gj * below;
                c[q + i] = below * kp + ad;
            }
        }
        for (int i = colFrom; i < colTo; i++) {
            c[i] = c[i] * kp + ad;
        }
    }

    private void scale(double[] c, int rowFrom, int rowTo, int colFrom, int colTo, double kp, double ad) {
        if (kp == 1.0 && ad == 0.0) {
            return;
        }
        for (int j = rowFrom; j < rowTo; j++) {
            final int o = j * nx;
            for (int i = colFrom; i < colTo; i++) {
                c[o + i] = c[o + i] * kp + ad;
            }
        }
    }

    /**
     * Thomas factors for the constant-coefficient system {@code -r u[i-1] + b u[i] - r u[i+1]}
     * along one direction of length n.
     */
    private static final class Sweep {
        final int n;
        final double[] inv;  // 1 / pivot_i
        final double[] g;    // r / pivot_i: back-substitution weight
        boolean periodic;
        double[] z;          // B z = u, the Sherman–Morrison auxiliary solution
        double fz;           // 1 / (1 + v·z)
        double betaOverGamma;

        Sweep(int n) {
            this.n = n;
            this.inv = new double[n];
            this.g = new double[n];
        }

        void factor(double r, Boundary boundary) {
            double[] diag = new double[n];
            java.util.Arrays.fill(diag, 1.0 + 2.0 * r);
            periodic = boundary == Boundary.PERIODIC;
            double gamma = 0;
            double beta = -r;
            double alpha = -r;
            if (boundary == Boundary.CLOSED) {
                // Zero-flux ends: the missing neighbour contributes nothing, so every column of
                // the matrix sums to one and the solve conserves mass exactly.
                diag[0] = 1.0 + r;
                diag[n - 1] = 1.0 + r;
            } else if (periodic) {
                // Cyclic system A = B + u v^T with u = (gamma, 0.., alpha), v = (1, 0.., beta/gamma).
                gamma = -diag[0];
                diag[0] -= gamma;
                diag[n - 1] -= alpha * beta / gamma;
            }
            inv[0] = 1.0 / diag[0];
            g[0] = r * inv[0];
            for (int i = 1; i < n; i++) {
                inv[i] = 1.0 / (diag[i] - r * g[i - 1]);
                g[i] = r * inv[i];
            }
            if (periodic) {
                z = new double[n];
                z[0] = gamma;
                z[n - 1] = alpha;
                z[0] *= inv[0];
                for (int i = 1; i < n; i++) {
                    z[i] = (z[i] + r * z[i - 1]) * inv[i];
                }
                for (int i = n - 2; i >= 0; i--) {
                    z[i] += g[i] * z[i + 1];
                }
                betaOverGamma = beta / gamma;
                fz = 1.0 / (1.0 + z[0] + betaOverGamma * z[n - 1]);
            }
        }
    }
}
