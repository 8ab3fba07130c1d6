package org.mscsim.cli;

import java.io.PrintWriter;
import org.mscsim.Version;
import org.mscsim.output.AtomicFiles;
import org.mscsim.scenario.ScenarioException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code mscsim} command line. */
@Command(name = "mscsim",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = {
            "Agent-based simulator of mesenchymal stromal cells (MSCs) modulating the immune system.",
            "",
            "Run a scenario headless:   mscsim run scenarios/coculture.yaml",
            "Check a scenario file:     mscsim validate scenarios/coculture.yaml",
            "List every parameter:      mscsim params",
            "Sweep parameters:          mscsim sweep scenarios/sweeps/coculture-lhs.yaml"
        },
        subcommands = {RunCommand.class, ValidateCommand.class, GuiCommand.class, AssayCommand.class, ValidateModelCommand.class,
            SweepCommand.class, SweepStatusCommand.class, SensitivityCommand.class, TrialCommand.class, BenchCommand.class,
            ParamsCommand.class, SweepTaskCommand.class, SweepCollectCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /** Exit code for bad input: a scenario, option or file the user must fix. */
    public static final int BAD_INPUT = 2;
    /** Exit code for a failure while working (I/O, disk full). */
    public static final int FAILED = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        if (args.length == 0 || !args[0].equals("gui")) {
            // Headless commands never need a display; cluster nodes have none.
            System.setProperty("java.awt.headless", "true");
        }
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (used by tests as a user would call it). */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (ex instanceof ScenarioException se) {
                for (String p : se.problems()) {
                    err.println("error: " + p);
                }
                err.flush();
                return BAD_INPUT;
            }
            if (ex instanceof org.mscsim.output.RunWriter.UnusableOutput uo) {
                err.println("error: " + uo.getMessage());
                err.flush();
                return BAD_INPUT;
            }
            if (ex instanceof UserError ue) {
                err.println("error: " + ue.getMessage());
                err.flush();
                return ue.exitCode();
            }
            // A write failing inside the model's observers (a full disk mid-run) arrives unchecked.
            java.io.IOException io = ex instanceof java.io.IOException e ? e
                    : ex instanceof java.io.UncheckedIOException u ? u.getCause() : null;
            if (io != null) {
                err.println("error: " + describe(io));
                err.flush();
                return FAILED;
            }
            throw ex;
        });
        return cl;
    }

    /** An I/O error as "path: reason" (AccessDeniedException and its kind carry only the path). */
    static String describe(java.io.IOException e) {
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() == null && f.getFile() != null) {
            return f.getFile() + (f.getOtherFile() != null ? " -> " + f.getOtherFile() : "") + ": " + AtomicFiles.reason(f);
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A problem the user can fix, reported as one line without a stack trace. */
    public static final class UserError extends Exception {
        private static final long serialVersionUID = 1L;
        private final int exitCode;

        public UserError(String message, int exitCode) {
            super(message);
            this.exitCode = exitCode;
        }

        public UserError(String message) {
            this(message, BAD_INPUT);
        }

        public int exitCode() {
            return exitCode;
        }
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"MSCSim " + Version.get(), "Java " + System.getProperty("java.version")};
        }
    }
}
