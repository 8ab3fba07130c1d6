package org.mscsim.viz.parameters;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Container;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.swing.BorderFactory;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSlider;
import javax.swing.event.ChangeListener;
import org.mscsim.scenario.Param;
import org.mscsim.scenario.Parameters;
import org.mscsim.scenario.ScenarioException;
import sim.display.GUIState;
import sim.portrayal.Inspector;
import sim.portrayal.SimpleInspector;

/**
 * The Console's "Model" tab: every scenario parameter, grouped by the sections of the parameter
 * registry (tissue grid, blockades, T cells, ...), one section at a time. Hovering a name shows
 * its meaning, allowed range, unit and source.
 */
public final class ParameterInspector extends Inspector {

    private static final long serialVersionUID = 1L;
    /** The section shown first: the blockades are what a user most often steers live. */
    static final String FIRST_SECTION = "blockade";

    private final transient GUIState gui;
    private final Map<String, ParameterProperties> sections = new LinkedHashMap<>();
    private final JComboBox<String> choice = new JComboBox<>();
    private final List<String> keys = new ArrayList<>();
    private SimpleInspector shown;
    /**
     * Above zero while the fields are being (re)built or brought up to date. A MASON slider reports
     * a value set by the program as if the user had moved it; those reports are not edits. A count,
     * not a flag: an edit makes MASON refresh the console, which refreshes this inspector again
     * while the outer refresh is still going through its fields.
     */
    private int refreshing;

    public ParameterInspector(GUIState gui, ParameterAccess access) {
        this.gui = gui;
        ParameterAccess userOnly = new UserEdits(access);
        setLayout(new BorderLayout());
        Map<String, List<Param>> grouped = group(Parameters.get().all());
        for (Map.Entry<String, String> s : Parameters.get().sections().entrySet()) {
            List<Param> params = grouped.get(s.getKey());
            if (params == null) {
                continue;
            }
            int live = 0;
            for (Param p : params) {
                live += p.live() ? 1 : 0;
            }
            sections.put(s.getKey(), new ParameterProperties(s.getValue(), params, userOnly));
            keys.add(s.getKey());
            choice.addItem(s.getValue() + "  (" + params.size() + ", " + live + " live)");
        }
        JPanel top = new JPanel(new BorderLayout(4, 2));
        top.setBorder(BorderFactory.createEmptyBorder(4, 4, 4, 4));
        top.add(new JLabel("Section"), BorderLayout.WEST);
        top.add(choice, BorderLayout.CENTER);
        JLabel hint = new JLabel("<html><body style='width: 330px'>Live parameters can be edited while the model runs; the others are fixed"
                + " when a run starts. Hover a name for its meaning, range and source.</html>");
        hint.setFont(hint.getFont().deriveFont(11f));
        top.add(hint, BorderLayout.SOUTH);
        add(top, BorderLayout.NORTH);
        choice.addActionListener(e -> show(keys.get(choice.getSelectedIndex())));
        choice.setSelectedIndex(Math.max(0, keys.indexOf(FIRST_SECTION)));
        setTitle("Scenario parameters");
    }

    public static Map<String, List<Param>> group(List<Param> all) {
        Map<String, List<Param>> out = new LinkedHashMap<>();
        for (Param p : all) {
            out.computeIfAbsent(p.section(), k -> new ArrayList<>()).add(p);
        }
        return out;
    }

    private void show(String key) {
        if (shown != null) {
            remove(shown);
        }
        ParameterProperties props = sections.get(key);
        quietly(() -> {
            shown = new SimpleInspector(props, gui, (String) props.getObject(), props.numProperties() + 1);
            applyOnRelease(shown);
            spendIgnoredEvent(shown);
        });
        add(shown, BorderLayout.CENTER);
        revalidate();
        repaint();
    }

    /**
     * MASON's sliders report every pixel of a drag; each report would be a parameter change, logged
     * and marked on the charts. This passes a slider's changes on only when the user lets go (or
     * moves it by keyboard or a click on its track), so one drag is one change.
     */
    static void applyOnRelease(Container c) {
        for (Component child : c.getComponents()) {
            if (child instanceof JSlider slider) {
                for (ChangeListener l : slider.getChangeListeners()) {
                    slider.removeChangeListener(l);
                    slider.addChangeListener(e -> {
                        if (!slider.getValueIsAdjusting()) {
                            l.stateChanged(e);
                        }
                    });
                }
            } else if (child instanceof Container inner) {
                applyOnRelease(inner);
            }
        }
    }

    /**
     * MASON's slider field ignores the first change after it is set up, expecting the one its own
     * set-up makes; a slider set up at the position it already had (a 0.5 blockade, mid-range)
     * makes none, and the user's first drag would be dropped. A step there and back spends it.
     */
    private static void spendIgnoredEvent(Container c) {
        for (Component child : c.getComponents()) {
            if (child instanceof JSlider slider) {
                int v = slider.getValue();
                slider.setValue(v < slider.getMaximum() ? v + 1 : v - 1);
                slider.setValue(v);
            } else if (child instanceof Container inner) {
                spendIgnoredEvent(inner);
            }
        }
    }

    private void quietly(Runnable r) {
        refreshing++;
        try {
            r.run();
        } finally {
            refreshing--;
        }
    }

    @Override
    public void updateInspector() {
        if (shown != null) {
            quietly(shown::updateInspector);
        }
    }

    /** Passes on what the user changes, and drops what the sliders report while they are being refreshed. */
    private final class UserEdits implements ParameterAccess {
        private final ParameterAccess access;

        UserEdits(ParameterAccess access) {
            this.access = access;
        }

        @Override
        public Object value(String key) {
            return access.value(key);
        }

        @Override
        public Object edit(String key, String text) throws ScenarioException {
            return refreshing > 0 ? access.value(key) : access.edit(key, text);
        }

        @Override
        public void refused(ScenarioException e) {
            access.refused(e);
        }
    }
}
