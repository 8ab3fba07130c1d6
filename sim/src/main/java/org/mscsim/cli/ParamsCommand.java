package org.mscsim.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mscsim.scenario.Param;
import org.mscsim.scenario.Parameters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "params", mixinStandardHelpOptions = true,
        header = "List every scenario parameter with default, range, unit and source.",
        description = "List every scenario parameter with its default, range, unit, meaning and source.")
final class ParamsCommand implements Callable<Integer> {

    @Option(names = "--markdown", description = "Print the Markdown table used in scenarios/PARAMETERS.md.")
    boolean markdown;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.print(markdown ? markdown() : plain());
        out.flush();
        return 0;
    }

    /**
     * One block per parameter, for a terminal and for grep: key, default and unit on the first
     * line, then what is allowed, the meaning and the source, indented.
     */
    static String plain() {
        StringBuilder b = new StringBuilder();
        String section = null;
        Map<String, String> titles = Parameters.get().sections();
        b.append("Every scenario parameter: default and unit, allowed values, meaning, source.")
                .append(" ✎: may also change while a model runs.\n");
        for (Param p : Parameters.get().all()) {
            if (!p.section().equals(section)) {
                section = p.section();
                b.append('\n').append(titles.get(section)).append('\n');
            }
            String unit = p.unit().equals("-") ? "" : " " + p.unit();
            b.append("  ").append(p.key()).append(p.live() ? " ✎" : "").append(" = ").append(p.toYaml(p.defaultValue()))
                    .append(unit).append("    (").append(p.expectation()).append(")\n");
            b.append("      ").append(p.doc()).append('\n');
            b.append("      Source: ").append(p.source()).append('\n');
        }
        return b.toString();
    }

    /** The generated part of scenarios/PARAMETERS.md: one table per section. */
    public static String markdown() {
        StringBuilder b = new StringBuilder();
        String section = null;
        Map<String, String> titles = Parameters.get().sections();
        for (Param p : Parameters.get().all()) {
            if (!p.section().equals(section)) {
                section = p.section();
                b.append("\n### ").append(titles.get(section)).append(section.isEmpty() ? "" : " (`" + section + ".*`)")
                        .append("\n\n| key | default | allowed | unit | meaning | source |\n|---|---|---|---|---|---|\n");
            }
            b.append("| `").append(p.key()).append("`")
                    .append(p.live() ? " ✎" : "")
                    .append(" | ").append(cell(p.toYaml(p.defaultValue())))
                    .append(" | ").append(cell(p.expectation()))
                    .append(" | ").append(cell(p.unit()))
                    .append(" | ").append(cell(p.doc()))
                    .append(" | ").append(cell(p.source()))
                    .append(" |\n");
        }
        return b.toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
