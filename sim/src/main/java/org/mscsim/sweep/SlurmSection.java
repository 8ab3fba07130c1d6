package org.mscsim.sweep;

import java.util.ArrayList;
import java.util.List;
import org.mscsim.scenario.Hints;
import org.mscsim.scenario.Param;
import org.mscsim.scenario.YamlNode;

/** The {@code slurm:} section of a sweep file, each value checked before it can reach a batch script. */
final class SlurmSection {

    private static final List<String> KEYS = List.of("partition", "time", "max_parallel", "runs_per_task", "extra_sbatch");

    private SlurmSection() {
    }

    static SlurmSettings read(YamlNode node, Problems problems) {
        if (!(node instanceof YamlNode.MapNode m)) {
            problems.add(problems.at(node.line()) + "slurm must be a mapping such as {partition: normal, time: \"01:00:00\"}, got " + node.describe());
            return SlurmSettings.NONE;
        }
        String partition = null;
        String time = null;
        Integer maxParallel = null;
        Integer runsPerTask = null;
        List<String> extra = new ArrayList<>();
        for (YamlNode.Entry e : m.entries().values()) {
            String path = "slurm." + e.key();
            switch (e.key()) {
                case "partition":
                    partition = problems.checked(e.value(), path, SlurmSettings::unsafe);
                    break;
                case "time":
                    time = problems.checked(e.value(), path, SlurmSettings::badTime);
                    break;
                case "max_parallel":
                    maxParallel = (Integer) problems.number(e.value(), path, Param.Type.INT, 1, 1_000_000, null);
                    break;
                case "runs_per_task":
                    runsPerTask = (Integer) problems.number(e.value(), path, Param.Type.INT, 1, SweepParser.MAX_RUNS, null);
                    break;
                case "extra_sbatch":
                    if (e.value() instanceof YamlNode.ListNode list) {
                        for (int i = 0; i < list.items().size(); i++) {
                            String line = problems.checked(list.items().get(i), path + "[" + (i + 1) + "]", SlurmSettings::badExtraLine);
                            if (line != null) {
                                extra.add(line);
                            }
                        }
                    } else {
                        problems.add(problems.at(e.value().line()) + path + " must be a list of sbatch options such as [--mem=2G, --account=lab], got "
                                + e.value().describe());
                    }
                    break;
                default:
                    String hint = Hints.closest(e.key(), KEYS);
                    problems.add(problems.at(e.keyLine()) + "slurm: unknown key " + YamlNode.show(e.key()) + (hint != null ? " (did you mean \"" + hint + "\"?)"
                            : "; slurm: has " + String.join(", ", KEYS)));
            }
        }
        return new SlurmSettings(partition, time, maxParallel, runsPerTask, extra);
    }
}
