package org.mscsim.viz.tissue;

import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.EnumSet;
import java.util.function.Supplier;
import org.mscsim.cells.CellType;
import org.mscsim.model.MscModel;
import sim.portrayal.DrawInfo2D;
import sim.portrayal.grid.ObjectGridPortrayal2D;
import sim.util.Bag;

/**
 * One layer of cells on the display. The big cells get layers of their own beneath the small
 * ones (MSCs, then macrophages, then lymphocytes and NK cells), so a T cell touching an MSC stays
 * visible, and each group can be hidden from Display2D's layer menu.
 *
 * <p>The grid is refreshed from the model's flat occupancy array only when the layer is drawn
 * or clicked, under the schedule lock Display2D holds while painting; headless runs never pay.
 */
public final class CellLayer extends ObjectGridPortrayal2D {

    private static final long serialVersionUID = 1L;

    private final transient Supplier<MscModel> model;
    private final String name;
    private transient BufferedImage buffer;

    private CellLayer(String name, EnumSet<CellType> types, Supplier<MscModel> model) {
        this.name = name;
        this.model = model;
        setPortrayalForAll(new CellPortrayal(types, model));
    }

    /** The layers in drawing order, bottom first. */
    public static CellLayer[] all(Supplier<MscModel> model) {
        return new CellLayer[] {
            new CellLayer("MSCs", EnumSet.of(CellType.MSC), model),
            new CellLayer("Macrophages", EnumSet.of(CellType.MACROPHAGE), model),
            new CellLayer("Target cells", EnumSet.of(CellType.TARGET), model),
            new CellLayer("T, B and NK cells", EnumSet.of(CellType.T_CELL, CellType.B_CELL, CellType.NK), model)
        };
    }

    public String name() {
        return name;
    }

    @Override
    protected void hitOrDraw(Graphics2D graphics, DrawInfo2D info, Bag putInHere) {
        MscModel m = model.get();
        if (m == null || m.tissue == null) {
            return;
        }
        setField(m.tissue.display());
        if (graphics == null) {
            super.hitOrDraw(null, info, putInHere);
            return;
        }
        // Thousands of small glyphs are drawn into an image in memory and put on screen at once:
        // sent one by one to an X server's XRender pipeline they took half the time of a step.
        int w = (int) Math.ceil(info.clip.width);
        int h = (int) Math.ceil(info.clip.height);
        if (w <= 0 || h <= 0) {
            return;
        }
        if (buffer == null || buffer.getWidth() != w || buffer.getHeight() != h) {
            buffer = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        }
        Graphics2D g = buffer.createGraphics();
        g.setComposite(AlphaComposite.Clear);
        g.fillRect(0, 0, w, h);
        g.setComposite(AlphaComposite.SrcOver);
        g.translate(-(int) Math.floor(info.clip.x), -(int) Math.floor(info.clip.y));
        super.hitOrDraw(g, info, null);
        g.dispose();
        graphics.drawImage(buffer, (int) Math.floor(info.clip.x), (int) Math.floor(info.clip.y), null);
    }
}
