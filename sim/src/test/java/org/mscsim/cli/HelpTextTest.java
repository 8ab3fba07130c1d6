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

/** Every command's --help renders cleanly: no picocli format warning (e.g. an unescaped %). */
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
}
