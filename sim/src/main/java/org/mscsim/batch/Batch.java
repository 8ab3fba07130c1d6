package org.mscsim.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.mscsim.output.RunWriter;
import org.mscsim.output.TimeSeries;
import org.mscsim.scenario.Scenario;

/**
 * Runs many scenarios in memory on a pool of threads, one model per thread (each single-threaded),
 * and returns the outcomes in job order. Every job carries its own seed, so the outcomes do not
 * depend on the number of workers.
 */
public final class Batch {

    /** One run to do. */
    public record Job(String label, Scenario scenario) {
    }

    /** A finished run. */
    public record Outcome(Job job, TimeSeries series) {

        /** The final value of a time-series column. */
        public double last(String column) {
            return series.last()[series.index(column)];
        }

        /** The value of a column at the first row at or after {@code hours}. */
        public double at(String column, double hours) {
            int k = series.index(column);
            for (double[] row : series.rows()) {
                if (row[0] >= hours - 1e-9) {
                    return row[k];
                }
            }
            return series.last()[k];
        }
    }

    /** Called after each finished run with the number done and the total. */
    public interface Progress {
        void update(int done, int total);
    }

    private Batch() {
    }

    public static List<Outcome> run(List<Job> jobs, int workers, Progress progress) {
        return map(jobs, workers, job -> {
            TimeSeries ts = new TimeSeries();
            RunWriter.simulate(job.scenario(), 1, ts, null);
            return new Outcome(job, ts);
        }, progress);
    }

    /**
     * Applies {@code f} to every item on {@code workers} threads and returns the results in item
     * order; {@code progress} hears of each one finished.
     */
    public static <T, R> List<R> map(List<T> items, int workers, java.util.function.Function<T, R> f, Progress progress) {
        int n = items.size();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(workers, Math.max(1, n))), r -> {
            Thread t = new Thread(r, "mscsim-batch");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<R>> futures = new ArrayList<>(n);
            for (T item : items) {
                futures.add(pool.submit(() -> {
                    R r = f.apply(item);
                    int d = done.incrementAndGet();
                    if (progress != null) {
                        synchronized (progress) {
                            progress.update(d, n);
                        }
                    }
                    return r;
                }));
            }
            List<R> out = new ArrayList<>(n);
            for (Future<R> fu : futures) {
                out.add(fu.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(c);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Worker count for "all cores". */
    public static int allCores() {
        return Runtime.getRuntime().availableProcessors();
    }
}
