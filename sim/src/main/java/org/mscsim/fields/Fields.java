package org.mscsim.fields;

import java.util.function.IntConsumer;

/**
 * All soluble fields of a model, stepped together: every field's x pass split by rows across the
 * worker team, then every field's y pass split by columns. Two synchronisations per step.
 */
public final class Fields {

    private final Field[] fields;
    private final Workers workers;
    private final IntConsumer rowsTask;
    private final IntConsumer columnsTask;

    public Fields(Field[] fields, Workers workers) {
        this.fields = fields.clone();
        this.workers = workers;
        final int parts = workers.size();
        final int ny = fields[0].ny;
        final int nx = fields[0].nx;
        this.rowsTask = p -> {
            int from = Workers.from(ny, parts, p);
            int to = Workers.from(ny, parts, p + 1);
            for (Field f : this.fields) {
                f.solver.solveRows(f.c, from, to);
            }
        };
        this.columnsTask = p -> {
            int from = Workers.from(nx, parts, p);
            int to = Workers.from(nx, parts, p + 1);
            for (Field f : this.fields) {
                f.solver.solveColumns(f.c, from, to);
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
        workers.run(rowsTask);
        workers.run(columnsTask);
    }
}
