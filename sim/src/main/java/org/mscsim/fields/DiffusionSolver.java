package org.mscsim.fields;

/**
 * Diffusion and decay of one soluble field on an {@code nx × ny} lattice, by the implicit
 * locally one-dimensional (LOD) scheme BioFVM uses: each step solves a backward-Euler
 * tridiagonal system along x for every row, then along y for every column (Thomas algorithm),
 * so it is unconditionally stable at any {@code dt}. Decay and supply are linear and, with a
 * uniform rate, commute with the diffusion operator, so they are applied exactly
 * ({@code exp(-k dt)}) rather than split into the tridiagonal diagonals.
 *
 * <p>The coefficients are the same on every row (and every column), so the Thomas elimination
 * factors are computed once per {@link #configure}. A step is two sweeps over the field, so it
 * moves 32 bytes per voxel (one read and one write per sweep):
 * <ol>
 * <li>top to bottom, {@value #BLOCK} rows at a time: the rows are solved along x side by side
 *     (independent recurrences the CPU overlaps) while they are in cache, then forward
 *     eliminated along y against the row above (unit stride, vectorisable);</li>
 * <li>bottom to top: back substitution along y, the periodic (Sherman–Morrison) correction,
 *     and exact decay and supply.</li>
 * </ol>
 * The periodic y correction needs the first row's solution before the back substitution
 * reaches it; it is the back substitution unrolled, a sum of the forward values weighted by
 * products of the back-substitution factors, accumulated during the first sweep.
 *
 * <p>A field can also be stepped in two phases that several threads share: {@link #stepRows}
 * (the x solves, any split of the rows) and then {@link #stepColumns} (the y solve, decay and
 * supply, any split of the columns). Every voxel sees exactly the arithmetic of {@link #step}, so
 * the answer is the same to the bit however the work is split; the phases cost one more pass over
 * the field, so {@link Fields} uses them only to share out fields that do not divide evenly among
 * the threads.
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
    private final ThreadLocal<Scratch> scratch;
    /** Two-phase stepping: each row's periodic x correction, saved by the row phase. */
    private final double[] rowCorrection;
    /** Two-phase stepping: row j's weight in row 0's solution (the running product in the forward sweep). */
    private final double[] weightY;

    public DiffusionSolver(int nx, int ny, Boundary boundary) {
        if (nx < 3 || ny < 3) {
            throw new IllegalArgumentException("grid must be at least 3 x 3, got " + nx + " x " + ny);
        }
        this.nx = nx;
        this.ny = ny;
        this.boundary = boundary;
        this.sx = new Sweep(nx);
        this.sy = new Sweep(ny);
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(nx));
        this.rowCorrection = new double[ny];
        this.weightY = new double[ny];
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
            double weight = 1.0;
            for (int j = 0; j < ny; j++) {
                weightY[j] = weight;
                weight *= sy.g[j];
            }
        }
    }

    public int nx() { return nx; }

    public int ny() { return ny; }

    /** One full step: diffusion along x and y, decay and supply. */
    public void step(double[] c) {
        if (identity) {
            scale(c, 0, ny, 0, nx, keep, add);
            return;
        }
        Scratch w = scratch.get();
        forwardSweep(c, w);
        backwardSweep(c, w);
    }

    /**
     * First phase of a shared step: the x solves of rows {@code [from, to)}. Every row must have
     * had its row phase before any thread starts {@link #stepColumns}.
     */
    public void stepRows(double[] c, int from, int to) {
        if (identity) {
            return;
        }
        final int n = nx;
        int j = from;
        for (; j + BLOCK <= to; j += BLOCK) {
            solveEightRows(c, j * n, n, sx.inv, sx.g);
        }
        for (; j < to; j++) {
            solveRow(c, j * n, n, sx.inv, sx.g);
        }
        if (sx.periodic) {
            final double fz = sx.fz;
            final double bg = sx.betaOverGamma;
            for (j = from; j < to; j++) {
                final int o = j * n;
                rowCorrection[j] = fz * (c[o] + bg * c[o + n - 1]);
            }
        }
    }

    /**
     * Second phase of a shared step: the y solve, decay and supply of columns {@code [from, to)},
     * once every row has had {@link #stepRows}.
     */
    public void stepColumns(double[] c, int from, int to) {
        if (identity) {
            scale(c, 0, ny, from, to, keep, add);
            return;
        }
        final int w = to - from;
        if (w <= 0) {
            return;
        }
        final int n = nx;
        final int m = ny;
        final Scratch s = scratch.get();
        double[] prev = s.carry;
        double[] cur = s.row;
        final double[] first = s.first;
        final double[] invY = sy.inv;
        final double[] gY = sy.g;
        final boolean periodic = sy.periodic;
        final double[] zx = sx.z;
        java.util.Arrays.fill(prev, 0, w, 0.0);
        if (periodic) {
            java.util.Arrays.fill(first, 0, w, 0.0);
        }
        for (int j = 0; j < m; j++) {
            final int o = j * n + from;
            final double ij = invY[j];
            final double gj = j == 0 ? 0.0 : gY[j];
            System.arraycopy(c, o, cur, 0, w);
            if (periodic) {
                final double mx = rowCorrection[j];
                final double wt = weightY[j];
                for (int i = 0; i < w; i++) {
                    final double v = (cur[i] - mx * zx[from + i]) * ij + gj * prev[i];
                    cur[i] = v;
                    first[i] += wt * v;
                }
            } else {
                for (int i = 0; i < w; i++) {
                    cur[i] = cur[i] * ij + gj * prev[i];
                }
            }
            System.arraycopy(cur, 0, c, o, w);
            final double[] t = prev;
            prev = cur;
            cur = t;
        }
        s.carry = prev;
        s.row = cur;
        backward(c, from, w, s);
    }

    /** Per-thread working memory, allocated once per thread and reused every step. */
    private static final class Scratch {
        double[] carry;        // forward: the row above, eliminated; backward: the row below, solved
        double[] row;          // the row being worked on
        final double[] first;  // periodic y: the weighted sum giving row 0's back-substituted value

        Scratch(int nx) {
            carry = new double[nx];
            row = new double[nx];
            first = new double[nx];
        }
    }

    private void forwardSweep(double[] c, Scratch w) {
        final int n = nx;
        final int m = ny;
        final int B = BLOCK;
        final double[] first = w.first;
        final double[] invX = sx.inv;
        final double[] gX = sx.g;
        final double[] invY = sy.inv;
        final double[] gY = sy.g;
        final boolean periodicX = sx.periodic;
        final boolean periodicY = sy.periodic;
        final double[] zx = sx.z;
        assert periodicX == periodicY : "one boundary rule for both directions";
        double weight = 1.0; // product of gY[k] for k < j: row j's share in row 0's solution
        java.util.Arrays.fill(w.carry, 0.0); // "the row above" row 0: nothing (as in stepColumns)
        if (periodicY) {
            java.util.Arrays.fill(first, 0.0);
        }
        for (int r0 = 0; r0 < m; r0 += B) {
            final int rows = Math.min(B, m - r0);
            final int base = r0 * n;
            // Along x, in place: the block's rows advance together, so their recurrences are
            // independent chains the CPU overlaps.
            if (rows == B) {
                solveEightRows(c, base, n, invX, gX);
            } else {
                for (int b = 0; b < rows; b++) {
                    solveRow(c, base + b * n, n, invX, gX);
                }
            }
            // Along y: forward elimination of each row against the one above. The arithmetic runs
            // on row buffers indexed from 0, the form HotSpot's C2 vectorises; arraycopy moves
            // rows in and out far faster than scalar code could do the arithmetic in place.
            for (int b = 0; b < rows; b++) {
                final int j = r0 + b;
                final int o = j * n;
                final double ij = invY[j];
                final double gj = j == 0 ? 0.0 : gY[j];
                final double[] cur = w.row;
                final double[] prev = w.carry;
                System.arraycopy(c, o, cur, 0, n);
                if (periodicX) {
                    // The periodic boundary is periodic both ways: fold the x correction in, and
                    // accumulate this row's share of row 0's solution for the y correction.
                    final double mx = sx.fz * (cur[0] + sx.betaOverGamma * cur[n - 1]);
                    final double wt = weight;
                    for (int i = 0; i < n; i++) {
                        final double v = (cur[i] - mx * zx[i]) * ij + gj * prev[i];
                        cur[i] = v;
                        first[i] += wt * v;
                    }
                    weight *= gY[j];
                } else {
                    for (int i = 0; i < n; i++) {
                        cur[i] = cur[i] * ij + gj * prev[i];
                    }
                }
                System.arraycopy(cur, 0, c, o, n);
                w.row = prev;
                w.carry = cur;
            }
        }
    }

    /**
     * Thomas along one row in place. Forward: {@code d[i] = c[i] inv[i] + g[i] d[i-1]}
     * (because {@code g = r inv}), a single multiply-add on the dependency chain; backward:
     * {@code x[i] = d[i] + g[i] x[i+1]}.
     */
    private static void solveRow(double[] c, int o, int n, double[] inv, double[] g) {
        double v = c[o] * inv[0];
        c[o] = v;
        for (int i = 1; i < n; i++) {
            v = c[o + i] * inv[i] + g[i] * v;
            c[o + i] = v;
        }
        for (int i = n - 2; i >= 0; i--) {
            v = c[o + i] + g[i] * v;
            c[o + i] = v;
        }
    }

    /**
     * {@link #solveRow} for eight consecutive rows at once, written out so the eight recurrences
     * stay in registers and run side by side: one row alone is bound by the latency of its chain.
     */
    private static void solveEightRows(double[] c, int o, int n, double[] inv, double[] g) {
        final int o0 = o;
        final int o1 = o + n;
        final int o2 = o + 2 * n;
        final int o3 = o + 3 * n;
        final int o4 = o + 4 * n;
        final int o5 = o + 5 * n;
        final int o6 = o + 6 * n;
        final int o7 = o + 7 * n;
        double f = inv[0];
        double v0 = c[o0] * f;
        double v1 = c[o1] * f;
        double v2 = c[o2] * f;
        double v3 = c[o3] * f;
        double v4 = c[o4] * f;
        double v5 = c[o5] * f;
        double v6 = c[o6] * f;
        double v7 = c[o7] * f;
        c[o0] = v0;
        c[o1] = v1;
        c[o2] = v2;
        c[o3] = v3;
        c[o4] = v4;
        c[o5] = v5;
        c[o6] = v6;
        c[o7] = v7;
        for (int i = 1; i < n; i++) {
            final double ii = inv[i];
            final double gi = g[i];
            v0 = c[o0 + i] * ii + gi * v0;
            v1 = c[o1 + i] * ii + gi * v1;
            v2 = c[o2 + i] * ii + gi * v2;
            v3 = c[o3 + i] * ii + gi * v3;
            v4 = c[o4 + i] * ii + gi * v4;
            v5 = c[o5 + i] * ii + gi * v5;
            v6 = c[o6 + i] * ii + gi * v6;
            v7 = c[o7 + i] * ii + gi * v7;
            c[o0 + i] = v0;
            c[o1 + i] = v1;
            c[o2 + i] = v2;
            c[o3 + i] = v3;
            c[o4 + i] = v4;
            c[o5 + i] = v5;
            c[o6 + i] = v6;
            c[o7 + i] = v7;
        }
        for (int i = n - 2; i >= 0; i--) {
            final double gi = g[i];
            v0 = c[o0 + i] + gi * v0;
            v1 = c[o1 + i] + gi * v1;
            v2 = c[o2 + i] + gi * v2;
            v3 = c[o3 + i] + gi * v3;
            v4 = c[o4 + i] + gi * v4;
            v5 = c[o5 + i] + gi * v5;
            v6 = c[o6 + i] + gi * v6;
            v7 = c[o7 + i] + gi * v7;
            c[o0 + i] = v0;
            c[o1 + i] = v1;
            c[o2 + i] = v2;
            c[o3 + i] = v3;
            c[o4 + i] = v4;
            c[o5 + i] = v5;
            c[o6 + i] = v6;
            c[o7 + i] = v7;
        }
    }

    private void backwardSweep(double[] c, Scratch w) {
        backward(c, 0, nx, w);
    }

    /**
     * Back substitution along y, the periodic correction, decay and supply, for columns
     * {@code [from, from + w)} after their forward elimination; {@code s.carry} holds the
     * eliminated last row (columns from 0) and, for a periodic patch, {@code s.first} the
     * weighted sums giving row 0.
     */
    private void backward(double[] c, int from, int w, Scratch s) {
        final int n = nx;
        final int m = ny;
        final double kp = keep;
        final double ad = add;
        final double[] gY = sy.g;
        final double[] below = s.carry; // the solution of the row below, before correction and decay
        final double[] out = s.row;
        final int last = (m - 1) * n + from;
        System.arraycopy(c, last, below, 0, w);
        final boolean periodic = sy.periodic;
        final double[] corr = s.first;
        final double[] z = sy.z;
        if (periodic) {
            // Sherman–Morrison: x = y - fz (y_0 + beta/gamma y_last) z, per column.
            final double fz = sy.fz;
            final double bg = sy.betaOverGamma;
            for (int i = 0; i < w; i++) {
                corr[i] = fz * (corr[i] + bg * below[i]);
            }
        }
        for (int j = m - 1; j >= 0; j--) {
            final int o = j * n + from;
            if (j < m - 1) {
                System.arraycopy(c, o, out, 0, w);
                final double gj = gY[j];
                for (int i = 0; i < w; i++) {
                    below[i] = out[i] + gj * below[i];
                }
            }
            if (periodic) {
                final double zj = z[j];
                for (int i = 0; i < w; i++) {
                    out[i] = (below[i] - corr[i] * zj) * kp + ad;
                }
            } else {
                for (int i = 0; i < w; i++) {
                    out[i] = below[i] * kp + ad;
                }
            }
            System.arraycopy(out, 0, c, o, w);
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
