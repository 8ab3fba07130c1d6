package org.mscsim.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's --help renders cleanly: no picocli format warning (e.g. an unescaped %), and no
 * sentence broken by hand at a width picocli then wraps again (leaving a stub of a line).
 */
class HelpTextTest {

    @Test
    void everyCommandsHelpRendersWithoutWarnings() {
        PrintStream err = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        int commands = 0;
        try {
            System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
            Deque<CommandLine> todo = new ArrayDeque<>();
            todo.add(Main.commandLine());
            while (!todo.isEmpty()) {
                CommandLine cl = todo.poll();
                StringWriter help = new StringWriter();
                cl.usage(new PrintWriter(help));
                assertFalse(help.toString().contains("%n"), cl.getCommandName() + ": unformatted help");
                // picocli may wrap after a dot, splitting a file name or key over two lines ("arms.", "csv").
                for (String dotted : dottedNames(cl)) {
                    String[] ab = dotted.split("\\.", 2);
                    assertFalse(java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(ab[0]) + "\\.\\R\\s*"
                            + java.util.regex.Pattern.quote(ab[1]) + "\\b").matcher(help.toString()).find(),
                            cl.getCommandName() + ": " + dotted + " split over two lines:\n" + help);
                }
                commands++;
                todo.addAll(cl.getSubcommands().values());
            }
        } finally {
            System.setErr(err);
        }
        assertTrue(commands > 10, "walked " + commands + " commands");
        String w = warnings.toString(StandardCharsets.UTF_8);
        assertFalse(w.contains("WARN"), w);
    }

    /**
     * picocli wraps each description line at the help width. A line longer than that which stops
     * mid-sentence was broken by hand for a wider screen: picocli wraps it and the next line starts
     * afresh, so the help shows a stub ("screens them (baseline" / "platelets below ...").
     */
    @Test
    void longDescriptionLinesAreWholeParagraphs() {
        Deque<CommandLine> todo = new ArrayDeque<>();
        todo.add(Main.commandLine());
        StringBuilder broken = new StringBuilder();
        while (!todo.isEmpty()) {
            CommandLine cl = todo.poll();
            CommandLine.Model.UsageMessageSpec usage = cl.getCommandSpec().usageMessage();
            int width = usage.width();
            java.util.List<String> lines = new java.util.ArrayList<>();
            lines.addAll(java.util.List.of(usage.description()));
            lines.addAll(java.util.List.of(usage.header()));
            lines.addAll(java.util.List.of(usage.footer()));
            for (CommandLine.Model.OptionSpec o : cl.getCommandSpec().options()) {
                lines.addAll(java.util.List.of(o.description()));
            }
            for (CommandLine.Model.PositionalParamSpec p : cl.getCommandSpec().positionalParameters()) {
                lines.addAll(java.util.List.of(p.description()));
            }
            for (String line : lines) {
                for (String t : line.split("%n|\\R")) {
                    t = t.stripTrailing();
                    if (t.length() > width && !t.matches("(?s).*[.:!?)]$")) {
                        broken.append(cl.getCommandName()).append(": ").append(t).append('\n');
                    }
                }
            }
            todo.addAll(cl.getSubcommands().values());
        }
        assertTrue(broken.length() == 0, "lines longer than the help width that stop mid-sentence:\n" + broken);
    }

    /** The exit codes a sweep really ends with (SweepSignalTest, SweepLockTest) are the ones its help lists. */
    @Test
    void sweepHelpListsEveryExitCodeTheSweepUses() {
        StringWriter help = new StringWriter();
        Main.commandLine().getSubcommands().get("sweep").usage(new PrintWriter(help));
        String text = help.toString().replaceAll("\\s+", " ");
        for (String code : new String[] {"Exit code: 0 every run done", "1 runs failed, or DIR is in use by another sweep command",
            "2 bad input", "130 stopped by Ctrl-C (SIGINT)", "143 by kill (SIGTERM)"}) {
            assertTrue(text.contains(code), code + " in:\n" + help);
        }
    }

    /** Names with a dot in them (file names, dotted keys) in a command's help texts. */
    private static java.util.Set<String> dottedNames(CommandLine cl) {
        StringBuilder text = new StringBuilder();
        CommandLine.Model.CommandSpec spec = cl.getCommandSpec();
        for (String s : spec.usageMessage().description()) {
            text.append(s).append(' ');
        }
        for (CommandLine.Model.ArgSpec a : spec.args()) {
            text.append(a.paramLabel()).append(' ');
            for (String s : a.description()) {
                text.append(s).append(' ');
            }
        }
        java.util.Set<String> names = new java.util.TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b[A-Za-z_]\\w*\\.[a-z_]\\w*").matcher(text);
        while (m.find()) {
            names.add(m.group());
        }
        return names;
    }
}
