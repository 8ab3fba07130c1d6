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
    /** Smallest edge of the tiles the stepping order visits one at a time (voxels). */
    static final int TILE = 32;
    private final int tilesX;
    private final int tilesY;
    private final int tiles;
    /** Tile column of each x and tile row of each y: tiles are 32–63 voxels wide, an even number across where there are several. */
    private final int[] tileColumn;
    private final int[] tileRow;
    /** Narrowest tile (voxels), the gap between two tiles of one colour. */
    private final int narrowest;
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
        tilesX = tileCount(width);
        tilesY = tileCount(height);
        tiles = tilesX * tilesY;
        tileColumn = new int[width];
        tileRow = new int[height];
        for (int x = 0; x < width; x++) {
            tileColumn[x] = (int) ((long) x * tilesX / width);
        }
        for (int y = 0; y < height; y++) {
            tileRow[y] = (int) ((long) y * tilesY / height);
        }
        narrowest = Math.min(width / tilesX, height / tilesY);
        born = new Cell[tiles][];
        bornCount = new int[tiles];
        byColour = new int[tiles];
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
        int t = acting == null ? -1 : actingTile[Workers.part()];
        if (t >= 0) {
            Cell[] b = born[t];
            if (b == null || bornCount[t] == b.length) {
                born[t] = b = b == null ? new Cell[8] : java.util.Arrays.copyOf(b, b.length * 2);
            }
            b[bornCount[t]++] = c;
            return;
        }
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

    /** Tiles along an edge of n voxels: as many of at least {@value #TILE} as fit, an even number if more than one. */
    private static int tileCount(int n) {
        int k = Math.max(1, n / TILE);
        return k > 1 && k % 2 == 1 ? k - 1 : k;
    }

    /**
     * Steps every cell alive at the start of the step once, then drops the dead keeping list
     * order. Cells born during the step are appended and first act next step. Allocation-free
     * except for the cells born and when a list must grow (HotPathAllocationTest).
     *
     * <p>The order is random tile by tile. The patch is cut into tiles of 32–63 voxels a side,
     * coloured like a 2 × 2 chessboard, so two tiles of one colour are always a whole tile apart.
     * The colours act one after another; within a colour the tiles act in a random order, each
     * with its own random stream for the step (seeded from the run's stream and the tile), and
     * the cells of a tile in a random order. A cell reaches at most {@link #reach} voxels beyond
     * its tile in a step, less than half a tile, so tiles of one colour never touch the same
     * voxel and can act on different threads: the answer is the same for any number of threads.
     * (A scenario whose cells reach further acts its tiles on one thread, in the same order.)
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
        stepSeed = rng.nextLong();
        // The tiles of each colour, in the shuffled order.
        int w = 0;
        for (int c = 0; c < 4; c++) {
            colourStart[c] = w;
            for (int k = 0; k < tiles; k++) {
                int t = to[k];
                if (colour(t) == c) {
                    byColour[w++] = t;
                }
            }
        }
        colourStart[4] = w;
        acting = m;
        try {
            for (int c = 0; c < 4; c++) {
                colourNow = c;
                run(ACT);
            }
        } finally {
            acting = null;
            m.cellRng.leave();
        }
        m.foldTallies();
        compactInTileOrder(n);
    }

    private int colour(int t) {
        return (t % tilesX & 1) | (t / tilesX & 1) << 1;
    }

    // Phases of stepAll, run on the model's worker threads (inline with one thread). Each part
    // computes per-cell values into disjoint slots, or acts whole tiles that no other part's
    // tiles can reach, so the thread count cannot change a result.
    private static final int TILE_OF_CELL = 0;
    private static final int ACT = 1;
    private static final int ALIVE = 2;
    private int phase;
    /** Cells alive at the start of the step being stepped. */
    private int stepping;
    private final java.util.function.IntConsumer phaseTask = this::phase;
    private long stepSeed;
    private int colourNow;
    private final int[] byColour;
    private final int[] colourStart = new int[5];
    /** Cells born during the step, by the tile whose cell bore them; appended in acting order after it. */
    private final Cell[][] born;
    private final int[] bornCount;
    /** The tile each part is acting, or -1 outside the acting phase. */
    private int[] actingTile = new int[] {-1};

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
                    // A cell removed between steps (voxel -1) counts in tile 0; it does not act.
                    tileOfCell[i] = v < 0 ? 0 : tileRow[v / width] * tilesX + tileColumn[v % width];
                }
                break;
            }
            case ACT: {
                int from = colourStart[colourNow];
                int to = colourStart[colourNow + 1];
                if (!parallelActing) {
                    if (part == 0) {
                        for (int k = from; k < to; k++) {
                            actTile(0, byColour[k]);
                        }
                    }
                } else {
                    for (int k = from + part; k < to; k += parts) {
                        actTile(part, byColour[k]);
                    }
                }
                actingTile[part] = -1;
                break;
            }
            default: { // ALIVE
                int to = Workers.from(count, parts, part + 1);
                for (int i = Workers.from(count, parts, part); i < to; i++) {
                    alive[i] = cells[i].alive;
                }
                break;
            }
        }
    }

    private void actTile(int part, int t) {
        final org.mscsim.model.MscModel m = acting;
        final Cell[] cs = cells;
        final int[] o = order;
        actingTile[part] = t;
        m.cellRng.enterTile(stepSeed, t);
        for (int i = tileStart[t]; i < tileStart[t + 1]; i++) {
            Cell c = cs[o[i]];
            if (c.alive) {
                c.act(m);
            }
        }
    }

    private Workers workers;
    private org.mscsim.model.MscModel acting;
    private boolean[] alive = new boolean[1024];
    /** Whether the spare threads take part (more than one thread). */
    private boolean spread;
    /** Whether tiles of one colour may act on different threads (see {@link #reach}). */
    private boolean parallelActing = true;

    /**
     * Lets {@link #stepAll} use the threads of {@code w}; {@code reach} is the furthest a cell can
     * act from where it starts a step (its most hops, a neighbour beyond, a daughter beyond that).
     */
    public void useThreads(Workers w, int reach) {
        this.workers = w;
        this.spread = w.size() > 1;
        this.parallelActing = 2 * reach < narrowest;
        this.actingTile = new int[w.size()];
        java.util.Arrays.fill(actingTile, -1);
    }

    /**
     * Drops the dead and keeps the survivors of the first {@code n} in tile order, then the
     * newborns in the order their tiles acted, so neighbouring cells are also neighbours in the
     * list — and, once the garbage collector has moved them, in memory.
     */
    private void compactInTileOrder(int n) {
        int newborns = 0;
        for (int t = 0; t < tiles; t++) {
            newborns += bornCount[t];
        }
        int total = count + newborns;
        if (spare.length < total) {
            spare = new Cell[Math.max(total, cells.length * 2)];
        }
        if (alive.length < count) {
            alive = new boolean[Math.max(count, cells.length)];
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
        for (int i = n; i < count; i++) { // added between steps, before this one
            if (live[i]) {
                out[w++] = cells[i];
            }
        }
        for (int k = 0; k < colourStart[4]; k++) {
            int t = byColour[k];
            Cell[] b = born[t];
            for (int i = 0; i < bornCount[t]; i++) {
                if (b[i].alive) {
                    out[w++] = b[i];
                }
                b[i] = null;
            }
            bornCount[t] = 0;
        }
        java.util.Arrays.fill(cells, 0, count, null);
        if (cells.length < out.length) {
            cells = new Cell[out.length];
        }
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
