package org.mscsim.model;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.mscsim.fields.Workers;

/**
 * The random numbers cells draw while they act: each tile of the patch draws from its own stream
 * for the step, seeded from the run's stream and the tile's index, so a cell's draws do not
 * depend on which thread acts its tile or on what other tiles do meanwhile. Each worker part
 * holds the stream of the tile it is acting.
 */
public final class CellRandom implements UniformRandomProvider {

    private final UniformRandomProvider[] byPart;

    CellRandom(int parts) {
        byPart = new UniformRandomProvider[parts];
    }

    /**
     * Makes the calling part draw from tile {@code tile}'s stream for step seed {@code stepSeed}.
     * The two are combined into one 64-bit seed, which Commons RNG expands with SplitMix64 into
     * the generator's state, so neighbouring tiles' streams are unrelated from their first draw
     * (a raw state {stepSeed, tile} would make every tile's first draws nearly equal).
     */
    public void enterTile(long stepSeed, int tile) {
        byPart[Workers.part()] = RandomSource.XO_RO_SHI_RO_128_PP.create(stepSeed ^ (tile * GOLDEN));
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
}
