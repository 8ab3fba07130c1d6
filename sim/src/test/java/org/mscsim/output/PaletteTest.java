package org.mscsim.output;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mscsim.fields.FieldId;

class PaletteTest {

    /** Every cell-type and phenotype colour (the public Color constants). */
    private static List<Color> cellColours() throws IllegalAccessException {
        List<Color> out = new ArrayList<>();
        for (Field f : Palette.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == Color.class) {
                out.add((Color) f.get(null));
            }
        }
        return out;
    }

    private static double distance(Color a, Color b) {
        int dr = a.getRed() - b.getRed();
        int dg = a.getGreen() - b.getGreen();
        int db = a.getBlue() - b.getBlue();
        return Math.sqrt(dr * dr + dg * dg + db * db);
    }

    @Test
    void solubleFactorsHaveColoursOfTheirOwn() throws Exception {
        List<Color> cells = cellColours();
        assertTrue(cells.size() >= 15, "the cell colours were found: " + cells.size());
        List<Color> factors = new ArrayList<>();
        for (FieldId id : FieldId.ALL) {
            Color c = Palette.factor(id);
            for (Color cell : cells) {
                assertTrue(distance(c, cell) > 30, id + " " + c + " looks like a cell type's " + cell);
            }
            for (Color other : factors) {
                assertTrue(distance(c, other) > 50, id + " is hard to tell from another factor");
            }
            factors.add(c);
        }
        assertFalse(factors.contains(null));
    }
}
