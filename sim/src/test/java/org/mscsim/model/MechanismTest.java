package org.mscsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mscsim.model.Small.coculture;
import static org.mscsim.model.Small.finalRow;
import static org.mscsim.model.Small.get;

import org.junit.jupiter.api.Test;
import org.mscsim.fields.FieldId;
import org.mscsim.scenario.Scenario;

/**
 * One test per MSC mechanism: with every other pathway blocked, the mechanism alone suppresses
 * T-cell proliferation, and blocking it too removes that suppression. These fail if the
 * mechanism's code is removed.
 */
class MechanismTest {

    private static final double HOURS = 96;
    private static final String[] ALL_BLOCKED = {
        "blockade.pd_l1=1", "blockade.ido=1", "blockade.pge2=1", "blockade.tgf_beta=1"};

    private static double divisions(String... sets) throws Exception {
        return get(finalRow(coculture(HOURS, sets)), "t_divisions");
    }

    private static String[] onlyOpen(String pathway, String... extra) {
        java.util.List<String> s = new java.util.ArrayList<>();
        for (String b : ALL_BLOCKED) {
            if (!b.startsWith("blockade." + pathway + "=")) {
                s.add(b);
            }
        }
        s.addAll(java.util.List.of(extra));
        return s.toArray(new String[0]);
    }

    @Test
    void mscsSuppressTCellProliferation() throws Exception {
        double control = divisions("populations.msc=0");
        double withMsc = divisions();
        assertTrue(withMsc < 0.7 * control, "MSCs at 1:10 cut divisions by at least 30 %: " + withMsc + " vs " + control);
    }

    @Test
    void everyPathwayBlockedLeavesAlmostNoSuppression() throws Exception {
        double control = divisions("populations.msc=0");
        double blocked = divisions(ALL_BLOCKED);
        // What remains is MSCs taking up space and lysis by NK cells; within 15 % of control.
        assertTrue(blocked > 0.85 * control, "all blockades: " + blocked + " vs control " + control);
    }

    @Test
    void pdL1ContactAloneSuppressesAndNeedsContact() throws Exception {
        double allBlocked = divisions(ALL_BLOCKED);
        double pdl1Only = divisions(onlyOpen("pd_l1", "populations.msc=300"));
        double pdl1OnlyTranswell = divisions(onlyOpen("pd_l1", "populations.msc=300", "coculture.transwell=true"));
        double allBlocked300 = divisions(concat(ALL_BLOCKED, "populations.msc=300"));
        assertTrue(pdl1Only < 0.9 * allBlocked300, "PD-L1 contact suppresses: " + pdl1Only + " vs " + allBlocked300);
        assertTrue(pdl1OnlyTranswell > 0.95 * allBlocked300, "a transwell removes the PD-L1 effect: " + pdl1OnlyTranswell);
        assertTrue(allBlocked > 0, "sanity");
    }

    @Test
    void pge2AloneSuppresses() throws Exception {
        double allBlocked = divisions(ALL_BLOCKED);
        double pge2Only = divisions(onlyOpen("pge2"));
        assertTrue(pge2Only < 0.9 * allBlocked, "PGE2 suppresses: " + pge2Only + " vs " + allBlocked);
    }

    @Test
    void idoTryptophanDepletionAloneSuppresses() throws Exception {
        // At 1:1 licensed MSCs deplete tryptophan within days (Meisel 2004).
        String[] sets = onlyOpen("ido", "populations.msc=1000");
        double allBlocked = divisions(concat(ALL_BLOCKED, "populations.msc=1000"));
        double[] row = finalRow(coculture(HOURS, sets));
        assertTrue(get(row, "trp_mean") < 20, "IDO consumes tryptophan: " + get(row, "trp_mean"));
        assertTrue(get(row, "kyn_mean") > 4, "and makes kynurenine: " + get(row, "kyn_mean"));
        assertTrue(get(row, "t_divisions") < 0.95 * allBlocked, "IDO suppresses: " + get(row, "t_divisions") + " vs " + allBlocked);
    }

    @Test
    void tgfBetaAloneSuppresses() throws Exception {
        double allBlocked = divisions(concat(ALL_BLOCKED, "populations.msc=1000"));
        double tgfbOnly = divisions(onlyOpen("tgf_beta", "populations.msc=1000"));
        assertTrue(tgfbOnly < 0.9 * allBlocked, "TGF-β suppresses: " + tgfbOnly + " vs " + allBlocked);
    }

    @Test
    void idoConvertsTryptophanToKynurenineOneForOne() throws Exception {
        // Closed culture, no decay of either: tryptophan + kynurenine is conserved exactly.
        Scenario s = coculture(48, "populations.msc=1000", "grid.boundary=closed");
        MscModel m = new MscModel(s, 1);
        m.start();
        double total0 = m.tryptophan.total() + m.kynurenine.total();
        for (long i = 0; i < m.totalSteps(); i++) {
            m.step();
        }
        double total = m.tryptophan.total() + m.kynurenine.total();
        assertTrue(m.kynurenine.total() > 0.05 * total0, "IDO was active");
        assertEquals(total0, total, total0 * 1e-10);
        m.finish();
    }

    @Test
    void licensingNeedsInterferonGamma() throws Exception {
        double[] normal = finalRow(coculture(72));
        double[] noIfng = finalRow(coculture(72, "t_cell.ifng_molecules_per_s=0", "nk.ifng_molecules_per_s=0"));
        assertTrue(get(normal, "msc_licensed") > 0.5 * get(normal, "msc"), "MSCs are licensed in co-culture");
        assertEquals(0.0, get(noIfng, "msc_licensed"), "no IFN-γ, no licensing");
        assertEquals(0.0, get(noIfng, FieldId.IFN_GAMMA.meanColumn));
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
