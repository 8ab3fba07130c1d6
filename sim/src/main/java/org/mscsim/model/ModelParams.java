package org.mscsim.model;

import org.mscsim.fields.FieldId;
import org.mscsim.fields.Fields;
import org.mscsim.scenario.Scenario;

/**
 * The scenario's numbers converted once into what the per-step code needs: per-step event
 * probabilities from per-hour rates, per-voxel secretion rates from per-cell molecule rates.
 * Immutable; rebuilt whenever a live parameter changes (GUI edit, {@code set:} or {@code block:}
 * intervention), so cells always read one consistent set.
 *
 * <p>An event with rate k (1/h) happens within a step of {@code dt} hours with probability
 * {@code 1 - exp(-k dt)}. Where a modifier m in [0, 1] (an inhibition, a Hill response) scales a
 * rate, the probability used is {@code m (1 - exp(-k dt))}, which differs from
 * {@code 1 - exp(-m k dt)} only at second order in k dt.
 */
public final class ModelParams {

    public final double dtMin;
    public final double dtH;
    /** Per-step probability that a naive or resting lymphocyte leaves the patch (in vivo only). */
    public final double pEgress;
    public final boolean transwell;
    public final boolean bSupport;

    public final double blockPdl1;
    public final double blockIdo;
    public final double blockPge2;
    public final double blockTgfb;

    // Receptor sensitivities (field units).
    public final double ec50Pge2;
    public final double trpHalfSq;
    public final double ec50Kyn;
    public final double ec50Tgfb;
    public final double ec50Ifng;
    public final double ec50Tnf;
    public final double ec50Il10;
    public final double ec50Il6;

    public final Msc msc;
    public final T t;
    public final B b;
    public final Nk nk;
    public final Mac mac;
    public final Target target;

    public ModelParams(Scenario s, Fields fields) {
        dtMin = s.real("time.dt_min");
        dtH = dtMin / 60.0;
        pEgress = s.bool("invivo.enabled") ? prob(s.real("invivo.egress_per_h"), dtH) : 0.0;
        transwell = s.bool("coculture.transwell");
        bSupport = s.text("b_cell_effect").equals("support");
        blockPdl1 = s.real("blockade.pd_l1");
        blockIdo = s.real("blockade.ido");
        blockPge2 = s.real("blockade.pge2");
        blockTgfb = s.real("blockade.tgf_beta");
        ec50Pge2 = s.real("sensing.pge2_ec50_ng_per_ml");
        double th = s.real("sensing.trp_half_um");
        trpHalfSq = th * th;
        ec50Kyn = s.real("sensing.kyn_ec50_um");
        ec50Tgfb = s.real("sensing.tgfb_ec50_ng_per_ml");
        ec50Ifng = s.real("sensing.ifng_ec50_ng_per_ml");
        ec50Tnf = s.real("sensing.tnf_ec50_ng_per_ml");
        ec50Il10 = s.real("sensing.il10_ec50_ng_per_ml");
        ec50Il6 = s.real("sensing.il6_ec50_ng_per_ml");
        double voxel = s.real("grid.voxel_um");
        msc = new Msc(s, fields, dtH);
        t = new T(s, fields, dtH, dtMin, voxel);
        b = new B(s, fields, dtH, dtMin, voxel);
        nk = new Nk(s, fields, dtH, dtMin, voxel);
        mac = new Mac(s, fields, dtH, dtMin, voxel);
        target = new Target(s, dtH);
    }

    /** Probability that an event of rate {@code perHour} happens within one step. */
    public static double prob(double perHour, double dtH) {
        return -Math.expm1(-perHour * dtH);
    }

    /** Hops per step for a random-motility coefficient D on a von Neumann lattice: 4 D dt / dx². */
    static double hops(double motilityUm2PerMin, double dtMin, double voxelUm) {
        return 4.0 * motilityUm2PerMin * dtMin / (voxelUm * voxelUm);
    }

    private static double rate(Fields f, FieldId id, double moleculesPerSecond) {
        return f.get(id).perCell(moleculesPerSecond);
    }

    /** Saturating response c / (c + ec50). */
    public static double hill(double c, double ec50) {
        return c / (c + ec50);
    }

    /** Tryptophan starvation: K² / (K² + trp²), 1 in empty medium, small when tryptophan is plentiful. */
    public double starvation(double trp) {
        return trpHalfSq / (trpHalfSq + trp * trp);
    }

