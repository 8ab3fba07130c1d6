package org.mscsim.viz.tissue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mscsim.cells.BCell;
import org.mscsim.cells.CellType;
import org.mscsim.cells.Macrophage;
import org.mscsim.cells.Msc;
import org.mscsim.cells.NkCell;
import org.mscsim.cells.TCell;
import org.mscsim.cells.TargetCell;
import org.mscsim.output.Palette;

class CellStyleTest {

    @Test
    void shapeTellsTheCellTypeAndColourThePhenotype() {
        Map<CellType, CellStyle.Glyph> glyphOfType = new HashMap<>();
        for (CellStyle s : CellStyle.values()) {
            CellStyle.Glyph before = glyphOfType.putIfAbsent(s.type, s.glyph);
            assertTrue(before == null || before == s.glyph, s + " has another shape than its type");
        }
        assertEquals(CellType.values().length, glyphOfType.size(), "every cell type has a style");
        assertEquals(CellType.values().length, new HashSet<>(glyphOfType.values()).size(), "each type its own shape");
        for (CellType t : CellType.values()) {
            Set<Color> colours = new HashSet<>();
            for (CellStyle s : Legend.entries(t)) {
                assertTrue(colours.add(s.color), s + " shares its colour with another " + t + " phenotype");
            }
        }
    }

    @Test
    void phenotypesTheIssueNamesHaveTheirOwnColours() {
        assertFalse(CellStyle.T_CD4_ACTIVATED.color.equals(CellStyle.T_SUPPRESSED.color));
        assertFalse(CellStyle.T_CD28NEG.color.equals(CellStyle.T_CD8_ACTIVATED.color));
        assertFalse(CellStyle.MAC_M1.color.equals(CellStyle.MAC_M2.color));
        assertFalse(CellStyle.MSC_LICENSED.color.equals(CellStyle.MSC_RESTING.color));
        assertFalse(CellStyle.B_PLASMA.color.equals(CellStyle.B_ACTIVATED.color));
        assertEquals(Palette.M2, CellStyle.MAC_M2.color, "the display and the headless charts share colours");
    }

    @Test
    void newCellsAreStyledByTheirStartingState() {
        assertEquals(CellStyle.MSC_RESTING, CellStyle.of(new Msc()));
        assertEquals(CellStyle.T_NAIVE, CellStyle.of(new TCell(true)));
        assertEquals(CellStyle.B_NAIVE, CellStyle.of(new BCell()));
        assertEquals(CellStyle.NK_RESTING, CellStyle.of(new NkCell()));
        assertEquals(CellStyle.MAC_M0, CellStyle.of(new Macrophage()));
        assertEquals(CellStyle.TARGET_OPSONISED, CellStyle.of(new TargetCell(true)));
    }

    @Test
    void bigCellsAreDrawnBigger() {
        assertTrue(CellStyle.MSC_RESTING.scale > CellStyle.MAC_M0.scale);
        assertTrue(CellStyle.MAC_M0.scale > CellStyle.T_NAIVE.scale);
    }

    @Test
    void legendListsEveryStyleOnceInItsTypesColumn() {
        Set<CellType> types = EnumSet.noneOf(CellType.class);
        Set<CellStyle> listed = EnumSet.noneOf(CellStyle.class);
        for (var column : Legend.COLUMNS) {
            for (CellType t : column) {
                assertTrue(types.add(t), t + " appears twice");
                assertTrue(Legend.TITLES.containsKey(t));
                listed.addAll(Legend.entries(t));
            }
        }
        assertEquals(EnumSet.allOf(CellType.class), types);
        assertEquals(EnumSet.allOf(CellStyle.class), listed);
    }
}
