package org.mscsim.viz;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.util.List;
import java.util.Locale;
import javax.swing.BorderFactory;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.JPanel;
import javax.swing.JSplitPane;
import org.mscsim.fields.FieldId;
import org.mscsim.model.MscModel;
import org.mscsim.scenario.Scenario;
import org.mscsim.viz.fields.HeatMapControls;
import org.mscsim.viz.interventions.InterventionPanel;
import org.mscsim.viz.tissue.Legend;
import sim.display.Console;

/**
 * The main window: on the left the tissue (status line, display, heat-map chooser with its colour
 * bar, legend), on the right the live charts and the intervention buttons. MASON's Console stays
 * a window of its own (play, pause, stop, seed, parameters, inspected cells).
 */
final class MainWindow {

    /** The window's largest size; it shrinks to smaller screens. */
    static final Dimension MAX_SIZE = new Dimension(1600, 1000);
    /** The tissue side's least width: the heat-map chooser and a readable part of the patch. */
    static final int LEFT_MIN_WIDTH = 420;
    /** The soluble factor shown when the window opens: the MSC factor most studied. */
    static final FieldId FIRST_HEAT_MAP = FieldId.PGE2;

    private final MscModelWithUI gui;
    private final JFrame frame;
    private final JLabel headline = new JLabel();
    private final JLabel subline = new JLabel();
    private final HeatMapControls heatMap;
    private final InterventionPanel interventions;
    private final ScenarioFiles files;
    private final RunControls runControls;
    private final JSplitPane split;

