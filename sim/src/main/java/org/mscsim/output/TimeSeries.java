package org.mscsim.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mscsim.model.MscModel;
import org.mscsim.model.Observables;

/**
 * Records {@link Observables} at each output interval: in memory (for charts and the summary)
 * and, when given a file, streamed to a hidden temporary CSV that {@link #publish} renames to
 * {@code timeseries.csv} once the run is complete.
 */
public final class TimeSeries implements MscModel.Observer {

    private final List<double[]> rows = new ArrayList<>();
    private final Path target;
    private final Path tmp;
    private BufferedWriter out;
    private double lastTime = -1;
    private List<Observables.Column> columns;

    /** In memory only. */
    public TimeSeries() {
        this.target = null;
        this.tmp = null;
    }

    /** In memory and streamed towards {@code target}. */
    public TimeSeries(Path target) throws IOException {
        this.target = target;
        this.tmp = AtomicFiles.temporary(target);
        this.out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
    }

    @Override
    public void observe(MscModel model) {
        if (model.timeH() == lastTime) {
            return; // the final sample of a run that ends on an output interval
        }
        lastTime = model.timeH();
        if (columns == null) {
            columns = Observables.columns(model);
            if (out != null) {
                write(String.join(",", columns.stream().map(Observables.Column::name).toList()) + "\n");
            }
        }
        double[] row = new double[columns.size()];
        Observables.sample(model, row);
        rows.add(row);
        if (out != null) {
            writeRow(row);
        }
    }

    private void writeRow(double[] row) {
        StringBuilder b = new StringBuilder(row.length * 8);
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(Num.format(row[i]));
        }
        write(b.append('\n').toString());
    }

    private void write(String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            // Called from the model's observer, which cannot throw IOException (e.g. a full disk mid-run).
            throw new UncheckedIOException(AtomicFiles.naming(target, e));
        }
    }

    /**
     * Continues a series from a checkpoint: the rows recorded so far, and the temporary CSV
     * rewritten to hold exactly them, so the finished file is byte-identical to an
     * uninterrupted run's.
     */
    public void restore(List<Observables.Column> cols, List<double[]> saved, double savedLastTime) throws IOException {
        rows.clear();
        rows.addAll(saved);
        columns = cols;
        lastTime = savedLastTime;
        if (out != null) {
            write(String.join(",", columns.stream().map(Observables.Column::name).toList()) + "\n");
            for (double[] row : saved) {
                writeRow(row);
            }
        }
    }

    /** Time of the last recorded row (h), or -1 before the first. */
    public double lastTime() {
        return lastTime;
    }

    /** The columns recorded (known after the first sample). */
    public List<Observables.Column> columns() {
        return columns == null ? Observables.COLUMNS : columns;
    }

    /** Position of a column in each row. */
    public int index(String name) {
        List<Observables.Column> cs = columns();
        for (int i = 0; i < cs.size(); i++) {
            if (cs.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no column " + name);
    }

    /** Whether this series has a column. */
    public boolean has(String name) {
        return columns().stream().anyMatch(c -> c.name().equals(name));
    }

    public List<double[]> rows() {
        return rows;
    }

    public double[] last() {
        return rows.get(rows.size() - 1);
    }

    /** The values of one column over time. */
    public double[] column(String name) {
        int k = index(name);
        double[] v = new double[rows.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = rows.get(i)[k];
        }
        return v;
    }

    /** Flushes, forces to disk and renames the CSV to its final name. */
    public void publish() throws IOException {
        try {
            out.flush();
            out.close();
            out = null;
            try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            AtomicFiles.publish(tmp, target);
        } catch (IOException e) {
            throw AtomicFiles.naming(target, e);
        }
    }

    /** Abandons the temporary file (a failed run). */
    public void discard() {
        try {
            if (out != null) {
                out.close();
            }
        } catch (IOException ignored) {
            // closing flushes the buffer, which fails again on a full disk; the file goes anyway
        }
        out = null;
        try {
            if (tmp != null) {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException ignored) {
            // best effort: the run is failing for another reason already
        }
    }
}