    public static final class Msc {
        public final double pge2Basal;      // ng/mL per min in the MSC's voxel
        public final double pge2Fold;
        public final double tgfb;
        public final double tgfbFold;
        public final double idoVmax;        // µM per min in the MSC's voxel, fully licensed
        public final double idoKm;
        public final double idoBasal;
        public final double pdl1Basal;
        public final double tnfSynergy;
        public final double licensingOnPerH;
        public final double licensingOffPerH;
        public final double nkProtection;
        public final double nkSusceptibility;
        public final double il6;
        public final double pDeath;
        public final double pDivide;

        Msc(Scenario s, Fields f, double dtH) {
            pge2Basal = rate(f, FieldId.PGE2, s.real("msc.pge2_basal_molecules_per_s"));
            pge2Fold = s.real("msc.pge2_licensed_fold");
            tgfb = rate(f, FieldId.TGF_BETA, s.real("msc.tgfb_molecules_per_s"));
            tgfbFold = s.real("msc.tgfb_licensed_fold");
            idoVmax = f.get(FieldId.TRYPTOPHAN).perCellFmolPerHour(s.real("msc.ido_vmax_fmol_per_h"));
            idoKm = s.real("msc.ido_km_um");
            idoBasal = s.real("msc.ido_basal_fraction");
            pdl1Basal = s.real("msc.pdl1_basal");
            tnfSynergy = s.real("msc.licensing_tnf_synergy");
            licensingOnPerH = s.real("msc.licensing_on_per_h");
            licensingOffPerH = s.real("msc.licensing_off_per_h");
            nkProtection = s.real("msc.nk_protection");
            nkSusceptibility = s.real("msc.nk_susceptibility");
            il6 = rate(f, FieldId.IL6, s.real("msc.il6_molecules_per_s"));
            pDeath = prob(s.real("msc.death_per_h"), dtH);
            pDivide = prob(s.real("msc.division_per_h"), dtH);
        }
    }

    public static final class T {
        public final double hops;
        public final double pActivate;
        public final double firstDivisionH;
        public final double cycleH;
        public final double cycleCv;
        public final int maxDivisions;
        public final double pDeathNaive;
        public final double pDeathActivated;
        public final double pDeathRegulatory;
        public final double ifng;
        public final double tnf;
        public final double cd8Susceptibility;
        public final double pdl1Max;
        public final double pdl1Half;
        public final double pge2Max;
        public final double trpMax;
        public final double kynMax;
        public final double tgfbMax;
        public final double suppressorMax;
        public final double pArrest;
        public final double pRecover;
        public final double pCd28neg;
        public final double pTreg;
        public final double suppressorIl10;
        public final double suppressorTgfb;

        T(Scenario s, Fields f, double dtH, double dtMin, double voxel) {
            hops = hops(s.real("t_cell.motility_um2_per_min"), dtMin, voxel);
            pActivate = prob(s.real("t_cell.activation_per_h"), dtH);
            firstDivisionH = s.real("t_cell.first_division_h");
            cycleH = s.real("t_cell.cycle_h");
            cycleCv = s.real("t_cell.cycle_cv");
            maxDivisions = s.integer("t_cell.max_divisions");
            pDeathNaive = prob(s.real("t_cell.death_naive_per_h"), dtH);
            pDeathActivated = prob(s.real("t_cell.death_activated_per_h"), dtH);
            pDeathRegulatory = prob(s.real("t_cell.death_regulatory_per_h"), dtH);
            ifng = rate(f, FieldId.IFN_GAMMA, s.real("t_cell.ifng_molecules_per_s"));
            tnf = rate(f, FieldId.TNF_ALPHA, s.real("t_cell.tnf_molecules_per_s"));
            cd8Susceptibility = s.real("t_cell.cd8_susceptibility");
            pdl1Max = s.real("t_cell.pdl1_max");
            pdl1Half = s.real("t_cell.pdl1_half_signal");
            pge2Max = s.real("t_cell.pge2_max");
            trpMax = s.real("t_cell.trp_max");
            kynMax = s.real("t_cell.kyn_max");
            tgfbMax = s.real("t_cell.tgfb_max");
            suppressorMax = s.real("t_cell.suppressor_max");
            pArrest = prob(s.real("t_cell.arrest_per_h"), dtH);
            pRecover = prob(s.real("t_cell.recover_per_h"), dtH);
            pCd28neg = prob(s.real("t_cell.cd28neg_per_h"), dtH);
            pTreg = prob(s.real("t_cell.treg_per_h"), dtH);
            suppressorIl10 = rate(f, FieldId.IL10, s.real("t_cell.suppressor_il10_molecules_per_s"));
            suppressorTgfb = rate(f, FieldId.TGF_BETA, s.real("t_cell.suppressor_tgfb_molecules_per_s"));
        }
    }

