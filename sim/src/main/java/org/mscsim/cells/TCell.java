package org.mscsim.cells;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.mscsim.model.ModelParams;
import org.mscsim.model.MscModel;

/**
 * A CD4+ or CD8+ T cell. Naive cells are activated by the scenario's stimulus; activated cells
 * divide (the first cycle slower than later ones, Mishima 2014), secrete IFN-γ and TNF-α, and
 * can be arrested (suppressed) and later recover: MSCs do not kill T cells (Di Nicola 2002).
 * CD8+ cells touching MSCs or exposed to TGF-β can become CD8+CD28− suppressors (Liu 2014),
 * CD4+ cells under TGF-β can become Tregs; both suppress T cells they touch.
 *
 * <p>Every inhibitory signal is an independent fractional effect h; the total inhibition is
 * {@code H = 1 - Π(1 - h)} (Bliss independence), which slows activation and cycle progress by
 * {@code (1 - H)} and drives arrest.
 */
public final class TCell extends Cell {

    private static final long serialVersionUID = 1L;

    public enum Phenotype { NAIVE, ACTIVATED, SUPPRESSED, CD28NEG, TREG }

    private final boolean cd8;
    private Phenotype phenotype = Phenotype.NAIVE;
    /** Hours of uninhibited cycling left before the next division. */
    private double cycleLeftH;
    /** Divisions since the start: the CFSE generation. */
    private int generation;
    /** Last total inhibition H, kept for inspection and display. */
    private double inhibition;

    public TCell(boolean cd8) {
        this.cd8 = cd8;
    }

    @Override
    public CellType type() {
        return CellType.T_CELL;
    }

    @Override
    public Phenotype phenotype() {
        return phenotype;
    }

    public boolean cd8() {
        return cd8;
    }

    public int generation() {
        return generation;
    }

    public double inhibition() {
        return inhibition;
    }

    @Override
    byte tag() {
        return suppressor() ? Tissue.SUPPRESSOR : Tissue.OTHER;
    }

    /** Tregs and CD8+CD28− cells suppress T cells they touch. */
    boolean suppressor() {
        return phenotype == Phenotype.CD28NEG || phenotype == Phenotype.TREG;
    }

