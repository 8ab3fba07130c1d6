package org.mscsim.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.SwingUtilities;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.junit.jupiter.api.Test;
import org.mscsim.scenario.Scenario;
import org.mscsim.scenario.ScenarioLoader;
import org.mscsim.viz.charts.LiveChart;
import org.mscsim.viz.tissue.TissueDisplay;
import sim.display.Console;

/**
 * The main window on a common laptop screen, 1280 × 800 (needs a display; CI runs it under Xvfb):
 * every intervention button can be pressed, every chart has room to plot, the status line is
 * whole. The in-vivo ITP scenario, whose seven charts and infusion row make the fullest window.
 */
class SmallScreenTest {

    static final Rectangle LAPTOP = new Rectangle(0, 0, 1280, 800);

    static final Path ITP = Path.of(System.getProperty("user.dir")).resolveSibling("scenarios").resolve("itp-patient.yaml");

    /** The ITP patient, shrunk as in {@link SteeringTest} (ten settings changed), running for one hour. */
    private static Scenario itp() throws Exception {
        return ScenarioLoader.load(ITP, List.of("grid.width=40", "grid.height=40", "populations.t_cd4=210", "populations.t_cd8=110",
                "populations.b=64", "populations.nk=32", "populations.macrophage=80", "invivo.burn_in_h=24", "output.charts=false",
                "time.hours=1"));
    }

    @Test
    void everyControlIsReachableAndEveryChartLegibleAt1280x800() throws Exception {
        Display.require();
        AtomicReference<MscModelWithUI> gui = new AtomicReference<>();
        AtomicReference<Console> console = new AtomicReference<>();
        Scenario s = itp();
        long end = Math.round(s.real("time.hours") * 60 / s.real("time.dt_min"));
        DesktopLauncher.openAndPlay(s, ITP, end, gui, console);
        try {
            SwingUtilities.invokeAndWait(() -> {
                MainWindow w = gui.get().window();
                w.fitTo(LAPTOP);
                w.frame().validate();
                gui.get().refresh();
                w.frame().validate();
            });
            SwingUtilities.invokeAndWait(() -> { }); // a wrapping layout's second pass
            SwingUtilities.invokeAndWait(() -> {
                MainWindow w = gui.get().window();
                assertEquals(LAPTOP.getSize(), w.frame().getSize());
                JComponent root = w.frame().getRootPane();

                List<JButton> buttons = w.interventions().buttons();
                assertEquals(List.of("Add", "Remove", "Infuse", "Apply", "Replace", "Add"), buttons.stream().map(JButton::getText).toList());
                for (JButton b : buttons) {
                    wholeAndInside(b, root);
                    assertTrue(b.isEnabled(), b.getText() + " is enabled in a running in-vivo scenario");
                }
                // Pressing Infuse works, and the log says it in the controls' words.
                buttons.get(2).doClick();
                assertTrue(gui.get().model().log().get(gui.get().model().log().size() - 1).endsWith("infused 2×10⁶ MSC/kg IV (1.2×10⁸ cells)"),
                        gui.get().model().log().toString());

                // The status line at the scenario's end, whole.
                String status = w.headline().getText();
                assertTrue(status.endsWith("paused at the end (Run continues)"), status);
                wholeAndInside(w.headline(), root);
                assertTrue(w.headline().getPreferredSize().width <= w.headline().getWidth(), "status line cut: " + status);
                assertEquals(status, w.headline().getToolTipText());
                assertTrue(w.subline().getText().endsWith("modified: 10 settings, 1 intervention"), w.subline().getText());

                List<LiveChart> charts = gui.get().charts().charts();
                assertEquals(7, charts.size(), "the in-vivo charts");
                JComponent grid = gui.get().charts().panel();
                for (LiveChart c : charts) {
                    Rectangle r = c.panel().getBounds();
                    assertTrue(new Rectangle(grid.getSize()).contains(r), c.spec().title() + " lies in the scrolled grid");
                    usablePlot(c);
                }
                // The lone seventh chart spans the row instead of leaving half of it empty.
                assertEquals(grid.getWidth(), charts.get(6).panel().getWidth());
                assertTrue(grid.getHeight() > gui.get().charts().scrollPane().getViewport().getHeight(),
                        "on this screen the charts scroll rather than shrink");

                // The tissue zooms out until the whole patch shows, without scroll bars.
                TissueDisplay tissue = gui.get().display();
                double zoom = tissue.getScale();
                assertTrue(zoom < 1.0, "zoomed out to fit: " + zoom);
                java.awt.Dimension view = tissue.display.getViewport().getExtentSize();
                assertTrue(tissue.insideDisplay.width * zoom <= view.width && tissue.insideDisplay.height * zoom <= view.height,
                        "the patch at zoom " + zoom + " fits the view " + view);
                assertTrue(!tissue.display.getHorizontalScrollBar().isShowing() && !tissue.display.getVerticalScrollBar().isShowing(),
                        "no scroll bars on the tissue");
                assertEquals(zoom, tissue.scaleField.getValue(), "the zoom field shows the zoom");
                // A zoom the user chooses is kept when the window changes size.
                tissue.setScale(2.0);
                w.fitTo(new Rectangle(0, 0, 1200, 760));
                w.frame().validate();
            });
            SwingUtilities.invokeAndWait(() -> { }); // the resize events
            SwingUtilities.invokeAndWait(() -> {
                assertEquals(2.0, gui.get().display().getScale(), "the user's zoom survives a resize");
            });
        } finally {
            SwingUtilities.invokeAndWait(() -> DesktopLauncher.close(gui.get(), console.get()));
        }
    }

