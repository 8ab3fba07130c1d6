package org.mscsim.viz.tissue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.mscsim.cells.Cell;
import org.mscsim.cells.CellType;
import org.mscsim.cells.Msc;
import org.mscsim.cells.TCell;
import org.mscsim.fields.FieldId;
import org.mscsim.model.MscModel;
import sim.util.Properties;

/**
 * What MASON's inspector shows for a clicked cell: its type and phenotype, its state variables
 * (CFSE generation and inhibition for T cells, licensing and PD-L1 for MSCs) and what it senses
 * in its voxel right now. Read-only: the user steers the model through parameters and
 * interventions, not by editing single cells.
 */
final class CellReport extends Properties {

    private static final long serialVersionUID = 1L;

    private record Row(String name, String description, Supplier<String> value) {
    }

    private final List<Row> rows = new ArrayList<>();

    CellReport(Cell cell, Supplier<MscModel> model) {
        this.object = CellStyle.of(cell).label;
        rows.add(new Row("cell type", "The kind of cell (the shape on the display).", () -> typeName(cell)));
        rows.add(new Row("phenotype", "Its current state (the colour on the display).", () -> CellStyle.of(cell).label));
        rows.add(new Row("alive", "False once it died, was lysed or phagocytosed, or left the patch.",
                () -> Boolean.toString(cell.alive())));
        rows.add(new Row("voxel (x, y)", "Lattice position; one voxel is one cell diameter.", () -> voxel(cell, model.get())));
        if (cell instanceof TCell t) {
            rows.add(new Row("divisions (CFSE generation)", "Times this cell's lineage divided since the start.",
                    () -> Integer.toString(t.generation())));
            rows.add(new Row("inhibition H (0–1)",
                    "Combined inhibition by PD-L1 contact, PGE2, tryptophan starvation, kynurenine, TGF-β and touching"
                            + " suppressor T cells: H = 1 − Π(1 − h). It slows activation and division and drives arrest.",
                    () -> number(t.inhibition())));
        }
        if (cell instanceof Msc msc) {
            rows.add(new Row("licensing (0–1)", "Licensing by IFN-γ (with TNF-α synergy); shown as licensed above 0.5.",
                    () -> number(msc.licensing())));
            rows.add(new Row("surface PD-L1 (relative)", "PD-L1 relative to a fully licensed MSC.",
                    () -> number(msc.pdL1(model.get().p.msc))));
        }
        for (FieldId id : FieldId.ALL) {
            rows.add(new Row(id.label + " here (" + id.unit + ")", "Concentration of " + id.label + " in this cell's voxel now.",
                    () -> local(cell, model.get(), id)));
        }
    }

    private static String typeName(Cell c) {
        if (c.type() == CellType.T_CELL) {
            return ((TCell) c).cd8() ? "T cell, CD8+" : "T cell, CD4+";
        }
        switch (c.type()) {
            case MSC: return "mesenchymal stromal cell";
            case B_CELL: return "B cell";
            case NK: return "NK cell";
            case MACROPHAGE: return "macrophage";
            default: return "target cell";
        }
    }

    private static String voxel(Cell c, MscModel m) {
        if (!c.alive() || c.voxel() < 0) {
            return "—";
        }
        int w = m.tissue.width;
        return "(" + c.x(w) + ", " + c.y(w) + ")";
    }

    private static String local(Cell c, MscModel m, FieldId id) {
        if (!c.alive() || c.voxel() < 0) {
            return "—";
        }
        int w = m.tissue.width;
        return number(m.fields.get(id).at(c.x(w), c.y(w)));
    }

    static String number(double v) {
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.1f" : "%.3g", v);
    }

    @Override
    public boolean isVolatile() {
        return false;
    }

    @Override
    public int numProperties() {
        return rows.size();
    }

    @Override
    public Object getValue(int index) {
        return rows.get(index).value().get();
    }

    @Override
    public String getDescription(int index) {
        return rows.get(index).description();
    }

    @Override
    public boolean isReadWrite(int index) {
        return false;
    }

    @Override
    public String getName(int index) {
        return rows.get(index).name();
    }

    @Override
    public Class<?> getType(int index) {
        return String.class;
    }

    @Override
    protected Object _setValue(int index, Object value) {
        return null;
    }
}
