package org.mscsim.cells;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.mscsim.model.ModelParams;
import org.mscsim.model.MscModel;

/**
 * A natural killer cell. Resting cells are activated by the culture's cytokines; activated
 * cells divide, secrete IFN-γ and lyse susceptible neighbours (target cells such as K562, and
 * MSCs less readily, unless licensed). MSC-derived
 * PGE2, tryptophan starvation (IDO) and TGF-β reduce activation, proliferation, cytotoxicity and
 * IFN-γ (Spaggiari 2006, 2008; Sotiropoulou 2006).
 */
public final class NkCell extends Cell {

    private static final long serialVersionUID = 1L;

    public enum Phenotype { RESTING, ACTIVATED }

    private Phenotype phenotype = Phenotype.RESTING;
    private double cycleLeftH;
    private int divisions;

    @Override
    public CellType type() {
        return CellType.NK;
    }

    @Override
    public Phenotype phenotype() {
        return phenotype;
    }

    @Override
    public void act(MscModel m) {
        final ModelParams p = m.p;
        final ModelParams.Nk q = p.nk;
        if (m.cellRng.nextDouble() < q.pDeath || phenotype == Phenotype.RESTING && m.cellRng.nextDouble() < p.pEgress) {
            die(m); // death, or a resting cell recirculating out of the patch
            return;
        }
        move(m, q.hops);
        if (!alive) {
            return;
        }
        final int v = voxel;
        final int y = v / m.tissue.width; // fields are rows: c[y][x]
        final int x = v - y * m.tissue.width;
        double keep = (1.0 - q.pge2Max * ModelParams.hill(m.pge2.c[y][x], p.ec50Pge2))
                * (1.0 - q.trpMax * p.starvation(m.tryptophan.c[y][x]))
                * (1.0 - q.tgfbMax * ModelParams.hill(m.tgfb.c[y][x] * (1.0 - p.blockTgfb), p.ec50Tgfb));

        if (phenotype == Phenotype.RESTING) {
            m.secrete(x, y, 0, 0, 0, 0, 0, 0);
            if (m.cellRng.nextDouble() < q.pActivate * keep) {
                phenotype = Phenotype.ACTIVATED;
                cycleLeftH = m.cycleDuration(q.cycleH, 0.2);
            }
            return;
        }
        m.secrete(x, y, 0, 0, q.ifng * keep, 0, 0, 0);
        // One conjugate at a time: the first susceptible neighbour found, from a random start.
        final Tissue tissue = m.tissue;
        double pKill = q.pKill * keep;
        int start = m.cellRng.nextInt(8);
        for (int i = 0; i < 8; i++) {
            int n = tissue.neighbour8(v, (start + i) & 7);
            if (n < 0) {
                continue;
            }
            byte tag = tissue.tag(n);
            if (tag == Tissue.TARGET || tag == Tissue.OPSONISED) {
                if (m.cellRng.nextDouble() < pKill) {
                    tissue.occupant(n).die(m);
                    m.tally().nkKills++;
                }
                break;
            }
            if (tag == Tissue.MSC && !p.transwell) {
                if (((Msc) tissue.occupant(n)).lyse(m, pKill * p.msc.nkSusceptibility)) {
                    m.tally().nkKills++;
                    m.tally().mscLysed++;
                }
                break;
            }
        }
        cycleLeftH -= p.dtH * keep;
        if (cycleLeftH <= 0 && divisions < q.maxDivisions) {
            int free = m.tissue.freeNeighbour(v, m.cellRng);
            if (free >= 0) {
                NkCell daughter = new NkCell();
                daughter.phenotype = Phenotype.ACTIVATED;
                divisions++;
                daughter.divisions = divisions;
                daughter.cycleLeftH = m.cycleDuration(q.cycleH, 0.2);
                cycleLeftH = m.cycleDuration(q.cycleH, 0.2);
                m.tissue.add(daughter, free);
            }
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
