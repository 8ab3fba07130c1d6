package org.mscsim.viz;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.swing.Timer;
import org.mscsim.model.MscModel;
import org.mscsim.scenario.Intervention;
import org.mscsim.scenario.Scenario;
import org.mscsim.scenario.ScenarioException;
import org.mscsim.scenario.ScenarioLoader;
import org.mscsim.viz.charts.LiveCharts;
import org.mscsim.viz.charts.Recorder;
import org.mscsim.viz.fields.FieldLayer;
import org.mscsim.viz.interventions.InterventionLabels;
import org.mscsim.viz.parameters.ParameterInspector;
import org.mscsim.viz.tissue.CellLayer;
import org.mscsim.viz.tissue.TissueDisplay;
import sim.display.Console;
import sim.display.Controller;
import sim.display.GUIState;
import sim.engine.SimState;
import sim.portrayal.Inspector;

/**
 * The desktop GUI of an {@link MscModel}, in MASON's pattern: this class only observes and steers
 * the model, which runs the same with or without it. It owns the tissue display (cells over a
 * field heat map), the live charts fed by a {@link Recorder}, and the scenario the next run starts
 * from: the scenario as loaded plus the user's parameter edits, with the seed in MASON's Console.
 *
 * <p>Threads: the model steps on MASON's play thread holding the schedule lock; everything here
 * runs on the Swing event thread and touches the model only under that lock (Display2D paints
 * under it too) or through the recorder's queue.
 */
public final class MscModelWithUI extends GUIState {

    /** Size of the square the whole tissue patch fits into on screen at zoom 1 (px). */
    static final int DISPLAY_PX = 660;
    /** How often the status line and intervention panel catch up with the model (ms). */
    static final int REFRESH_MS = 250;
    /**
     * How often the charts redraw while the model plays (ms). Each redraw of six charts holds up
     * MASON's play loop, which waits for Swing after every step; once a second keeps the model
     * within about a fifth of its headless speed. Paused or stopped, they catch up at once.
     */
    static final long CHART_REDRAW_MS = 1000;

    private final Path scenarioFile;
    private final int threads;
    private final Steering steering = new Steering(this);
    private final Recorder recorder = new Recorder();
    private final CellLayer[] cellLayers = CellLayer.all(this::model);
    private final FieldLayer fieldLayer = new FieldLayer(this::model);
    private final Timer refresher = new Timer(REFRESH_MS, e -> refresh());

    private Scenario setup;
    /** The scenario file as written (no --set), to tell what the set-up changed; null if unknown. */
    private final Scenario asWritten;
    /** Interventions the user applied in this run (the buttons), for the description line. */
    private int userInterventions;
    private long pauseAtStep = -1;
    private volatile boolean running;
    private Scenario inspectorShows;
    private final List<double[]> chartBacklog = new ArrayList<>();
    private long chartsDrawnAt;
    private List<Intervention> unmarked = List.of();
    private TissueDisplay display;
    private LiveCharts charts;
    private MainWindow window;

    /** MASON's "New Simulation..." menu builds the GUI on the built-in default scenario. */
    public MscModelWithUI() {
        this(builtInDefault(), null);
    }

    /**
     * @param scenario     a validated scenario
     * @param scenarioFile where it came from, or null for the built-in default
     */
    public MscModelWithUI(Scenario scenario, Path scenarioFile) {
        super(new MscModel(scenario, modelThreads()));
        this.setup = scenario;
        this.scenarioFile = scenarioFile;
        this.threads = modelThreads();
        this.asWritten = asWritten(scenarioFile);
    }

    /** The scenario without overrides: the file, or the built-in default; null if it no longer loads. */
    private static Scenario asWritten(Path file) {
        try {
            return file == null ? ScenarioLoader.builtIn(ScenarioLoader.DEFAULT_SCENARIO, List.of())
                    : ScenarioLoader.load(file, List.of());
        } catch (ScenarioException e) {
            return null; // changed on disk since it was opened: the description then names no settings
        }
    }

    /**
     * The parameters the set-up for the next run changes from the scenario as written (by --set or
     * the Model inspector), each as "key: written → now"; "interventions" when the list of timed
     * interventions was replaced. The seed, shown in the status line, is not counted.
     */
    List<String> changedSettings() {
        if (setup != changesOf) { // scenarios are immutable: a new set-up is a new object
            changes = List.copyOf(changes(setup));
            changesOf = setup;
        }
        return changes;
    }

