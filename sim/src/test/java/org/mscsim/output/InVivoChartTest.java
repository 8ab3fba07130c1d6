package org.mscsim.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.mscsim.scenario.ScenarioLoader;

class InVivoChartTest {

    @Test
    void antibodyAndTheTCellDipHaveTheirOwnPanelsAndUnits() throws Exception {
        TimeSeries ts = new TimeSeries();
        RunWriter.simulate(ScenarioLoader.load(Path.of("../scenarios/itp-patient.yaml"), List.of("grid.width=30", "grid.height=30",
                "populations.t_cd4=60", "populations.t_cd8=30", "populations.b=20", "populations.nk=10", "populations.macrophage=20",
                "invivo.burn_in_h=10", "time.hours=6", "output.charts=false")), 1, ts, null);
        JFreeChart chart = Charts.inVivo(ts, "t");
        List<String> panels = new ArrayList<>();
        for (Object o : ((CombinedDomainXYPlot) chart.getXYPlot()).getSubplots()) {
            XYPlot p = (XYPlot) o;
            XYDataset d = p.getDataset();
            StringBuilder keys = new StringBuilder();
            for (int s = 0; s < d.getSeriesCount(); s++) {
                keys.append(d.getSeriesKey(s)).append(" | ");
            }
            panels.add(p.getRangeAxis().getLabel() + " : " + keys);
        }
        String antibody = panels.stream().filter(p -> p.contains("IgG")).findFirst().orElseThrow();
        String tCells = panels.stream().filter(p -> p.contains("T cells")).findFirst().orElseThrow();
        assertNotSame(antibody, tCells, "one panel each: " + panels);
        assertEquals("IgG (µg/mL) : anti-platelet IgG in plasma | ", antibody);
        assertEquals("× baseline : circulating T cells relative to baseline | ", tCells);
    }
}
