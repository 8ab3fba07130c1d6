package org.mscsim.sweep;

import java.io.IOException;
import java.nio.file.Path;
import org.mscsim.output.RunWriter;
import org.mscsim.scenario.Scenario;

/**
 * Computes one run of a sweep, the same way for every executor: into a fresh directory under
 * {@code tmp/}, renamed to {@code runs/RUN_ID} only once every file is written. A process killed
 * midway leaves at most a directory in {@code tmp/}, never a run that looks finished. This is
 * the one place a run is started, so checkpointing long runs belongs here.
 */
public final class RunExecution {

    /** How a run went. {@code error} is set when it failed. */
    public record Outcome(Run run, Status status, String error) {
        public enum Status { DONE, ALREADY_DONE, FAILED }

        public boolean failed() {
            return status == Status.FAILED;
        }
    }

    private RunExecution() {
    }

    /** Runs {@code run} (single-threaded) unless it is already done; never throws for a failing run. */
    public static Outcome execute(SweepDir dir, Scenario base, Run run) {
        if (dir.looksDone(run)) {
            return new Outcome(run, Outcome.Status.ALREADY_DONE, null);
        }
        Path tmp = null;
        try {
            Scenario s = run.scenario(base);
            tmp = dir.newTemporary(run);
            RunWriter.run(s, tmp, 1, null);
            if (!dir.publish(run, tmp)) {
                // The sweep is stopping (a signal): the run stays in tmp/ and runs again on resume.
                return new Outcome(run, Outcome.Status.FAILED, "stopped before it was saved");
            }
            dir.clearFailure(run);
            return new Outcome(run, Outcome.Status.DONE, null);
        } catch (Exception | OutOfMemoryError | StackOverflowError e) {
            // One run failing (a model error, a full disk, too little memory) must not stop the
            // others: record why, leave nothing that looks finished, and carry on.
            if (tmp != null) {
                Trees.deleteQuietly(tmp);
            }
            dir.recordFailure(run, e);
            return new Outcome(run, Outcome.Status.FAILED, e instanceof IOException ? e.getMessage() : e.toString());
        }
    }
}
