package org.mscsim.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.mscsim.sweep.LockHolder;
import org.mscsim.sweep.Manifest;
import org.mscsim.sweep.Run;
import org.mscsim.sweep.SweepDir;
import org.mscsim.sweep.slurm.ClusterView;
import org.mscsim.sweep.slurm.Submission;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "sweep-status", mixinStandardHelpOptions = true,
        header = "Show which runs of a sweep are done, failed, missing, queued or running.",
        description = {
            "Reads the sweep directory (a run is done when runs/<run_id>/summary.json",
            "exists) and, for Slurm sweeps, asks squeue about the recorded jobs while",
            "the cluster remembers them. A run is running while the process computing",
            "it (named in partial/<run_id>.lock: pid and host) is alive, whichever",
            "executor started it; a killed one leaves the run missing.",
            "Exit code: 0 every run done, 1 runs failed, 3 runs missing (queued,",
            "running or not run yet) and none failed, 2 not a sweep directory."
        })
final class SweepStatusCommand implements Callable<Integer> {

    /** Exit code when runs are still missing but none failed. */
    static final int INCOMPLETE = 3;
    private static final int SHOWN = 12;

    @Parameters(index = "0", paramLabel = "DIR", description = "Sweep directory.")
    Path dir;

    @Option(names = "--all", description = "List every run that is not done, not just the first " + SHOWN + " of each kind.")
    boolean all;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SweepDir d = SweepDir.open(dir);
        Manifest m = d.manifest();
        ClusterView cluster = ClusterView.of(d.slurmDir());
        List<String> done = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<String> queued = new ArrayList<>();
        List<String> running = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Run r : m.runs()) {
            SweepDir.State state = d.state(r);
            String slurm = cluster.state(r.id());
            Optional<LockHolder.Holder> computing;
            if (state == SweepDir.State.DONE) {
                done.add(r.id());
            } else if ("RUNNING".equals(slurm) || "COMPLETING".equals(slurm) || "CONFIGURING".equals(slurm)) {
                running.add(r.id());
            } else if ((computing = d.computing(r)).isPresent()) {
                running.add(r.id() + " (" + holder(computing.get()) + ")");
            } else if (ClusterView.active(slurm)) {
                queued.add(r.id() + (slurm.equals("PENDING") ? "" : " (" + slurm + ")"));
            } else if (state == SweepDir.State.FAILED) {
                failed.add(r.id() + ": " + d.failure(r) + checkpointNote(d, r));
            } else if (slurm != null && !slurm.equals("COMPLETED")) {
                failed.add(r.id() + ": its Slurm task ended " + slurm + " before the run finished" + checkpointNote(d, r));
            } else {
                missing.add(r.id() + checkpointNote(d, r));
            }
        }
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "Sweep %s in %s: %d runs%n", m.name(), d.root(), m.size());
        o.printf(Locale.ROOT, "  done     %6d%n", done.size());
        list(o, "failed", failed);
        list(o, "running", running);
        list(o, "queued", queued);
        list(o, "missing", missing);
        for (Submission s : cluster.submissions()) {
            StringBuilder b = new StringBuilder();
            for (Map.Entry<String, Integer> e : cluster.taskStates(s).entrySet()) {
                b.append(b.length() == 0 ? "" : ", ").append(e.getValue()).append(' ').append(e.getKey());
            }
            String collect = s.collectJob() == null ? "not submitted" : s.collectJob() + " " + orUnknown(cluster.jobState(s.collectJob()));
            o.printf(Locale.ROOT, "Slurm submission %d (%s): array job %s with %d tasks (%s); collect job %s%n", s.number(), s.submitted(),
                    s.arrayJob(), s.chunks().size(), b, collect);
        }
        if (cluster.problem() != null) {
            o.println("note: " + cluster.problem());
        }
        Path results = d.results();
        if (Files.isRegularFile(results)) {
            long rows;
            try (var lines = Files.lines(results)) {
                rows = Math.max(0, lines.count() - 1);
            }
            o.printf(Locale.ROOT, "results.csv: %d row%s%s%n", rows, rows == 1 ? "" : "s",
                    rows == done.size() ? "" : " (" + done.size() + " runs are done: rebuild it with ./mscsim sweep " + d.root() + ")");
        } else {
            o.println("results.csv: not written yet");
        }
        Optional<LockHolder.Holder> command = d.sweepCommand();
        if (command.isPresent()) {
            o.println("A sweep command is at work on this directory (" + holder(command.get()) + "): " + command.get().what());
            if (command.get().liveness() == LockHolder.Liveness.UNKNOWN && (!failed.isEmpty() || !missing.isEmpty())) {
                // Its host cannot be asked from here: it may have died there (kill -9, a node failure).
                o.println("If it is no longer running, run ./mscsim sweep " + d.root() + " to run only what is not done.");
            }
        } else if (!failed.isEmpty() || !missing.isEmpty()) {
            o.println("Run ./mscsim sweep " + d.root() + " (add --executor slurm on the cluster) to run only what is not done.");
        }
        o.flush();
        if (!failed.isEmpty()) {
            return Main.FAILED;
        }
        return done.size() == m.size() ? 0 : INCOMPLETE;
    }

    private static String holder(LockHolder.Holder h) {
        return h.describe() + (h.liveness() == LockHolder.Liveness.UNKNOWN
                ? ", as its lock file says; whether it still runs cannot be checked from this host" : "");
    }

    private static String checkpointNote(SweepDir d, Run r) {
        return Files.isRegularFile(d.partialDir(r).resolve(org.mscsim.checkpoint.Checkpoint.FILE))
                ? " (it continues from its checkpoint in partial/)" : "";
    }

    private void list(PrintWriter o, String label, List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        o.printf(Locale.ROOT, "  %-8s %6d%n", label, ids.size());
        int shown = all ? ids.size() : Math.min(SHOWN, ids.size());
        for (String id : ids.subList(0, shown)) {
            o.println("    " + id);
        }
        if (shown < ids.size()) {
            o.println("    ... " + (ids.size() - shown) + " more (--all lists them)");
        }
    }

    private static String orUnknown(String state) {
        return state == null ? "(no longer known to squeue)" : state;
    }
}
