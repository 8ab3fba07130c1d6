package org.mscsim.viz.tissue;

import java.awt.Color;
import sim.display.Display2D;
import sim.display.GUIState;

/**
 * MASON's Display2D set up for the tissue: it redraws at most every {@value #REDRAW_MS} ms of
 * wall-clock time rather than after every step. MASON's play loop waits for pending repaints after
 * each step, so redrawing 40,000 voxels per step would cap the model at the display's frame rate;
 * the user can change the rule in the display's options.
 */
public final class TissueDisplay extends Display2D {

    private static final long serialVersionUID = 1L;
    static final long REDRAW_MS = 250;

    /**
     * @param widthPx  width of the whole patch on screen at zoom 1
     * @param heightPx height of the whole patch on screen at zoom 1
     */
    public TissueDisplay(double widthPx, double heightPx, GUIState gui) {
        super(widthPx, heightPx, gui);
        updateRule = UPDATE_RULE_WALLCLOCK_TIME;
        wallInterval = REDRAW_MS;
        setBackdrop(Color.WHITE);
        // Movies need JMF, which MSCSim leaves out (see the MASON recipe); hide the dead button.
        header.remove(movieButton);
        display.setHorizontalScrollBarPolicy(javax.swing.ScrollPaneConstants.HORIZONTAL_SCROLLBAR_AS_NEEDED);
        display.setVerticalScrollBarPolicy(javax.swing.ScrollPaneConstants.VERTICAL_SCROLLBAR_AS_NEEDED);
    }

    /** The on-screen size at zoom 1 that fits {@code gridW × gridH} voxels into a square of {@code px}. */
    public static double[] fit(int gridW, int gridH, int px) {
        double scale = px / (double) Math.max(gridW, gridH);
        return new double[] {gridW * scale, gridH * scale};
    }
}