    /** The set-up last compared with the file, and what differed (the status refresh asks four times a second). */
    private Scenario changesOf;
    private List<String> changes = List.of();

    private List<String> changes(Scenario setup) {
        List<String> out = new ArrayList<>();
        if (asWritten == null) {
            return out;
        }
        for (java.util.Map.Entry<String, Object> e : setup.values().entrySet()) {
            Object was = asWritten.values().get(e.getKey());
            if (!e.getKey().equals("seed") && !e.getValue().equals(was)) {
                out.add(e.getKey() + ": " + was + " → " + e.getValue());
            }
        }
        if (!setup.interventions().equals(asWritten.interventions())) {
            out.add("interventions: " + asWritten.interventions().size() + " in the file → " + setup.interventions().size());
        }
        return out;
    }

    /** How many interventions the user applied with the buttons in this run. */
    int userInterventions() {
        return userInterventions;
    }

    void intervened() {
        userInterventions++;
    }

    private static Scenario builtInDefault() {
        try {
            return ScenarioLoader.builtIn(ScenarioLoader.DEFAULT_SCENARIO, List.of());
        } catch (ScenarioException e) {
            throw new IllegalStateException("the built-in scenario is invalid: " + e.getMessage(), e);
        }
    }

    /** Field-solver threads: leave one core to Swing so the display stays responsive. */
    private static int modelThreads() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() - 1));
    }

    public static String getName() {
        return "MSCSim";
    }

    public static Object getInfo() {
        return "<html><body style='font-family:sans-serif;padding:8px'><h2>MSCSim</h2>"
                + "<p>An agent-based model of mesenchymal stromal cells (MSCs) reshaping an immune response:"
                + " MSCs, CD4+ and CD8+ T cells, B and plasma cells, NK cells and macrophages on a tissue grid,"
                + " talking through PD-L1 contact and soluble PGE2, kynurenine/tryptophan (IDO), TGF-β, IFN-γ,"
                + " IL-10, TNF-α and IL-6.</p>"
                + "<p><b>Play</b> runs the scenario, <b>pause</b> then play steps it; <b>stop</b> ends the run and"
                + " play starts a new one from the scenario with your parameter edits and the seed shown here.</p>"
                + "<p>The <b>Model</b> tab lists every scenario parameter by section; live ones can be edited while"
                + " it runs. Click a cell in the display to inspect it. The main window has the heat map, the"
                + " live charts and the intervention buttons.</p></body></html>";
    }

    public MscModel model() {
        return (MscModel) state;
    }

    /** The scenario in effect: the running model's, or between runs the set-up for the next. */
    Scenario scenarioNow() {
        return running ? model().scenario() : setup;
    }

    /** The scenario the next run starts from, with the seed the last run used. */
    Scenario setupWithSeed() {
        return setup.with("seed", model().scenario().value("seed"));
    }

    void editSetup(String key, Object value) {
        setup = setup.with(key, value);
    }

    boolean running() {
        return running;
    }

    Path scenarioFile() {
        return scenarioFile;
    }

    MainWindow window() {
        return window;
    }

    LiveCharts charts() {
        return charts;
    }

    Recorder recorder() {
        return recorder;
    }

    TissueDisplay display() {
        return display;
    }

    FieldLayer fieldLayer() {
        return fieldLayer;
    }

    Steering steering() {
        return steering;
    }

    /** Scripted runs (screenshots, tests) pause at this step instead of the scenario's end. */
    void pauseAt(long step) {
        this.pauseAtStep = step;
    }

    boolean scripted() {
        return pauseAtStep >= 0;
    }

    @Override
    public Controller createController() {
        Console console = openConsole();
        console.pressPause();
        return console;
    }

    /** Builds the Console (which calls {@link #init}) and shows it, without starting a run. */
    Console openConsole() {
        Console console = new Console(this);
        ConsoleSetup.apply(console, this);
        console.setVisible(true);
        return console;
    }

    @Override
    public void init(Controller c) {
        super.init(c);
        double[] size = TissueDisplay.fit(setup.integer("grid.width"), setup.integer("grid.height"), DISPLAY_PX);
        display = new TissueDisplay(size[0], size[1], this);
        display.attach(fieldLayer, "Heat map (soluble factor)");
        for (CellLayer layer : cellLayers) {
            display.attach(layer, layer.name());
        }
        charts = new LiveCharts(Recorder.columns(setup.bool("invivo.enabled")));
        window = new MainWindow(this);
        c.registerFrame(window.frame());
        window.frame().setVisible(true);
        OpenGuis.opened();
        refresher.start();
    }

    @Override
    public Inspector getInspector() {
        return new ParameterInspector(this, steering);
    }

    /**
     * Starts a run on a fresh model built from the set-up, with the seed MASON's Console has just
     * given the old one (its seed field, optionally incremented on each stop).
     */
    @Override
    public void start() {
        Scenario s = setup.with("seed", state.seed());
        MscModel m = new MscModel(s, threads);
        m.addObserver(recorder);
        state = m;
        recorder.reset();
        chartBacklog.clear();
        charts.clear();
        unmarked = new ArrayList<>(s.interventions());
        userInterventions = 0;
        super.start();
        running = true;
        display.reset();
        display.repaint();
        if (controller instanceof Console console) {
            console.setWhenShouldPause(scripted() ? pauseAtStep : m.totalSteps());
        }
        refresh();
    }

    @Override
    public void finish() {
        super.finish();
        running = false;
        if (window != null) {
            refresh();
        }
    }

    @Override
    public void quit() {
        super.quit();
        refresher.stop();
        if (display != null) {
            display.quit();
        }
        if (window != null) {
            window.frame().dispose();
            window = null;
            OpenGuis.closed();
        }
    }

    /**
     * Replaces this GUI by one on another scenario, in the same places on screen, paused at its
     * start; this one's run ends. Returns the new GUI. Event thread.
     */
    MscModelWithUI replaceBy(Scenario scenario, Path file) {
        Console old = (Console) controller;
        java.awt.Rectangle main = window.frame().getBounds();
        java.awt.Rectangle console = old.getBounds();
        MscModelWithUI next = new MscModelWithUI(scenario, file);
        Console c = next.openConsole();
        next.window.frame().setBounds(main);
        c.setBounds(console);
        c.pressPause();
        old.doClose();
        return next;
    }

    /** MASON checkpoints would need a serialisable model; MSCSim saves scenarios instead. */
    @Override
    public boolean validSimState(SimState s) {
        return false;
    }

    /** Marks an action on the charts and shows its effect at once. Event thread. */
    void marked(double timeH, String label) {
        charts.mark(timeH, label);
        display.repaint();
        refresh();
    }

    /**
     * Brings the charts, the status line, the intervention panel and the parameter inspector up to
     * date with the model. Runs a few times a second on the event thread, so the charts redraw at
     * most that often however fast the model steps.
     */
    void refresh() {
        if (window == null) {
            return;
        }
        chartBacklog.addAll(recorder.drain());
        long wall = System.currentTimeMillis();
        boolean playing = "running".equals(playState());
        if (!chartBacklog.isEmpty() && (!playing || wall - chartsDrawnAt >= CHART_REDRAW_MS)) {
            charts.append(chartBacklog);
            chartBacklog.clear();
            chartsDrawnAt = wall;
            markScheduledUpTo(recorder.latestTime());
        }
        window.refresh();
        Scenario now = scenarioNow();
        if (now != inspectorShows && controller instanceof Console console && console.getModelInspector() != null) {
            inspectorShows = now;
            console.getModelInspector().updateInspector();
        }
    }

    /** The scenario's own timed interventions get their chart mark once the run has reached them. */
    private void markScheduledUpTo(double timeH) {
        for (Iterator<Intervention> it = unmarked.iterator(); it.hasNext(); ) {
            Intervention i = it.next();
            if (i.atH() <= timeH + 1e-9) {
                charts.mark(i.atH(), InterventionLabels.describe(i.action()));
                it.remove();
            }
        }
    }

    /** The play state, for the status line. */
    String playState() {
        if (!(controller instanceof Console console)) {
            return "";
        }
        switch (console.getPlayState()) {
            case Console.PS_PLAYING: return "running";
            case Console.PS_PAUSED: return "paused";
            default: return "stopped";
        }
    }
}
