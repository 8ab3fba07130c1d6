package org.mscsim.sweep;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a sweep still has to run, found the same way before every local run or Slurm submission:
 * leftovers of interrupted runs are cleared from {@code tmp/}, every run that looks done is
 * checked (readable files that belong to it), damaged ones are removed, and whatever is not done
 * — missing, failed or damaged — is to run.
 */
public record Pending(List<Run> todo, int done, Map<Run, String> damaged, int leftoversCleared) {

    /** Only call when no other process is computing runs of this sweep. */
    public static Pending of(SweepDir dir) throws IOException {
        int cleared = dir.clearTemporaries();
        Results.Collected c = Results.collect(dir);
        for (Map.Entry<Run, String> d : c.damaged().entrySet()) {
            dir.discard(d.getKey(), d.getValue());
        }
        List<Run> todo = new ArrayList<>();
        for (Run run : dir.manifest().runs()) {
            if (!dir.looksDone(run)) {
                todo.add(run);
            }
        }
        return new Pending(todo, c.rows().size(), c.damaged(), cleared);
    }
}
