package org.mscsim.fuzz;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.mscsim.scenario.ScenarioException;
import org.mscsim.scenario.ScenarioLoader;
import org.mscsim.sweep.Manifest;
import org.mscsim.sweep.RunMatrix;
import org.mscsim.sweep.Sweep;
import org.mscsim.sweep.SweepParser;
import org.mscsim.trial.TrialSpec;

/**
 * What the fuzz tests ask of every input: it is parsed and validated the way the commands do it
 * ({@code validate}, {@code sweep --dry-run}, {@code trial}) within a time limit, and ends either
 * in a valid result or in a {@link ScenarioException} whose every message names the input and
 * reads as a sentence for a person.
 */
public final class FuzzCheck {

    /** No single input may take longer than this to parse and validate. */
    static final long LIMIT_SECONDS = 10;
    /** A message longer than this floods the terminal: a value should be abbreviated. */
    static final int LONGEST_MESSAGE = 2000;

    private FuzzCheck() {
    }

    /** Parses and validates a file as the command for its kind does before it runs anything. */
    static Object load(FuzzCorpus.Kind kind, Path file) throws ScenarioException {
        switch (kind) {
            case SCENARIO:
                return ScenarioLoader.load(file, List.of());
            case SWEEP: {
                Sweep s = SweepParser.load(file);
                return Manifest.of(s, RunMatrix.expand(s), file);
            }
            case TRIAL:
                return TrialSpec.load(file);
            default:
                throw new IllegalArgumentException(kind.toString());
        }
    }

    interface Parse {
        Object call() throws Exception;
    }

    record Input(FuzzCorpus.Kind kind, long seed, String source, byte[] bytes, Parse parse) {
    }

    /** "ok", "error" (a clear ScenarioException), or "FAIL ..." with why. */
    static String check(Input in, ExecutorService worker) throws InterruptedException {
        Future<Object> f = worker.submit(in.parse()::call);
        try {
            f.get(LIMIT_SECONDS, TimeUnit.SECONDS);
            return "ok";
        } catch (TimeoutException e) {
            f.cancel(true);
            return "FAIL hang: no answer within " + LIMIT_SECONDS + " s";
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ScenarioException se) {
                String bad = unclear(se, in.source());
                return bad == null ? "error" : "FAIL unclear message: " + bad;
            }
            StackTraceElement top = cause.getStackTrace().length > 0 ? cause.getStackTrace()[0] : null;
            StringWriter trace = new StringWriter();
            cause.printStackTrace(new PrintWriter(trace));
            return "FAIL " + cause.getClass().getName() + " at " + top + "\n" + trace;
        }
    }

    /** Why a message is not one a person can act on, or null if every problem is fine. */
    static String unclear(ScenarioException e, String source) {
        if (e.problems().isEmpty()) {
            return "no problem listed";
        }
        for (String p : e.problems()) {
            // A sweep's base scenario is named by its own path; a cross-check of several --set overrides by "--set: ".
            boolean named = p.startsWith(source + ": ") || p.startsWith(source + " line ") || p.startsWith("base scenario: ")
                    || source.startsWith("--set ") && (p.startsWith("--set: ") || p.startsWith("--set "));
            if (!named) {
                return "does not start with " + source + ": " + abbreviate(p);
            }
            if (p.length() > LONGEST_MESSAGE) {
                return "a message of " + p.length() + " characters: " + abbreviate(p);
            }
            if (p.indexOf('\n') >= 0 || p.indexOf('\r') >= 0) {
                return "a message over several lines: " + abbreviate(p);
            }
            if (p.contains("Exception") || p.contains("\tat ") || p.contains("snakeyaml") || p.contains("jackson") || p.contains("Event(") || p.matches("(?s).*\\b(java|javax|com|org|sun)\\.[a-z]+\\.[\\w.]*Error\\b.*")
                    || p.endsWith("null") || p.endsWith("null)")) {
                return "leaks internals: " + abbreviate(p);
            }
        }
        return null;
    }

    static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "... (" + s.length() + " characters)";
    }
}
