package org.mscsim.cells;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Cells in and out of a checkpoint: a type tag, the voxel, constructor arguments, then the
 * cell's own state. Only these known types can be read back — nothing is instantiated from
 * names in the file.
 */
public final class CellCodec {

    private CellCodec() {
    }

    public static void write(Cell c, DataOutput out) throws IOException {
        out.writeByte(c.type().ordinal());
        out.writeInt(c.voxel);
        if (c instanceof TCell t) {
            out.writeBoolean(t.cd8());
        } else if (c instanceof TargetCell t) {
            out.writeBoolean(t.opsonised());
        }
        c.writeState(out);
    }

    /** Reads one cell and puts it on its voxel of {@code tissue}, appended to the cell list. */
    public static void read(DataInput in, Tissue tissue) throws IOException {
        int tag = in.readUnsignedByte();
        if (tag >= CellType.values().length) {
            throw new IOException("unknown cell type " + tag);
        }
        int voxel = in.readInt();
        if (voxel < 0 || voxel >= tissue.voxels()) {
            throw new IOException("cell voxel " + voxel + " outside the grid");
        }
        Cell c = switch (CellType.values()[tag]) {
            case MSC -> new Msc();
            case T_CELL -> new TCell(in.readBoolean());
            case B_CELL -> new BCell();
            case NK -> new NkCell();
            case MACROPHAGE -> new Macrophage();
            case TARGET -> new TargetCell(in.readBoolean());
        };
        c.readState(in);
        if (tissue.occupant(voxel) != null) {
            throw new IOException("two cells on voxel " + voxel);
        }
        tissue.add(c, voxel);
    }

    static <E extends Enum<E>> E phenotype(E[] values, int ordinal) throws IOException {
        if (ordinal < 0 || ordinal >= values.length) {
            throw new IOException("unknown phenotype " + ordinal + " for " + values[0].getDeclaringClass().getSimpleName());
        }
        return values[ordinal];
    }
}
