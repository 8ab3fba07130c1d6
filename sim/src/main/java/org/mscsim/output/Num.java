package org.mscsim.output;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Locale-independent, deterministic number text for CSV files. */
public final class Num {

    private static final MathContext SIX = new MathContext(6, RoundingMode.HALF_EVEN);

    private Num() {
    }

    /** Whole numbers as integers; others to six significant digits, plain where readable. */
    public static String format(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Inf" : "-Inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        BigDecimal d = new BigDecimal(v).round(SIX).stripTrailingZeros();
        double a = Math.abs(v);
        return a >= 1e-4 && a < 1e15 ? d.toPlainString() : d.toString();
    }
}
