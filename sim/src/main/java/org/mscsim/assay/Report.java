package org.mscsim.assay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.mscsim.output.AtomicFiles;
import org.mscsim.output.Charts;

/** What an assay produces: tables (CSV), charts (PNG) and the text it prints. */
public final class Report {

    public record Chart(String name, JFreeChart chart) {
    }

    private final String title;
    private final List<Table> tables = new ArrayList<>();
    private final List<Chart> charts = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();

    public Report(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    public Report table(Table t) {
        tables.add(t);
        return this;
    }

    public Report chart(String name, JFreeChart c) {
        charts.add(new Chart(name, c));
        return this;
    }

    public Report say(String line) {
        text.append(line).append('\n');
        return this;
    }

    public List<Table> tables() {
        return tables;
    }

    public List<Chart> charts() {
        return charts;
    }

    public String text() {
        return text.toString();
    }

    /** Writes every table and chart into {@code dir} (atomically, file by file). */
    public List<Path> write(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        for (Table t : tables) {
            Path p = dir.resolve(t.name() + ".csv");
            AtomicFiles.write(p, t.csv());
            written.add(p);
        }
        for (Chart c : charts) {
            Path p = dir.resolve(c.name() + ".png");
            Charts.write(p, c.chart(), 1000, 620);
            written.add(p);
        }
        Path txt = dir.resolve("report.txt");
        AtomicFiles.write(txt, title + "\n\n" + text);
        written.add(txt);
        return written;
    }
}
