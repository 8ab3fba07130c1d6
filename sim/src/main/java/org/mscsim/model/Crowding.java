package org.mscsim.model;

import java.util.Locale;

/**
 * How much a full lattice, rather than the biology, held T-cell proliferation back. A T cell
 * ready to divide needs a free neighbouring voxel; with none it waits a step and tries again. The
 * measure is the time dividing T cells spent waiting for room, per division, as a share of the
 * mean cell cycle ({@code t_cell.cycle_h}): 0 when room never ran short.
 */
public final class Crowding {

    /** Above this share of a cycle spent waiting per division, outputs warn that the grid limits proliferation. */
    public static final double WARN_SHARE = 0.01;

    private Crowding() {
    }

    /**
     * Waiting for room per division as a share of a cell cycle.
     *
     * @param waits     steps in which a ready T cell found no free neighbour ({@code t_division_waits})
     * @param divisions T-cell divisions in the same window
     * @param dtMin     the time step (min)
     * @param cycleH    the mean T-cell cycle (h)
     */
    public static double share(double waits, double divisions, double dtMin, double cycleH) {
        if (waits <= 0) {
            return 0.0;
        }
        return waits * dtMin / 60.0 / Math.max(1.0, divisions) / cycleH;
    }

    /** Whether outputs should warn. */
    public static boolean limits(double share) {
        return share > WARN_SHARE;
    }

    /**
     * The warning, naming what the share means and what to do; {@code remedy} says how, for the
     * command that printed it.
     */
    public static String warning(String what, double share, String remedy) {
        return String.format(Locale.ROOT, "warning: %s: T cells ready to divide waited for a free neighbour %.0f %% of a cell cycle per"
                + " division; the grid, not the biology, limits proliferation (and a %% suppression against it)."
                + " Give the cells room at the same cells per µL: %s (scenarios/PARAMETERS.md, 'The lattice fills up').",
                what, 100 * share, remedy);
    }

    /** A patch {@link #roomier} made, and whether its sizes are ones a scenario accepts. */
    public record Roomier(int width, int height, double depthUm, boolean fits) {
        /** The {@code --set} options that make it. */
        public String sets() {
            return String.format(Locale.ROOT, "--set grid.width=%d --set grid.height=%d --set grid.depth_um=%.1f", width, height, depthUm);
        }
    }

    /**
     * {@code s}'s patch with {@code factor} times the grid edge in a medium as much shallower as
     * the area grew, so the same cells sit in the same volume of medium with room to divide.
     */
    public static Roomier roomier(org.mscsim.scenario.Scenario s, double factor) {
        int w = s.integer("grid.width");
        int h = s.integer("grid.height");
        int w1 = (int) Math.round(w * factor);
        int h1 = (int) Math.round(h * factor);
        double depth = s.real("grid.depth_um") * ((double) w * h) / ((double) w1 * h1);
        org.mscsim.scenario.Parameters ps = org.mscsim.scenario.Parameters.get();
        boolean fits = w1 <= ps.param("grid.width").max() && h1 <= ps.param("grid.height").max()
                && depth >= ps.param("grid.depth_um").min();
        return new Roomier(w1, h1, depth, fits);
    }
}
