package org.mscsim.viz.tissue;

import java.awt.Color;
import org.mscsim.cells.BCell;
import org.mscsim.cells.Cell;
import org.mscsim.cells.CellType;
import org.mscsim.cells.Macrophage;
import org.mscsim.cells.Msc;
import org.mscsim.cells.NkCell;
import org.mscsim.cells.TCell;
import org.mscsim.cells.TargetCell;
import org.mscsim.output.Palette;

/**
 * How each kind of cell looks on the tissue display and in its legend: the shape tells the cell
 * type, the colour its phenotype (the same colours as the headless charts, from {@link Palette}).
 * Shapes are drawn larger than a voxel for the big cells, roughly in proportion to their real
 * size: a spread MSC covers tens of µm, a macrophage ~20 µm, a lymphocyte 7–10 µm.
 */
public enum CellStyle {

    MSC_RESTING(CellType.MSC, "resting MSC", Palette.MSC, Glyph.DIAMOND, 2.6),
    MSC_LICENSED(CellType.MSC, "licensed MSC (IFN-γ)", Palette.MSC_LICENSED, Glyph.DIAMOND, 2.6),
    T_NAIVE(CellType.T_CELL, "naive T", Palette.T_NAIVE, Glyph.CIRCLE, 1.0),
    T_CD4_ACTIVATED(CellType.T_CELL, "activated CD4+ T", Palette.T_CD4, Glyph.CIRCLE, 1.0),
    T_CD8_ACTIVATED(CellType.T_CELL, "activated CD8+ T", Palette.T_CD8, Glyph.CIRCLE, 1.0),
    T_SUPPRESSED(CellType.T_CELL, "arrested T (inhibited)", Palette.T_SUPPRESSED, Glyph.CIRCLE, 1.0),
    T_CD28NEG(CellType.T_CELL, "CD8+CD28− suppressor", Palette.CD28NEG, Glyph.CIRCLE, 1.0),
    T_REG(CellType.T_CELL, "Treg", Palette.TREG, Glyph.CIRCLE, 1.0),
    B_NAIVE(CellType.B_CELL, "naive B", tint(Palette.B, 0.5), Glyph.TRIANGLE, 1.5),
    B_ACTIVATED(CellType.B_CELL, "activated B", Palette.B, Glyph.TRIANGLE, 1.5),
    B_PLASMA(CellType.B_CELL, "plasma cell", Palette.PLASMA, Glyph.TRIANGLE, 1.5),
    NK_RESTING(CellType.NK, "resting NK", Palette.NK, Glyph.CROSS, 1.7),
    NK_ACTIVATED(CellType.NK, "activated NK", Palette.NK_ACTIVATED, Glyph.CROSS, 1.7),
    MAC_M0(CellType.MACROPHAGE, "M0 macrophage", Palette.M0, Glyph.HEXAGON, 2.0),
    MAC_M1(CellType.MACROPHAGE, "M1 macrophage", Palette.M1, Glyph.HEXAGON, 2.0),
    MAC_M2(CellType.MACROPHAGE, "M2 macrophage", Palette.M2, Glyph.HEXAGON, 2.0),
    TARGET(CellType.TARGET, "target cell (K562-like)", new Color(0x33, 0x33, 0x33), Glyph.X, 1.6),
    TARGET_OPSONISED(CellType.TARGET, "opsonised target", new Color(0xAA, 0x00, 0x66), Glyph.X, 1.6);

    /** The outline a cell type is drawn with. */
    public enum Glyph { DIAMOND, CIRCLE, TRIANGLE, CROSS, HEXAGON, X }

    public final CellType type;
    public final String label;
    public final Color color;
    public final Glyph glyph;
    /** Drawn size as a multiple of the voxel edge. */
    public final double scale;

    CellStyle(CellType type, String label, Color color, Glyph glyph, double scale) {
        this.type = type;
        this.label = label;
        this.color = color;
        this.glyph = glyph;
        this.scale = scale;
    }

    /** The style of a cell in its current state. Called for every cell on every repaint. */
    public static CellStyle of(Cell c) {
        switch (c.type()) {
            case MSC:
                return ((Msc) c).phenotype() == Msc.State.LICENSED ? MSC_LICENSED : MSC_RESTING;
            case T_CELL: {
                TCell t = (TCell) c;
                switch (t.phenotype()) {
                    case NAIVE: return T_NAIVE;
                    case ACTIVATED: return t.cd8() ? T_CD8_ACTIVATED : T_CD4_ACTIVATED;
                    case SUPPRESSED: return T_SUPPRESSED;
                    case CD28NEG: return T_CD28NEG;
                    default: return T_REG;
                }
            }
            case B_CELL:
                switch (((BCell) c).phenotype()) {
                    case NAIVE: return B_NAIVE;
                    case ACTIVATED: return B_ACTIVATED;
                    default: return B_PLASMA;
                }
            case NK:
                return ((NkCell) c).phenotype() == NkCell.Phenotype.ACTIVATED ? NK_ACTIVATED : NK_RESTING;
            case MACROPHAGE:
                switch (((Macrophage) c).phenotype()) {
                    case M0: return MAC_M0;
                    case M1: return MAC_M1;
                    default: return MAC_M2;
                }
            default:
                return ((TargetCell) c).opsonised() ? TARGET_OPSONISED : TARGET;
        }
    }

    /** A lighter version of a colour: {@code share} of the way to white. */
    static Color tint(Color c, double share) {
        return new Color(
                (int) Math.round(c.getRed() + (255 - c.getRed()) * share),
                (int) Math.round(c.getGreen() + (255 - c.getGreen()) * share),
                (int) Math.round(c.getBlue() + (255 - c.getBlue()) * share));
    }
}
