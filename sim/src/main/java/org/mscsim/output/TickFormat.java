package org.mscsim.output;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;
import org.mscsim.model.ActionText;

/**
 * Tick labels for value axes: plain numbers up to 99,999 ({@code 0.25}, {@code 20,000}), and
 * larger ones as a power of ten the way papers write cell counts ({@code 5×10⁷},
 * {@code 1.5×10⁸}) instead of JFreeChart's {@code 5E7}. Not thread-safe; one per axis.
 */
public final class TickFormat extends NumberFormat {

    private static final long serialVersionUID = 1L;
    private static final double LARGE = 1e5;

    private final DecimalFormat plain = new DecimalFormat("#,##0.######", DecimalFormatSymbols.getInstance(Locale.ROOT));

    @Override
    public StringBuffer format(double v, StringBuffer to, FieldPosition pos) {
        if (!(Math.abs(v) >= LARGE) || Double.isInfinite(v)) {
            return plain.format(v, to, pos);
        }
        return to.append(ActionText.scientific(v)); // the event log's notation, three significant digits
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
