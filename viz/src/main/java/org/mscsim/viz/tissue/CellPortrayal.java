package org.mscsim.viz.tissue;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.EnumSet;
import java.util.function.Supplier;
import org.mscsim.cells.Cell;
import org.mscsim.cells.CellType;
import org.mscsim.model.MscModel;
import sim.display.GUIState;
import sim.portrayal.DrawInfo2D;
import sim.portrayal.Inspector;
import sim.portrayal.LocationWrapper;
import sim.portrayal.SimpleInspector;
import sim.portrayal.SimplePortrayal2D;

/**
 * Draws the cells of some types in their {@link CellStyle}, and makes them clickable: a click
 * selects the cell and opens a {@link CellReport} in MASON's inspector. Cells of other types (and
 * empty voxels) are left to other layers.
 */
final class CellPortrayal extends SimplePortrayal2D {

    private static final long serialVersionUID = 1L;

    private final EnumSet<CellType> types;
    private final transient Supplier<MscModel> model;
    private final transient CellPainter painter = new CellPainter();

    CellPortrayal(EnumSet<CellType> types, Supplier<MscModel> model) {
        this.types = types;
        this.model = model;
    }

    private boolean mine(Object object) {
        return object instanceof Cell c && types.contains(c.type());
    }

    @Override
    public void draw(Object object, Graphics2D graphics, DrawInfo2D info) {
        if (!mine(object)) {
            return;
        }
        CellStyle style = CellStyle.of((Cell) object);
        painter.paint(graphics, style.glyph, info.draw.x, info.draw.y, info.draw.width * style.scale, style.color, info.selected);
    }

    /** A click hits the drawn glyph, which for MSCs and macrophages is larger than their voxel. */
    @Override
    public boolean hitObject(Object object, DrawInfo2D range) {
        if (!mine(object)) {
            return false;
        }
        double size = range.draw.width * CellStyle.of((Cell) object).scale;
        Rectangle2D glyph = new Rectangle2D.Double(range.draw.x - size / 2, range.draw.y - size / 2, size, size);
        return range.clip.intersects(glyph);
    }

    @Override
    public Inspector getInspector(LocationWrapper wrapper, GUIState state) {
        if (wrapper == null || !(wrapper.getObject() instanceof Cell cell)) {
            return null;
        }
        return new SimpleInspector(new CellReport(cell, model), state, "Cell", 40);
    }

    @Override
    public String getName(LocationWrapper wrapper) {
        if (wrapper == null || !(wrapper.getObject() instanceof Cell cell)) {
            return "";
        }
        return CellStyle.of(cell).label + " at " + wrapper.getLocationName();
    }
}
