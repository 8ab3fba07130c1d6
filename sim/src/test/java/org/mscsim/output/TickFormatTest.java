package org.mscsim.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TickFormatTest {

    @Test
    void largeCountsReadAsPowersOfTen() {
        TickFormat f = new TickFormat();
        assertEquals("5×10⁷", f.format(5e7));
        assertEquals("1×10⁸", f.format(1e8));
        assertEquals("1.5×10⁸", f.format(1.5e8));
        assertEquals("1×10⁸", f.format(9.999e7), "rounding the mantissa up moves the exponent");
        assertEquals("-2×10⁶", f.format(-2e6));
        assertEquals("1×10⁵", f.format(100_000L));
    }

    @Test
    void everydayNumbersStayPlain() {
        TickFormat f = new TickFormat();
        assertEquals("0", f.format(0.0));
        assertEquals("0.25", f.format(0.25));
        assertEquals("0.3", f.format(0.1 + 0.2));
        assertEquals("0.0005", f.format(0.0005));
        assertEquals("20,000", f.format(20_000));
        assertEquals("99,999", f.format(99_999));
    }
}
