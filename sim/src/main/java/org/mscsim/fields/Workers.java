package org.mscsim.fields;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * A fixed team of threads that runs one task split into {@code size()} parts and waits for all
 * of them. The fields and the cells call it several times per step, so it is built to allocate
 * nothing per call: workers spin briefly, then park, between phases. With one thread the task
 * runs inline.
 */
public final class Workers implements AutoCloseable {

    /**
     * How long an idle worker spins before it parks: longer than the gap between the phases of a
     * step on a mid-sized patch, since waking a parked thread can take a virtual machine 50 µs
     * or more, which on a 200 x 200 patch made two threads slower than one.
     */
    private static final long SPIN_NS = 2_000_000;

    private final int size;
    private final Thread[] threads;
    private volatile IntConsumer task;
    private volatile long epoch;
    private volatile boolean closed;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile Thread caller;
    private volatile Throwable failure;

    public Workers(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + size);
        }
        this.size = size;
        this.threads = new Thread[size - 1];
        for (int t = 1; t < size; t++) {
            final int part = t;
            Thread th = new Worker(() -> loop(part), "mscsim-worker-" + t, part);
            th.setDaemon(true);
            threads[t - 1] = th;
            th.start();
        }
    }

    public int size() {
        return size;
    }

    /** A worker thread, which knows its part. */
    private static final class Worker extends Thread {
        final int part;

        Worker(Runnable r, String name, int part) {
            super(r, name);
            this.part = part;
        }
    }

    /** The part the calling thread runs: its worker's, or 0 for any other thread (the caller runs part 0). */
    public static int part() {
        Thread t = Thread.currentThread();
        return t instanceof Worker ? ((Worker) t).part : 0;
    }

    /** Runs {@code task.accept(part)} for every part in {@code [0, size)}; returns when all are done. */
    public void run(IntConsumer task) {
        if (size == 1) {
            task.accept(0);
            return;
        }
        this.task = task;
        this.caller = Thread.currentThread();
        pending.set(size - 1);
        epoch++;
        for (Thread th : threads) {
            LockSupport.unpark(th);
        }
        Throwable own = null;
        try {
            task.accept(0);
        } catch (RuntimeException | Error e) {
            own = e; // still wait for the other parts: they may be using what the task shares
        }
        int spins = 0;
        while (pending.get() != 0) {
            if (++spins < 20_000) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(this, 50_000);
            }
        }
        Throwable f = failure;
        failure = null;
        if (own == null && f == null) {
            return;
        }
        // Report the cause, not a part that stopped because another one failed.
        boolean ownIsCause = own != null && (f == null || !(own instanceof PartnerFailed) || f instanceof PartnerFailed);
        if (ownIsCause) {
            if (f != null) {
                own.addSuppressed(f);
            }
            if (own instanceof Error e) {
                throw e;
            }
            throw (RuntimeException) own;
        }
        IllegalStateException report = new IllegalStateException("worker thread failed", f);
        if (own != null) {
            report.addSuppressed(own);
        }
        throw report;
    }

    /** Thrown by a part that stopped because another part of the same task failed; {@link #run} reports the other's failure. */
    public static final class PartnerFailed extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        public PartnerFailed(String message) {
            super(message);
        }
    }

    private void loop(int part) {
        long seen = 0;
        while (true) {
            int spins = 0;
            long since = System.nanoTime();
            boolean spinning = true;
            while (epoch == seen && !closed) {
                if (spinning) {
                    Thread.onSpinWait();
                    if ((++spins & 255) == 0 && System.nanoTime() - since > SPIN_NS) {
                        spinning = false;
                    }
                } else {
                    LockSupport.park(this);
                }
            }
            if (closed) {
                return;
            }
            seen = epoch;
            try {
                task.accept(part);
            } catch (Throwable t) {
                synchronized (this) {
                    // Keep the cause: a failure that is only a consequence of another gives way to it.
                    if (failure == null || failure instanceof PartnerFailed && !(t instanceof PartnerFailed)) {
                        failure = t;
                    }
                }
            }
            if (pending.decrementAndGet() == 0) {
                LockSupport.unpark(caller);
            }
        }
    }

    /** Splits {@code [0, n)} into {@code size()} near-equal contiguous ranges; start of part p. */
    public static int from(int n, int parts, int p) {
        return (int) ((long) n * p / parts);
    }

    @Override
    public void close() {
        closed = true;
        for (Thread th : threads) {
            LockSupport.unpark(th);
        }
    }
}
