package org.mscsim.sweep.slurm;

import java.nio.file.Path;
import org.mscsim.sweep.SlurmSettings;

/**
 * The two batch scripts of a submission. The array script's task i runs line i+1 of
 * {@code chunks.txt} by calling the hidden {@code sweep-task} command with the sweep directory,
 * submission number and {@code $SLURM_ARRAY_TASK_ID}; the collect script rebuilds
 * {@code results.csv}. No parameter value is ever written into a script: tasks read them from
 * {@code sweep.json}. Every path is absolute and every user-given value is quoted for its reader.
 */
final class Scripts {

    /** The collect job reads files only; an hour is plenty for the largest sweep a directory holds. */
    static final long COLLECT_MAX_SECONDS = 3600;

    private Scripts() {
    }

    /** What a script needs to know. */
    record Context(String sweepName, Path sweepDir, Path submissionDir, int submission, TaskCommand command, SlurmSettings settings) {
    }

    static String array(Context c, int tasks, int runs, int runsPerTask) {
        StringBuilder b = new StringBuilder("#!/bin/bash\n");
        b.append("# MSCSim sweep ").append(oneLine(c.sweepName())).append(", Slurm submission ").append(c.submission()).append(": ")
                .append(tasks).append(tasks == 1 ? " array task" : " array tasks").append(" of up to ").append(runsPerTask)
                .append(runsPerTask == 1 ? " run" : " runs").append(" (").append(runs).append(runs == 1 ? " run).\n" : " runs).\n");
        b.append("# Written and submitted (sbatch --parsable) by ./mscsim sweep --executor slurm. Task i runs the runs on\n");
        b.append("# line i+1 of chunks.txt; MSCSim reads each run's parameters and seed from sweep.json.\n");
        b.append("#SBATCH --job-name=").append(Quoting.sbatch(jobName(c.sweepName(), ""))).append('\n');
        String array = "0-" + (tasks - 1) + (c.settings().maxParallel() != null ? "%" + c.settings().maxParallel() : "");
        b.append("#SBATCH --array=").append(array).append('\n');
        b.append("#SBATCH --output=").append(Quoting.sbatch(Quoting.outputPath(c.submissionDir().resolve("logs").toString()) + "/task-%a.out"))
                .append('\n');
        resources(b, c.settings(), c.settings().time());
        body(b, c, "sweep-task", "\"$sweep_dir\" " + c.submission() + " \"$SLURM_ARRAY_TASK_ID\"");
        return b.toString();
    }

    static String collect(Context c) {
        StringBuilder b = new StringBuilder("#!/bin/bash\n");
        b.append("# MSCSim sweep ").append(oneLine(c.sweepName())).append(", Slurm submission ").append(c.submission())
                .append(": rebuild results.csv once every array task has ended\n");
        b.append("# (submitted with --dependency=afterany:ARRAY_JOB_ID, so it also runs after failed or cancelled tasks).\n");
        b.append("#SBATCH --job-name=").append(Quoting.sbatch(jobName(c.sweepName(), "-collect"))).append('\n');
        b.append("#SBATCH --output=").append(Quoting.sbatch(Quoting.outputPath(c.submissionDir().resolve("logs").toString()) + "/collect.out"))
                .append('\n');
        String time = c.settings().time();
        if (time != null) {
            long s = SlurmSettings.seconds(time);
            if (s < 0 || s > COLLECT_MAX_SECONDS) {
                time = "01:00:00";
            }
        }
        resources(b, c.settings(), time);
        body(b, c, "sweep-collect", "\"$sweep_dir\"");
        return b.toString();
    }

    private static void resources(StringBuilder b, SlurmSettings s, String time) {
        if (s.partition() != null) {
            b.append("#SBATCH --partition=").append(Quoting.sbatch(s.partition())).append('\n');
        }
        if (time != null) {
            b.append("#SBATCH --time=").append(Quoting.sbatch(time)).append('\n');
        }
        for (String extra : s.extraSbatch()) {
            // Extra lines are the user's own #SBATCH text, verbatim (checked to be one line).
            b.append("#SBATCH ").append(extra).append('\n');
        }
    }

    private static void body(StringBuilder b, Context c, String command, String args) {
        b.append("set -euo pipefail\n");
        b.append("sweep_dir=").append(Quoting.shell(c.sweepDir().toString())).append('\n');
        b.append("java=").append(Quoting.shell(c.command().java())).append('\n');
        b.append("classpath=").append(Quoting.shell(c.command().classpath())).append('\n');
        b.append("exec \"$java\" -Djava.awt.headless=true -cp \"$classpath\" org.mscsim.cli.Main ").append(command).append(' ')
                .append(args).append('\n');
    }

    /** A job name squeue shows whole: the sweep name reduced to safe characters. */
    static String jobName(String sweepName, String suffix) {
        String s = sweepName.replaceAll("[^A-Za-z0-9._-]", "_");
        if (s.length() > 40) {
            s = s.substring(0, 40);
        }
        return "mscsim-" + s + suffix;
    }

    private static String oneLine(String s) {
        return "\"" + s.replaceAll("[\\p{Cntrl}\\u2028\\u2029\\u0085]", " ") + "\"";
    }
}
