package org.mscsim.cells;

import org.mscsim.model.ModelParams;
import org.mscsim.model.MscModel;

/**
 * A natural killer cell. Resting cells are activated by the culture's cytokines; activated
 * cells divide, secrete IFN-γ and lyse susceptible neighbours (unprotected MSCs). MSC-derived
 * PGE2, tryptophan starvation (IDO) and TGF-β reduce activation, proliferation, cytotoxicity and
 * IFN-γ (Spaggiari 2006, 2008; Sotiropoulou 2006).
 */
public final class NkCell extends Cell {

    private static final long serialVersionUID = 1L;

    public enum Phenotype { RESTING, ACTIVATED }

    private Phenotype phenotype = Phenotype.RESTING;
    private double cycleLeftH;

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
        if (m.rng.nextDouble() < q.pDeath) {
            die(m);
            return;
        }
        move(m, q.hops);
        if (!alive) {
            return;
        }
        final int v = voxel;
        double keep = (1.0 - q.pge2Max * ModelParams.hill(m.pge2.c[v], p.ec50Pge2))
                * (1.0 - q.trpMax * p.starvation(m.tryptophan.c[v]))
                * (1.0 - q.tgfbMax * ModelParams.hill(m.tgfb.c[v] * (1.0 - p.blockTgfb), p.ec50Tgfb));

        if (phenotype == Phenotype.RESTING) {
            m.secrete(v, 0, 0, 0, 0, 0);
            if (m.rng.nextDouble() < q.pActivate * keep) {
                phenotype = Phenotype.ACTIVATED;
                cycleLeftH = m.cycleDuration(q.cycleH, 0.2);
            }
            return;
        }
        m.secrete(v, 0, 0, q.ifng * keep, 0, 0);
        if (!p.transwell) {
            final Tissue tissue = m.tissue;
            double pKill = q.pKill * keep;
            for (int k = 0; k < 8; k++) {
                int n = tissue.neighbour8(v, k);
                if (n >= 0 && tissue.occupant(n) instanceof Msc msc) {
                    if (msc.lyse(m, pKill)) {
                        m.nkKills++;
                    }
                    break; // one conjugate at a time
                }
            }
        }
        cycleLeftH -= p.dtH * keep;
        if (cycleLeftH <= 0) {
            int free = m.tissue.freeNeighbour(v, m.rng);
            if (free >= 0) {
                NkCell daughter = new NkCell();
                daughter.phenotype = Phenotype.ACTIVATED;
                daughter.cycleLeftH = m.cycleDuration(q.cycleH, 0.2);
                cycleLeftH = m.cycleDuration(q.cycleH, 0.2);
                m.tissue.add(daughter, free);
            }
        }
    }
}
