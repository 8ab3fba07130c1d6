package org.mscsim.output;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;

/**
 * Tick labels for value axes: plain numbers up to 99,999 ({@code 0.25}, {@code 20,000}), and
 * larger ones as a power of ten the way papers write cell counts ({@code 5×10⁷},
 * {@code 1.5×10⁸}) instead of JFreeChart's {@code 5E7}. Not thread-safe; one per axis.
 */
public final class TickFormat extends NumberFormat {

    private static final long serialVersionUID = 1L;
    private static final double LARGE = 1e5;
    private static final char[] SUPERSCRIPT = {'⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'};

    private final DecimalFormat plain = new DecimalFormat("#,##0.######", DecimalFormatSymbols.getInstance(Locale.ROOT));
    private final DecimalFormat mantissa = new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));

    @Override
    public StringBuffer format(double v, StringBuffer to, FieldPosition pos) {
        if (!(Math.abs(v) >= LARGE) || Double.isInfinite(v)) {
            return plain.format(v, to, pos);
        }
        int exp = (int) Math.floor(Math.log10(Math.abs(v)));
        String m = mantissa.format(v / Math.pow(10, exp));
        if (m.equals("10") || m.equals("-10")) { // 9.999×10⁷ rounds up to 1×10⁸
            exp++;
            m = mantissa.format(v / Math.pow(10, exp));
        }
        to.append(m).append("×10");
        for (char d : Integer.toString(exp).toCharArray()) {
            to.append(SUPERSCRIPT[d - '0']);
        }
        return to;
    }

    @Override
    public StringBuffer format(long v, StringBuffer to, FieldPosition pos) {
        return format((double) v, to, pos);
    }

    @Override
    public Number parse(String source, ParsePosition pos) {
        return plain.parse(source, pos);
    }
}