    /** Showing, of non-zero size, not cut by any scroll pane or parent, inside the window. */
    private static void wholeAndInside(JComponent c, JComponent root) {
        String name = c instanceof JButton b ? b.getText() : c.getClass().getSimpleName();
        assertTrue(c.isShowing(), name + " showing");
        assertTrue(c.getWidth() > 0 && c.getHeight() > 0, name + " has a size: " + c.getSize());
        assertTrue(c.getWidth() >= c.getPreferredSize().width, name + " squashed: " + c.getSize() + " < " + c.getPreferredSize());
        assertEquals(new Rectangle(c.getSize()), c.getVisibleRect(), name + " is visible whole");
        Rectangle inRoot = SwingUtilities.convertRectangle(c, new Rectangle(c.getSize()), root);
        assertTrue(new Rectangle(root.getSize()).contains(inRoot), name + " at " + inRoot + " inside the window " + root.getSize());
    }

    /**
     * Draws the chart at its size on screen, as its panel does, and checks each stacked panel has
     * room to plot and that stacked panels keep the gap their tick labels need.
     */
    private static void usablePlot(LiveChart c) {
        Component p = c.panel();
        BufferedImage img = new BufferedImage(p.getWidth(), p.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        ChartRenderingInfo info = new ChartRenderingInfo();
        c.chart().draw(g, new Rectangle2D.Double(0, 0, p.getWidth(), p.getHeight()), info);
        g.dispose();
        PlotRenderingInfo plot = info.getPlotInfo();
        int panels = Math.max(1, plot.getSubplotCount());
        assertEquals(c.spec().panels().size(), panels, c.spec().title());
        Rectangle2D above = null;
        for (int i = 0; i < panels; i++) {
            Rectangle2D area = plot.getSubplotCount() == 0 ? plot.getDataArea() : plot.getSubplotInfo(i).getDataArea();
            String where = c.spec().title() + " panel " + i + " " + area;
            assertTrue(area.getWidth() >= 200, where + ": too narrow to plot");
            assertTrue(area.getHeight() >= (panels == 1 ? 80 : 35), where + ": too low to plot");
            if (above != null) {
                assertTrue(area.getMinY() - above.getMaxY() >= LiveChart.STACK_GAP - 1, where + ": tick labels of stacked panels meet");
            }
            above = area;
        }
    }
}
