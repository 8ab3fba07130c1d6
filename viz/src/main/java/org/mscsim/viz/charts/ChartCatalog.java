package org.mscsim.viz.charts;

import static org.mscsim.viz.charts.Measure.column;
import static org.mscsim.viz.charts.Measure.percent;
import static org.mscsim.viz.charts.Measure.ratio;
import static org.mscsim.viz.charts.Measure.sum;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.mscsim.fields.FieldId;
import org.mscsim.output.LineStyle;
import org.mscsim.output.Palette;
import org.mscsim.viz.charts.ChartSpec.Line;
import org.mscsim.viz.charts.ChartSpec.Panel;

/**
 * The live charts the GUI can show, declared by observable column name. A chart appears when the
 * model reports at least one of its lines, so the in-vivo columns ({@code platelets},
 * {@code msc_blood}) bring their chart with them when a scenario reports them.
 */
public final class ChartCatalog {

    private static final Color DARK = new Color(0x33, 0x33, 0x33);

    private ChartCatalog() {
    }

    /** Every chart, in display order. */
    public static List<ChartSpec> all() {
        return List.of(
                new ChartSpec("populations", "Cells by type", List.of(
                        new Panel("cells", List.of(
                                new Line("MSC", Palette.MSC, column("msc")),
                                new Line("CD4+ T", Palette.T_CD4, column("t_cd4")),
                                new Line("CD8+ T", Palette.T_CD8, column("t_cd8")),
                                new Line("B (naive + activated)", Palette.B, sum("b_naive", "b_activated")),
                                new Line("plasma cells", Palette.PLASMA, column("plasma")),
                                new Line("NK", Palette.NK_ACTIVATED, LineStyle.DASHED, column("nk")),
                                new Line("macrophages", Palette.M0, LineStyle.DASH_DOT, sum("mac_m0", "mac_m1", "mac_m2")))))),
                new ChartSpec("t_cell_phenotypes", "T cells by phenotype", List.of(
                        new Panel("cells", List.of(
                                new Line("naive", Palette.T_NAIVE, column("t_naive")),
                                new Line("activated (cycling)", Palette.T_ACTIVATED, column("t_activated")),
                                new Line("arrested (inhibited)", Palette.T_SUPPRESSED, column("t_suppressed")),
                                new Line("CD8+CD28− suppressor", Palette.CD28NEG, column("t_cd8_cd28neg")),
                                new Line("Treg", Palette.TREG, column("treg")))))),
                // "Arrested", not "suppressed": the share of T cells held in cell-cycle arrest now, not
                // the assay's % suppression (fewer divisions than without MSCs).
                new ChartSpec("t_cell_proliferation", "T-cell divisions and arrest", List.of(
                        new Panel("divisions", List.of(
                                new Line("T-cell divisions (cumulative)", Palette.T_CD4, column("t_divisions")))),
                        new Panel("%", List.of(
                                new Line("% of T cells arrested now", Palette.T_SUPPRESSED,
                                        percent("t_suppressed", "t_cd4", "t_cd8")),
                                new Line("% suppressor (CD8+CD28− + Treg)", Palette.CD28NEG,
                                        percent(List.of("t_cd8_cd28neg", "treg"), List.of("t_cd4", "t_cd8"))))))),
                new ChartSpec("macrophages", "Macrophage polarisation", List.of(
                        new Panel("cells", List.of(
                                new Line("M0", Palette.M0, column("mac_m0")),
                                new Line("M1", Palette.M1, column("mac_m1")),
                                new Line("M2", Palette.M2, column("mac_m2")))),
                        new Panel("M1 : M2", List.of(
                                new Line("M1 : M2 ratio", DARK, ratio("mac_m1", "mac_m2")))))),
                new ChartSpec("soluble_factors", "Soluble factors (patch means)", List.of(
                        new Panel("ng/mL", 0.01, List.of(
                                field(FieldId.PGE2),
                                field(FieldId.TGF_BETA),
                                field(FieldId.IFN_GAMMA),
                                field(FieldId.IL10),
                                field(FieldId.TNF_ALPHA),
                                field(FieldId.IL6))),
                        new Panel("µM", 0.01, List.of(
                                field(FieldId.TRYPTOPHAN),
                                field(FieldId.KYNURENINE))))),
                new ChartSpec("msc_nk", "MSCs and NK cells", List.of(
                        new Panel("cells", List.of(
                                new Line("MSC", Palette.MSC, column("msc")),
                                new Line("licensed MSC", Palette.MSC_LICENSED, LineStyle.DASHED, column("msc_licensed")),
                                new Line("activated NK", Palette.NK_ACTIVATED, LineStyle.DASH_DOT, column("nk_activated")),
                                new Line("lysed by NK (cumulative)", DARK, column("nk_kills")))))),
                new ChartSpec("blood", "Blood (in vivo)", List.of(
                        new Panel("×10⁹/L", List.of(
                                new Line("platelets (×10⁹/L)", Palette.M1, column("platelets")))),
                        new Panel("cells", List.of(
                                new Line("circulating MSCs", Palette.MSC, column("msc_blood")))))));
    }

    /** The charts a model with these columns can feed, each with only its feedable lines. */
    public static List<ChartSpec> availableFor(Columns columns) {
        List<ChartSpec> out = new ArrayList<>();
        for (ChartSpec c : all()) {
            ChartSpec kept = c.restrictTo(columns);
            if (kept != null) {
                out.add(kept);
            }
        }
        return out;
    }

    private static Line field(FieldId id) {
        return new Line(id.label, Palette.factor(id), column(id.meanColumn));
    }
}
