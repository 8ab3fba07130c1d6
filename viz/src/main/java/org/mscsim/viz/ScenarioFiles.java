package org.mscsim.viz;

import java.awt.Component;
import java.awt.Font;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.swing.JFileChooser;
import javax.swing.JOptionPane;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.filechooser.FileNameExtensionFilter;
import org.mscsim.output.AtomicFiles;
import org.mscsim.output.Num;
import org.mscsim.scenario.Scenario;
import org.mscsim.scenario.ScenarioException;
import org.mscsim.scenario.ScenarioLoader;
import org.mscsim.scenario.ScenarioWriter;
import org.mscsim.viz.charts.ChartExport;
import org.mscsim.viz.charts.LiveChart;
import org.mscsim.viz.charts.Recorder;

/**
 * The File menu's work: open a scenario (its problems shown exactly as the command line prints
 * them), save the current parameters as a scenario file, export charts and data. Every file is
 * written atomically. Event thread.
 */
final class ScenarioFiles {

    private final MscModelWithUI gui;

    ScenarioFiles(MscModelWithUI gui) {
        this.gui = gui;
    }

    void open(Component parent) {
        JFileChooser chooser = chooser("Open scenario");
        chooser.setFileFilter(new FileNameExtensionFilter("Scenario files (*.yaml, *.yml)", "yaml", "yml"));
        if (chooser.showOpenDialog(parent) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        Path file = chooser.getSelectedFile().toPath();
        Scenario s;
        try {
            s = ScenarioLoader.load(file, List.of());
        } catch (ScenarioException e) {
            error(parent, "Cannot open " + file.getFileName(), Steering.cliText(e));
            return;
        }
        gui.replaceBy(s, file);
    }

    void save(Component parent) {
        Scenario s = gui.setupWithSeed();
        JFileChooser chooser = chooser("Save parameters as a scenario");
        chooser.setSelectedFile(new File(chooser.getCurrentDirectory(), s.name() + "-gui.yaml"));
        Path file = chosenForWriting(parent, chooser);
        if (file == null) {
            return;
        }
        try {
            AtomicFiles.write(file, ScenarioWriter.toYaml(s, header(s)));
        } catch (IOException e) {
            error(parent, "Cannot save", "error: " + file + ": " + e.getMessage());
        }
    }

    /** The comment at the top of a saved scenario: where it came from and what the run did. */
    String header(Scenario s) {
        StringBuilder b = new StringBuilder("Saved by the MSCSim GUI on ")
                .append(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")))
                .append(" from ").append(s.source()).append(".\n")
                .append("Parameters as set in the GUI (the scenario as loaded plus edits in the Model tab); seed ")
                .append(s.value("seed")).append(".\n")
                .append("Actions taken with the intervention buttons are not part of this file; the run's log when saved:");
        List<String> log = gui.steering().log();
        if (log.isEmpty()) {
            b.append(" (empty)");
        }
        for (String line : log) {
            b.append("\n  ").append(line);
        }
        return b.toString();
    }

    void exportCharts(Component parent) {
        JFileChooser chooser = chooser("Export charts into a folder");
        chooser.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
        if (chooser.showSaveDialog(parent) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        Path dir = chooser.getSelectedFile().toPath();
        try {
            ChartExport.all(gui.charts().charts(), gui.recorder().rows(), dir);
            JOptionPane.showMessageDialog(parent, "Wrote " + gui.charts().charts().size()
                    + " charts to " + dir + ", each as PNG and CSV.", "Charts exported", JOptionPane.INFORMATION_MESSAGE);
        } catch (IOException e) {
            error(parent, "Cannot export", "error: " + dir + ": " + e.getMessage());
        }
    }

    /** One chart as {@code NAME.png} and its numbers as {@code NAME.csv} beside it. */
    void exportChart(Component parent, LiveChart chart) {
        JFileChooser chooser = chooser("Export " + chart.spec().title());
        chooser.setSelectedFile(new File(chooser.getCurrentDirectory(), chart.spec().id() + ".png"));
        Path png = chosenForWriting(parent, chooser);
        if (png == null) {
            return;
        }
        String name = png.getFileName().toString();
        String base = name.toLowerCase(java.util.Locale.ROOT).endsWith(".png") ? name.substring(0, name.length() - 4) : name;
        Path pngFile = png.resolveSibling(base + ".png");
        Path csvFile = png.resolveSibling(base + ".csv");
        try {
            ChartExport.png(chart, pngFile);
            ChartExport.csv(chart, gui.recorder().rows(), csvFile);
        } catch (IOException e) {
            error(parent, "Cannot export", "error: " + pngFile + ": " + e.getMessage());
        }
    }

    void exportTimeSeries(Component parent) {
        JFileChooser chooser = chooser("Export the time series");
        chooser.setSelectedFile(new File(chooser.getCurrentDirectory(), "timeseries.csv"));
        Path file = chosenForWriting(parent, chooser);
        if (file == null) {
            return;
        }
        try {
            AtomicFiles.write(file, timeSeriesCsv(gui.recorder().rows(), Recorder.names(gui.scenarioNow().bool("invivo.enabled"))));
        } catch (IOException e) {
            error(parent, "Cannot export", "error: " + file + ": " + e.getMessage());
        }
    }

    /** Every observable of the run so far, in the same columns as a headless run's timeseries.csv. */
    static String timeSeriesCsv(List<double[]> rows, List<String> columns) {
        StringBuilder b = new StringBuilder(String.join(",", columns));
        b.append('\n');
        for (double[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                b.append(i == 0 ? "" : ",").append(Num.format(row[i]));
            }
            b.append('\n');
        }
        return b.toString();
    }

    void saveWindow(Component parent) {
        JFileChooser chooser = chooser("Save the window as a picture");
        chooser.setSelectedFile(new File(chooser.getCurrentDirectory(), "mscsim.png"));
        Path file = chosenForWriting(parent, chooser);
        if (file == null) {
            return;
        }
        try {
            WindowShot.write(WindowShot.capture(gui.window().frame()), file);
        } catch (IOException e) {
            error(parent, "Cannot save", "error: " + file + ": " + e.getMessage());
        }
    }

    private JFileChooser chooser(String title) {
        Path start = gui.scenarioFile() != null && gui.scenarioFile().toAbsolutePath().getParent() != null
                ? gui.scenarioFile().toAbsolutePath().getParent() : Path.of("").toAbsolutePath();
        JFileChooser c = new JFileChooser(start.toFile());
        c.setDialogTitle(title);
        return c;
    }

    /** The file the user chose to write, after confirming a replacement; null if cancelled. */
    private static Path chosenForWriting(Component parent, JFileChooser chooser) {
        if (chooser.showSaveDialog(parent) != JFileChooser.APPROVE_OPTION) {
            return null;
        }
        Path file = chooser.getSelectedFile().toPath();
        if (Files.exists(file) && JOptionPane.showConfirmDialog(parent, file + " exists. Replace it?", "Replace file",
                JOptionPane.OK_CANCEL_OPTION) != JOptionPane.OK_OPTION) {
            return null;
        }
        return file;
    }

    /** An error dialog with the message in the command line's words, in a scrollable monospaced box. */
    static void error(Component parent, String title, String text) {
        JTextArea area = new JTextArea(text);
        area.setEditable(false);
        area.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 12));
        int rows = 1;
        for (String line : text.split("\n")) {
            rows += 1 + line.length() / 80;   // wrapped at 80 columns
        }
        area.setRows(Math.min(16, rows));
        area.setColumns(80);
        area.setLineWrap(true);
        area.setWrapStyleWord(true);
        JOptionPane.showMessageDialog(parent, new JScrollPane(area), title, JOptionPane.ERROR_MESSAGE);
    }
}
