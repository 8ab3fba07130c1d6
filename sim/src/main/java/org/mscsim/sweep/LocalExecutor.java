package org.mscsim.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.mscsim.scenario.Scenario;

/**
 * Runs a sweep's missing runs on this machine: one single-threaded model per worker, as many
 * workers as asked (all cores by default). Each run is published atomically as it finishes, so
 * an interrupted sweep keeps every finished run.
 */
public final class LocalExecutor {

    /** Called after each finished run (from worker threads, one call at a time). */
    public interface Progress {
        void update(int finished, int total, int failed);
    }

    private LocalExecutor() {
    }

    /** Runs {@code todo} in index order on {@code workers} threads; returns the outcomes in the same order. */
    public static List<RunExecution.Outcome> run(SweepDir dir, Scenario base, List<Run> todo, int workers, Progress progress)
            throws InterruptedException {
        return run(dir, base, todo, workers, progress, new AtomicBoolean(), w -> { });
    }

    /**
     * The same, but no run starts once {@code stop} is set (by a signal handler); those not
     * started end as failed with "not started". {@code warnings} gets a sentence for the user when
     * a run cannot continue from its checkpoint and starts over (from worker threads, one call
     * at a time).
     */
    public static List<RunExecution.Outcome> run(SweepDir dir, Scenario base, List<Run> todo, int workers, Progress progress,
                                                 AtomicBoolean stop, Consumer<String> warnings) throws InterruptedException {
        Consumer<String> warn = w -> {
            synchronized (warnings) {
                warnings.accept(w);
            }
        };
        int n = todo.size();
        if (n == 0) {
            return List.of();
        }
        AtomicInteger finished = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(workers, n)), r -> {
            Thread t = new Thread(r, "mscsim-sweep");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<RunExecution.Outcome>> futures = new ArrayList<>(n);
            for (Run run : todo) {
                futures.add(pool.submit(() -> {
                    if (stop.get()) {
                        return new RunExecution.Outcome(run, RunExecution.Outcome.Status.FAILED, "not started: the sweep was stopped");
                    }
                    RunExecution.Outcome o = RunExecution.execute(dir, base, run,
                            new org.mscsim.output.RunWriter.Checkpoints(0, RunExecution.CHECKPOINT_WALL_S), warn);
                    if (stop.get() && o.failed()) {
                        return o; // cut short by the stop, not finished: the progress line does not count it
                    }
                    int f = o.failed() ? failed.incrementAndGet() : failed.get();
                    int d = finished.incrementAndGet();
                    if (progress != null) {
                        synchronized (progress) {
                            progress.update(d, n, f);
                        }
                    }
                    return o;
                }));
            }
            List<RunExecution.Outcome> out = new ArrayList<>(n);
            for (Future<RunExecution.Outcome> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (ExecutionException e) {
            throw new IllegalStateException("sweep worker failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
