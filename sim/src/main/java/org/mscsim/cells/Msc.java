package org.mscsim.cells;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.mscsim.model.ModelParams;
import org.mscsim.model.MscModel;

/**
 * A mesenchymal stromal cell. Adherent (does not move). Licensing by IFN-γ, with TNF-α synergy,
 * raises its IDO activity, PD-L1 and PGE2 secretion (Krampera 2006; Sheng 2008; Aggarwal &
 * Pittenger 2005). It secretes PGE2 and active TGF-β, converts tryptophan to kynurenine through
 * IDO, shows PD-L1 to touching T cells, and can be lysed by activated NK cells unless licensed.
 */
public final class Msc extends Cell {

    private static final long serialVersionUID = 1L;

    public enum State { RESTING, LICENSED }

    /** Licensing level 0..1; shown as LICENSED above one half. */
    private double licensing;

    /** A resting MSC. */
    public Msc() {
        this(0.0);
    }

    /** An MSC pre-exposed to IFN-γ (licensing 0..1), as in pre-licensing experiments. */
    public Msc(double licensing) {
        this.licensing = licensing;
    }

    @Override
    public CellType type() {
        return CellType.MSC;
    }

    @Override
    public State phenotype() {
        return licensing >= 0.5 ? State.LICENSED : State.RESTING;
    }

    @Override
    byte tag() {
        return Tissue.MSC;
    }

    public double licensing() {
        return licensing;
    }

    /** Surface PD-L1 relative to a fully licensed MSC. */
    public double pdL1(ModelParams.Msc p) {
        return p.pdl1Basal + (1.0 - p.pdl1Basal) * licensing;
    }

    @Override
    public void act(MscModel m) {
        final ModelParams p = m.p;
        final ModelParams.Msc q = p.msc;
        if (m.cellRng.nextDouble() < q.pDeath) {
            die(m);
            return;
        }
        final int v = voxel;
        final int y = v / m.tissue.width; // fields are rows: c[y][x]
        final int x = v - y * m.tissue.width;
        // Licensing relaxes exactly towards its steady state for the signal this step.
        double ifn = ModelParams.hill(m.ifng.c[y][x], p.ec50Ifng);
        double tnf = ModelParams.hill(m.tnf.c[y][x], p.ec50Tnf);
        double signal = ifn * (1.0 + q.tnfSynergy * tnf) / (1.0 + q.tnfSynergy);
        double on = q.licensingOnPerH * signal;
        double rate = on + q.licensingOffPerH;
        if (rate > 0) {
            double steady = on / rate;
            licensing = steady + (licensing - steady) * Math.exp(-rate * p.dtH);
        }

        double pge2 = q.pge2Basal * (1.0 + (q.pge2Fold - 1.0) * licensing) * (1.0 - p.blockPge2);
        double tgfb = q.tgfb * (1.0 + (q.tgfbFold - 1.0) * licensing);
        m.secrete(x, y, pge2, tgfb, 0, 0, 0, q.il6);

        // IDO: Michaelis–Menten tryptophan consumption, taken implicitly (rate linearised at the
        // current level) so it never overshoots; every tryptophan consumed becomes kynurenine.
        double vmax = q.idoVmax * (q.idoBasal + (1.0 - q.idoBasal) * licensing) * (1.0 - p.blockIdo);
        if (vmax > 0) {
            double[] trp = m.tryptophan.c[y];
            double before = trp[x];
            double after = before / (1.0 + p.dtMin * vmax / (q.idoKm + before));
            trp[x] = after;
            m.kynurenine.c[y][x] += before - after;
        }

        if (q.pDivide > 0 && m.cellRng.nextDouble() < q.pDivide) {
            int free = m.tissue.freeNeighbour(v, m.cellRng);
            if (free >= 0) {
                Msc daughter = new Msc();
                daughter.licensing = licensing;
                m.tissue.add(daughter, free);
            }
        }
    }

    /** Lysis by an NK cell; returns true if it happened. */
    boolean lyse(MscModel m, double pKill) {
        double protectedShare = m.p.msc.nkProtection * licensing;
        if (m.cellRng.nextDouble() < pKill * (1.0 - protectedShare)) {
            die(m);
            return true;
        }
        return false;
    }

    @Override
    void writeState(DataOutput out) throws IOException {
        out.writeDouble(licensing);
    }

    @Override
    void readState(DataInput in) throws IOException {
        licensing = in.readDouble();
    }
}
