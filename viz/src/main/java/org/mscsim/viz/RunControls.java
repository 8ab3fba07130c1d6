package org.mscsim.viz;

import java.awt.FlowLayout;
import javax.swing.JButton;
import javax.swing.JPanel;
import sim.display.Console;

/**
 * Run, pause, step and restart buttons in the main window, working MASON's Console (which also
 * has them, with the seed and speed): a user need not learn that the Console's play button steps
 * while paused.
 */
final class RunControls extends JPanel {

    private static final long serialVersionUID = 1L;

    private final JButton run = new JButton("Run");
    private final JButton pause = new JButton("Pause");
    private final JButton step = new JButton("Step");
    private final JButton restart = new JButton("Restart");
    private final transient MscModelWithUI gui;

    RunControls(MscModelWithUI gui) {
        super(new FlowLayout(FlowLayout.RIGHT, 4, 0));
        this.gui = gui;
        run.setToolTipText("Run the model (it pauses by itself at the scenario's end)");
        pause.setToolTipText("Pause the model; charts and display show this moment");
        step.setToolTipText("Advance one time step");
        restart.setToolTipText("Start a new run from the scenario with your parameter edits, paused at time 0");
        run.addActionListener(e -> act(console -> {
            if (console.getPlayState() == Console.PS_PAUSED) {
                console.pressPause();
            } else if (console.getPlayState() == Console.PS_STOPPED) {
                console.pressPlay();
            }
        }));
        pause.addActionListener(e -> act(console -> {
            if (console.getPlayState() == Console.PS_PLAYING) {
                console.pressPause();
            }
        }));
        step.addActionListener(e -> act(console -> {
            if (console.getPlayState() == Console.PS_PAUSED) {
                console.pressPlay();
            }
        }));
        restart.addActionListener(e -> act(console -> {
            console.pressStop();
            console.pressPause();
        }));
        add(run);
        add(pause);
        add(step);
        add(restart);
    }

    private void act(java.util.function.Consumer<Console> action) {
        if (gui.controller instanceof Console console) {
            action.accept(console);
            refresh();
        }
    }

    /** Enables the buttons that make sense in the Console's current state. */
    void refresh() {
        if (!(gui.controller instanceof Console console)) {
            return;
        }
        int s = console.getPlayState();
        run.setEnabled(s != Console.PS_PLAYING);
        pause.setEnabled(s == Console.PS_PLAYING);
        step.setEnabled(s == Console.PS_PAUSED);
    }
}
