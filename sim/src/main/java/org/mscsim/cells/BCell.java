package org.mscsim.cells;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.mscsim.model.ModelParams;
import org.mscsim.model.MscModel;

/**
 * A B cell: naive → activated (dividing) → antibody-secreting plasma cell. MSC factors (PGE2,
 * tryptophan starvation by IDO, TGF-β) inhibit activation, cycling and differentiation
 * (Corcione 2006); with {@code b_cell_effect: support} the same exposure promotes them instead
 * (Rasmusson 2007; Traggiai 2008).
 */
public final class BCell extends Cell {

    private static final long serialVersionUID = 1L;

    public enum Phenotype { NAIVE, ACTIVATED, PLASMA }

    private Phenotype phenotype = Phenotype.NAIVE;
    private double cycleLeftH;
    private int divisions;

    @Override
    public CellType type() {
        return CellType.B_CELL;
    }

    @Override
    public Phenotype phenotype() {
        return phenotype;
    }

    @Override
    public void act(MscModel m) {
        final ModelParams p = m.p;
        final ModelParams.B q = p.b;
        double pDeath = phenotype == Phenotype.PLASMA ? q.pPlasmaDeath : q.pDeath;
        if (m.cellRng.nextDouble() < pDeath || phenotype == Phenotype.NAIVE && m.cellRng.nextDouble() < p.pEgress) {
            die(m); // death, or a naive cell recirculating out of the patch
            return;
        }
        if (phenotype != Phenotype.PLASMA) {
            move(m, q.hops);
            if (!alive) {
                return;
            }
        }
        final int v = voxel;
        final int y = v / m.tissue.width; // fields are rows: c[y][x]
        final int x = v - y * m.tissue.width;
        m.secrete(x, y, 0, 0, 0, 0, 0, 0);

        // Exposure to MSC factors, 0..1, combined as independent effects.
        double exposure = 1.0 - (1.0 - ModelParams.hill(m.pge2.c[y][x], p.ec50Pge2))
                * (1.0 - p.starvation(m.tryptophan.c[y][x]))
                * (1.0 - ModelParams.hill(m.tgfb.c[y][x] * (1.0 - p.blockTgfb), p.ec50Tgfb));
        double factor = p.bSupport ? 1.0 + q.supportGain * exposure : 1.0 - q.inhibitionMax * exposure;

        switch (phenotype) {
            case NAIVE:
                if (m.cellRng.nextDouble() < q.pActivate * factor) {
                    phenotype = Phenotype.ACTIVATED;
                    cycleLeftH = m.cycleDuration(q.cycleH, 0.2);
                }
                break;
            case ACTIVATED:
                if (m.cellRng.nextDouble() < q.pPlasma * factor) {
                    phenotype = Phenotype.PLASMA;
                    break;
                }
                cycleLeftH -= p.dtH * factor;
                if (cycleLeftH <= 0 && divisions < q.maxDivisions) {
                    int free = m.tissue.freeNeighbour(v, m.cellRng);
                    if (free >= 0) {
                        BCell daughter = new BCell();
                        daughter.phenotype = Phenotype.ACTIVATED;
                        divisions++;
                        daughter.divisions = divisions;
                        daughter.cycleLeftH = m.cycleDuration(q.cycleH, 0.2);
                        cycleLeftH = m.cycleDuration(q.cycleH, 0.2);
                        m.tissue.add(daughter, free);
                    }
                }
                break;
            default: // PLASMA
                m.tally().antibodySecretions++;
                break;
        }
    }

    @Override
    void writeState(DataOutput out) throws IOException {
        out.writeByte(phenotype.ordinal());
        out.writeDouble(cycleLeftH);
        out.writeInt(divisions);
    }

    @Override
    void readState(DataInput in) throws IOException {
        phenotype = CellCodec.phenotype(Phenotype.values(), in.readByte());
        cycleLeftH = in.readDouble();
        divisions = in.readInt();
    }
}
