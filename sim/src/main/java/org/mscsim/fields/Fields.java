package org.mscsim.fields;

import java.util.function.IntConsumer;

/**
 * All soluble fields of a model, stepped together on the worker threads. With {@code F} fields
 * and {@code T} threads, {@code T * floor(F / T)} fields are solved whole, field k on thread
 * k mod T (one pass of synchronisation per step); the remaining fields, fewer than {@code T},
 * are shared by all threads in two phases (their rows, then their columns; see
 * {@link DiffusionSolver#stepRows}), so no thread idles while another finishes an extra field.
 * Every voxel's arithmetic is the same whichever way it is split, so the answer does not depend
 * on the thread count.
 */
public final class Fields {

    private final Field[] fields;
    private final Workers workers;
    private final IntConsumer rowsPhase;
    private final IntConsumer columnsPhase;
    /** Fields solved whole; the rest are shared. */
    private final int whole;

    public Fields(Field[] fields, Workers workers) {
        this.fields = fields.clone();
        this.workers = workers;
        final int parts = workers.size();
        final int count = this.fields.length;
        this.whole = parts == 1 ? count : count / parts * parts;
        this.rowsPhase = p -> {
            for (int k = p; k < whole; k += parts) {
                Field f = this.fields[k];
                f.solver.step(f.c);
            }
            for (int k = whole; k < count; k++) {
                Field f = this.fields[k];
                f.solver.stepRows(f.c, Workers.from(f.ny, parts, p), Workers.from(f.ny, parts, p + 1));
            }
        };
        this.columnsPhase = p -> {
            for (int k = whole; k < count; k++) {
                Field f = this.fields[k];
                f.solver.stepColumns(f.c, Workers.from(f.nx, parts, p), Workers.from(f.nx, parts, p + 1));
            }
        };
    }

    public Field get(FieldId id) {
        return fields[id.ordinal()];
    }

    public int count() {
        return fields.length;
    }

    /** Diffusion, decay and supply of every field over one time step. */
    public void step() {
        workers.run(rowsPhase);
        if (whole < fields.length) {
            workers.run(columnsPhase);
        }
    }
}
