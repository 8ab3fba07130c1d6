package org.mscsim.model;

import java.util.List;
import org.mscsim.cells.BCell;
import org.mscsim.cells.Cell;
import org.mscsim.cells.Macrophage;
import org.mscsim.cells.Msc;
import org.mscsim.cells.NkCell;
import org.mscsim.cells.TCell;
import org.mscsim.cells.Tissue;
import org.mscsim.fields.FieldId;

/**
 * What a run reports at each output interval: the columns of {@code timeseries.csv}, with units
 * and meanings, and the code that measures them from a model.
 */
public final class Observables {

    /** One output column. */
    public record Column(String name, String unit, String doc) {
    }

    public static final List<Column> COLUMNS = List.of(
            new Column("time_h", "h", "simulated time since the start"),
            new Column("msc", "cells", "MSCs on the patch"),
            new Column("t_cd4", "cells", "CD4+ T cells, all phenotypes (including Tregs)"),
            new Column("t_cd8", "cells", "CD8+ T cells, all phenotypes (including CD8+CD28−)"),
            new Column("t_cd8_cd28neg", "cells", "CD8+CD28− suppressor T cells"),
            new Column("treg", "cells", "regulatory CD4+ T cells"),
            new Column("t_divisions", "divisions", "cumulative T-cell divisions since the start"),
            new Column("b_naive", "cells", "naive B cells"),
            new Column("b_activated", "cells", "activated (dividing) B cells"),
            new Column("plasma", "cells", "plasma cells"),
            new Column("antibody", "ng/mL", "antibody secreted by plasma cells, net of decay, in the patch volume"),
            new Column("nk", "cells", "NK cells, resting and activated"),
            new Column("nk_activated", "cells", "activated NK cells"),
            new Column("nk_kills", "cells", "cumulative cells lysed by NK cells"),
            new Column("mac_m0", "cells", "unpolarised macrophages"),
            new Column("mac_m1", "cells", "M1 (pro-inflammatory) macrophages"),
            new Column("mac_m2", "cells", "M2 (anti-inflammatory) macrophages"),
            new Column(FieldId.PGE2.meanColumn, FieldId.PGE2.unit, "patch mean of PGE2"),
            new Column(FieldId.KYNURENINE.meanColumn, FieldId.KYNURENINE.unit, "patch mean of kynurenine"),
            new Column(FieldId.TGF_BETA.meanColumn, FieldId.TGF_BETA.unit, "patch mean of active TGF-β"),
            new Column(FieldId.IFN_GAMMA.meanColumn, FieldId.IFN_GAMMA.unit, "patch mean of IFN-γ"),
            new Column(FieldId.TRYPTOPHAN.meanColumn, FieldId.TRYPTOPHAN.unit, "patch mean of tryptophan"),
            new Column(FieldId.IL10.meanColumn, FieldId.IL10.unit, "patch mean of IL-10"),
            new Column(FieldId.TNF_ALPHA.meanColumn, FieldId.TNF_ALPHA.unit, "patch mean of TNF-α"),
            new Column("msc_licensed", "cells", "MSCs with licensing above one half"),
            new Column("t_naive", "cells", "naive T cells"),
            new Column("t_activated", "cells", "activated, cycling T cells"),
            new Column("t_suppressed", "cells", "activated T cells arrested by inhibition"),
            new Column("t_generation_mean", "divisions", "mean CFSE generation of live T cells"),
            new Column(FieldId.IL6.meanColumn, FieldId.IL6.unit, "patch mean of IL-6"),
            new Column("msc_lysed", "cells", "cumulative MSCs lysed by NK cells"),
            new Column("targets", "cells", "target cells (K562-like or opsonised) alive"),
            new Column("phagocytosed", "cells", "cumulative opsonised targets phagocytosed by macrophages"),
            new Column("t_divisions_cd8", "divisions", "cumulative divisions of CD8+ T cells (CD4+ = t_divisions − this)"),
            new Column("t_division_waits", "cell-steps", "cumulative steps in which a T cell ready to divide waited for a free neighbour (the lattice was full around it)"));

    /** Columns added for in-vivo scenarios (the systemic compartment). */
    public static final List<Column> IN_VIVO = List.of(
            new Column("platelets", "×10⁹/L", "platelet count in blood"),
            new Column("msc_blood", "cells", "infused MSCs circulating in blood"),
            new Column("msc_lung", "cells", "infused MSCs lodged in the lung"),
            new Column("ev_msc_equivalents", "MSC-equivalents", "licensed-MSC secretome acting in the patch through extracellular vesicles"),
            new Column("antibody_plasma", "µg/mL", "anti-platelet IgG in plasma (patch plasma cells scaled to the body)"),
            new Column("t_blood_rel", "fraction", "circulating T cells relative to baseline"),
            new Column("msc_infused", "cells", "cumulative MSCs infused"));

