package org.mscsim.sweep.slurm;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What Slurm still knows about a sweep's runs: the state of the array task each run was last
 * submitted in (pending, running, or how it ended: TIMEOUT, CANCELLED ...), while the controller
 * remembers the job. Without this, status relies on the directory's files alone.
 */
public final class ClusterView {

    private final Map<String, String> runState;
    private final List<Submission> submissions;
    private final Map<String, String> jobStates;
    private final String problem;

    private ClusterView(Map<String, String> runState, List<Submission> submissions, Map<String, String> jobStates, String problem) {
        this.runState = runState;
        this.submissions = submissions;
        this.jobStates = jobStates;
        this.problem = problem;
    }

    /** Reads the submissions recorded in {@code slurmDir} and asks squeue about them (if it is there). */
    public static ClusterView of(java.nio.file.Path slurmDir) throws IOException {
        List<Submission> subs = Submission.all(slurmDir);
        Map<String, String> runState = new HashMap<>();
        Map<String, String> states = new HashMap<>();
        String problem = null;
        if (!subs.isEmpty()) {
            List<String> ids = new ArrayList<>();
            for (Submission s : subs) {
                ids.addAll(s.jobIds());
            }
            if (!Slurm.available()) {
                problem = "squeue is not available here, so queued and running tasks cannot be shown";
            } else {
                try {
                    states = Slurm.states(ids);
                } catch (IOException e) {
                    problem = e.getMessage();
                }
            }
            for (Submission s : subs) {
                for (int t = 0; t < s.chunks().size(); t++) {
                    String state = states.get(s.arrayJob() + "_" + t);
                    for (String id : s.chunks().get(t)) {
                        if (state != null) {
                            runState.put(id, state);
                        } else {
                            runState.remove(id); // a later submission without news supersedes an older state
                        }
                    }
                }
            }
        }
        return new ClusterView(runState, subs, states, problem);
    }

    /** The Slurm state of the task that last had this run, or null if unknown. */
    public String state(String runId) {
        return runState.get(runId);
    }

    public static boolean active(String state) {
        return state != null && Slurm.ACTIVE.contains(state);
    }

    public List<Submission> submissions() {
        return submissions;
    }

    /** State of a job (collect job) or array task by squeue's id, or null. */
    public String jobState(String id) {
        return jobStates.get(id);
    }

    /** Counts of the array tasks of a submission by state, e.g. {RUNNING=2, PENDING=5}. */
    public Map<String, Integer> taskStates(Submission s) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        for (int t = 0; t < s.chunks().size(); t++) {
            String st = jobStates.get(s.arrayJob() + "_" + t);
            counts.merge(st == null ? "unknown to squeue" : st, 1, Integer::sum);
        }
        return counts;
    }

    /** Why squeue could not be asked, or null. */
    public String problem() {
        return problem;
    }
}
