package org.mscsim.viz.tissue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mscsim.cells.Cell;
import org.mscsim.cells.CellType;
import org.mscsim.cells.Msc;
import org.mscsim.model.MscModel;
import org.mscsim.viz.Scenarios;
import sim.portrayal.DrawInfo2D;
import sim.portrayal.LocationWrapper;
import sim.util.Bag;

/** Runs headless: MASON portrayals draw into images without a window. */
class CellLayerTest {

    private static final int PX = 10;

    private static Set<Integer> coloursDrawnBy(CellLayer layer, MscModel m) {
        int w = m.tissue.width * PX;
        BufferedImage img = new BufferedImage(w, w, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, w);
        Rectangle2D.Double all = new Rectangle2D.Double(0, 0, w, w);
        layer.draw(null, g, new DrawInfo2D(null, layer, all, all));
        g.dispose();
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < w; y++) {
            for (int x = 0; x < w; x++) {
                colours.add(img.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return colours;
    }

    @Test
    void eachLayerDrawsOnlyItsCellTypesFromTheLiveTissue() throws Exception {
        MscModel m = Scenarios.started(0);
        CellLayer[] layers = CellLayer.all(() -> m);
        Set<Integer> msc = coloursDrawnBy(layers[0], m);
        Set<Integer> lymphocytes = coloursDrawnBy(layers[3], m);
        int orange = CellStyle.MSC_RESTING.color.getRGB() & 0xFFFFFF;
        int naiveT = CellStyle.T_NAIVE.color.getRGB() & 0xFFFFFF;
        assertTrue(msc.contains(orange));
        assertFalse(msc.contains(naiveT));
        assertTrue(lymphocytes.contains(naiveT));
        assertFalse(lymphocytes.contains(orange));
    }

    @Test
    void clickingAnMscHitsItAndItsInspectorReportsLicensing() throws Exception {
        MscModel m = Scenarios.started(12);
        Cell msc = null;
        for (Cell c : m.cells()) {
            if (c instanceof Msc) {
                msc = c;
                break;
            }
        }
        assertNotNull(msc);
        CellLayer layer = CellLayer.all(() -> m)[0];
        double side = m.tissue.width * PX;
        Rectangle2D.Double all = new Rectangle2D.Double(0, 0, side, side);
        Rectangle2D.Double click = new Rectangle2D.Double(msc.x(m.tissue.width) * PX + PX / 2.0,
                msc.y(m.tissue.width) * PX + PX / 2.0, 1, 1);
        Bag hits = new Bag();
        layer.hitObjects(new DrawInfo2D(null, layer, all, click), hits);
        assertEquals(1, hits.numObjs);
        LocationWrapper w = (LocationWrapper) hits.objs[0];
        assertEquals(msc, w.getObject());

        CellReport report = new CellReport(msc, () -> m);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < report.numProperties(); i++) {
            names.add(report.getName(i));
            assertFalse(report.isReadWrite(i));
        }
        assertTrue(names.contains("licensing (0–1)"), names.toString());
        assertTrue(names.contains("PGE2 here (ng/mL)"), names.toString());
        assertEquals("mesenchymal stromal cell", report.getValue(0));
    }

    @Test
    void tCellReportShowsGenerationAndInhibition() throws Exception {
        MscModel m = Scenarios.started(3);
        for (Cell c : m.cells()) {
            if (c.type() == CellType.T_CELL) {
                CellReport r = new CellReport(c, () -> m);
                Set<String> names = new HashSet<>();
                for (int i = 0; i < r.numProperties(); i++) {
                    names.add(r.getName(i));
                }
                assertTrue(names.contains("divisions (CFSE generation)"));
                assertTrue(names.contains("inhibition H (0–1)"));
                return;
            }
        }
    }
}
