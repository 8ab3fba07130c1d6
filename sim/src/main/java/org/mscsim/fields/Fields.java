package org.mscsim.fields;

import java.util.function.IntConsumer;

/**
 * All soluble fields of a model, stepped together: each worker thread solves whole fields
 * (field k on thread k mod threads), so one synchronisation per step and every field's
 * arithmetic is independent of the thread count.
 */
public final class Fields {

    private final Field[] fields;
    private final Workers workers;
    private final IntConsumer task;

    public Fields(Field[] fields, Workers workers) {
        this.fields = fields.clone();
        this.workers = workers;
        final int parts = workers.size();
        this.task = p -> {
            for (int k = p; k < this.fields.length; k += parts) {
                Field f = this.fields[k];
                f.solver.step(f.c);
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
        workers.run(task);
    }
}
