package org.mscsim.sweep;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's {@code timeseries.csv} read back from disk. Sweep outputs are computed from the file,
 * not from the model in memory, so every executor (and a later re-summary) sees the same numbers.
 */
final class SeriesFile {

    private final List<String> header;
    private final double[][] columns;

    private SeriesFile(List<String> header, double[][] columns) {
        this.header = header;
        this.columns = columns;
    }

    /** Reads the file; any defect (truncation, stray text, ragged rows) is an IOException naming it. */
    static SeriesFile read(Path file) throws IOException {
        List<double[]> rows = new ArrayList<>();
        List<String> header;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = in.readLine();
            if (first == null) {
                throw new IOException(file + " is empty");
            }
            header = List.of(first.split(",", -1));
            int line = 1;
            for (String s = in.readLine(); s != null; s = in.readLine()) {
                line++;
                String[] cells = s.split(",", -1);
                if (cells.length != header.size()) {
                    throw new IOException(file + " line " + line + ": " + cells.length + " values, expected " + header.size());
                }
                double[] row = new double[cells.length];
                for (int k = 0; k < cells.length; k++) {
                    try {
                        row[k] = Csv.number(cells[k]);
                    } catch (NumberFormatException e) {
                        throw new IOException(file + " line " + line + ": \"" + cells[k] + "\" is not a number");
                    }
                }
                rows.add(row);
            }
        } catch (java.nio.charset.MalformedInputException e) {
            throw new IOException(file + " is not UTF-8 text");
        }
        if (rows.isEmpty() || !header.get(0).equals("time_h")) {
            throw new IOException(file + " has no rows or does not start with time_h");
        }
        double[][] columns = new double[header.size()][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int k = 0; k < header.size(); k++) {
                columns[k][i] = rows.get(i)[k];
            }
        }
        return new SeriesFile(header, columns);
    }

    double[] column(String name) throws IOException {
        int k = header.indexOf(name);
        if (k < 0) {
            throw new IOException("timeseries.csv has no column " + name);
        }
        return columns[k];
    }

    double lastTime() {
        double[] t = columns[0];
        return t[t.length - 1];
    }
}
