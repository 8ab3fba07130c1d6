package org.mscsim.invivo;

import org.mscsim.scenario.Scenario;

/**
 * The body around the lymphoid patch, as a few well-mixed pools integrated with the patch's
 * time step (linear parts exactly):
 * <ul>
 * <li>MSCs in blood after an IV infusion, lodging in the lung capillaries within hours
 *     (undetectable in blood at 8 h, Chen 2024) and dying there (half-life ~1 day, Eggenhofer 2012);</li>
 * <li>the extracellular-vesicle reservoir fed by lung MSCs (Huang 2022), counted in
 *     MSC-equivalents, a share of which acts in the patch as licensed-MSC secretome;</li>
 * <li>anti-platelet IgG in plasma, secreted by the patch's plasma cells scaled to the body;</li>
 * <li>the platelet count: production against senescence, antibody-opsonised clearance by
 *     macrophages (scaled by their phagocytic capacity) and lysis by activated CD8+ T cells
 *     (Olsson 2003), in ×10⁹/L;</li>
 * <li>circulating T cells relative to baseline, falling transiently while MSCs are in the lung.</li>
 * </ul>
 */
public final class Systemic {

    private static final double LN2 = Math.log(2);

    private final double bodyWeightKg;
    private final double plasmaMl;
    private final double patchScale;
    private double trappingPerH;
    private double lungDeathPerH;
    private double evDecayPerH;
    private double igGDecayPerH;
    private double productionPerDay;
    private double senescencePerDay;
    private double abClearancePerDay;
    private double cd8LysisPerDay;
    private double tDipPer1e8;
    private double evPatchPer1e8;

    /** MSCs circulating in blood (cells). */
    private double mscBlood;
    /** MSCs lodged in the lung (cells). */
    private double mscLung;
    /** Extracellular-vesicle reservoir (MSC-equivalents). */
    private double ev;
    /** Anti-platelet IgG in plasma (µg/mL). */
    private double antibody;
    /** Platelets (×10⁹/L). */
    private double platelets;
    /** Cumulative MSCs infused (cells). */
    private double infused;

    public Systemic(Scenario s) {
        this.bodyWeightKg = s.real("invivo.body_weight_kg");
        this.plasmaMl = s.real("invivo.plasma_volume_l") * 1000.0;
        this.patchScale = s.real("invivo.patch_scale");
        configure(s);
    }

    /** Reads the parameters that may change while running. */
    public void configure(Scenario s) {
        trappingPerH = s.real("invivo.msc_lung_trapping_per_h");
        lungDeathPerH = LN2 / s.real("invivo.msc_lung_half_life_h");
        evDecayPerH = LN2 / s.real("invivo.ev_half_life_h");
        igGDecayPerH = LN2 / s.real("invivo.igg_half_life_h");
        productionPerDay = s.real("itp.platelet_production_per_day");
        senescencePerDay = 1.0 / s.real("itp.platelet_lifespan_days");
        abClearancePerDay = s.real("itp.ab_clearance_per_day");
        cd8LysisPerDay = s.real("itp.cd8_lysis_per_day");
        tDipPer1e8 = s.real("invivo.t_dip_per_1e8_lung_msc");
        evPatchPer1e8 = s.real("invivo.ev_patch_msc_per_1e8");
    }

    /**
     * What the patch tells the body each step; one mutable instance is reused so the per-step
     * path allocates nothing.
     */
    public static final class PatchState {
        /** Plasma cells in the patch. */
        public double plasmaCells;
        /** Immunoglobulin secretion per plasma cell (pg/day). */
        public double antibodyPgPerCellDay;
        /** Macrophage phagocytic capacity relative to all macrophages phagocytosing at the M1 rate (0..1). */
        public double phagocyticCapacity;
        /** Share of the patch's CD8+ T cells that are activated (0..1). */
        public double activatedCd8Share;
    }

