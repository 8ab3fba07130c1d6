package org.mscsim.cells;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.mscsim.model.ModelParams;
import org.mscsim.model.MscModel;

/**
 * A monocyte-derived macrophage: M0 polarises to M1 under IFN-γ (and TNF-α) or to M2 under
 * IL-10, PGE2, TGF-β and MSC IL-6 (Melief 2013), and can switch between M1 and M2 more slowly.
 * M1 secretes TNF-α; M2 secretes IL-10, and PGE2 raises IL-10 from any macrophage through
 * EP2/EP4 (Németh 2009), so MSC PGE2 drives M2 both directly and through IL-10 (Kim & Hematti
 * 2009). Macrophages phagocytose opsonised targets they touch, M1 fastest.
 */
public final class Macrophage extends Cell {

    private static final long serialVersionUID = 1L;

    public enum Phenotype { M0, M1, M2 }

    private Phenotype phenotype = Phenotype.M0;

    @Override
    public CellType type() {
        return CellType.MACROPHAGE;
    }

    @Override
    public Phenotype phenotype() {
        return phenotype;
    }

    @Override
    public void act(MscModel m) {
        final ModelParams p = m.p;
        final ModelParams.Mac q = p.mac;
        if (m.cellRng.nextDouble() < q.pDeath) {
            die(m);
            return;
        }
        move(m, q.hops);
        if (!alive) {
            return;
        }
        final int v = voxel;
        final int y = v / m.tissue.width; // fields are rows: c[y][x]
        final int x = v - y * m.tissue.width;
        double pge2 = ModelParams.hill(m.pge2.c[y][x], p.ec50Pge2);
        // M1 drive: IFN-γ, with TNF-α adding half as much again, scaled to 0..1.
        double m1 = ModelParams.hill(m.ifng.c[y][x], p.ec50Ifng) * (1.0 + 0.5 * ModelParams.hill(m.tnf.c[y][x], p.ec50Tnf)) / 1.5;
        double m2 = 1.0 - (1.0 - ModelParams.hill(m.il10.c[y][x], p.ec50Il10))
                * (1.0 - pge2)
                * (1.0 - ModelParams.hill(m.tgfb.c[y][x] * (1.0 - p.blockTgfb), p.ec50Tgfb))
                * (1.0 - ModelParams.hill(m.il6.c[y][x], p.ec50Il6));
        phagocytose(m, q);
        double il10Boost = 1.0 + q.pge2Il10Boost * pge2;
        double u = m.cellRng.nextDouble();
        switch (phenotype) {
            case M0: {
                double toM1 = q.pM1 * m1;
                if (u < toM1) {
                    phenotype = Phenotype.M1;
                } else if (u < toM1 + q.pM2 * m2) {
                    phenotype = Phenotype.M2;
                }
                m.secrete(x, y, 0, 0, 0, 0.1 * q.il10 * il10Boost, 0, 0);
                break;
            }
            case M1:
                if (u < q.pRepolarise * m2 * (1.0 - m1)) {
                    phenotype = Phenotype.M2;
                }
                m.secrete(x, y, 0, 0, 0, 0, q.tnf, 0);
                break;
            default: // M2
                if (u < q.pRepolarise * m1 * (1.0 - m2)) {
                    phenotype = Phenotype.M1;
                }
                m.secrete(x, y, 0, 0, 0, q.il10 * il10Boost, 0, 0);
                break;
        }
    }

    /** Engulfs one opsonised neighbour, at the rate of the current phenotype. */
    private void phagocytose(MscModel m, ModelParams.Mac q) {
        double pEat = phenotype == Phenotype.M1 ? q.pPhagocytoseM1 : phenotype == Phenotype.M2 ? q.pPhagocytoseM2 : q.pPhagocytoseM0;
        if (pEat == 0) {
            return;
        }
        final Tissue tissue = m.tissue;
        for (int k = 0; k < 8; k++) {
            int n = tissue.neighbour8(voxel, k);
            if (n >= 0 && tissue.tag(n) == Tissue.OPSONISED) {
                if (m.cellRng.nextDouble() < pEat) {
                    tissue.occupant(n).die(m);
                    m.tally().phagocytosed++;
                }
                return;
            }
        }
    }

    @Override
    void writeState(DataOutput out) throws IOException {
        out.writeByte(phenotype.ordinal());
    }

    @Override
    void readState(DataInput in) throws IOException {
        phenotype = CellCodec.phenotype(Phenotype.values(), in.readByte());
    }
}
