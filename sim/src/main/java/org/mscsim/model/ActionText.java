package org.mscsim.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Words and units for interventions, shared by the model's event log, the GUI's controls and its
 * chart marks, so a blockade reads "anti-PD-L1 100 %" and a dose "2×10⁶ MSCs/kg" wherever it
 * appears, as a bench immunologist or a clinician would write them.
 */
public final class ActionText {

    /** Blockade keys (as in {@code blockade.*}) and the drug or antibody that blocks each. */
    public static final Map<String, String> BLOCKADES = blockades();

    private ActionText() {
    }

    private static Map<String, String> blockades() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("pd_l1", "anti-PD-L1");
        m.put("ido", "IDO inhibitor (1-MT)");
        m.put("pge2", "COX-2 inhibitor (PGE2)");
        m.put("tgf_beta", "anti-TGF-β");
        return java.util.Collections.unmodifiableMap(m);
    }

    /** A blockade and its strength, e.g. "anti-PD-L1 100 %"; an unknown key is shown as written. */
    public static String blockade(String key, double strength) {
        return BLOCKADES.getOrDefault(key, key) + ' ' + percent(strength);
    }

    /** Several blockades, e.g. "anti-PD-L1 100 %, IDO inhibitor (1-MT) 50 %". */
    public static String blockades(Map<String, Double> strengths) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, Double> e : strengths.entrySet()) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(blockade(e.getKey(), e.getValue()));
        }
        return b.toString();
    }

    /** A fraction as a whole percentage, e.g. "50 %". */
    public static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f %%", fraction * 100);
    }

    /** A dose per kg in the GUI's unit of 10⁶ cells, e.g. "2×10⁶", "0.5×10⁶". */
    public static String millions(double cells) {
        return significant(cells / 1e6) + "×10⁶";
    }

    /**
     * A large count in scientific notation with up to three significant digits and a superscript
     * exponent, e.g. 1.2e8 as "1.2×10⁸"; below 1,000 as a plain number.
     */
    public static String scientific(double v) {
        if (Math.abs(v) < 1000) {
            return significant(v);
        }
        int exp = (int) Math.floor(Math.log10(Math.abs(v)));
        BigDecimal mantissa = new BigDecimal(v / Math.pow(10, exp)).round(new MathContext(3));
        if (mantissa.abs().compareTo(BigDecimal.TEN) >= 0) { // 9.996e7 rounds to 10.0
            mantissa = mantissa.movePointLeft(1);
            exp++;
        }
        return mantissa.stripTrailingZeros().toPlainString() + "×10" + superscript(exp);
    }

    private static String significant(double v) {
        return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    private static String superscript(int n) {
        String digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        StringBuilder b = new StringBuilder(n < 0 ? "⁻" : "");
        for (char c : Integer.toString(Math.abs(n)).toCharArray()) {
            b.append(digits.charAt(c - '0'));
        }
        return b.toString();
    }
}
