package org.mscsim.viz.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartCatalogTest {

    private static List<String> ids(List<ChartSpec> specs) {
        List<String> ids = new ArrayList<>();
        for (ChartSpec s : specs) {
            ids.add(s.id());
        }
        return ids;
    }

    @Test
    void aCoCultureGetsEveryChartButTheBloodOne() {
        List<ChartSpec> shown = ChartCatalog.availableFor(Recorder.columns(false));
        assertEquals(List.of("populations", "t_cell_phenotypes", "t_cell_proliferation", "macrophages",
                "soluble_factors", "msc_nk"), ids(shown));
        for (ChartSpec s : shown) {
            for (ChartSpec.Panel p : s.panels()) {
                for (ChartSpec.Line l : p.lines()) {
                    assertTrue(Recorder.columns(false).hasAll(l.measure().columns()), l.label());
                }
            }
        }
    }

    @Test
    void inVivoColumnsBringTheirChartWithThem() {
        List<String> names = new ArrayList<>(Recorder.columns(false).names());
        names.add("platelets");
        List<ChartSpec> shown = ChartCatalog.availableFor(new Columns(names));
        assertTrue(ids(shown).contains("blood"));
        ChartSpec blood = shown.get(ids(shown).indexOf("blood"));
        assertEquals(1, blood.panels().size(), "circulating MSCs are left out until msc_blood is reported");
        assertEquals("platelets (×10⁹/L)", blood.panels().get(0).lines().get(0).label());

        List<ChartSpec> inVivo = ChartCatalog.availableFor(Recorder.columns(true));
        ChartSpec both = inVivo.get(ids(inVivo).indexOf("blood"));
        assertEquals(2, both.panels().size(), "an in-vivo model reports platelets and circulating MSCs");
    }

    /**
     * In one chart no two lines look alike (colour and dash), lines of soluble factors never wear
     * a cell type's colour, and the licensed MSCs, drawn over all MSCs, are dashed so both show.
     */
    @Test
    void linesCanBeToldApart() throws Exception {
        java.util.Set<java.awt.Color> cellColours = new java.util.HashSet<>();
        for (java.lang.reflect.Field f : org.mscsim.output.Palette.class.getFields()) {
            if (f.getType() == java.awt.Color.class) {
                cellColours.add((java.awt.Color) f.get(null));
            }
        }
        for (ChartSpec c : ChartCatalog.all()) {
            java.util.Set<String> looks = new java.util.HashSet<>();
            for (ChartSpec.Panel p : c.panels()) {
                for (ChartSpec.Line l : p.lines()) {
                    assertTrue(looks.add(l.color() + " " + l.style()), c.title() + ": " + l.label() + " looks like another line");
                    if (c.id().equals("soluble_factors")) {
                        assertFalse(cellColours.contains(l.color()), l.label() + " wears a cell type's colour");
                    }
                }
            }
        }
        List<ChartSpec.Line> populations = ChartCatalog.all().get(0).panels().get(0).lines();
        for (String warm : List.of("NK", "macrophages")) {
            assertTrue(populations.stream().anyMatch(l -> l.label().equals(warm) && l.style() != org.mscsim.output.LineStyle.SOLID),
                    warm + " dashed beside the MSCs' solid orange");
        }
        List<ChartSpec.Line> mscs = ChartCatalog.all().get(5).panels().get(0).lines();
        assertEquals(List.of("MSC", "licensed MSC"), List.of(mscs.get(0).label(), mscs.get(1).label()), "licensed MSCs drawn after, on top");
        assertEquals(org.mscsim.output.LineStyle.DASHED, mscs.get(1).style());
    }

    @Test
    void chartIdsAreUniqueFileNames() {
        List<String> ids = ids(ChartCatalog.all());
        assertEquals(ids.size(), ids.stream().distinct().count());
        for (String id : ids) {
            assertTrue(id.matches("[a-z0-9_]+"), id);
        }
    }

    @Test
    void measuresComputeSumsRatiosAndPercentages() {
        Columns c = new Columns(List.of("time_h", "a", "b", "c"));
        double[] row = {1, 2, 6, 0};
        assertEquals(8, Measure.sum("a", "b").bind(c).applyAsDouble(row), 0);
        assertEquals(2 / 6.0, Measure.ratio("a", "b").bind(c).applyAsDouble(row), 1e-12);
        assertTrue(Double.isNaN(Measure.ratio("a", "c").bind(c).applyAsDouble(row)), "no M2 yet: no ratio");
        assertEquals(25, Measure.percent("a", "a", "b").bind(c).applyAsDouble(row), 1e-12);
        assertEquals(100, Measure.percent(List.of("a", "b"), List.of("a", "b")).bind(c).applyAsDouble(row), 1e-12);
        assertEquals(List.of("a", "b", "c"), Measure.percent("a", "b", "c").columns());
        assertFalse(c.has("d"));
    }
}
