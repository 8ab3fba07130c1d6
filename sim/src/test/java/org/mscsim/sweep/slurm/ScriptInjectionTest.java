package org.mscsim.sweep.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mscsim.sweep.SlurmSettings;

/**
 * Every place a batch script embeds text a user controls — the sweep's name (comment line and
 * job name), the sweep directory (script body and the {@code --output} log path), the partition,
 * the time limit, extra {@code #SBATCH} lines, and the Java and class path the task starts — filled
 * with shell and sbatch metacharacters and line breaks. The scripts are read as sbatch reads them
 * (directives up to the first command line) and run with bash: no extra directive or command
 * appears, every argument reaches Java exactly, and nothing is executed.
 */
class ScriptInjectionTest {

    /** Shell, sbatch and YAML metacharacters; the line breaks try to start a directive and a command. */
    static final String NASTY = "x; $(touch PWNED) `touch PWNED` 'q' \"dq\" \\ $HOME %j %a #x & | > < * ?"
            + "\n#SBATCH --wrap=\"touch PWNED\"\ntouch PWNED\r\u2028\u0085 end";

    @TempDir
    Path tmp;

    @Test
    void noUserTextBecomesADirectiveOrACommandAndEveryArgumentArrivesExactly() throws Exception {
        String oneLine = NASTY.replaceAll("[\\n\\r]", " ");
        Path dir = tmp.resolve(oneLine);                     // directories with line breaks are refused (below)
        Path sub = dir.resolve("slurm/s001");
        Files.createDirectories(sub.resolve("logs"));
        Path javaDir = tmp.resolve("java " + NASTY);         // a line break is fine inside bash single quotes
        Files.createDirectories(javaDir);
        Path fakeJava = javaDir.resolve("java");
        // Prints each argument followed by a NUL, so arguments holding line breaks come back whole.
        Files.writeString(fakeJava, "#!/bin/bash\nfor a in \"$@\"; do printf '%s\\0' \"$a\"; done\n");
        assertTrue(fakeJava.toFile().setExecutable(true));
        String classpath = "/cp/" + NASTY + "/a.jar:/cp/b.jar";
        SlurmSettings settings = new SlurmSettings(oneLine, "1-00:00:00", 3, null, List.of("--comment=" + oneLine, "--mem=1G"));
        Scripts.Context c = new Scripts.Context(NASTY, dir, sub, 1, new TaskCommand(fakeJava.toString(), classpath), settings);

        String array = Scripts.array(c, 4, 10, 3);
        String collect = Scripts.collect(c);
        assertEquals(List.of("--job-name", "--array", "--output", "--partition", "--time", "--comment", "--mem"), directives(array), array);
        assertEquals(List.of("--job-name", "--output", "--partition", "--time", "--comment", "--mem"), directives(collect), collect);
        for (String script : List.of(array, collect)) {
            assertEquals("set -euo pipefail", firstCommand(script), "the first command is MSCSim's own:\n" + script);
            assertTrue(script.lines().anyMatch(l -> l.matches("#SBATCH --job-name=\"mscsim-[A-Za-z0-9._-]{1,40}(-collect)?\"")),
                    "job name reduced to safe characters:\n" + script);
            assertFalse(script.contains("blockade") || script.contains("populations"), "no parameter value in a script");
        }

        assertEquals(List.of("-Djava.awt.headless=true", "-cp", classpath, "org.mscsim.cli.Main", "sweep-task", dir.toString(), "1", "7"),
                runWithBash(array, "7"));
        assertEquals(List.of("-Djava.awt.headless=true", "-cp", classpath, "org.mscsim.cli.Main", "sweep-collect", dir.toString()),
                runWithBash(collect, "0"));
        try (Stream<Path> s = Files.walk(tmp)) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().equals("PWNED")).toList(), "nothing in a value was executed");
        }
    }

    @Test
    void anSbatchValueKeepsQuotesBackslashesAndHashesAndRefusesLineBreaks() {
        // sbatch strips one level of double quotes and backslash escapes; an unquoted # would start a comment.
        assertEquals("\"a \\\"b\\\" \\\\ #c $(d) `e` %f\"", Quoting.sbatch("a \"b\" \\ #c $(d) `e` %f"));
        for (String bad : List.of("a\nb", "a\rb", "\n")) {
            try {
                Quoting.sbatch(bad);
                throw new AssertionError("accepted a line break: " + bad);
            } catch (IllegalArgumentException expected) {
                // refused
            }
        }
        for (String bad : List.of("a\nb", "a\rb", "a\u0085b", "a\u2028b", "a\u2029b", "a\0b", "a\u001bb")) {
            assertTrue(SlurmSettings.unsafe(bad) != null, "refused in a partition, time or extra line: " + bad.replace("\n", "\\n"));
            assertTrue(SlurmSettings.badExtraLine("--comment=" + bad) != null);
            assertTrue(SlurmSettings.badTime("01:00:00" + bad) != null);
        }
        assertTrue(SlurmSettings.badTime("99999999999999999999") != null, "a time limit too large to count is refused");
    }

    /** The options of the #SBATCH directives, as sbatch reads them: up to the first line that is not a comment. */
    private static List<String> directives(String script) {
        List<String> out = new ArrayList<>();
        for (String line : script.split("\n", -1)) {
            if (line.startsWith("#!") || line.isBlank()) {
                continue;
            }
            if (!line.startsWith("#")) {
                break;
            }
            if (line.startsWith("#SBATCH")) {
                String option = line.substring("#SBATCH".length()).trim();
                int eq = option.indexOf('=');
                out.add(eq < 0 ? option : option.substring(0, eq));
            }
        }
        return out;
    }

    private static String firstCommand(String script) {
        for (String line : script.split("\n", -1)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                return line;
            }
        }
        return "";
    }

    /** Runs a script with bash in an empty directory; returns the arguments the fake java got. */
    private List<String> runWithBash(String script, String task) throws Exception {
        Path work = Files.createTempDirectory(tmp, "work");
        Path file = work.resolve("job.sbatch");
        Files.writeString(file, script);
        ProcessBuilder pb = new ProcessBuilder("bash", file.toString()).directory(work.toFile());
        pb.environment().put("SLURM_ARRAY_TASK_ID", task);
        pb.environment().put("HOME", work.toString());
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), err);
        List<String> args = new ArrayList<>();
        String all = new String(out, StandardCharsets.UTF_8);
        for (String a : all.split("\0", -1)) {
            args.add(a);
        }
        args.remove(args.size() - 1);   // after the last NUL
        return args;
    }
}
