package org.mscsim.batch;

/**
 * Seeds for the runs of a batch (replicates, sweep points, virtual patients), derived from one
 * master seed and the run's index only, so a run's stream does not depend on where, when or
 * with what else it runs. SplitMix64's finaliser spreads neighbouring indices over all 64 bits.
 */
public final class Seeds {

    private Seeds() {
    }

    public static long derive(long master, long index) {
        long z = master + 0x9E3779B97F4A7C15L * (index + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return z & Long.MAX_VALUE; // scenario seeds are non-negative
    }
}
