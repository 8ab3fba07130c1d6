package org.mscsim.fields;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * All soluble fields of a model, stepped together on the worker threads in one round of
 * synchronisation per step. With {@code F} fields and {@code T} threads, {@code T * floor(F / T)}
 * fields are solved whole, field k on thread k mod T. Each remaining field (fewer than {@code T})
 * is shared by two threads without an extra pass over it: the lead thread starts the step with
 * its forward pass while the helper solves the x systems of its bottom rows; the helper ends
 * its step with the field's backward pass. Five fields on two threads thus cost each thread
 * about two and a half fields. Every voxel's arithmetic is the same whichever way the work is
 * split, so the answer does not depend on the thread count.
 */
public final class Fields {

    /**
     * Share of a shared field's rows whose x solves the helper takes. The forward pass (x solves
     * and y elimination) costs about 0.7 of a field step and the x solves about half, the backward
     * pass about 0.3 (measured at 1000 × 1000), so moving 3/8 of the x solves to the helper gives
     * both threads about half.
     */
    public static final double HELPER_ROWS = 0.375;

    private final Field[] fields;
    private final Workers workers;
    private final IntConsumer task;
    /** Fields solved whole; the rest are shared. */
    private final int whole;
    private final Shared[] shared;
    /** The step being taken, from 1; published to the workers by {@link Workers#run}. */
    private long stepNo;

    /** A field two threads share, with the flags that order their work within a step. */
    private final class Shared {
        final Field field;
        final int lead;
        final int helper;
        final int solvedFrom;
        final AtomicLong rowsSolved = new AtomicLong();
        final AtomicLong forwardDone = new AtomicLong();
        final Runnable awaitRows = () -> await(rowsSolved);

        Shared(Field field, int lead, int helper) {
            this.field = field;
            this.lead = lead;
            this.helper = helper;
            this.solvedFrom = (int) (field.ny * (1.0 - HELPER_ROWS)) / DiffusionSolver.BLOCK * DiffusionSolver.BLOCK;
        }

        void await(AtomicLong flag) {
            final long want = stepNo;
            int spins = 0;
            long v;
            while ((v = flag.get()) != want) {
                if (v == -want) {
                    throw new Workers.PartnerFailed("the thread sharing field " + field.id.key + " failed");
                }
                if (++spins < 20_000) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.parkNanos(20_000); // the other thread may be descheduled: give it the core
                }
            }
        }
    }

    public Fields(Field[] fields, Workers workers) {
        this.fields = fields.clone();
        this.workers = workers;
        final int parts = workers.size();
        final int count = this.fields.length;
        this.whole = parts == 1 ? count : count / parts * parts;
        this.shared = new Shared[count - whole];
        for (int k = 0; k < shared.length; k++) {
            shared[k] = new Shared(this.fields[whole + k], 2 * k % parts, (2 * k + 1) % parts);
        }
        this.task = this::work;
    }

    /**
     * Thread {@code p}'s share of a step. Waits only ever go from a later stage to an earlier one
     * (forward waits for helper rows, backward for forward), and every thread does its stages in
     * that order, so no two threads can wait on each other.
     */
    private void work(int p) {
        final long step = stepNo;
        try {
            for (Shared s : shared) {
                if (s.helper == p) {
                    s.field.solver.solveRows(s.field.c, s.solvedFrom, s.field.ny);
                    s.rowsSolved.set(step);
                }
            }
            for (Shared s : shared) {
                if (s.lead == p) {
                    s.field.solver.forward(s.field.c, s.solvedFrom, s.awaitRows);
                    s.forwardDone.set(step);
                }
            }
            for (int k = p; k < whole; k += workers.size()) {
                Field f = fields[k];
                f.solver.step(f.c);
            }
            for (Shared s : shared) {
                if (s.helper == p) {
                    s.await(s.forwardDone);
                    s.field.solver.backward(s.field.c);
                }
            }
        } catch (RuntimeException | Error e) {
            // Whatever this thread has not yet signalled for this step, it never will: a thread
            // waiting for it stops too (flags hold the step, or minus the step once it failed).
            for (Shared s : shared) {
                // Only this thread writes these flags, so the check and the set cannot race.
                if (s.helper == p && s.rowsSolved.get() != step) {
                    s.rowsSolved.set(-step);
                }
                if (s.lead == p && s.forwardDone.get() != step) {
                    s.forwardDone.set(-step);
                }
            }
            throw e;
        }
    }

    public Field get(FieldId id) {
        return fields[id.ordinal()];
    }

    public int count() {
        return fields.length;
    }

    /** Diffusion, decay and supply of every field over one time step. */
    public void step() {
        stepNo++;
        workers.run(task);
    }
}
