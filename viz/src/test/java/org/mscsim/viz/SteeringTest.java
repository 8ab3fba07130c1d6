package org.mscsim.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.Container;
import java.awt.event.KeyEvent;
import java.awt.event.KeyListener;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JSlider;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;
import org.mscsim.cells.Cell;
import org.mscsim.cells.Msc;
import org.mscsim.cli.Main;
import org.mscsim.model.MscModel;
import org.mscsim.scenario.Intervention;
import org.mscsim.scenario.Param;
import org.mscsim.scenario.Parameters;
import org.mscsim.scenario.ScenarioException;
import org.mscsim.viz.parameters.ParameterInspector;
import sim.display.Console;
import sim.util.gui.PropertyField;

/**
 * The GUI steering a live model: real windows and MASON's play thread (needs a display; CI runs
 * it under Xvfb).
 */
class SteeringTest {

    private static int mscs(MscModel m) {
        int n = 0;
        for (Cell c : m.cells()) {
            n += c instanceof Msc ? 1 : 0;
        }
        return n;
    }

    /** Opens the GUI on {@code s}, presses play and waits until the run pauses after {@code steps} steps. */
    private static void playUntilPaused(org.mscsim.scenario.Scenario s, long steps, AtomicReference<MscModelWithUI> gui,
                                        AtomicReference<Console> console) throws Exception {
        DesktopLauncher.openAndPlay(s, null, steps, gui, console);
    }

    /** The Model inspector's field for {@code blockade.ido} (the blockade section is the one shown first). */
    private static PropertyField idoField(Console console) {
        List<Param> shown = ParameterInspector.group(Parameters.get().all()).get("blockade");
        int index = -1;
        for (int i = 0; i < shown.size(); i++) {
            index = shown.get(i).key().equals("blockade.ido") ? i : index;
        }
        List<PropertyField> fields = new ArrayList<>();
        collect((Container) console.getModelInspector(), fields);
        assertEquals(shown.size(), fields.size(), "one field per parameter of the section");
        return fields.get(index);
    }

    private static void collect(Container c, List<PropertyField> out) {
        for (Component child : c.getComponents()) {
            if (child instanceof PropertyField f) {
                out.add(f);
            } else if (child instanceof Container inner) {
                collect(inner, out);
            }
        }
    }

    /** Types {@code text} into the field's text box and presses Enter, as a user does. */
    private static void type(PropertyField f, String text) {
        JTextField box = null;
        for (Component c : ((Container) f.getComponent(1)).getComponents()) {
            box = c instanceof JTextField t ? t : box;
        }
        assertTrue(box != null && box.isEditable(), "a live parameter has an editable text box");
        box.setText(text);
        long now = System.currentTimeMillis();
        for (KeyListener l : box.getKeyListeners()) {
            l.keyPressed(new KeyEvent(box, KeyEvent.KEY_PRESSED, now, 0, KeyEvent.VK_1, '1'));
            l.keyPressed(new KeyEvent(box, KeyEvent.KEY_PRESSED, now, 0, KeyEvent.VK_ENTER, '\n'));
        }
    }

    @Test
    void interventionsAndEditsApplyBetweenStepsAreLoggedAndMarked() throws Exception {
        Display.require();
        AtomicReference<MscModelWithUI> gui = new AtomicReference<>();
        AtomicReference<Console> console = new AtomicReference<>();
        playUntilPaused(Scenarios.small(), 24, gui, console);
        try {
            AtomicReference<ScenarioException> refused = new AtomicReference<>();
            SwingUtilities.invokeAndWait(() -> {
                MscModelWithUI g = gui.get();
                MscModel m = g.model();
                int before = mscs(m);
                assertTrue(g.steering().intervene(new Intervention.AddMsc(10)));
                assertEquals(before + 10, mscs(m));
                try {
                    g.steering().edit("blockade.pd_l1", "0.5");
                    g.steering().edit("blockade.pd_l1", "2");
                } catch (ScenarioException e) {
                    refused.set(e);
                }
                assertEquals(0.5, m.scenario().real("blockade.pd_l1"));
                assertEquals(List.of("+10 MSC", "anti-PD-L1 50 %"), g.charts().charts().get(0).markLabels());
                assertTrue(!g.steering().inVivo(), "a co-culture has no body to infuse into");
                assertEquals(List.of("2.00 h: added 10 MSCs", "2.00 h: anti-PD-L1 50 %"), m.log());
                // A blockade from the buttons is this run's: the Model inspector showing it (its
                // sliders report a refreshed value as if the user had moved them) must not carry it
                // into the next run's set-up.
                assertTrue(g.steering().intervene(new Intervention.Block(java.util.Map.of("ido", 1.0))));
                console.get().getModelInspector().updateInspector();
                assertEquals(0.0, g.setupWithSeed().real("blockade.ido"));
                assertEquals("1", idoField(console.get()).getValue(), "the inspector shows the blockade in force");
                // The user typing the value the run already has does carry it into the next run.
                type(idoField(console.get()), "1");
                assertEquals(1.0, g.setupWithSeed().real("blockade.ido"));
            });
            assertTrue(refused.get() != null, "an out-of-range edit is refused");
            assertEquals(cliError("--set", "blockade.pd_l1=2").replace("--set blockade.pd_l1=2: ", "Model inspector: "),
                    Steering.cliText(refused.get()));

            // Restart: the edit is part of the set-up, the intervention was part of the last run.
            SwingUtilities.invokeAndWait(() -> {
                console.get().pressStop();
                console.get().pressPause();
                MscModelWithUI g = gui.get();
                assertEquals(0.0, g.model().timeH());
                assertEquals(0.5, g.model().scenario().real("blockade.pd_l1"));
                assertEquals(16, mscs(g.model()));
                assertTrue(g.charts().charts().get(0).markLabels().isEmpty());
                assertTrue(g.running());
            });
        } finally {
            SwingUtilities.invokeAndWait(() -> DesktopLauncher.close(gui.get(), console.get()));
        }
        assertNull(gui.get().window(), "the window is gone");
    }

