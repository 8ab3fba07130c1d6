package org.mscsim.sweep;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Stops a local sweep cleanly on Ctrl-C (SIGINT), {@code kill} (SIGTERM) or a hang-up: a JVM
 * shutdown hook that, while the process ends,
 * <ol>
 * <li>lets no further run start,</li>
 * <li>stops moving runs into {@code runs/} (a run that finishes now stays in {@code tmp/}, like
 *     the ones still computing, which end with the process),</li>
 * <li>rebuilds {@code results.csv} from exactly the runs in {@code runs/}, and</li>
 * <li>says what was kept and how to resume.</li>
 * </ol>
 * The process then exits with the signal's conventional code (130 for SIGINT, 143 for SIGTERM).
 * Running the same command again clears {@code tmp/} and runs what is missing. A {@code kill -9}
 * cannot be caught; it loses the same runs in progress and leaves {@code results.csv} as it was.
 */
public final class StopOnSignal implements AutoCloseable {

    private final AtomicBoolean stop = new AtomicBoolean();
    private final Thread hook;

    private StopOnSignal(SweepDir dir, Consumer<String> say) {
        this.hook = new Thread(() -> stop(dir, say), "mscsim-sweep-stop");
    }

    /** Installs the hook for the duration of a local sweep into {@code dir}; {@code say} prints a line for the user. */
    public static StopOnSignal install(SweepDir dir, Consumer<String> say) {
        StopOnSignal s = new StopOnSignal(dir, say);
        Runtime.getRuntime().addShutdownHook(s.hook);
        return s;
    }

    /** Set once the sweep is stopping: executors start no further run. */
    public AtomicBoolean flag() {
        return stop;
    }

    private void stop(SweepDir dir, Consumer<String> say) {
        stop.set(true);
        dir.stopPublishing();
        int abandoned = dir.inProgress();
        String kept;
        try {
            Results.Collected c = Results.rebuild(dir);
            kept = c.rows().size() + " of " + dir.manifest().size() + " runs are done, in " + dir.root().resolve("runs") + " and "
                    + dir.results();
        } catch (java.io.IOException | RuntimeException e) {
            kept = "the finished runs are in " + dir.root().resolve("runs") + " (results.csv could not be rebuilt: " + e.getMessage() + ")";
        }
        say.accept("interrupted: the sweep stopped; " + kept + "; " + abandoned + (abandoned == 1 ? " run" : " runs")
                + " in progress left unfinished in " + dir.root().resolve("tmp") + ". Run the same command again to finish it.");
    }

    /** Removes the hook once the sweep has ended by itself. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs (or ran) and reports
        }
    }
}
