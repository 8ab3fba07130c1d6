package org.mscsim.cells;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.mscsim.model.MscModel;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * An agent on the lattice: one voxel, one phenotype, one step of behaviour per time step.
 * Subclasses hold the state machine of their cell type; the shared verbs (move, secrete, die,
 * divide) are here.
 */
public abstract class Cell implements Steppable {

    private static final long serialVersionUID = 1L;

    /** Voxel index {@code y * width + x}; -1 once the cell has left the grid. */
    int voxel = -1;
    boolean alive = true;

    public abstract CellType type();

    /** What neighbours sense of this cell; see {@link Tissue#tag(int)}. */
    byte tag() {
        return Tissue.OTHER;
    }

    /** The phenotype shown in displays and counted in the census. */
    public abstract Enum<?> phenotype();

    /** One time step of this cell's behaviour. */
    public abstract void act(MscModel m);

    /** Writes this cell's state (not its voxel or type) for a checkpoint; see {@link CellCodec}. */
    abstract void writeState(DataOutput out) throws IOException;

    /** Reads what {@link #writeState} wrote. */
    abstract void readState(DataInput in) throws IOException;

    /** MASON entry point; the model steps cells through {@link #act} directly. */
    @Override
    public final void step(SimState state) {
        act((MscModel) state);
    }

    public int voxel() {
        return voxel;
    }

    public boolean alive() {
        return alive;
    }

    public int x(int width) {
        return voxel % width;
    }

    public int y(int width) {
        return voxel / width;
    }

    /**
     * Random walk on the lattice: {@code hops} attempts per step (the integer part, plus one more
     * with the fractional part as probability), each to a random von Neumann neighbour if free.
     * A 4-neighbour hop rate h gives a motility coefficient D = h dx² / 4.
     */
    protected final void move(MscModel m, double hopsPerStep) {
        int n = (int) hopsPerStep;
        if (m.cellRng.nextDouble() < hopsPerStep - n) {
            n++;
        }
        Tissue t = m.tissue;
        int bits = 0;
        for (int i = 0; i < n && alive; i++) {
            // One random int gives the directions of sixteen hops, two bits each.
            if ((i & 15) == 0) {
                bits = m.cellRng.nextInt();
            }
            int target = t.neighbour4(voxel, bits & 3);
            bits >>>= 2;
            if (target == Tissue.OUTSIDE_LEAVE) {
                t.remove(this);
                alive = false;
                return;
            }
            if (target >= 0 && t.tag(target) == Tissue.EMPTY) {
                t.move(this, target);
            }
        }
    }

    /** Removes the cell from the grid; the model drops it from its list after the step. */
    public final void die(MscModel m) {
        if (alive) {
            alive = false;
            m.tissue.remove(this);
        }
    }
}