    /**
     * A slider set up where it already stood (a 0.5 blockade is mid-range) takes the user's first
     * drag: MASON's field expects an event from its own set-up and would drop the next one.
     */
    @Test
    void aSliderSetUpAtMidRangeTakesTheFirstDrag() throws Exception {
        Display.require();
        AtomicReference<MscModelWithUI> gui = new AtomicReference<>();
        AtomicReference<Console> console = new AtomicReference<>();
        playUntilPaused(Scenarios.small().with("blockade.ido", 0.5), 2, gui, console);
        try {
            SwingUtilities.invokeAndWait(() -> {
                JSlider slider = null;
                for (Component c : ((Container) idoField(console.get()).getComponent(1)).getComponents()) {
                    slider = c instanceof JSlider s ? s : slider;
                }
                assertTrue(slider != null, "a live parameter with a finite range has a slider");
                assertEquals((slider.getMinimum() + slider.getMaximum()) / 2, slider.getValue(), "0.5 sits mid-range");
                slider.setValueIsAdjusting(true); // the user drags...
                slider.setValue(slider.getMinimum() + (slider.getMaximum() - slider.getMinimum()) * 4 / 5);
                slider.setValueIsAdjusting(false); // ...and lets go
                assertEquals(0.8, gui.get().setupWithSeed().real("blockade.ido"), 1e-9);
                assertEquals(0.8, gui.get().model().scenario().real("blockade.ido"), 1e-9);
            });
        } finally {
            SwingUtilities.invokeAndWait(() -> DesktopLauncher.close(gui.get(), console.get()));
        }
    }

    /**
     * An in-vivo scenario in the GUI: its scheduled infusions are marked on the charts when the
     * run reaches them, and the infusion button's action puts MSCs into the blood; a co-culture
     * has no body to infuse into.
     */
    @Test
    void inVivoScenariosShowTheirInfusionsAndTakeMoreFromTheButton() throws Exception {
        Display.require();
        java.nio.file.Path itp = java.nio.file.Path.of(System.getProperty("user.dir")).resolveSibling("scenarios").resolve("itp-patient.yaml");
        org.mscsim.scenario.Scenario s = org.mscsim.scenario.ScenarioLoader.load(itp, List.of("grid.width=40", "grid.height=40",
                "populations.t_cd4=210", "populations.t_cd8=110", "populations.b=64", "populations.nk=32", "populations.macrophage=80",
                "invivo.burn_in_h=24", "output.charts=false"));
        AtomicReference<MscModelWithUI> gui = new AtomicReference<>();
        AtomicReference<Console> console = new AtomicReference<>();
        playUntilPaused(s, 2, gui, console);
        try {
            SwingUtilities.invokeAndWait(() -> {
                MscModelWithUI g = gui.get();
                MscModel m = g.model();
                assertTrue(g.steering().inVivo());
                assertEquals(List.of("infusion 2×10⁶ MSC/kg"), g.charts().charts().get(0).markLabels(), "the scheduled infusion at 0 h");
                double before = m.systemic.mscBlood();
                assertTrue(g.steering().intervene(new Intervention.InfuseMscPerKg(1e6)));
                assertEquals(before + 1e6 * 60, m.systemic.mscBlood(), 1e-3, "10⁶/kg × 60 kg into the blood");
                assertEquals("infusion 1×10⁶ MSC/kg", g.charts().charts().get(0).markLabels().get(1));
            });
        } finally {
            SwingUtilities.invokeAndWait(() -> DesktopLauncher.close(gui.get(), console.get()));
        }
    }

    @Test
    void openingAnotherScenarioReplacesTheGuiAndKeepsTheSession() throws Exception {
        Display.require();
        AtomicReference<MscModelWithUI> first = new AtomicReference<>();
        AtomicReference<MscModelWithUI> second = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            try {
                MscModelWithUI g = new MscModelWithUI(Scenarios.small(), null);
                g.createController();
                first.set(g);
                second.set(g.replaceBy(Scenarios.small("populations.msc=0"), null));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            assertNull(first.get().window(), "the old window is closed");
            assertTrue(second.get().running(), "the new scenario is open, paused at its start");
            assertEquals(0, mscs(second.get().model()));
        } finally {
            SwingUtilities.invokeAndWait(() -> DesktopLauncher.close(second.get(), (Console) second.get().controller));
        }
    }

    /** What the command line prints on standard error for a refused {@code run}. */
    private static String cliError(String... args) {
        PrintStream err = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            String[] all = new String[args.length + 2];
            all[0] = "validate";
            all[1] = "--quiet";
            System.arraycopy(args, 0, all, 2, args.length);
            assertEquals(Main.BAD_INPUT, Main.execute(all));
        } finally {
            System.setErr(err);
        }
        return bytes.toString(StandardCharsets.UTF_8).strip();
    }
}