    public static final class B {
        public final double hops;
        public final double pActivate;
        public final double cycleH;
        public final int maxDivisions;
        public final double pPlasma;
        public final double pDeath;
        public final double pPlasmaDeath;
        public final double antibodyPgPerStep;
        public final double antibodyKeep;
        public final double inhibitionMax;
        public final double supportGain;

        B(Scenario s, Fields f, double dtH, double dtMin, double voxel) {
            hops = hops(s.real("b_cell.motility_um2_per_min"), dtMin, voxel);
            pActivate = prob(s.real("b_cell.activation_per_h"), dtH);
            cycleH = s.real("b_cell.cycle_h");
            maxDivisions = s.integer("b_cell.max_divisions");
            pPlasma = prob(s.real("b_cell.plasma_per_h"), dtH);
            pDeath = prob(s.real("b_cell.death_per_h"), dtH);
            pPlasmaDeath = prob(s.real("b_cell.plasma_death_per_h"), dtH);
            antibodyPgPerStep = s.real("b_cell.antibody_pg_per_day") * dtH / 24.0;
            double hl = s.real("b_cell.antibody_half_life_h");
            antibodyKeep = Double.isInfinite(hl) ? 1.0 : Math.exp(-Math.log(2) / hl * dtH);
            inhibitionMax = s.real("b_cell.inhibition_max");
            supportGain = s.real("b_cell.support_gain");
        }
    }

    public static final class Nk {
        public final double hops;
        public final double pActivate;
        public final double cycleH;
        public final int maxDivisions;
        public final double pDeath;
        public final double ifng;
        public final double pKill;
        public final double pge2Max;
        public final double trpMax;
        public final double tgfbMax;

        Nk(Scenario s, Fields f, double dtH, double dtMin, double voxel) {
            hops = hops(s.real("nk.motility_um2_per_min"), dtMin, voxel);
            pActivate = prob(s.real("nk.activation_per_h"), dtH);
            cycleH = s.real("nk.cycle_h");
            maxDivisions = s.integer("nk.max_divisions");
            pDeath = prob(s.real("nk.death_per_h"), dtH);
            ifng = rate(f, FieldId.IFN_GAMMA, s.real("nk.ifng_molecules_per_s"));
            pKill = prob(s.real("nk.kill_per_h"), dtH);
            pge2Max = s.real("nk.pge2_max");
            trpMax = s.real("nk.trp_max");
            tgfbMax = s.real("nk.tgfb_max");
        }
    }

    public static final class Mac {
        public final double hops;
        public final double pM1;
        public final double pM2;
        public final double pRepolarise;
        public final double tnf;
        public final double il10;
        public final double pge2Il10Boost;
        public final double pDeath;
        public final double pPhagocytoseM0;
        public final double pPhagocytoseM1;
        public final double pPhagocytoseM2;

        Mac(Scenario s, Fields f, double dtH, double dtMin, double voxel) {
            hops = hops(s.real("macrophage.motility_um2_per_min"), dtMin, voxel);
            pM1 = prob(s.real("macrophage.m1_per_h"), dtH);
            pM2 = prob(s.real("macrophage.m2_per_h"), dtH);
            pRepolarise = prob(s.real("macrophage.repolarise_per_h"), dtH);
            tnf = rate(f, FieldId.TNF_ALPHA, s.real("macrophage.tnf_molecules_per_s"));
            il10 = rate(f, FieldId.IL10, s.real("macrophage.il10_molecules_per_s"));
            pge2Il10Boost = s.real("macrophage.pge2_il10_boost");
            pDeath = prob(s.real("macrophage.death_per_h"), dtH);
            pPhagocytoseM0 = prob(s.real("macrophage.phagocytosis_m0_per_h"), dtH);
            pPhagocytoseM1 = prob(s.real("macrophage.phagocytosis_m1_per_h"), dtH);
            pPhagocytoseM2 = prob(s.real("macrophage.phagocytosis_m2_per_h"), dtH);
        }
    }

    public static final class Target {
        public final boolean opsonised;
        public final double pDeath;

        Target(Scenario s, double dtH) {
            opsonised = s.bool("target.opsonised");
            pDeath = prob(s.real("target.death_per_h"), dtH);
        }
    }
}
