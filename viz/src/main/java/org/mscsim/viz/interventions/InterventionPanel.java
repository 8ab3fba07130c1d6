package org.mscsim.viz.interventions;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.swing.BorderFactory;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSpinner;
import javax.swing.SpinnerNumberModel;
import javax.swing.BoxLayout;
import org.mscsim.model.ActionText;
import org.mscsim.scenario.Intervention;

/**
 * Buttons that act on the running model, each logged on the charts' time axis: add or remove
 * MSCs (the co-culture form of an infusion), block PD-L1, IDO, PGE2 or TGF-β at a chosen
 * strength, replace the medium, add target cells. Each action is one row built by
 * {@link #row}. In-vivo scenarios add an intravenous infusion in 10⁶ cells per kg body weight.
 */
public final class InterventionPanel extends JPanel {

    private static final long serialVersionUID = 1L;
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 12);
    /** The log's least width: a short line ("48.00 h: anti-PD-L1 100 %") fits whole. */
    static final int LOG_MIN_WIDTH = 200;

    private final transient Intervener intervener;
    private final List<JButton> actions = new ArrayList<>();
    private final List<JButton> inVivoActions = new ArrayList<>();
    private final JLabel blockadesNow = new JLabel();
    private final JLabel status = new JLabel(" ");
    private final DefaultListModel<String> logModel = new DefaultListModel<>();
    private final JList<String> log = new JList<>(logModel) {
        private static final long serialVersionUID = 1L;

        @Override
        public String getToolTipText(java.awt.event.MouseEvent e) {
            int i = locationToIndex(e.getPoint());
            return i < 0 ? null : getModel().getElementAt(i);
        }
    };
    private List<String> shownLog;

    public InterventionPanel(Intervener intervener) {
        super(new BorderLayout(8, 0));
        this.intervener = intervener;
        setBorder(BorderFactory.createCompoundBorder(BorderFactory.createTitledBorder("Interventions (apply now, marked on the charts)"),
                BorderFactory.createEmptyBorder(0, 4, 2, 4)));

        JPanel rows = new JPanel();
        rows.setLayout(new BoxLayout(rows, BoxLayout.Y_AXIS));

        JSpinner mscCount = spinner(100, 1, 1_000_000, 50);
        rows.add(row("MSCs", mscCount, new JLabel("cells"),
                button("Add", "Seed this many MSCs on random free voxels",
                        () -> new Intervention.AddMsc(value(mscCount))),
                button("Remove", "Take this many randomly chosen MSCs out of the culture",
                        () -> new Intervention.RemoveMsc(value(mscCount)))));

        JSpinner dose = new JSpinner(new SpinnerNumberModel(2.0, 0.1, 100.0, 0.5));
        ((JSpinner.DefaultEditor) dose.getEditor()).getTextField().setColumns(4);
        JButton infuse = button("Infuse", "Intravenous infusion (only in in-vivo scenarios, invivo.enabled): this many million MSCs per kg body weight;"
                + " they reach the lung, and their vesicles the patch", () -> new Intervention.InfuseMscPerKg(
                        ((Number) dose.getValue()).doubleValue() * 1e6));
        inVivoActions.add(infuse);
        rows.add(row("Infusion", dose, new JLabel("× 10⁶ MSC/kg IV"), infuse));

        JComboBox<String> blockade = new JComboBox<>();
        List<String> keys = new ArrayList<>(ActionText.BLOCKADES.keySet());
        for (String k : keys) {
            blockade.addItem(ActionText.BLOCKADES.get(k));
        }
        JSpinner strength = spinner(100, 0, 100, 10);
        rows.add(row("Blockade", blockade, strength, new JLabel("%"),
                button("Apply", "Set this blockade's strength from now on (0 % lifts it)",
                        () -> new Intervention.Block(Map.of(keys.get(blockade.getSelectedIndex()), value(strength) / 100.0)))));

        JSpinner fraction = spinner(50, 1, 100, 10);
        JSpinner targets = spinner(500, 1, 1_000_000, 100);
        rows.add(row("Medium", fraction, new JLabel("%"),
                button("Replace", "Replace this share of the medium: every factor moves that far back to its starting level",
                        () -> new Intervention.ReplaceMedium(value(fraction) / 100.0)),
                new JLabel("   Targets"), targets,
                button("Add", "Add target cells (K562-like, or opsonised if target.opsonised) to read NK killing or phagocytosis",
                        () -> new Intervention.AddTargets(value(targets)))));

        blockadesNow.setFont(blockadesNow.getFont().deriveFont(Font.PLAIN, 11f));
        status.setFont(status.getFont().deriveFont(Font.ITALIC, 11f));
        JPanel notes = new JPanel(new BorderLayout());
        notes.add(blockadesNow, BorderLayout.NORTH);
        notes.add(status, BorderLayout.SOUTH);
        notes.setBorder(BorderFactory.createEmptyBorder(2, 5, 0, 0));
        notes.setAlignmentX(LEFT_ALIGNMENT);
        rows.add(notes);
        // The controls keep their full width on any screen; the log takes what is left.
        add(rows, BorderLayout.WEST);

        log.setFont(log.getFont().deriveFont(Font.PLAIN, 11f));
        log.setVisibleRowCount(5);
        log.setToolTipText(""); // per line, below: a line wider than the log is read whole
        JScrollPane scroll = new JScrollPane(log);
        scroll.setBorder(BorderFactory.createTitledBorder("Log"));
        scroll.setPreferredSize(new Dimension(LOG_MIN_WIDTH, 100));
        scroll.setMinimumSize(new Dimension(LOG_MIN_WIDTH, 80));
        add(scroll, BorderLayout.CENTER);
        refresh();
    }

    /** A titled row of controls. */
    static JComponent row(String title, Component... controls) {
        JPanel p = new JPanel(new FlowLayout(FlowLayout.LEFT, 5, 1));
        JLabel t = new JLabel(title);
        t.setFont(TITLE);
        t.setPreferredSize(new Dimension(70, t.getPreferredSize().height));
        p.add(t);
        for (Component c : controls) {
            p.add(c);
        }
        p.setAlignmentX(LEFT_ALIGNMENT);
        return p;
    }

    private JButton button(String text, String tip, java.util.function.Supplier<Intervention.Action> action) {
        JButton b = new JButton(text);
        b.setToolTipText(tip);
        b.addActionListener(e -> {
            Intervention.Action a = action.get();
            if (intervener.intervene(a)) {
                status.setText("Applied: " + InterventionLabels.describe(a));
            } else {
                status.setText("No run in progress: press play or pause in the Console first.");
            }
            refresh();
        });
        actions.add(b);
        return b;
    }

    private static JSpinner spinner(int value, int min, int max, int step) {
        JSpinner s = new JSpinner(new SpinnerNumberModel(value, min, max, step));
        ((JSpinner.DefaultEditor) s.getEditor()).getTextField().setColumns(max > 1000 ? 6 : 3);
        return s;
    }

    private static int value(JSpinner s) {
        return ((Number) s.getValue()).intValue();
    }

    /** Every action button, in the order shown (Add, Remove, Infuse, Apply, Replace, Add targets). */
    public List<JButton> buttons() {
        return List.copyOf(actions);
    }

    /** Updates the buttons, the blockades in effect and the log from the model. Event thread. */
    public void refresh() {
        boolean running = intervener.running();
        boolean inVivo = running && intervener.inVivo();
        for (JButton b : actions) {
            b.setEnabled(running && (inVivo || !inVivoActions.contains(b)));
        }
        StringBuilder b = new StringBuilder("Blockades now: ");
        Map<String, Double> now = intervener.blockades();
        String sep = "";
        for (String k : ActionText.BLOCKADES.keySet()) {
            b.append(sep).append(InterventionLabels.TARGETS.get(k)).append(' ').append(ActionText.percent(now.getOrDefault(k, 0.0)));
            sep = " · ";
        }
        blockadesNow.setText(b.toString());
        blockadesNow.setForeground(Color.DARK_GRAY);
        List<String> lines = intervener.log();
        if (!lines.equals(shownLog)) {
            shownLog = lines;
            logModel.clear();
            if (lines.isEmpty()) {
                logModel.addElement("nothing yet");
            }
            for (String l : lines) {
                logModel.addElement(l);
            }
            if (!lines.isEmpty()) {
                log.ensureIndexIsVisible(lines.size() - 1);
            }
        }
    }
}
