package org.mscsim.model;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;
import org.mscsim.fields.Workers;

/**
 * The random numbers cells draw while they act: each tile of the patch draws from its own stream
 * for the step, seeded from the run's stream and the tile's index, so a cell's draws do not
 * depend on which thread acts its tile or on what other tiles do meanwhile. Each worker part
 * holds the stream of the tile it is acting, one generator per part reseeded in place, so
 * entering a tile allocates nothing.
 */
public final class CellRandom implements UniformRandomProvider {

    /** Each part's generator, made once. */
    private final TileStream[] streams;
    /** The generator a part draws from while it acts a tile; null outside the acting phase. */
    private final TileStream[] byPart;

    CellRandom(int parts) {
        streams = new TileStream[parts];
        for (int p = 0; p < parts; p++) {
            streams[p] = new TileStream();
        }
        byPart = new TileStream[parts];
    }

    /**
     * Makes the calling part draw from tile {@code tile}'s stream for step seed {@code stepSeed}.
     * The two are combined into one 64-bit seed and expanded into the generator's state as
     * Commons RNG expands a {@code long} seed (SplitMix64), so neighbouring tiles' streams are
     * unrelated from their first draw (a raw state {stepSeed, tile} would make every tile's first
     * draws nearly equal). The stream is the one {@code RandomSource.XO_RO_SHI_RO_128_PP.create(seed)}
     * gives (CellRandomTest).
     */
    public void enterTile(long stepSeed, int tile) {
        int part = Workers.part();
        TileStream s = streams[part];
        s.reseed(stepSeed ^ (tile * GOLDEN));
        byPart[part] = s;
    }

    /** 2^64 / golden ratio, odd: spreads consecutive tile indices over the whole 64-bit range. */
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    /** Ends the acting phase: a draw outside it is a bug, and fails rather than depend on the thread count. */
    public void leave() {
        java.util.Arrays.fill(byPart, null);
    }

    @Override
    public long nextLong() {
        return byPart[Workers.part()].nextLong();
    }

    @Override
    public int nextInt() {
        return byPart[Workers.part()].nextInt();
    }

    @Override
    public double nextDouble() {
        return byPart[Workers.part()].nextDouble();
    }

    @Override
    public int nextInt(int n) {
        return byPart[Workers.part()].nextInt(n);
    }

    @Override
    public void nextBytes(byte[] bytes) {
        byPart[Workers.part()].nextBytes(bytes);
    }

    @Override
    public void nextBytes(byte[] bytes, int start, int len) {
        byPart[Workers.part()].nextBytes(bytes, start, len);
    }

    /**
     * Commons RNG's XoRoShiRo128++ with a way to restart it from a new seed without making a new
     * object: the state words are the generator's own (protected) fields.
     */
    static final class TileStream extends XoRoShiRo128PlusPlus {

        TileStream() {
            super(1L, 0L);
        }

        /**
         * The state {@code RandomSource.XO_RO_SHI_RO_128_PP.create(seed)} starts from: Commons RNG
         * converts a {@code long} seed to the two state words with the SplitMix64 sequence
         * (add the golden-ratio increment, then Stafford's variant 13 finaliser, per word).
         */
        void reseed(long seed) {
            long s = seed + GOLDEN;
            state0 = stafford13(s);
            s += GOLDEN;
            state1 = stafford13(s);
            resetCachedState();
        }

        private static long stafford13(long z) {
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }
    }
}
