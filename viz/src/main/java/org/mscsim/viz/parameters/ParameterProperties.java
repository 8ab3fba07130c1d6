package org.mscsim.viz.parameters;

import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.List;
import org.mscsim.scenario.Param;
import org.mscsim.scenario.ScenarioException;
import sim.util.Interval;
import sim.util.Properties;

/**
 * The scenario parameters of one section as MASON properties, so MASON's inspector shows them with
 * their units and ranges: live parameters are editable while the model runs (a slider where the
 * range is finite, a list for choices, a check box for switches), the others are read-only.
 * Every edit is validated by the scenario loader, so the GUI accepts exactly what a scenario file
 * or {@code --set} accepts and refuses with the same message.
 */
public final class ParameterProperties extends Properties {

    private static final long serialVersionUID = 1L;

    private final List<Param> params;
    private final transient ParameterAccess access;

    public ParameterProperties(String title, List<Param> params, ParameterAccess access) {
        this.object = title;
        this.params = List.copyOf(params);
        this.access = access;
    }

    public Param param(int index) {
        return params.get(index);
    }

    @Override
    public boolean isVolatile() {
        return false;
    }

    @Override
    public int numProperties() {
        return params.size();
    }

    @Override
    public Object getValue(int index) {
        Param p = params.get(index);
        Object v = access.value(p.key());
        if (p.type() == Param.Type.CHOICE) {
            return p.choices().indexOf(v);
        }
        if (p.type() == Param.Type.BOOL) {
            return v;
        }
        return p.type() == Param.Type.TEXT ? v : p.toYaml(v);
    }

    /** Finite ranges become sliders, choices a list; open ranges stay a text field. */
    @Override
    public Object getDomain(int index) {
        Param p = params.get(index);
        switch (p.type()) {
            case CHOICE:
                return p.choices().toArray(new String[0]);
            case INT:
            case LONG:
                return finite(p) ? new Interval((long) p.min(), (long) p.max()) : null;
            case REAL:
                return finite(p) ? new Interval(p.min(), p.max()) : null;
            default:
                return null;
        }
    }

    private static boolean finite(Param p) {
        // A slider over many orders of magnitude would be useless; those keep a text field.
        return !Double.isInfinite(p.min()) && !Double.isInfinite(p.max()) && p.max() - p.min() <= 1e6;
    }

    @Override
    public String getDescription(int index) {
        Param p = params.get(index);
        StringBuilder b = new StringBuilder("<html><b>").append(escape(p.key())).append("</b>");
        if (!p.unit().equals("-")) {
            b.append(" (").append(escape(p.unit())).append(')');
        }
        b.append("<br>").append(wrap(escape(p.doc())));
        b.append("<br><i>Allowed:</i> ").append(escape(p.expectation()));
        b.append("<br><i>Source:</i> ").append(wrap(escape(p.source())));
        b.append("<br><i>").append(p.live() ? "Live: can change while the model runs."
                : "Fixed when a run starts: change it in the scenario file.").append("</i></html>");
        return b.toString();
    }

    @Override
    public boolean isReadWrite(int index) {
        return params.get(index).live();
    }

    @Override
    public String getName(int index) {
        Param p = params.get(index);
        return p.unit().equals("-") ? p.leaf() : p.leaf() + " (" + p.unit() + ")";
    }

    /**
     * Switches and choices travel as MASON's booleans and list indices; everything else as text, so
     * the scenario loader sees what the user typed (".inf", "1e-3") and can quote it back.
     */
    @Override
    public Class<?> getType(int index) {
        switch (params.get(index).type()) {
            case BOOL: return Boolean.TYPE;
            case CHOICE: return Integer.TYPE;
            default: return String.class;
        }
    }

    @Override
    protected Object _setValue(int index, Object value) {
        Param p = params.get(index);
        String text;
        if (p.type() == Param.Type.CHOICE) {
            int i = (Integer) value;
            if (i < 0 || i >= p.choices().size()) {
                return null;
            }
            text = p.choices().get(i);
        } else if (p.type() == Param.Type.TEXT) {
            text = Param.quote(String.valueOf(value));
        } else {
            text = String.valueOf(value);
        }
        try {
            access.edit(p.key(), sliderText(p, text));
            return getValue(index);
        } catch (ScenarioException e) {
            access.refused(e);
            return null;
        }
    }

    /**
     * MASON's sliders format numbers in the user's locale ("1,234.5" or "0,25"); the scenario
     * loader wants YAML numbers. Text the loader would refuse but the locale reads as a whole number
     * is converted; anything else is passed on untouched so the loader reports it.
     */
    static String sliderText(Param p, String text) {
        if (p.type() != Param.Type.REAL && p.type() != Param.Type.INT && p.type() != Param.Type.LONG) {
            return text;
        }
        String t = text.trim();
        try {
            Double.parseDouble(t.replace("_", ""));
            return t;
        } catch (NumberFormatException notPlain) {
            ParsePosition at = new ParsePosition(0);
            Number n = NumberFormat.getInstance().parse(t, at);
            if (n == null || at.getIndex() != t.length()) {
                return text;
            }
            return n.toString();
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Breaks long tooltip text into lines of about 80 characters. */
    private static String wrap(String s) {
        StringBuilder b = new StringBuilder();
        int line = 0;
        for (String word : s.split(" ")) {
            if (line > 0 && line + word.length() > 80) {
                b.append("<br>");
                line = 0;
            } else if (line > 0) {
                b.append(' ');
                line++;
            }
            b.append(word);
            line += word.length();
        }
        return b.toString();
    }
}
