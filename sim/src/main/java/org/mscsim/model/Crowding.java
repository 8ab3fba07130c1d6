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

    /**
     * The settings that give {@code s}'s cells 1.5× the grid edge in a medium as much shallower,
     * so the same cells sit in the same volume, e.g. "--set grid.width=300 --set grid.height=300
     * --set grid.depth_um=1422.2".
     */
    public static String roomierSets(org.mscsim.scenario.Scenario s) {
        int w = s.integer("grid.width");
        int h = s.integer("grid.height");
        int w1 = (int) Math.round(w * 1.5);
        int h1 = (int) Math.round(h * 1.5);
        double depth = s.real("grid.depth_um") * w * h / ((double) w1 * h1);
        return String.format(Locale.ROOT, "--set grid.width=%d --set grid.height=%d --set grid.depth_um=%.1f", w1, h1, depth);
    }
}
