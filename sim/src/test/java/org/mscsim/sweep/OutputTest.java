package org.mscsim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OutputTest {

    private static final double[] T = {0, 1, 2, 3, 4};
    private static final double[] V = {5, 9, 3, 8, 6};

    @Test
    void finalMaxAndMinSummariseTheWholeRun() {
        assertEquals(6, Output.simple("x", Output.Stat.FINAL).of(T, V));
        assertEquals(9, Output.simple("x", Output.Stat.MAX).of(T, V));
        assertEquals(3, Output.simple("x", Output.Stat.MIN).of(T, V));
        assertEquals("x_final", Output.simple("x", Output.Stat.FINAL).name());
    }

    @Test
    void valueAtATimeIsExactOnOutputRowsAndInterpolatedBetween() {
        assertEquals(3, Output.at("x", 2).of(T, V));
        assertEquals(5.5, Output.at("x", 2.5).of(T, V), 1e-12);
        assertEquals(5, Output.at("x", 0).of(T, V));
        assertEquals("msc_at_24h", Output.at("msc", 24).name());
        assertEquals("msc_at_0.5h", Output.at("msc", 0.5).name());
    }

    @Test
    void timeToThresholdInterpolatesTheFirstCrossing() {
        assertEquals(0.5, Output.timeTo("x", 7, true).of(T, V), 1e-12);
        assertEquals(1 + 5.0 / 6, Output.timeTo("x", 4, false).of(T, V), 1e-12, "falls from 9 to 3 between 1 and 2 h");
        assertEquals(0, Output.timeTo("x", 5, true).of(T, V), "already reached at the start");
        assertTrue(Double.isNaN(Output.timeTo("x", 10, true).of(T, V)), "never reached");
        assertEquals("time_to_t_divisions_above_5000_h", Output.timeTo("t_divisions", 5000, true).name());
        assertEquals("time_to_ifng_mean_below_0.01_h", Output.timeTo("ifng_mean", 0.01, false).name());
    }
}
