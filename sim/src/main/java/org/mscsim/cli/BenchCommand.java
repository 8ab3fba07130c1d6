package org.mscsim.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mscsim.bench.Bench;
import org.mscsim.output.RunWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "bench", mixinStandardHelpOptions = true,
        header = "Measure performance on this machine: memory bandwidth, solver, agents, whole model, HeatBugs.",
        description = {
            "STREAM triad (1 and 2 threads); field-solver voxel-field updates/s for 5 fields at 200², 1000² and"
                + " 2000² and its effective bandwidth as a share of STREAM (timed in alternation with it); ns per agent step with every mechanism on;"
                + " co-culture steps/s at 200 x 200 and 1000 x 1000 (~250,000 cells); MASON's HeatBugs as the baseline;"
                + " and whether 1, 2 and 3 threads give identical results. Medians of repetitions after warm-up.",
            "Takes a few minutes; --quick skips the 2000² solver and uses fewer repetitions."
        })
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print the results as JSON on stdout (the table goes to stderr).")
    boolean json;

    @Option(names = "--quick", description = "Smaller arrays and fewer repetitions (about a minute).")
    boolean quick;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter table = json ? err : out;
        table.println("MSCSim bench (" + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version") + ")");
        Map<String, Object> r = new Bench(quick, line -> {
            table.println("  " + line);
            table.flush();
        }).run();
        if (json) {
            out.println(RunWriter.json(r));
        }
        out.flush();
        return 0;
    }
}
