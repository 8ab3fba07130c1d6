package org.mscsim.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.mscsim.output.RunWriter;

/**
 * Turns SIGINT and SIGTERM into a clean stop of a run: the JVM runs this shutdown hook, which
 * asks the run to stop after its current step ({@link RunWriter#STOP}) and waits while it writes
 * its checkpoint and marks its directory, so nothing finished is lost and nothing unfinished
 * looks complete. Cluster schedulers send SIGTERM before killing a task at its time limit.
 */
final class StopOnSignal {

    /** How long the hook waits for the run to reach a clean stop. */
    private static final long GRACE_SECONDS = 60;

    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread hook;

    private StopOnSignal() {
        hook = new Thread(() -> {
            RunWriter.STOP.set(true);
            try {
                stopped.await(GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "mscsim-stop");
    }

    static StopOnSignal install() {
        RunWriter.STOP.set(false);
        StopOnSignal s = new StopOnSignal();
        Runtime.getRuntime().addShutdownHook(s.hook);
        return s;
    }

    /** The run is over (finished, failed or stopped): release the hook. */
    void done() {
        stopped.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook is running and now returns
        }
    }

    /** Exit code of a stopped run: 130 as after SIGINT, the shell's convention for a signal. */
    int exitCode() {
        return 130;
    }
}