    @Override
    public void act(MscModel m) {
        final ModelParams p = m.p;
        final ModelParams.T q = p.t;
        double pDeath = phenotype == Phenotype.ACTIVATED ? q.pDeathActivated : suppressor() ? q.pDeathRegulatory : q.pDeathNaive;
        if (m.cellRng.nextDouble() < pDeath || phenotype == Phenotype.NAIVE && m.cellRng.nextDouble() < p.pEgress) {
            die(m); // death, or a naive cell recirculating out of the patch
            return;
        }
        move(m, q.hops);
        if (!alive) {
            return;
        }
        final int v = voxel;
        final int y = v / m.tissue.width; // fields are rows: c[y][x]
        final int x = v - y * m.tissue.width;

        // Contact: PD-L1 on touching MSCs (Moore neighbours) and touching suppressor T cells.
        double pdl1 = 0;
        int suppressors = 0;
        boolean touchingMsc = false;
        final Tissue tissue = m.tissue;
        for (int k = 0; k < 8; k++) {
            int n = tissue.neighbour8(v, k);
            if (n < 0) {
                continue;
            }
            byte tag = tissue.tag(n);
            if (tag == Tissue.MSC) {
                if (!p.transwell) {
                    touchingMsc = true;
                    pdl1 += ((Msc) tissue.occupant(n)).pdL1(p.msc);
                }
            } else if (tag == Tissue.SUPPRESSOR) {
                suppressors++;
            }
        }
        pdl1 *= 1.0 - p.blockPdl1;

        double tgfb = m.tgfb.c[y][x] * (1.0 - p.blockTgfb);
        double tgfbResponse = ModelParams.hill(tgfb, p.ec50Tgfb);
        double s = cd8 ? q.cd8Susceptibility : 1.0;
        double keep = 1.0;
        keep *= 1.0 - Math.min(1.0, s * q.pdl1Max * pdl1 / (pdl1 + q.pdl1Half));
        keep *= 1.0 - Math.min(1.0, s * q.pge2Max * ModelParams.hill(m.pge2.c[y][x], p.ec50Pge2));
        keep *= 1.0 - Math.min(1.0, s * q.trpMax * p.starvation(m.tryptophan.c[y][x]));
        keep *= 1.0 - Math.min(1.0, s * q.kynMax * ModelParams.hill(m.kynurenine.c[y][x], p.ec50Kyn));
        keep *= 1.0 - Math.min(1.0, s * q.tgfbMax * tgfbResponse);
        keep *= 1.0 - Math.min(1.0, s * q.suppressorMax * suppressors / (suppressors + 1.0));
        final double h = 1.0 - keep;
        inhibition = h;

        switch (phenotype) {
            case NAIVE:
                m.secrete(x, y, 0, 0, 0, 0, 0, 0);
                if (m.cellRng.nextDouble() < q.pActivate * keep) {
                    phenotype = Phenotype.ACTIVATED;
                    cycleLeftH = m.cycleDuration(q.firstDivisionH, q.cycleCv);
                }
                break;
            case ACTIVATED:
                m.secrete(x, y, 0, 0, q.ifng * keep, 0, q.tnf * keep, 0);
                if (differentiate(m, q, touchingMsc, tgfbResponse)) {
                    break;
                }
                if (m.cellRng.nextDouble() < q.pArrest * h * h) {
                    phenotype = Phenotype.SUPPRESSED;
                    break;
                }
                cycleLeftH -= p.dtH * keep;
                if (cycleLeftH <= 0 && generation < q.maxDivisions) {
                    divide(m, q);
                }
                break;
            case SUPPRESSED:
                m.secrete(x, y, 0, 0, 0, 0, 0, 0);
                if (m.cellRng.nextDouble() < q.pRecover * keep) {
                    phenotype = Phenotype.ACTIVATED;
                }
                break;
            default: // CD28NEG, TREG
                m.secrete(x, y, 0, q.suppressorTgfb, 0, q.suppressorIl10, 0, 0);
                break;
        }
    }

    private boolean differentiate(MscModel m, ModelParams.T q, boolean touchingMsc, double tgfbResponse) {
        if (cd8) {
            double drive = touchingMsc ? 1.0 : tgfbResponse;
            if (m.cellRng.nextDouble() < q.pCd28neg * drive) {
                phenotype = Phenotype.CD28NEG;
                m.tissue.retag(this);
                return true;
            }
        } else if (m.cellRng.nextDouble() < q.pTreg * tgfbResponse) {
            phenotype = Phenotype.TREG;
            m.tissue.retag(this);
            return true;
        }
        return false;
    }

    private void divide(MscModel m, ModelParams.T q) {
        int free = m.tissue.freeNeighbour(voxel, m.cellRng);
        if (free < 0) {
            m.tally().tDivisionWaits++;
            return; // no room: the cell waits, ready, and tries again next step
        }
        generation++;
        TCell daughter = new TCell(cd8);
        daughter.phenotype = Phenotype.ACTIVATED;
        daughter.generation = generation;
        daughter.cycleLeftH = m.cycleDuration(q.cycleH, q.cycleCv);
        cycleLeftH = m.cycleDuration(q.cycleH, q.cycleCv);
        m.tissue.add(daughter, free);
        m.tally().tDivisions++;
        if (cd8) {
            m.tally().tDivisionsCd8++;
        }
    }

    @Override
    void writeState(DataOutput out) throws IOException {
        out.writeByte(phenotype.ordinal());
        out.writeDouble(cycleLeftH);
        out.writeInt(generation);
        out.writeDouble(inhibition);
    }

    @Override
    void readState(DataInput in) throws IOException {
        phenotype = CellCodec.phenotype(Phenotype.values(), in.readByte());
        cycleLeftH = in.readDouble();
        generation = in.readInt();
        inhibition = in.readDouble();
    }
}