    private Observables() {
    }

    /** The columns a model reports: {@link #COLUMNS}, plus {@link #IN_VIVO} when it has a body. */
    public static List<Column> columns(MscModel m) {
        return columns(m.systemic != null);
    }

    /** The columns of a culture ({@code inVivo} false) or of an in-vivo scenario. */
    public static List<Column> columns(boolean inVivo) {
        if (!inVivo) {
            return COLUMNS;
        }
        List<Column> all = new java.util.ArrayList<>(COLUMNS);
        all.addAll(IN_VIVO);
        return List.copyOf(all);
    }

    public static int index(String column) {
        for (int i = 0; i < COLUMNS.size(); i++) {
            if (COLUMNS.get(i).name().equals(column)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no column " + column);
    }

    /** Measures the model into {@code row} (length {@code columns(m).size()}). */
    public static void sample(MscModel m, double[] row) {
        int msc = 0, mscLicensed = 0, cd4 = 0, cd8 = 0, cd28neg = 0, treg = 0;
        int tNaive = 0, tActivated = 0, tSuppressed = 0;
        long generations = 0;
        int bNaive = 0, bActivated = 0, plasma = 0, nk = 0, nkActivated = 0, m0 = 0, m1 = 0, m2 = 0, targets = 0;
        Tissue t = m.tissue;
        for (int i = 0; i < t.count(); i++) {
            Cell c = t.cell(i);
            if (!c.alive()) {
                continue;
            }
            switch (c.type()) {
                case MSC:
                    msc++;
                    if (((Msc) c).phenotype() == Msc.State.LICENSED) {
                        mscLicensed++;
                    }
                    break;
                case T_CELL: {
                    TCell tc = (TCell) c;
                    if (tc.cd8()) {
                        cd8++;
                    } else {
                        cd4++;
                    }
                    generations += tc.generation();
                    switch (tc.phenotype()) {
                        case NAIVE: tNaive++; break;
                        case ACTIVATED: tActivated++; break;
                        case SUPPRESSED: tSuppressed++; break;
                        case CD28NEG: cd28neg++; break;
                        default: treg++; break;
                    }
                    break;
                }
                case B_CELL:
                    switch (((BCell) c).phenotype()) {
                        case NAIVE: bNaive++; break;
                        case ACTIVATED: bActivated++; break;
                        default: plasma++; break;
                    }
                    break;
                case NK:
                    nk++;
                    if (((NkCell) c).phenotype() == NkCell.Phenotype.ACTIVATED) {
                        nkActivated++;
                    }
                    break;
                case MACROPHAGE:
                    switch (((Macrophage) c).phenotype()) {
                        case M0: m0++; break;
                        case M1: m1++; break;
                        default: m2++; break;
                    }
                    break;
                default:
                    targets++;
            }
        }
        int k = 0;
        row[k++] = m.timeH();
        row[k++] = msc;
        row[k++] = cd4;
        row[k++] = cd8;
        row[k++] = cd28neg;
        row[k++] = treg;
        row[k++] = m.tDivisions;
        row[k++] = bNaive;
        row[k++] = bActivated;
        row[k++] = plasma;
        row[k++] = m.antibodyNgPerMl();
        row[k++] = nk;
        row[k++] = nkActivated;
        row[k++] = m.nkKills;
        row[k++] = m0;
        row[k++] = m1;
        row[k++] = m2;
        row[k++] = m.pge2.mean();
        row[k++] = m.kynurenine.mean();
        row[k++] = m.tgfb.mean();
        row[k++] = m.ifng.mean();
        row[k++] = m.tryptophan.mean();
        row[k++] = m.il10.mean();
        row[k++] = m.tnf.mean();
        row[k++] = mscLicensed;
        row[k++] = tNaive;
        row[k++] = tActivated;
        row[k++] = tSuppressed;
        int tCells = cd4 + cd8;
        row[k++] = tCells == 0 ? 0 : (double) generations / tCells;
        row[k++] = m.il6.mean();
        row[k++] = m.mscLysed;
        row[k++] = targets;
        row[k++] = m.phagocytosed;
        row[k++] = m.tDivisionsCd8;
        row[k++] = m.tDivisionWaits;
        if (m.systemic != null) {
            row[k++] = m.systemic.platelets();
            row[k++] = m.systemic.mscBlood();
            row[k++] = m.systemic.mscLung();
            row[k++] = m.systemic.patchMscEquivalents();
            row[k++] = m.systemic.antibody();
            row[k++] = m.systemic.tBloodRelative();
            row[k++] = m.systemic.infused();
        }
    }
}
