package org.mscsim.viz.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.mscsim.model.MscModel;
import org.mscsim.model.Observables;

/**
 * The GUI's subscription to the model's numbers: at each output interval, on the model thread,
 * it samples the observables into a new row and queues it; the event thread drains the queue
 * a few times a second into the charts. The model never waits for Swing.
 */
public final class Recorder implements MscModel.Observer {

    private final ConcurrentLinkedQueue<double[]> pending = new ConcurrentLinkedQueue<>();
    private final List<double[]> rows = new ArrayList<>();
    private double lastTime = -1;

    /** The observable columns a model of this kind reports (in-vivo scenarios have more). */
    public static Columns columns(boolean inVivo) {
        return new Columns(names(inVivo));
    }

    /** The names of those columns, in row order. */
    public static List<String> names(boolean inVivo) {
        List<String> names = new ArrayList<>();
        for (Observables.Column c : Observables.columns(inVivo)) {
            names.add(c.name());
        }
        return names;
    }

    @Override
    public void observe(MscModel model) {
        double t = model.timeH();
        if (t == lastTime) {
            return;
        }
        lastTime = t;
        double[] row = new double[Observables.columns(model).size()];
        Observables.sample(model, row);
        pending.add(row);
    }

    /** Moves the queued rows into the record and returns them. Event thread. */
    public List<double[]> drain() {
        List<double[]> fresh = new ArrayList<>();
        for (double[] r = pending.poll(); r != null; r = pending.poll()) {
            fresh.add(r);
        }
        rows.addAll(fresh);
        return fresh;
    }

    /** Every row of this run so far. Event thread. */
    public List<double[]> rows() {
        return List.copyOf(rows);
    }

    /** The latest time recorded (h), or -1 before the first sample. Event thread. */
    public double latestTime() {
        // time_h is the first observable, as in every timeseries.csv.
        return rows.isEmpty() ? -1 : rows.get(rows.size() - 1)[0];
    }

    /** Forgets everything: a new run starts. Call while the model is not stepping. */
    public void reset() {
        pending.clear();
        rows.clear();
        lastTime = -1;
    }
}