    MainWindow(MscModelWithUI gui) {
        this.gui = gui;
        this.files = new ScenarioFiles(gui);
        this.runControls = new RunControls(gui);
        Scenario s = gui.scenarioNow();
        frame = new JFrame("MSCSim — " + s.name() + (gui.scenarioFile() == null ? " (built-in)" : " (" + gui.scenarioFile() + ")"));
        frame.setDefaultCloseOperation(JFrame.DO_NOTHING_ON_CLOSE);
        frame.addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                // Closing the main window ends this GUI like closing MASON's Console does.
                if (gui.controller instanceof Console console) {
                    console.doClose();
                }
            }
        });
        frame.setJMenuBar(menus());

        heatMap = new HeatMapControls(gui.fieldLayer(), () -> gui.display().repaint());
        interventions = new InterventionPanel(gui.steering());

        headline.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        subline.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        subline.setForeground(Color.DARK_GRAY);
        // The status line spans the whole window: on a laptop screen the tissue side is too narrow for it.
        JPanel heading = new JPanel(new BorderLayout());
        heading.setBorder(BorderFactory.createEmptyBorder(4, 8, 4, 8));
        heading.add(headline, BorderLayout.NORTH);
        JPanel second = new JPanel(new BorderLayout());
        second.add(subline, BorderLayout.CENTER);
        second.add(runControls, BorderLayout.EAST);
        heading.add(second, BorderLayout.SOUTH);

        JPanel under = new JPanel(new BorderLayout());
        under.add(heatMap, BorderLayout.NORTH);
        under.add(new Legend(), BorderLayout.CENTER);

        JPanel left = new JPanel(new BorderLayout());
        left.add(gui.display(), BorderLayout.CENTER);
        left.add(under, BorderLayout.SOUTH);
        left.setMinimumSize(new Dimension(LEFT_MIN_WIDTH, 0));

        JPanel right = new JPanel(new BorderLayout());
        right.add(gui.charts().scrollPane(), BorderLayout.CENTER);
        right.add(interventions, BorderLayout.SOUTH);
        int rightMin = Math.max(gui.charts().minimumWidth(), interventions.getPreferredSize().width);
        right.setMinimumSize(new Dimension(rightMin, 0));

        split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, left, right);
        split.setResizeWeight(0.45);
        split.setBorder(null);
        frame.getContentPane().add(heading, BorderLayout.NORTH);
        frame.getContentPane().add(split, BorderLayout.CENTER);
        fitTo(GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds());
        heatMap.select(FIRST_HEAT_MAP);
        gui.charts().onExport(chart -> files.exportChart(frame, chart));
        refresh();
    }

    /**
     * Fills the screen up to {@link #MAX_SIZE} and gives the tissue as much width as it wants,
     * unless that would squeeze the intervention controls and the charts: on a laptop screen the
     * tissue display scrolls instead.
     */
    void fitTo(Rectangle screen) {
        frame.setBounds(screen.x, screen.y, Math.min(MAX_SIZE.width, screen.width), Math.min(MAX_SIZE.height, screen.height));
        frame.validate();
        // The frame's width, not the split's: before the window shows, the split has none yet.
        int width = frame.getWidth() - frame.getInsets().left - frame.getInsets().right;
        int rightMin = split.getRightComponent().getMinimumSize().width;
        split.setDividerLocation(Math.max(LEFT_MIN_WIDTH,
                Math.min(split.getLeftComponent().getPreferredSize().width, width - split.getDividerSize() - rightMin)));
        frame.validate();
    }

    private JMenuBar menus() {
        JMenuBar bar = new JMenuBar();
        JMenu file = new JMenu("File");
        file.add(item("Open Scenario...", () -> files.open(frame)));
        file.add(item("Save Parameters as Scenario...", () -> files.save(frame)));
        file.addSeparator();
        file.add(item("Export Charts (PNG + CSV)...", () -> files.exportCharts(frame)));
        file.add(item("Export Time Series (CSV)...", () -> files.exportTimeSeries(frame)));
        file.add(item("Save Window as PNG...", () -> files.saveWindow(frame)));
        file.addSeparator();
        file.add(item("Close", () -> frame.dispatchEvent(new WindowEvent(frame, WindowEvent.WINDOW_CLOSING))));
        bar.add(file);
        return bar;
    }

    private static JMenuItem item(String text, Runnable action) {
        JMenuItem i = new JMenuItem(text);
        i.addActionListener(e -> action.run());
        return i;
    }

    JFrame frame() {
        return frame;
    }

    InterventionPanel interventions() {
        return interventions;
    }

    JLabel headline() {
        return headline;
    }

    JLabel subline() {
        return subline;
    }

    ScenarioFiles files() {
        return files;
    }

    /** Updates the status line and the intervention panel from the model. Event thread. */
    void refresh() {
        String status = status(gui.scenarioNow(), gui.model(), gui.playState());
        if (!status.equals(headline.getText())) {
            headline.setText(status);
            headline.setToolTipText(status); // whole, should a narrow window cut the line
        }
        List<String> changed = gui.changedSettings();
        int applied = gui.userInterventions();
        String description = description(gui.scenarioNow().text("description"), changed.size(), applied);
        if (!description.equals(subline.getText())) {
            subline.setText(description);
            subline.setToolTipText(descriptionTip(changed, applied));
        }
        interventions.refresh();
        runControls.refresh();
    }

    /**
     * The scenario's description and what differs from it, e.g. "Refractory ITP, ...  ·  modified:
     * 3 settings, 1 intervention": settings are parameters the set-up changes from the file (by
     * --set or the Model inspector), interventions those applied with the buttons in this run.
     */
    static String description(String written, int settings, int interventions) {
        StringBuilder b = new StringBuilder(written);
        if (settings > 0 || interventions > 0) {
            b.append(b.length() > 0 ? "  ·  " : "").append("modified: ");
            if (settings > 0) {
                b.append(settings).append(settings == 1 ? " setting" : " settings");
            }
            if (interventions > 0) {
                b.append(settings > 0 ? ", " : "").append(interventions).append(interventions == 1 ? " intervention" : " interventions");
            }
        }
        return b.length() == 0 ? " " : b.toString();
    }

    private String descriptionTip(List<String> changed, int applied) {
        if (changed.isEmpty() && applied == 0) {
            return "As written in " + (gui.scenarioFile() == null ? "the built-in scenario" : gui.scenarioFile());
        }
        StringBuilder b = new StringBuilder("<html>");
        if (!changed.isEmpty()) {
            b.append("Changed from ").append(gui.scenarioFile() == null ? "the built-in scenario" : gui.scenarioFile())
                    .append(" (--set or the Model inspector):");
            for (String c : changed) {
                b.append("<br>&nbsp;&nbsp;").append(escape(c));
            }
        }
        if (applied > 0) {
            b.append(changed.isEmpty() ? "" : "<br>").append(applied).append(applied == 1 ? " intervention" : " interventions")
                    .append(" applied in this run (see the log)");
        }
        return b.append("</html>").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * The status line, e.g. "coculture · 25.0 h of 120 h (day 1.0) · 9,214 cells · seed 1 · paused".
     * Read without the schedule lock: these are single numbers, at worst one step old.
     */
    static String status(Scenario s, MscModel m, String playState) {
        StringBuilder b = new StringBuilder(s.name());
        if (m.tissue != null) {
            double t = m.timeH();
            b.append(String.format(Locale.ROOT, "  ·  %.1f h of %s h (day %.1f)  ·  %,d cells", t,
                    trim(s.real("time.hours")), t / 24.0, m.tissue.count()));
        }
        b.append("  ·  seed ").append(s.value("seed"));
        if (!playState.isEmpty()) {
            b.append("  ·  ").append(playState);
            if (playState.equals("paused") && m.tissue != null && m.stepsDone() == m.totalSteps()) {
                b.append(" at the end (Run continues)");
            }
        }
        return b.toString();
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
