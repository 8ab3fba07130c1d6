package org.mscsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mscsim.model.Small.coculture;
import static org.mscsim.model.Small.finalRow;
import static org.mscsim.model.Small.get;

import org.junit.jupiter.api.Test;

/**
 * Behaviour of each cell-biology rule, each test failing if its rule were removed: contact vs
 * soluble suppression, recovery, CD8 susceptibility, induced suppressors and Tregs, B-cell
 * inhibition and support, NK cytotoxicity and MSC protection, macrophage polarisation and
 * phagocytosis.
 */
class BiologyTest {

    private static final double HOURS = 96;

    private static double divisions(String... sets) throws Exception {
        return get(finalRow(coculture(HOURS, sets)), "t_divisions");
    }

    /** Total divisions over three seeds, so one unlucky seed cannot decide a mechanism test. */
    private static double divisions3(String... sets) throws Exception {
        double sum = 0;
        for (int seed = 1; seed <= 3; seed++) {
            sum += divisions(concat(sets, "seed=" + seed));
        }
        return sum;
    }

    @Test
    void pdL1BlockadeRaisesDivisionsInContactButNotInTranswell() throws Exception {
        double contact = divisions3();
        double contactBlocked = divisions3("blockade.pd_l1=1");
        double transwell = divisions3("coculture.transwell=true");
        double transwellBlocked = divisions3("coculture.transwell=true", "blockade.pd_l1=1");
        assertTrue(contactBlocked > 1.05 * contact, "anti-PD-L1 in contact: " + contactBlocked + " vs " + contact);
        assertEquals(transwell, transwellBlocked, "across a transwell there is no contact, so anti-PD-L1 changes nothing");
        assertTrue(transwell > contact, "contact adds suppression: transwell " + transwell + " vs contact " + contact);
    }

    @Test
    void tCellsAreNotKilledAndProliferateAgainWhenMscsAreRemoved() throws Exception {
        String removal = "interventions=[{at_h: 48, remove_msc: 16000000}, {at_h: 48, replace_medium: 1}]";
        double[] kept = finalRow(coculture(HOURS, "populations.msc=1000"));
        double[] removed = finalRow(coculture(HOURS, "populations.msc=1000", removal));
        double[] at48 = finalRow(coculture(48, "populations.msc=1000"));
        double tAt48 = get(at48, "t_cd4") + get(at48, "t_cd8");
        assertTrue(tAt48 > 0.8 * 1000, "T cells survive strong suppression: " + tAt48 + " of 1000");
        assertEquals(0.0, get(removed, "msc"));
        assertTrue(get(removed, "t_divisions") > 3 * get(kept, "t_divisions") + 100,
                "after removal: " + get(removed, "t_divisions") + " divisions vs " + get(kept, "t_divisions") + " with MSCs");
    }

    @Test
    void cd8CellsAreMoreSuppressibleThanCd4() throws Exception {
        double none4 = 0, none8 = 0, msc4 = 0, msc8 = 0, equal8 = 0;
        for (int seed = 1; seed <= 3; seed++) {
            double[] none = finalRow(coculture(HOURS, "populations.msc=0", "seed=" + seed));
            double[] msc = finalRow(coculture(HOURS, "seed=" + seed));
            double[] equal = finalRow(coculture(HOURS, "t_cell.cd8_susceptibility=1", "seed=" + seed));
            none4 += cd4Divisions(none);
            none8 += get(none, "t_divisions_cd8");
            msc4 += cd4Divisions(msc);
            msc8 += get(msc, "t_divisions_cd8");
            equal8 += get(equal, "t_divisions_cd8");
        }
        double cd4 = 1 - msc4 / none4;
        double cd8 = 1 - msc8 / none8;
        double cd8Equal = 1 - equal8 / none8;
        assertTrue(cd8 > cd4 + 0.03, "CD8 suppression " + cd8 + " vs CD4 " + cd4);
        assertTrue(cd8 > cd8Equal + 0.015, "the CD8 susceptibility parameter is what makes the difference: " + cd8 + " vs " + cd8Equal);
    }

    private static double cd4Divisions(double[] row) {
        return get(row, "t_divisions") - get(row, "t_divisions_cd8");
    }

    @Test
    void mscsInduceCd8Cd28NegativeSuppressorsThatSuppress() throws Exception {
        double[] none = finalRow(coculture(HOURS, "populations.msc=0"));
        double[] msc = finalRow(coculture(HOURS));
        assertEquals(0.0, get(none, "t_cd8_cd28neg"), "no MSCs, no TGF-β: no CD8+CD28− cells");
        assertTrue(get(msc, "t_cd8_cd28neg") > 20, "MSCs induce CD8+CD28− cells: " + get(msc, "t_cd8_cd28neg"));
        // With suppressors induced abundantly, their contact suppression must show in the divisions.
        double many = divisions3("t_cell.cd28neg_per_h=0.2", "t_cell.treg_per_h=0.2");
        double silent = divisions3("t_cell.cd28neg_per_h=0.2", "t_cell.treg_per_h=0.2", "t_cell.suppressor_max=0");
        assertTrue(silent > 1.1 * many, "suppressors suppress: " + silent + " without their effect vs " + many);
    }

    @Test
    void tregsAreDrivenByTgfBeta() throws Exception {
        double[] msc = finalRow(coculture(HOURS));
        double[] antiTgfb = finalRow(coculture(HOURS, "blockade.tgf_beta=1"));
        assertTrue(get(msc, "treg") > 10, "Tregs with MSC TGF-β: " + get(msc, "treg"));
        assertEquals(0.0, get(antiTgfb, "treg"), "no active TGF-β, no induced Tregs");
    }

