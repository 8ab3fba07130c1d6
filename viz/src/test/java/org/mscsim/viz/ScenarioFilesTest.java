package org.mscsim.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mscsim.cli.Main;
import org.mscsim.model.Observables;
import org.mscsim.scenario.Scenario;
import org.mscsim.scenario.ScenarioException;
import org.mscsim.scenario.ScenarioLoader;
import org.mscsim.scenario.ScenarioWriter;

/** Runs headless: the GUI's scenario files without opening its windows. */
class ScenarioFilesTest {

    @TempDir
    Path tmp;

    @Test
    void savedParametersLoadBackWithTheEditsAndTheSeed() throws Exception {
        MscModelWithUI gui = new MscModelWithUI(Scenarios.small("seed=42"), null);
        gui.steering().edit("t_cell.activation_per_h", "0.2");
        gui.steering().edit("blockade.ido", "1");
        Scenario saved = gui.setupWithSeed();
        String header = new ScenarioFiles(gui).header(saved);
        Path file = tmp.resolve("edited.yaml");
        Files.writeString(file, ScenarioWriter.toYaml(saved, header));
        Scenario back = ScenarioLoader.load(file, List.of());
        assertEquals(0.2, back.real("t_cell.activation_per_h"));
        assertEquals(1.0, back.real("blockade.ido"));
        assertEquals(42L, back.seed());
        assertEquals(40, back.integer("grid.width"));
        assertTrue(Files.readString(file).startsWith("# Saved by the MSCSim GUI"), "the file says where it came from");
    }

    @Test
    void openErrorsAreTheCommandLinesWords() throws Exception {
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, "populations:\n  msc: ten\n  t_cd9: 4\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(bad, List.of()));
        PrintStream err = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            assertEquals(Main.BAD_INPUT, Main.execute("validate", bad.toString()));
        } finally {
            System.setErr(err);
        }
        assertEquals(bytes.toString(StandardCharsets.UTF_8).strip(), Steering.cliText(e));
        assertTrue(Steering.cliText(e).contains("line 2"), Steering.cliText(e));
    }

    @Test
    void timeSeriesExportHasTheRunDirectorysColumns() {
        String csv = ScenarioFiles.timeSeriesCsv(List.of(new double[Observables.COLUMNS.size()]),
                org.mscsim.viz.charts.Recorder.names(false));
        String[] lines = csv.split("\n");
        assertEquals(2, lines.length);
        assertTrue(lines[0].startsWith("time_h,msc,t_cd4,"), lines[0]);
        assertEquals(Observables.COLUMNS.size(), lines[1].split(",").length);
    }
}