    /**
     * Starts the pools at the chronic steady state of the patch as it is now: antibody where
     * secretion balances IgG decay, platelets where production balances destruction.
     */
    public void settle(PatchState patch) {
        antibody = secretionUgPerMlH(patch) / igGDecayPerH;
        platelets = productionPerDay / destructionPerDay(patch);
        mscBlood = 0;
        mscLung = 0;
        ev = 0;
    }

    /** An intravenous infusion of {@code cellsPerKg} MSCs. */
    public double infuse(double cellsPerKg) {
        double cells = cellsPerKg * bodyWeightKg;
        mscBlood += cells;
        infused += cells;
        return cells;
    }

    /** Advances every pool by {@code dtH} hours given the patch's current state. */
    public void step(PatchState patch, double dtH) {
        // Blood -> lung (exact for the linear pair), lung MSCs feed the EV reservoir.
        double b0 = mscBlood;
        double l0 = mscLung;
        double eb = Math.exp(-trappingPerH * dtH);
        double el = Math.exp(-lungDeathPerH * dtH);
        mscBlood = b0 * eb;
        double toLung = trappingPerH == lungDeathPerH
                ? b0 * trappingPerH * dtH * el
                : b0 * trappingPerH / (lungDeathPerH - trappingPerH) * (eb - el);
        mscLung = l0 * el + toLung;
        // EV reservoir: dE/dt = L - E k_ev, with L taken at the step's mean (second order).
        double lungMean = 0.5 * (l0 + mscLung);
        double ee = Math.exp(-evDecayPerH * dtH);
        ev = ev * ee + lungMean * (1 - ee) / evDecayPerH;

        double s = secretionUgPerMlH(patch);
        double ea = Math.exp(-igGDecayPerH * dtH);
        antibody = antibody * ea + s * (1 - ea) / igGDecayPerH;

        double kPerDay = destructionPerDay(patch);
        double ep = Math.exp(-kPerDay * dtH / 24.0);
        platelets = platelets * ep + productionPerDay / kPerDay * (1 - ep);
    }

    private double secretionUgPerMlH(PatchState patch) {
        // pg/day per cell x cells in the body -> µg per mL of plasma per hour.
        return patch.plasmaCells * patchScale * patch.antibodyPgPerCellDay / 24.0 * 1e-6 / plasmaMl;
    }

    /** Platelet destruction rate (1/day): senescence, opsonised clearance, CD8+ lysis. */
    public double destructionPerDay(PatchState patch) {
        return senescencePerDay
                + abClearancePerDay * antibody * patch.phagocyticCapacity
                + cd8LysisPerDay * patch.activatedCd8Share;
    }

    /** MSC-equivalents of licensed secretome acting in the patch now. */
    public double patchMscEquivalents() {
        return ev / 1e8 * evPatchPer1e8;
    }

    /** Circulating T cells relative to baseline. */
    public double tBloodRelative() {
        return 1.0 / (1.0 + tDipPer1e8 * mscLung / 1e8);
    }

    public double mscBlood() {
        return mscBlood;
    }

    public double mscLung() {
        return mscLung;
    }

    public double ev() {
        return ev;
    }

    public double antibody() {
        return antibody;
    }

    public double platelets() {
        return platelets;
    }

    public double infused() {
        return infused;
    }

    /** Writes the pools for a checkpoint. */
    public void writeState(java.io.DataOutput out) throws java.io.IOException {
        out.writeDouble(mscBlood);
        out.writeDouble(mscLung);
        out.writeDouble(ev);
        out.writeDouble(antibody);
        out.writeDouble(platelets);
        out.writeDouble(infused);
    }

    /** Reads what {@link #writeState} wrote. */
    public void readState(java.io.DataInput in) throws java.io.IOException {
        mscBlood = in.readDouble();
        mscLung = in.readDouble();
        ev = in.readDouble();
        antibody = in.readDouble();
        platelets = in.readDouble();
        infused = in.readDouble();
    }
}
