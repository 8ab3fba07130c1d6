package org.mscsim.scenario;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One scenario parameter: its dotted key, type, default, allowed range, unit, what it means and
 * where its value comes from. The full list is {@code parameters.yaml} beside this class and is
 * the single source of defaults, validation, {@code --set}, the GUI inspector and
 * {@code scenarios/PARAMETERS.md}.
 *
 * @param live whether it may change while a model runs (GUI edits, {@code set:} interventions)
 */
public record Param(String key, Type type, Object defaultValue, double min, double max,
                    List<String> choices, String unit, String doc, String source, boolean live) {

    public enum Type { INT, LONG, REAL, BOOL, CHOICE, TEXT }

    /** A whole number in ASCII digits (underscores already removed). */
    private static final Pattern WHOLE = Pattern.compile("[-+]?[0-9]+");
    /** A decimal number in ASCII digits, optionally with an exponent: 12, -0.5, .5, 3., 2.0e6 (underscores already removed). */
    private static final Pattern DECIMAL = Pattern.compile("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)(e[-+]?[0-9]+)?");

    /** Thrown by {@link #parse} with the expectation, e.g. "a whole number from 0 to 4000". */
    public static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String expected) {
            super(expected);
        }
    }

    /** The section this key belongs to: {@code t_cell} for {@code t_cell.cycle_h}, or "" at top level. */
    public String section() {
        int dot = key.lastIndexOf('.');
        return dot < 0 ? "" : key.substring(0, dot);
    }

    /** The last part of the key. */
    public String leaf() {
        return key.substring(key.lastIndexOf('.') + 1);
    }

    /** What a valid value looks like, for error messages. */
    public String expectation() {
        switch (type) {
            case INT:
            case LONG:
                return "a whole number " + range(true);
            case REAL:
                return "a number " + range(false);
            case BOOL:
                return "true or false";
            case CHOICE:
                return "one of " + String.join(", ", choices);
            default:
                return "text";
        }
    }

    private String range(boolean whole) {
        String lo = format(min, whole);
        String hi = format(max, whole);
        if (Double.isInfinite(max)) {
            // A real parameter whose maximum is .inf accepts .inf itself (e.g. no decay).
            return "≥ " + lo + (whole ? "" : " (or .inf)");
        }
        return "from " + lo + " to " + hi;
    }

    private static String format(double v, boolean whole) {
        if (Double.isInfinite(v)) {
            return v > 0 ? ".inf" : "-.inf";
        }
        if (whole || v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /** Parses and range-checks a scalar into the parameter's Java type. */
    public Object parse(YamlNode node) throws Invalid {
        if (!(node instanceof YamlNode.Scalar s) || s.type() == YamlNode.Scalar.Type.NULL) {
            throw new Invalid(expectation());
        }
        String text = s.text().trim();
        switch (type) {
            case INT:
            case LONG: {
                long v;
                try {
                    String digits = text.replace("_", "");
                    if (!WHOLE.matcher(digits).matches()) {
                        throw new NumberFormatException(); // Long.parseLong would take other scripts' digits
                    }
                    v = Long.parseLong(digits);
                } catch (NumberFormatException e) {
                    double d = parseReal(text);
                    if (d != Math.rint(d) || Math.abs(d) > 9.0e15) {
                        throw new Invalid(expectation());
                    }
                    v = (long) d;
                }
                if (v < min || v > max) {
                    throw new Invalid(expectation());
                }
                return type == Type.INT ? (Object) (int) v : (Object) v;
            }
            case REAL: {
                double v = parseReal(text);
                if (Double.isNaN(v) || v < min || v > max) {
                    throw new Invalid(expectation());
                }
                return v;
            }
            case BOOL:
                // By the type YAML gave the value, not its text: YAML reads yes and on as true.
                if (s.type() == YamlNode.Scalar.Type.TRUE || text.equals("true")) {
                    return true;
                }
                if (s.type() == YamlNode.Scalar.Type.FALSE || text.equals("false")) {
                    return false;
                }
                throw new Invalid(expectation());
            case CHOICE:
                if (choices.contains(text)) {
                    return text;
                }
                throw new Invalid(expectation());
            default:
                return s.text();
        }
    }

    private double parseReal(String text) throws Invalid {
        String t = text.replace("_", "").toLowerCase(Locale.ROOT);
        if (t.equals(".inf") || t.equals("inf") || t.equals("+.inf")) {
            return Double.POSITIVE_INFINITY;
        }
        if (!DECIMAL.matcher(t).matches()) {
            // Double.parseDouble also reads Java's hexadecimal floats (0x1p3), "NaN" and a trailing d or f;
            // a scenario number is written in decimal.
            throw new Invalid(expectation());
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new Invalid(expectation());
        }
    }

    /** The value as YAML text that {@link #parse} reads back to the identical value. */
    public String toYaml(Object value) {
        switch (type) {
            case REAL: {
                double d = (Double) value;
                if (Double.isInfinite(d)) {
                    return ".inf";
                }
                if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                    return Long.toString((long) d);
                }
                return Double.toString(d);   // shortest text that round-trips exactly
            }
            case TEXT:
                return quote((String) value);
            default:
                return String.valueOf(value);
        }
    }

    /** A YAML double-quoted string (JSON escapes are valid YAML). */
    public static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"': b.append("\\\""); break;
                case '\\': b.append("\\\\"); break;
                case '\n': b.append("\\n"); break;
                case '\r': b.append("\\r"); break;
                case '\t': b.append("\\t"); break;
                default:
                    if (ch < 0x20 || ch == 0x7f || (ch >= 0x80 && ch < 0xa0) || ch == '\u2028' || ch == '\u2029') {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
            }
        }
        return b.append('"').toString();
    }
}
