package org.mscsim.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mscsim.sweep.slurm.SlurmTask;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** One Slurm array task of a sweep; called by the array script that {@code sweep --executor slurm} writes. */
@Command(name = "sweep-task", hidden = true,
        description = "Run the runs of one Slurm array task (used by the batch scripts of sweep --executor slurm).")
final class SweepTaskCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR")
    Path dir;

    @Parameters(index = "1", paramLabel = "SUBMISSION")
    int submission;

    @Parameters(index = "2", paramLabel = "TASK", description = "The array task id ($SLURM_ARRAY_TASK_ID).")
    String task;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        int t;
        try {
            t = Integer.parseInt(task.trim());
        } catch (NumberFormatException e) {
            throw new Main.UserError("TASK must be the array task id (SLURM_ARRAY_TASK_ID), got \"" + task + "\"");
        }
        return SlurmTask.run(dir, submission, t, spec.commandLine().getOut());
    }
}
