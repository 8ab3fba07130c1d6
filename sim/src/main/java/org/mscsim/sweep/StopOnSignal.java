package org.mscsim.sweep;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Stops a local sweep cleanly on Ctrl-C (SIGINT), {@code kill} (SIGTERM) or a hang-up: a JVM
 * shutdown hook that, while the process ends,
 * <ol>
 * <li>lets no further run start,</li>
 * <li>asks the runs in progress to stop after their current step; each writes a checkpoint in
 *     {@code partial/RUN_ID/} (waiting at most {@link #GRACE_MS} for them),</li>
 * <li>stops moving runs into {@code runs/},</li>
 * <li>rebuilds {@code results.csv} from exactly the runs in {@code runs/}, and</li>
 * <li>says what was kept and how to resume.</li>
 * </ol>
 * The process then exits with the signal's conventional code (130 for SIGINT, 143 for SIGTERM).
 * Running the same command again continues the stopped runs from their checkpoints and runs
 * what is missing. A {@code kill -9} cannot be caught; runs in progress then continue from their
 * last periodic checkpoint, if they had written one, or start over.
 */
public final class StopOnSignal implements AutoCloseable {

    /** How long the hook waits for runs in progress to write their checkpoints. */
    public static final long GRACE_MS = 60_000;

    private final AtomicBoolean stop = new AtomicBoolean();
    private final Thread hook;

    private StopOnSignal(SweepDir dir, Consumer<String> say) {
        this.hook = new Thread(() -> stop(dir, say), "mscsim-sweep-stop");
    }

    /** Installs the hook for the duration of a local sweep into {@code dir}; {@code say} prints a line for the user. */
    public static StopOnSignal install(SweepDir dir, Consumer<String> say) {
        org.mscsim.output.RunWriter.STOP.set(false);
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
        org.mscsim.output.RunWriter.STOP.set(true);
        boolean settled;
        try {
            settled = RunExecution.awaitIdle(GRACE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            settled = false;
        }
        dir.stopPublishing();
        String kept;
        try {
            Results.Collected c = Results.rebuild(dir);
            kept = c.rows().size() + " of " + dir.manifest().size() + " runs are done, in " + dir.root().resolve("runs") + " and "
                    + dir.results();
        } catch (java.io.IOException | RuntimeException e) {
            kept = "the finished runs are in " + dir.root().resolve("runs") + " (results.csv could not be rebuilt: " + e.getMessage() + ")";
        }
        int checkpointed = dir.checkpointed();
        String unfinished = (checkpointed == 0 ? "" : "; " + checkpointed + (checkpointed == 1 ? " unfinished run keeps" : " unfinished runs keep")
                + " a checkpoint in " + dir.root().resolve("partial"))
                + (settled ? "" : "; " + RunExecution.active() + " in progress did not stop in time and will start over");
        say.accept("interrupted: the sweep stopped; " + kept + unfinished + ". Run the same command again to finish it.");
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
