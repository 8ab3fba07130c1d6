package org.mscsim.viz.tissue;

import java.awt.Color;
import java.awt.Insets;
import java.awt.event.ComponentAdapter;
import java.awt.event.ComponentEvent;
import sim.display.Display2D;
import sim.display.GUIState;

/**
 * MASON's Display2D set up for the tissue: it redraws at most every {@value #REDRAW_MS} ms of
 * wall-clock time rather than after every step. MASON's play loop waits for pending repaints after
 * each step, so redrawing 40,000 voxels per step would cap the model at the display's frame rate;
 * the user can change the rule in the display's options.
 *
 * <p>On a screen too small for the patch at zoom 1 it zooms out until the whole patch shows, and
 * follows the window's size, until the user sets a zoom of their own.
 */
public final class TissueDisplay extends Display2D {

    private static final long serialVersionUID = 1L;
    static final long REDRAW_MS = 250;

    /** The zoom last set to fit; any other zoom now was the user's, and NaN from then on. */
    private double fitted = 1.0;

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
        display.addComponentListener(new ComponentAdapter() {
            @Override
            public void componentResized(ComponentEvent e) {
                fitToView();
            }
        });
    }

    /** Zooms so the whole patch shows in the display's area, unless the user chose a zoom. Event thread. */
    void fitToView() {
        if (Double.isNaN(fitted)) {
            return;
        }
        if (getScale() != fitted) {
            fitted = Double.NaN; // typed into the zoom field or zoomed with the mouse: theirs from now on
            return;
        }
        Insets in = display.getInsets();
        double s = fitScale(insideDisplay.width, insideDisplay.height,
                display.getWidth() - in.left - in.right, display.getHeight() - in.top - in.bottom);
        if (s > 0 && s != fitted) {
            fitted = s;
            setScale(s); // MASON's setScale also shows it in the zoom field
        }
    }

    /**
     * The zoom at which a patch of {@code patchW × patchH} (px at zoom 1) fits a view of
     * {@code viewW × viewH}: at most 1 (a large screen shows the patch at its designed size), in
     * hundredths rounded down so the zoom field reads simply; 0 for a view not laid out yet.
     */
    static double fitScale(double patchW, double patchH, double viewW, double viewH) {
        if (viewW <= 0 || viewH <= 0) {
            return 0;
        }
        double s = Math.min(1.0, Math.min(viewW / patchW, viewH / patchH));
        return Math.max(0.01, Math.floor(s * 100) / 100);
    }

    /** The on-screen size at zoom 1 that fits {@code gridW × gridH} voxels into a square of {@code px}. */
    public static double[] fit(int gridW, int gridH, int px) {
        double scale = px / (double) Math.max(gridW, gridH);
        return new double[] {gridW * scale, gridH * scale};
    }
}
