package org.mscsim.viz.fields;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NiceScaleTest {

    @Test
    void ceilingRoundsUpToOneTwoTwoAndAHalfOrFive() {
        assertEquals(1, NiceScale.ceiling(0.9), 1e-12);
        assertEquals(2, NiceScale.ceiling(1.2), 1e-12);
        assertEquals(2.5, NiceScale.ceiling(2.1), 1e-12);
        assertEquals(5, NiceScale.ceiling(3), 1e-12);
        assertEquals(10, NiceScale.ceiling(6), 1e-12);
        assertEquals(0.05, NiceScale.ceiling(0.05), 1e-15);
        assertEquals(1, NiceScale.ceiling(0), 0);
    }

    @Test
    void scaleSpansTheRangeWithRoundEnds() {
        NiceScale s = NiceScale.of(0.291, 0.331);
        assertEquals(0.29, s.low(), 1e-12);
        assertEquals(0.34, s.high(), 1e-12);
        assertEquals(0.01, s.step(), 1e-12);
        NiceScale trp = NiceScale.of(19.9, 24.5);
        assertArrayEquals(new double[] {18, 20, 22, 24, 26}, trp.ticks(), 1e-9);
    }

    @Test
    void aUniformOrEmptyFieldIsShownAgainstZero() {
        NiceScale start = NiceScale.of(0, 0);
        assertEquals(0, start.low(), 0);
        assertEquals(1, start.high(), 0);
        NiceScale uniform = NiceScale.of(24.5, 24.5);
        assertEquals(0, uniform.low(), 0);
        assertTrue(uniform.high() >= 24.5);
        // Kynurenine at 20.8755 to 20.8780 µM: the caption says uniform, so the map must not
        // stretch its ramp over a spread of one part in 10,000 (it showed blotches).
        assertTrue(NiceScale.uniform(20.8755, 20.8757));
        assertEquals(0, NiceScale.of(20.8755, 20.8757).low(), 0);
    }

    @Test
    void fractionsAreClampedToTheScale() {
        NiceScale s = NiceScale.of(0, 1);
        assertEquals(0, s.fraction(-3), 0);
        assertEquals(0.5, s.fraction(0.5), 1e-12);
        assertEquals(1, s.fraction(7), 0);
    }

    @Test
    void labelsUseTheDigitsTheStepNeeds() {
        NiceScale quarter = NiceScale.of(0, 1);
        assertEquals("0", quarter.label(0));
        assertEquals("0.25", quarter.label(0.25));
        assertEquals("1.00", quarter.label(1));
        NiceScale tens = NiceScale.of(0, 38);
        assertEquals("10", tens.label(10));
        assertEquals("0.0006", NiceScale.of(0.00065, 0.00102).label(0.0006));
    }

    @Test
    void rangesKeepEnoughDigitsToTellTheEndsApart() {
        assertEquals("19.9 to 24.5", NiceScale.range(19.9, 24.5));
        assertEquals("1.6213 to 1.6247", NiceScale.range(1.6213, 1.6247));
        assertEquals("0.00065 to 0.00102", NiceScale.range(0.00065, 0.00102));
        assertEquals("1.54", NiceScale.range(1.542007720150, 1.542007720151), "no twelve decimals for a uniform field");
        assertEquals("0.000", NiceScale.range(0, 0));
    }
}
