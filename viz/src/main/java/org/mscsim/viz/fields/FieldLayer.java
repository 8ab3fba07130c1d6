package org.mscsim.viz.fields;

import java.awt.Graphics2D;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.mscsim.fields.FieldId;
import org.mscsim.model.MscModel;
import sim.field.grid.DoubleGrid2D;
import sim.portrayal.DrawInfo2D;
import sim.portrayal.grid.FastValueGridPortrayal2D;
import sim.portrayal.LocationWrapper;
import sim.util.Bag;
import sim.util.Int2D;

/**
 * The heat map under the cells: one soluble field at a time (or none), chosen by the user. The
 * field's MASON grid is refreshed from the solver's flat array only when the layer is drawn or
 * clicked, and the colour scale follows the field's current range in the patch (widened to round
 * numbers by {@link NiceScale}), reported to the colour bar after each paint.
 */
public final class FieldLayer extends FastValueGridPortrayal2D {

    private static final long serialVersionUID = 1L;

    /** What the heat map showed at its last paint: the field, its colour scale and its range in the patch. */
    public record Reading(FieldId field, NiceScale scale, double min, double max) {
    }

    private final transient Supplier<MscModel> model;
    private final FieldColorMap colors = new FieldColorMap();
    private transient Consumer<Reading> onPaint = r -> { };
    private FieldId shown;
    private Reading last;

    public FieldLayer(Supplier<MscModel> model) {
        super("concentration");
        this.model = model;
        setMap(colors);
        setBuffering(USE_BUFFER);
    }

    /**
     * Always one stretched image, never a rectangle per voxel (MASON's default on Linux, tens of
     * thousands of X requests per repaint). Display2D resets this before each paint from its
     * options pane, so the choice is kept here.
     */
    @Override
    public void setBuffering(int ignored) {
        super.setBuffering(USE_BUFFER);
    }

    /** Shows a field, or none. Call on the event thread, then repaint the display. */
    public void show(FieldId id) {
        shown = id;
        if (id == null) {
            field = null;
        } else {
            setValueName(id.label + " (" + id.unit + ")");
        }
    }

    public FieldId shown() {
        return shown;
    }

    public void onPaint(Consumer<Reading> listener) {
        this.onPaint = listener;
    }

    /** Refreshes the grid from the model; false if there is nothing to show. */
    private boolean refresh() {
        MscModel m = model.get();
        if (shown == null || m == null || m.fields == null) {
            field = null;
            return false;
        }
        DoubleGrid2D grid = m.fields.get(shown).display();
        double min = grid.min();
        double max = grid.max();
        colors.setScale(NiceScale.of(min, max));
        setField(grid);
        Reading r = new Reading(shown, colors.scale(), min, max);
        if (!r.equals(last)) {
            last = r;
            onPaint.accept(r);
        }
        return true;
    }

    @Override
    public void draw(Object object, Graphics2D graphics, DrawInfo2D info) {
        if (!refresh()) {
            if (last != null) {
                last = null;
                onPaint.accept(null);
            }
            return;
        }
        super.draw(object, graphics, info);
    }

    /**
     * A click reads the concentration in an empty voxel; on a cell, the cell's own inspector lists
     * every concentration it senses, so the field stays out of the way.
     */
    @Override
    public void hitObjects(DrawInfo2D range, Bag putInHere) {
        if (!refresh()) {
            return;
        }
        Bag hits = new Bag();
        super.hitObjects(range, hits);
        MscModel m = model.get();
        for (int i = 0; i < hits.numObjs; i++) {
            LocationWrapper w = (LocationWrapper) hits.objs[i];
            if (!(w.getLocation() instanceof Int2D at) || m.tissue.occupant(at.y * m.tissue.width + at.x) == null) {
                putInHere.add(w);
            }
        }
    }

    /** Concentrations come from the solver; an inspector edit must not pretend to change them. */
    @Override
    public double newValue(int x, int y, double value) {
        return ((DoubleGrid2D) field).field[x][y];
    }
}
