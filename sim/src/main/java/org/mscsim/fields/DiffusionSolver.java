package org.mscsim.fields;

/**
 * Diffusion and decay of one soluble field on an {@code nx × ny} lattice, by the implicit
 * locally one-dimensional (LOD) scheme BioFVM uses: each step solves a backward-Euler
 * tridiagonal system along x for every row, then along y for every column (Thomas algorithm),
 * so it is unconditionally stable at any {@code dt}. Decay and supply are linear and, with a
 * uniform rate, commute with the diffusion operator, so they are applied exactly
 * ({@code exp(-k dt)}) rather than split into the tridiagonal diagonals.
 *
 * <p>The field is an array of rows, {@code c[y][x]}. Each row being its own array is what lets
 * HotSpot's C2 vectorise the y sweeps in place: it combines row {@code y} with row {@code y ± 1}
 * lane by lane, and C2 (Java 17) will not vectorise two overlapping ranges of one flat array.
 *
 * <p>The coefficients are the same on every row (and every column), so the Thomas elimination
 * factors are computed once per {@link #configure}. A step is two passes over the field, so it
 * moves 32 bytes per voxel (one read and one write per pass):
 * <ol>
 * <li>{@link #forward}, top to bottom, {@value #BLOCK} rows at a time: the rows are solved along x
 *     side by side (independent recurrences the CPU overlaps) while they are in cache, then
 *     forward eliminated along y against the row above;</li>
 * <li>{@link #backward}, bottom to top: back substitution along y, the periodic
 *     (Sherman–Morrison) correction, and exact decay and supply.</li>
 * </ol>
 * The periodic y correction needs the first row's solution before the back substitution
 * reaches it; it is the back substitution unrolled, a sum of the forward values weighted by
 * products of the back-substitution factors, accumulated during the first pass.
 *
 * <p>Two threads can share one field: one solves the x systems of the bottom rows
 * ({@link #solveRows}) while the other runs {@link #forward} over the top rows, and once the
 * forward pass is done either runs {@link #backward}. Every voxel sees exactly the arithmetic of
 * {@link #step}, so the answer is the same to the bit however the work is shared.
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
    /** Rows solved together along x: enough independent chains to hide the multiply-add latency. */
    static final int BLOCK = 8;
    /**
     * State the forward pass leaves for the backward pass, which may run on another thread: for
     * a periodic patch, the weighted sums giving row 0's solution (per column); then the
     * solution of the row below during back substitution.
     */
    private final double[] first;
    private final double[] below;
    /** "The row above" row 0 in the forward elimination: nothing. */
    private final double[] none;

    public DiffusionSolver(int nx, int ny, Boundary boundary) {
        if (nx < 3 || ny < 3) {
            throw new IllegalArgumentException("grid must be at least 3 x 3, got " + nx + " x " + ny);
        }
        this.nx = nx;
        this.ny = ny;
        this.boundary = boundary;
        this.sx = new Sweep(nx);
        this.sy = new Sweep(ny);
        this.first = new double[nx];
        this.below = new double[nx];
        this.none = new double[nx];
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

    /** One full step of the field {@code c[y][x]}: diffusion along x and y, decay and supply. */
    public void step(double[][] c) {
        forward(c, ny, null);
        backward(c);
    }

    /**
     * The x solves of rows {@code [from, to)} alone, for a thread helping another with one field:
     * the helper solves the bottom rows while {@link #forward} works down the top ones.
     */
    public void solveRows(double[][] c, int from, int to) {
        if (identity) {
            return;
        }
        final int n = nx;
        final double[] inv = sx.inv;
        final double[] g = sx.g;
        int j = from;
        for (; j + BLOCK <= to; j += BLOCK) {
            solveEightRows(c[j], c[j + 1], c[j + 2], c[j + 3], c[j + 4], c[j + 5], c[j + 6], c[j + 7], n, inv, g);
        }
        for (; j < to; j++) {
            solveRow(c[j], n, inv, g);
        }
    }

    /**
     * The first pass: the x solves and the forward elimination along y, top to bottom. Rows from
     * {@code solvedFrom} on (a multiple of {@value #BLOCK}, or {@code ny}) have had their x solves
     * from {@link #solveRows} on another thread; {@code solved} is awaited before the pass
     * reaches them.
     */
    public void forward(double[][] c, int solvedFrom, Runnable solved) {
        if (solvedFrom < ny && solvedFrom % BLOCK != 0 || solvedFrom < 0) {
            throw new IllegalArgumentException("solvedFrom must be a multiple of " + BLOCK + " or ny (" + ny + "), got " + solvedFrom);
        }
        if (identity) {
            return;
        }
        final int n = nx;
        final int m = ny;
        final int B = BLOCK;
        final double[] sum = first;
        final double[] invX = sx.inv;
        final double[] gX = sx.g;
        final double[] invY = sy.inv;
        final double[] gY = sy.g;
        final boolean periodic = sx.periodic;
        final double[] zx = sx.z;
        assert periodic == sy.periodic : "one boundary rule for both directions";
        double weight = 1.0; // product of gY[k] for k < j: row j's share in row 0's solution
        if (periodic) {
            java.util.Arrays.fill(sum, 0.0);
        }
        for (int r0 = 0; r0 < m; r0 += B) {
            final int rows = Math.min(B, m - r0);
            // Along x, in place: the block's rows advance together, so their recurrences are
            // independent chains the CPU overlaps.
            if (r0 >= solvedFrom) {
                if (r0 == solvedFrom) {
                    solved.run();
                }
            } else if (rows == B) {
                solveEightRows(c[r0], c[r0 + 1], c[r0 + 2], c[r0 + 3], c[r0 + 4], c[r0 + 5], c[r0 + 6], c[r0 + 7], n, invX, gX);
            } else {
                for (int b = 0; b < rows; b++) {
                    solveRow(c[r0 + b], n, invX, gX);
                }
            }
            // Along y: forward elimination of each row against the one above.
            for (int b = 0; b < rows; b++) {
                final int j = r0 + b;
                final double ij = invY[j];
                final double gj = j == 0 ? 0.0 : gY[j];
                final double[] cur = c[j];
                final double[] prev = j == 0 ? none : c[j - 1];
                if (periodic) {
                    // The periodic boundary is periodic both ways: fold the x correction in, and
                    // accumulate this row's share of row 0's solution for the y correction.
                    final double mx = sx.fz * (cur[0] + sx.betaOverGamma * cur[n - 1]);
                    final double wt = weight;
                    for (int i = 0; i < n; i++) {
                        final double v = (cur[i] - mx * zx[i]) * ij + gj * prev[i];
                        cur[i] = v;
                        sum[i] += wt * v;
                    }
                    weight *= gY[j];
                } else {
                    for (int i = 0; i < n; i++) {
                        cur[i] = cur[i] * ij + gj * prev[i];
                    }
                }
            }
        }
    }

    /**
     * Thomas along one row in place. Forward: {@code d[i] = c[i] inv[i] + g[i] d[i-1]}
     * (because {@code g = r inv}), a single multiply-add on the dependency chain; backward:
     * {@code x[i] = d[i] + g[i] x[i+1]}.
     */
    private static void solveRow(double[] c, int n, double[] inv, double[] g) {
        double v = c[0] * inv[0];
        c[0] = v;
        for (int i = 1; i < n; i++) {
            v = c[i] * inv[i] + g[i] * v;
            c[i] = v;
        }
        for (int i = n - 2; i >= 0; i--) {
            v = c[i] + g[i] * v;
            c[i] = v;
        }
    }

    /**
     * {@link #solveRow} for eight rows at once, written out so the eight recurrences stay in
     * registers and run side by side: one row alone is bound by the latency of its chain.
     */
    private static void solveEightRows(double[] c0, double[] c1, double[] c2, double[] c3,
                                       double[] c4, double[] c5, double[] c6, double[] c7,
                                       int n, double[] inv, double[] g) {
        final double f = inv[0];
        double v0 = c0[0] * f;
        double v1 = c1[0] * f;
        double v2 = c2[0] * f;
        double v3 = c3[0] * f;
        double v4 = c4[0] * f;
        double v5 = c5[0] * f;
        double v6 = c6[0] * f;
        double v7 = c7[0] * f;
        c0[0] = v0;
        c1[0] = v1;
        c2[0] = v2;
        c3[0] = v3;
        c4[0] = v4;
        c5[0] = v5;
        c6[0] = v6;
        c7[0] = v7;
        for (int i = 1; i < n; i++) {
            final double ii = inv[i];
            final double gi = g[i];
            v0 = c0[i] * ii + gi * v0;
            v1 = c1[i] * ii + gi * v1;
            v2 = c2[i] * ii + gi * v2;
            v3 = c3[i] * ii + gi * v3;
            v4 = c4[i] * ii + gi * v4;
            v5 = c5[i] * ii + gi * v5;
            v6 = c6[i] * ii + gi * v6;
            v7 = c7[i] * ii + gi * v7;
            c0[i] = v0;
            c1[i] = v1;
            c2[i] = v2;
            c3[i] = v3;
            c4[i] = v4;
            c5[i] = v5;
            c6[i] = v6;
            c7[i] = v7;
        }
        for (int i = n - 2; i >= 0; i--) {
            final double gi = g[i];
            v0 = c0[i] + gi * v0;
            v1 = c1[i] + gi * v1;
            v2 = c2[i] + gi * v2;
            v3 = c3[i] + gi * v3;
            v4 = c4[i] + gi * v4;
            v5 = c5[i] + gi * v5;
            v6 = c6[i] + gi * v6;
            v7 = c7[i] + gi * v7;
            c0[i] = v0;
            c1[i] = v1;
            c2[i] = v2;
            c3[i] = v3;
            c4[i] = v4;
            c5[i] = v5;
            c6[i] = v6;
            c7[i] = v7;
        }
    }

    /**
     * The second pass, after {@link #forward}: back substitution along y, the periodic
     * correction, decay and supply, bottom to top.
     */
    public void backward(double[][] c) {
        final int n = nx;
        final int m = ny;
        final double kp = keep;
        final double ad = add;
        if (identity) {
            if (kp != 1.0 || ad != 0.0) {
                for (int j = 0; j < m; j++) {
                    final double[] row = c[j];
                    for (int i = 0; i < n; i++) {
                        row[i] = row[i] * kp + ad;
                    }
                }
            }
            return;
        }
        final double[] gY = sy.g;
        final double[] b = below; // the solution of the row below, before correction and decay
        System.arraycopy(c[m - 1], 0, b, 0, n);
        if (sy.periodic) {
            // Sherman–Morrison: x = y - fz (y_0 + beta/gamma y_last) z, per column.
            final double[] corr = first;
            final double fz = sy.fz;
            final double bg = sy.betaOverGamma;
            final double[] z = sy.z;
            for (int i = 0; i < n; i++) {
                corr[i] = fz * (corr[i] + bg * b[i]);
            }
            final double[] lastRow = c[m - 1];
            final double zl = z[m - 1];
            for (int i = 0; i < n; i++) {
                lastRow[i] = (b[i] - corr[i] * zl) * kp + ad;
            }
            for (int j = m - 2; j >= 0; j--) {
                final double[] out = c[j];
                final double gj = gY[j];
                final double zj = z[j];
                for (int i = 0; i < n; i++) {
                    final double v = out[i] + gj * b[i];
                    b[i] = v;
                    out[i] = (v - corr[i] * zj) * kp + ad;
                }
            }
        } else {
            final double[] lastRow = c[m - 1];
            for (int i = 0; i < n; i++) {
                lastRow[i] = b[i] * kp + ad;
            }
            for (int j = m - 2; j >= 0; j--) {
                final double[] out = c[j];
                final double gj = gY[j];
                for (int i = 0; i < n; i++) {
                    final double v = out[i] + gj * b[i];
                    b[i] = v;
                    out[i] = v * kp + ad;
                }
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
