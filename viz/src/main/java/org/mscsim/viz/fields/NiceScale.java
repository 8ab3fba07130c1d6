package org.mscsim.viz.fields;

import java.util.Locale;

/**
 * Round numbers for a heat map's colour scale. The scale spans the field's current range in the
 * patch, widened to round ticks (steps of 1, 2, 2.5 or 5 × 10^k), so spatial differences show up
 * even when a factor has spread through the whole well, and the scale only jumps when the range
 * crosses a round number.
 *
 * @param low  value shown in the lightest colour
 * @param high value shown in the darkest colour
 * @param step distance between ticks
 */
public record NiceScale(double low, double high, double step) {

    private static final double[] STEPS = {1, 2, 2.5, 5, 10};
    /** Aim for about this many intervals between ticks. */
    static final int INTERVALS = 4;

    /** The scale for values from {@code min} to {@code max} (both ≥ 0). */
    public static NiceScale of(double min, double max) {
        if (!(max > 0) || Double.isInfinite(max)) {
            return new NiceScale(0, 1, 0.25);
        }
        min = Math.max(0, Math.min(min, max));
        double span = max - min;
        if (uniform(min, max)) {
            // Uniform, as the caption says (e.g. at the start, or a factor spread evenly): show it
            // against zero rather than stretch the ramp over differences of a part in 10,000.
            min = 0;
            span = max;
        }
        double step = ceiling(span / INTERVALS);
        double low = Math.floor(min / step * (1 + 1e-12)) * step;
        double high = Math.ceil(max / step * (1 - 1e-12)) * step;
        if (high <= low) {
            high = low + step;
        }
        return new NiceScale(low, high, step);
    }

    /** The smallest round number ≥ {@code v}: 1, 2, 2.5 or 5 × 10^k; {@code v ≤ 0} gives 1. */
    public static double ceiling(double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            return 1;
        }
        double decade = Math.pow(10, Math.floor(Math.log10(v)));
        for (double s : STEPS) {
            double candidate = s * decade;
            // Tolerate rounding in pow/log10 so a value that is already round maps to itself.
            if (candidate >= v * (1 - 1e-12)) {
                return candidate;
            }
        }
        return 10 * decade;
    }

    /** Where {@code v} falls on the scale, 0 (low) to 1 (high), clamped. */
    public double fraction(double v) {
        double f = (v - low) / (high - low);
        return f < 0 ? 0 : f > 1 ? 1 : f;
    }

    /** The tick values from low to high. */
    public double[] ticks() {
        int n = (int) Math.round((high - low) / step);
        double[] t = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            t[i] = low + step * i;
        }
        return t;
    }

    /** A tick label with no more digits than the step needs: 0, 0.25, 2.5, 40, 1.5e+05. */
    public String label(double v) {
        if (Math.abs(v) < step * 1e-9) {
            return "0";
        }
        if (high >= 1e5 || step < 1e-4) {
            return String.format(Locale.ROOT, "%.3g", v);
        }
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9) + (isHalfStep() ? 1 : 0));
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** Steps of 2.5 × 10^k need one decimal more than their decade (0.25, 2.5). */
    private boolean isHalfStep() {
        double mantissa = step / Math.pow(10, Math.floor(Math.log10(step)));
        return Math.abs(mantissa - 2.5) < 1e-9;
    }

    /** Ranges narrower than this share of the maximum are uniform: shown as one value. */
    static final double UNIFORM = 1e-4;

    /** Whether {@link #range} shows the range as one value. */
    public static boolean uniform(double min, double max) {
        return !(max - min > UNIFORM * Math.abs(max));
    }

    /**
     * A range with enough digits to tell its ends apart: "0.00065 to 0.00102", "19.9 to 24.5",
     * "1.6213 to 1.6247" (three significant digits of the maximum, more when the range is
     * narrow); a {@link #uniform} one as its value, "1.54" (not "1.542007720150 to 1.542007720150").
     */
    public static String range(double min, double max) {
        if (uniform(min, max)) {
            return String.format(Locale.ROOT, "%." + decimalsFor(max, 3) + "f", max);
        }
        int decimals = decimalsFor(max, 3);
        if (max > min) {
            decimals = Math.max(decimals, decimalsFor(max - min, 2));
        }
        decimals = Math.min(decimals, 12);
        return String.format(Locale.ROOT, "%." + decimals + "f to %." + decimals + "f", min, max);
    }

    /** Decimals that show {@code digits} significant digits of {@code v} (0 for large numbers). */
    private static int decimalsFor(double v, int digits) {
        double a = Math.abs(v);
        return a == 0 ? digits : Math.max(0, digits - 1 - (int) Math.floor(Math.log10(a)));
    }
}
