package org.mscsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mscsim.scenario.Param;
import org.mscsim.scenario.Parameters;

/** `./mscsim params` shows what its help promises for every parameter: default, range, unit, source. */
class ParamsCommandTest {

    @Test
    void everyParameterIsListedWithItsRangeUnitAndSource() {
        String out = ParamsCommand.plain();
        // Two parameters as a user would read them.
        assertTrue(out.contains("\n  grid.width = 200 voxels    (a whole number from 10 to 4000)\n"
                + "      Width of the tissue patch.\n      Source: Product design"), out);
        assertTrue(out.contains("\n  fields.pge2.half_life_min ✎ = 600 min    (a number ≥ 0.01 (or .inf))\n"), out);
        // And every one of them, each with its own source line.
        assertEquals(Parameters.get().all().size(), out.split("\n      Source: ", -1).length - 1, "one Source: line per parameter");
        for (Param p : Parameters.get().all()) {
            assertTrue(out.contains("\n  " + p.key() + (p.live() ? " ✎" : "") + " = "), "no entry for " + p.key());
            assertTrue(out.contains("(" + p.expectation() + ")\n"), p.key() + ": allowed values");
        }
    }

    @Test
    void m2PolarisationRateNamesEverySignalTheMacrophageUses() {
        // cells/Macrophage.act: the M2 drive combines IL-10, PGE2, TGF-β and IL-6.
        String doc = Parameters.get().param("macrophage.m2_per_h").doc();
        for (String signal : new String[] {"IL-10", "PGE2", "TGF-β", "IL-6"}) {
            assertTrue(doc.contains(signal), "macrophage.m2_per_h's description omits " + signal + ": " + doc);
        }
    }
}
