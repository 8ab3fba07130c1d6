package org.mscsim.cells;

import org.apache.commons.rng.UniformRandomProvider;
import org.mscsim.fields.DiffusionSolver.Boundary;
import org.mscsim.fields.Workers;
import org.mscsim.fields.Workers;
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
    /**
     * What sits on each voxel, as one byte ({@link #EMPTY}, {@link #MSC}, ...): the neighbour scans
     * of the per-step code read this compact array instead of the cell objects, which on a large
     * patch are scattered in memory.
     */
    private final byte[] tag;
    public static final byte EMPTY = 0;
    public static final byte MSC = 1;
    public static final byte SUPPRESSOR = 2;
    public static final byte OTHER = 3;
    public static final byte TARGET = 4;
    public static final byte OPSONISED = 5;
    /** Voxels on the patch's edge, whose neighbours need the boundary rule; the rest use {@link #offset8}. */
    private final boolean[] edge;
    /** Index offsets of the eight Moore neighbours of an interior voxel, in {@code DX8/DY8} order. */
    private final int[] offset8 = new int[8];

    private Cell[] cells = new Cell[1024];
    private Cell[] spare = new Cell[1024];
    private int count;
    private int[] order = new int[1024];
    /** Edge of the tiles the stepping order visits one at a time (voxels). */
    static final int TILE = 32;
    private final int tilesX;
    private final int tiles;
    private int[] tileOfCell = new int[1024];
    private final int[] tileStart;
    private final int[] tileFill;
    private final int[] tileOrder;
    private ObjectGrid2D display;

    public Tissue(int width, int height, Boundary boundary) {
        this.width = width;
        this.height = height;
        this.boundary = boundary;
        this.occupant = new Cell[width * height];
        this.tag = new byte[width * height];
        this.edge = new boolean[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                edge[y * width + x] = x == 0 || y == 0 || x == width - 1 || y == height - 1;
            }
        }
        for (int k = 0; k < 8; k++) {
            offset8[k] = DY8[k] * width + DX8[k];
        }
        tilesX = (width + TILE - 1) / TILE;
        tiles = tilesX * ((height + TILE - 1) / TILE);
        tileStart = new int[tiles + 1];
        tileFill = new int[tiles];
        tileOrder = new int[tiles];
    }

    public int voxels() {
        return occupant.length;
    }

    public Cell occupant(int voxel) {
        return occupant[voxel];
    }

    /** What sits on a voxel: {@link #EMPTY} or the occupant's {@link Cell#tag()}. */
    public byte tag(int voxel) {
        return tag[voxel];
    }

    /** Updates a voxel's tag after its cell changed in a way neighbours sense (e.g. became a suppressor). */
    void retag(Cell c) {
        tag[c.voxel] = c.tag();
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
        tag[voxel] = c.tag();
        if (count == cells.length) {
            cells = java.util.Arrays.copyOf(cells, count * 2);
        }
        cells[count++] = c;
    }

    void move(Cell c, int target) {
        occupant[c.voxel] = null;
        tag[target] = tag[c.voxel];
        tag[c.voxel] = EMPTY;
        occupant[target] = c;
        c.voxel = target;
    }

    void remove(Cell c) {
        if (c.voxel >= 0 && occupant[c.voxel] == c) {
            occupant[c.voxel] = null;
            tag[c.voxel] = EMPTY;
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
            if (n >= 0 && tag[n] == EMPTY) {
                return n;
            }
        }
        return -1;
    }

    /**
     * Steps every cell alive at the start of the step once, in a random order drawn with the
     * run's stream, then drops the dead keeping list order. Cells born during the step are
     * appended and first act next step. Allocation-free except when the list must grow.
     *
     * <p>The order is random tile by tile: the patch is cut into {@value #TILE} × {@value #TILE}
     * voxel tiles, the tiles are visited in a random order and the cells of each tile in a random
     * order. Any two cells are still equally likely to act in either order, but the cells acting
     * one after another are neighbours, so a large patch's fields and occupancy stay in cache
     * (a fully shuffled order on a 1000 × 1000 patch is several times slower, bound by memory).
     */
    public void stepAll(org.mscsim.model.MscModel m) {
        final int n = count;
        if (order.length < n) {
            order = new int[Math.max(n, order.length * 2)];
            tileOfCell = new int[order.length];
        }
        final int[] o = order;
        final int[] tile = tileOfCell;
        final int[] start = tileStart;
        stepping = n;
        run(TILE_OF_CELL);
        java.util.Arrays.fill(start, 0);
        for (int i = 0; i < n; i++) {
            start[tile[i] + 1]++;
        }
        for (int t = 0; t < tiles; t++) {
            start[t + 1] += start[t];
        }
        int[] fill = tileFill;
        System.arraycopy(start, 0, fill, 0, tiles);
        for (int i = 0; i < n; i++) {
            o[fill[tile[i]]++] = i;
        }
        final UniformRandomProvider rng = m.rng;
        final int[] to = tileOrder;
        for (int t = 0; t < tiles; t++) {
            to[t] = t;
        }
        shuffle(to, 0, tiles, rng);
        for (int t = 0; t < tiles; t++) {
            shuffle(o, start[t], start[t + 1], rng);
        }
        acting = m;
        progress = -1;
        try {
            run(ACT);
        } finally {
            acting = null;
        }
        compactInTileOrder(n);
    }

    // Phases of stepAll, run on the model's worker threads (inline with one thread). Only ACT
    // changes the model, and only on part 0; the other parts compute per-cell values into
    // disjoint slots, or read ahead, so the thread count cannot change a result.
    private static final int TILE_OF_CELL = 0;
    private static final int ACT = 1;
    private static final int ALIVE = 2;
    private int phase;
    /** Cells alive at the start of the step being stepped. */
    private int stepping;
    private final java.util.function.IntConsumer phaseTask = this::phase;

    private void run(int what) {
        phase = what;
        if (!spread) {
            phase(0);
        } else {
            workers.run(phaseTask);
        }
    }

    private void phase(int part) {
        int parts = spread ? workers.size() : 1;
        switch (phase) {
            case TILE_OF_CELL: {
                int to = Workers.from(stepping, parts, part + 1);
                for (int i = Workers.from(stepping, parts, part); i < to; i++) {
                    int v = cells[i].voxel;
                    tileOfCell[i] = (v / width) / TILE * tilesX + (v % width) / TILE;
                }
                break;
            }
            case ACT:
                if (part == 0) {
                    try {
                        act();
                    } finally {
                        progress = tiles;
                    }
                } else if (part == 1) {
                    readAhead();
                }
                break;
            default: { // ALIVE
                int to = Workers.from(count, parts, part + 1);
                for (int i = Workers.from(count, parts, part); i < to; i++) {
                    alive[i] = cells[i].alive;
                }
                break;
            }
        }
    }

    private void act() {
        final org.mscsim.model.MscModel m = acting;
        final Cell[] cs = cells; // newborns may replace the array; they act from the next step
        final int[] o = order;
        final int[] start = tileStart;
        final int[] to = tileOrder;
        for (int k = 0; k < tiles; k++) {
            progress = k;
            int t = to[k];
            for (int i = start[t]; i < start[t + 1]; i++) {
                Cell c = cs[o[i]];
                if (c.alive) {
                    c.act(m);
                }
            }
        }
    }

    /**
     * Reads, and discards, what the acting thread will need for the next {@value #AHEAD} tiles:
     * their rows of every field and of the occupancy arrays, and their cells. On a patch much
     * larger than the caches the acting thread otherwise waits on main memory for most of its
     * time. This thread writes nothing the model reads, so it cannot change a result.
     */
    private void readAhead() {
        final Cell[] cs = cells;
        final int[] o = order;
        final int[] start = tileStart;
        final int[] to = tileOrder;
        final double[][] fs = fieldArrays;
        long sink = 0;
        int next = 0;
        int k;
        while ((k = progress) < tiles) {
            if (next <= k) {
                next = k + 1;
            }
            if (next > k + AHEAD || next >= tiles) {
                Thread.onSpinWait();
                continue;
            }
            int t = to[next++];
            int x0 = (t % tilesX) * TILE;
            int y0 = (t / tilesX) * TILE;
            int x1 = Math.min(width, x0 + TILE) - 1;
            int y1 = Math.min(height, y0 + TILE);
            for (int y = y0; y < y1; y++) {
                int a = y * width + x0;
                int b = y * width + x1;
                for (double[] f : fs) {
                    for (int v = a; v < b; v += 8) { // one read per 64-byte cache line
                        sink += (long) f[v];
                    }
                    sink += (long) f[b];
                }
                sink += tag[a] + tag[b];
                for (int v = a; v <= b; v += 16) {
                    if (occupant[v] != null) {
                        sink++;
                    }
                }
            }
            for (int i = start[t]; i < start[t + 1]; i++) {
                sink += cs[o[i]].voxel;
            }
        }
        readAheadSink = sink;
    }

    /** Tiles the reading-ahead thread keeps loaded ahead of the acting one. */
    private static final int AHEAD = 2;
    private Workers workers;
    private double[][] fieldArrays = new double[0][];
    /** The tile the acting thread is on; {@code tiles} once it is done. */
    private volatile int progress;
    private org.mscsim.model.MscModel acting;
    private boolean[] alive = new boolean[1024];
    @SuppressWarnings("unused")
    private volatile long readAheadSink;

    /**
     * Lets {@link #stepAll} use the threads of {@code w}: the spare ones compute per-cell values
     * and read the next tiles' memory ahead of the acting thread ({@code fieldArrays}: the
     * concentration arrays the cells read and write).
     */
    public void useThreads(Workers w, double[][] fieldArrays) {
        this.workers = w;
        this.fieldArrays = fieldArrays.clone();
        long bytes = (long) occupant.length * (8L * fieldArrays.length + 5); // doubles, a tag, a reference
        this.spread = w.size() > 1 && bytes > SPREAD_ABOVE_BYTES;
    }

    /**
     * Per-voxel state (fields and occupancy) above which {@link #stepAll} uses the spare threads.
     * Below it the patch stays in cache, and a thread reading ahead only makes the acting thread's
     * writes wait for the other core (measured: 200 x 200 steps 1.5x slower with it, 500 x 500
     * 1.8x faster; README, Performance).
     */
    static final long SPREAD_ABOVE_BYTES = 8L << 20;
    /** Whether the spare threads take part (see {@link #SPREAD_ABOVE_BYTES}). */
    private boolean spread;

    /**
     * Drops the dead and keeps the survivors of the first {@code n} in tile order (the newborns
     * after them as they came), so neighbouring cells are also neighbours in the list — and,
     * once the garbage collector has moved them, in memory.
     */
    private void compactInTileOrder(int n) {
        if (spare.length < cells.length) {
            spare = new Cell[cells.length];
        }
        if (alive.length < count) {
            alive = new boolean[cells.length];
        }
        run(ALIVE);
        final boolean[] live = alive;
        Cell[] out = spare;
        int w = 0;
        for (int t = 0; t < tiles; t++) {
            for (int i = tileStart[t]; i < tileStart[t + 1]; i++) {
                int c = order[i];
                if (live[c]) {
                    out[w++] = cells[c];
                }
            }
        }
        for (int i = n; i < count; i++) {
            if (live[i]) {
                out[w++] = cells[i];
            }
        }
        java.util.Arrays.fill(cells, 0, count, null);
        spare = cells;
        cells = out;
        count = w;
    }

    /** Fisher–Yates on {@code a[from, to)}. */
    private static void shuffle(int[] a, int from, int to, UniformRandomProvider rng) {
        for (int i = to - 1; i > from; i--) {
            int j = from + rng.nextInt(i - from + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
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