    @Test
    void mscFactorsInhibitBCellsByDefaultAndSupportThemOnRequest() throws Exception {
        double[] none = finalRow(coculture(HOURS, "populations.msc=0"));
        double[] inhibit = finalRow(coculture(HOURS));
        double[] support = finalRow(coculture(HOURS, "b_cell_effect=support"));
        assertTrue(get(inhibit, "antibody") < 0.8 * get(none, "antibody"), "inhibit: " + get(inhibit, "antibody") + " vs " + get(none, "antibody"));
        assertTrue(get(support, "antibody") > 1.2 * get(none, "antibody"), "support: " + get(support, "antibody") + " vs " + get(none, "antibody"));
        assertTrue(get(support, "plasma") > get(inhibit, "plasma"));
    }

    private static double[] nkCulture(String... sets) throws Exception {
        String[] base = {"grid.width=50", "grid.height=50", "populations.t_cd4=0", "populations.t_cd8=0", "populations.b=0",
            "populations.macrophage=0", "populations.nk=600", "nk.activation_per_h=100"};
        return finalRow(coculture(8, concat(base, sets)));
    }

    @Test
    void activatedNkCellsLyseTargetsAndMscsReduceThat() throws Exception {
        double[] alone = nkCulture("populations.msc=0", "populations.target=60");
        assertTrue(get(alone, "nk_kills") > 20, "activated NK cells lyse K562-like targets: " + get(alone, "nk_kills"));
        assertEquals(get(alone, "nk_kills"), 60 - get(alone, "targets"), 3.0, "kills are targets gone");
        double[] noKill = nkCulture("populations.msc=0", "populations.target=60", "nk.kill_per_h=0");
        assertEquals(0.0, get(noKill, "nk_kills"));
        // Pre-conditioned medium with MSC factors (as after days with licensed MSCs) cuts cytotoxicity.
        double[] inhibited = nkCulture("populations.msc=0", "populations.target=60", "fields.pge2.initial=20",
                "fields.tryptophan.initial=0.2", "fields.tgf_beta.initial=2");
        assertTrue(get(inhibited, "nk_kills") < 0.6 * get(alone, "nk_kills"),
                "PGE2, tryptophan starvation and TGF-β cut kills: " + get(inhibited, "nk_kills") + " vs " + get(alone, "nk_kills"));
    }

    @Test
    void licensedMscsResistNkLysis() throws Exception {
        double[] resting = nkCulture("populations.msc=100");
        double[] licensed = nkCulture("populations.msc=100", "msc.initial_licensing=1");
        assertTrue(get(resting, "msc_lysed") > 5, "activated NK cells lyse MSCs: " + get(resting, "msc_lysed"));
        assertTrue(get(licensed, "msc_lysed") < 0.5 * get(resting, "msc_lysed"),
                "licensed: " + get(licensed, "msc_lysed") + " vs resting " + get(resting, "msc_lysed"));
    }

    @Test
    void mscsPolariseMacrophagesToM2AndPge2RaisesTheirIl10() throws Exception {
        double[] none = finalRow(coculture(HOURS, "populations.msc=0"));
        double[] msc = finalRow(coculture(HOURS));
        double[] cox2 = finalRow(coculture(HOURS, "blockade.pge2=1"));
        assertTrue(get(none, "mac_m1") > get(none, "mac_m2"), "stimulated PBMC without MSCs: M1 dominates");
        assertTrue(get(msc, "mac_m2") > get(msc, "mac_m1"), "with MSCs: M2 dominates");
        assertTrue(get(cox2, "il10_mean") < 0.8 * get(msc, "il10_mean"),
                "COX-2 inhibition lowers IL-10: " + get(cox2, "il10_mean") + " vs " + get(msc, "il10_mean"));
    }

    private static double[] phagocytosis(String... sets) throws Exception {
        String[] base = {"grid.width=40", "grid.height=40", "populations.msc=0", "populations.t_cd4=0", "populations.t_cd8=0",
            "populations.b=0", "populations.nk=0", "populations.macrophage=400", "populations.target=200", "target.opsonised=true",
            "macrophage.m1_per_h=100", "macrophage.m2_per_h=100", "macrophage.repolarise_per_h=0"};
        return finalRow(coculture(1, concat(base, sets)));
    }

    @Test
    void m1MacrophagesPhagocytoseOpsonisedTargetsFasterThanM2() throws Exception {
        double[] m1 = phagocytosis("fields.ifn_gamma.initial=50", "fields.ifn_gamma.half_life_min=.inf", "macrophage.m2_per_h=0");
        double[] m2 = phagocytosis("fields.il10.initial=50", "fields.il10.half_life_min=.inf", "macrophage.m1_per_h=0");
        assertTrue(get(m1, "mac_m1") > 390 && get(m2, "mac_m2") > 390, "polarised as intended");
        assertTrue(get(m1, "phagocytosed") > 1.3 * get(m2, "phagocytosed"),
                "M1 " + get(m1, "phagocytosed") + " vs M2 " + get(m2, "phagocytosed"));
        double[] none = phagocytosis("macrophage.phagocytosis_m0_per_h=0", "macrophage.phagocytosis_m1_per_h=0",
                "macrophage.phagocytosis_m2_per_h=0");
        assertEquals(0.0, get(none, "phagocytosed"));
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
