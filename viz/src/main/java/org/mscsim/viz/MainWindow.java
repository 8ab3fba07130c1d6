package org.mscsim.viz;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
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
        subline.setText(s.text("description").isEmpty() ? " " : s.text("description"));
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
        left.add(heading, BorderLayout.NORTH);
        left.add(gui.display(), BorderLayout.CENTER);
        left.add(under, BorderLayout.SOUTH);

        JPanel right = new JPanel(new BorderLayout());
        right.add(gui.charts().panel(), BorderLayout.CENTER);
        right.add(interventions, BorderLayout.SOUTH);

        JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, left, right);
        split.setResizeWeight(0.45);
        split.setBorder(null);
        frame.getContentPane().add(split);
        Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
        frame.setBounds(screen.x, screen.y, Math.min(MAX_SIZE.width, screen.width), Math.min(MAX_SIZE.height, screen.height));
        frame.validate();
        split.setDividerLocation(left.getPreferredSize().width);
        heatMap.select(FIRST_HEAT_MAP);
        gui.charts().onExport(chart -> files.exportChart(frame, chart));
        refresh();
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

    ScenarioFiles files() {
        return files;
    }

    /** Updates the status line and the intervention panel from the model. Event thread. */
    void refresh() {
        headline.setText(status(gui.scenarioNow(), gui.model(), gui.playState()));
        interventions.refresh();
        runControls.refresh();
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
                b.append(" at the scenario's end (Run goes on)");
            }
        }
        return b.toString();
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
