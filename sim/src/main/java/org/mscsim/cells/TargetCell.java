package org.mscsim.cells;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.mscsim.model.MscModel;

/**
 * A target cell for bench assays: an HLA-class-I-low tumour line such as K562, which activated NK
 * cells lyse, or, when opsonised (coated with antibody), a target macrophages phagocytose. It
 * does not move or divide over an assay's hours.
 */
public final class TargetCell extends Cell {

    private static final long serialVersionUID = 1L;

    public enum Phenotype { TARGET, OPSONISED }

    private final Phenotype phenotype;

    public TargetCell(boolean opsonised) {
        this.phenotype = opsonised ? Phenotype.OPSONISED : Phenotype.TARGET;
    }

    @Override
    public CellType type() {
        return CellType.TARGET;
    }

    @Override
    public Phenotype phenotype() {
        return phenotype;
    }

    @Override
    byte tag() {
        return opsonised() ? Tissue.OPSONISED : Tissue.TARGET;
    }

    public boolean opsonised() {
        return phenotype == Phenotype.OPSONISED;
    }

    @Override
    public void act(MscModel m) {
        if (m.cellRng.nextDouble() < m.p.target.pDeath) {
            die(m);
            return;
        }
        final int y = voxel / m.tissue.width;
        m.secrete(voxel - y * m.tissue.width, y, 0, 0, 0, 0, 0, 0);
    }

    @Override
    void writeState(DataOutput out) throws IOException {
        // The phenotype is fixed at construction and written by CellCodec.
    }

    @Override
    void readState(DataInput in) {
        // Nothing beyond what CellCodec reads.
    }
}
