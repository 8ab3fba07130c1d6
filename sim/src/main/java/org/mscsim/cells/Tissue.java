package org.mscsim.cells;

import org.apache.commons.rng.UniformRandomProvider;
import org.mscsim.fields.DiffusionSolver.Boundary;
import sim.field.grid.ObjectGrid2D;

/**
 * The lattice and the cells on it: at most one cell per voxel, kept in a flat array indexed like
 * the fields ({@code y * width + x}) so a cell reads its own voxel's concentrations with the same
 * index. The list of live cells is stepped in a fresh random order every step.
 */
public final class Tissue {

    /** {@link #neighbour4}/{@link #neighbour8} result for a wall (closed boundary). */
    public static final int OUTSIDE_WALL = -1;
    /** {@link #neighbour4}/{@link #neighbour8} result for stepping off an outflow edge. */
    public static final int OUTSIDE_LEAVE = -2;

    private static final int[] DX8 = {1, -1, 0, 0, 1, 1, -1, -1};
    private static final int[] DY8 = {0, 0, 1, -1, 1, -1, 1, -1};

    public final int width;
    public final int height;
    private final Boundary boundary;
    private final Cell[] occupant;
    /** Voxels on the patch's edge, whose neighbours need the boundary rule; the rest use {@link #offset8}. */
    private final boolean[] edge;
    /** Index offsets of the eight Moore neighbours of an interior voxel, in {@code DX8/DY8} order. */
    private final int[] offset8 = new int[8];

    private Cell[] cells = new Cell[1024];
    private int count;
    private int[] order = new int[1024];
    private ObjectGrid2D display;

    public Tissue(int width, int height, Boundary boundary) {
        this.width = width;
        this.height = height;
        this.boundary = boundary;
        this.occupant = new Cell[width * height];
        this.edge = new boolean[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                edge[y * width + x] = x == 0 || y == 0 || x == width - 1 || y == height - 1;
            }
        }
        for (int k = 0; k < 8; k++) {
            offset8[k] = DY8[k] * width + DX8[k];
        }
    }

    public int voxels() {
        return occupant.length;
    }

    public Cell occupant(int voxel) {
        return occupant[voxel];
    }

    public int count() {
        return count;
    }

    /** The i-th live cell in list order (stable between steps). */
    public Cell cell(int i) {
        return cells[i];
    }

    /** Puts a new cell on a free voxel and appends it to the list (it is first stepped next step). */
    public void add(Cell c, int voxel) {
        if (occupant[voxel] != null) {
            throw new IllegalStateException("voxel " + voxel + " is occupied");
        }
        c.voxel = voxel;
        c.alive = true;
        occupant[voxel] = c;
        if (count == cells.length) {
            cells = java.util.Arrays.copyOf(cells, count * 2);
        }
        cells[count++] = c;
    }

    void move(Cell c, int target) {
        occupant[c.voxel] = null;
        occupant[target] = c;
        c.voxel = target;
    }

    void remove(Cell c) {
        if (c.voxel >= 0 && occupant[c.voxel] == c) {
            occupant[c.voxel] = null;
        }
        c.voxel = -1;
    }

    /**
     * The k-th (0..3) von Neumann neighbour of a voxel, wrapped on a periodic patch; or
     * {@link #OUTSIDE_WALL} / {@link #OUTSIDE_LEAVE} off the edge.
     */
    public int neighbour4(int voxel, int k) {
        return edge[voxel] ? neighbour(voxel, DX8[k], DY8[k]) : voxel + offset8[k];
    }

    /** The k-th (0..7) Moore neighbour; the first four are the von Neumann ones. */
    public int neighbour8(int voxel, int k) {
        return edge[voxel] ? neighbour(voxel, DX8[k], DY8[k]) : voxel + offset8[k];
    }

    private int neighbour(int voxel, int dx, int dy) {
        int x = voxel % width + dx;
        int y = voxel / width + dy;
        if (x < 0 || x >= width || y < 0 || y >= height) {
            switch (boundary) {
                case PERIODIC:
                    x = (x + width) % width;
                    y = (y + height) % height;
                    break;
                case OUTFLOW:
                    return OUTSIDE_LEAVE;
                default:
                    return OUTSIDE_WALL;
            }
        }
        return y * width + x;
    }

    /** A uniformly chosen free Moore neighbour, or -1 if all are taken (contact inhibition). */
    public int freeNeighbour(int voxel, UniformRandomProvider rng) {
        int start = rng.nextInt(8);
        for (int i = 0; i < 8; i++) {
            int n = neighbour8(voxel, (start + i) & 7);
            if (n >= 0 && occupant[n] == null) {
                return n;
            }
        }
        return -1;
    }

    /**
     * Steps every cell alive at the start of the step once, in a random order (Fisher–Yates
     * with the run's stream), then drops the dead keeping list order. Cells born during the step
     * are appended and first act next step. Allocation-free except when the list must grow.
     */
    public void stepAll(org.mscsim.model.MscModel m) {
        final int n = count;
        if (order.length < n) {
            order = new int[Math.max(n, order.length * 2)];
        }
        final int[] o = order;
        for (int i = 0; i < n; i++) {
            o[i] = i;
        }
        final UniformRandomProvider rng = m.rng;
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = o[i];
            o[i] = o[j];
            o[j] = t;
        }
        final Cell[] cs = cells;
        for (int i = 0; i < n; i++) {
            Cell c = cs[o[i]];
            if (c.alive) {
                c.act(m);
            }
        }
        compact();
    }

    private void compact() {
        int w = 0;
        for (int r = 0; r < count; r++) {
            Cell c = cells[r];
            if (c.alive) {
                cells[w++] = c;
            }
        }
        for (int i = w; i < count; i++) {
            cells[i] = null;
        }
        count = w;
    }

    /** A uniformly random free voxel, or -1 if the grid is full. */
    public int randomFreeVoxel(UniformRandomProvider rng) {
        int n = occupant.length;
        if (count >= n) {
            return -1;
        }
        // Rejection sampling is fast while the grid is less than ~90 % full; past that, scan.
        for (int attempt = 0; attempt < 64; attempt++) {
            int v = rng.nextInt(n);
            if (occupant[v] == null) {
                return v;
            }
        }
        int free = 0;
        for (Cell c : occupant) {
            if (c == null) {
                free++;
            }
        }
        if (free == 0) {
            return -1;
        }
        int pick = rng.nextInt(free);
        for (int v = 0; v < n; v++) {
            if (occupant[v] == null && pick-- == 0) {
                return v;
            }
        }
        return -1;
    }

    /** The cells as a MASON grid for portrayal, refreshed on each call (GUI only). */
    public ObjectGrid2D display() {
        if (display == null) {
            display = new ObjectGrid2D(width, height);
        }
        Object[][] f = display.field;
        for (int y = 0; y < height; y++) {
            int o = y * width;
            for (int x = 0; x < width; x++) {
                f[x][y] = occupant[o + x];
            }
        }
        return display;
    }
}
