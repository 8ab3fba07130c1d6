package org.mscsim.viz.fields;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mscsim.fields.FieldId;
import org.mscsim.model.MscModel;
import org.mscsim.viz.Scenarios;
import sim.portrayal.DrawInfo2D;
import sim.util.Bag;

/** Runs headless. */
class FieldLayerTest {

    private static final int PX = 5;

    private static void paint(FieldLayer layer, MscModel m) {
        int w = m.tissue.width * PX;
        BufferedImage img = new BufferedImage(w, w, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        Rectangle2D.Double all = new Rectangle2D.Double(0, 0, w, w);
        layer.draw(null, g, new DrawInfo2D(null, layer, all, all));
        g.dispose();
    }

    @Test
    void paintReportsTheFieldsRangeInItsUnitToTheColourBar() throws Exception {
        MscModel m = Scenarios.started(24);
        FieldLayer layer = new FieldLayer(() -> m);
        List<FieldLayer.Reading> readings = new ArrayList<>();
        layer.onPaint(readings::add);
        layer.show(FieldId.PGE2);
        paint(layer, m);
        assertEquals(1, readings.size());
        FieldLayer.Reading r = readings.get(0);
        assertEquals(FieldId.PGE2, r.field());
        double max = 0;
        double min = Double.MAX_VALUE;
        for (double[] row : m.pge2.c) {
            for (double v : row) {
                max = Math.max(max, v);
                min = Math.min(min, v);
            }
        }
        assertEquals(max, r.max(), 0);
        assertEquals(min, r.min(), 0);
        assertTrue(r.scale().low() <= min && r.scale().high() >= max);
        assertTrue(ColourBar.caption(r).contains("ng/mL"), ColourBar.caption(r));

        paint(layer, m);
        assertEquals(1, readings.size(), "an unchanged picture is not reported again");
        layer.show(null);
        paint(layer, m);
        assertNull(readings.get(readings.size() - 1), "no field shown");
    }

    @Test
    void clicksReadTheFieldOnlyInEmptyVoxels() throws Exception {
        MscModel m = Scenarios.started(2);
        FieldLayer layer = new FieldLayer(() -> m);
        layer.show(FieldId.KYNURENINE);
        int w = m.tissue.width;
        Rectangle2D.Double all = new Rectangle2D.Double(0, 0, w * PX, w * PX);
        int occupied = -1;
        int empty = -1;
        for (int v = 0; v < m.tissue.voxels() && (occupied < 0 || empty < 0); v++) {
            if (m.tissue.occupant(v) == null) {
                empty = empty < 0 ? v : empty;
            } else {
                occupied = occupied < 0 ? v : occupied;
            }
        }
        assertEquals(0, hits(layer, all, occupied, w));
        assertEquals(1, hits(layer, all, empty, w));
    }

    private static int hits(FieldLayer layer, Rectangle2D.Double all, int voxel, int w) {
        Bag bag = new Bag();
        Rectangle2D.Double click = new Rectangle2D.Double((voxel % w) * PX + PX / 2.0, (voxel / w) * PX + PX / 2.0, 1, 1);
        layer.hitObjects(new DrawInfo2D(null, layer, all, click), bag);
        return bag.numObjs;
    }

    @Test
    void captionSaysWhenTheScaleMagnifiesSmallDifferences() {
        String c = ColourBar.caption(new FieldLayer.Reading(FieldId.PGE2, NiceScale.of(1.621, 1.625), 1.621, 1.625));
        assertTrue(c.endsWith("(nearly uniform)"), c);
        String flat = ColourBar.caption(new FieldLayer.Reading(FieldId.PGE2, NiceScale.of(1.5420077, 1.5420078), 1.5420077, 1.5420078));
        assertEquals("PGE2 in the patch now: 1.54 ng/mL everywhere (uniform)", flat);
        assertTrue(ColourBar.caption(null).startsWith("No heat map"));
        // A narrow window draws the compact form; it keeps the value, the unit and the note.
        FieldLayer.Reading uniform = new FieldLayer.Reading(FieldId.PGE2, NiceScale.of(1.5420077, 1.5420078), 1.5420077, 1.5420078);
        assertEquals("PGE2: 1.54 ng/mL, uniform", ColourBar.caption(uniform, true));
        FieldLayer.Reading near = new FieldLayer.Reading(FieldId.PGE2, NiceScale.of(1.621, 1.625), 1.621, 1.625);
        assertTrue(ColourBar.caption(near, true).endsWith(", nearly uniform"), ColourBar.caption(near, true));
    }
}
