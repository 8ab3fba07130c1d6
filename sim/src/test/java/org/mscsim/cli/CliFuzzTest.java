package org.mscsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mscsim.batch.Seeds;
import org.mscsim.fuzz.FuzzCorpus;
import org.mscsim.scenario.Param;
import org.mscsim.scenario.Parameters;
import org.mscsim.scenario.Scenario;
import org.mscsim.scenario.ScenarioException;
import org.mscsim.scenario.ScenarioLoader;
import org.mscsim.trial.TrialSpec;

/**
 * Fuzzed inputs through the command line, in-process, as a user would type the commands:
 * {@code validate} and {@code run} of mutated scenarios (valid ones really run, briefly),
 * {@code run --set} with fuzzed overrides, {@code sweep --dry-run} of mutated sweeps and
 * {@code trial} of mutated trial files that do not validate. Every one must exit 0 (valid) or 2
 * (bad input) with one {@code error: <input>: ...} line per problem and no stack trace, and a
 * command refused for bad input leaves no output directory behind; a run that succeeds leaves a
 * complete one.
 */
class CliFuzzTest {

    private static final long SEED = 4_711L;
    private static final int SCENARIOS = 30;
    private static final int SETS = 12;
    private static final int SWEEPS = 20;
    private static final int TRIALS = 15;

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void fuzzedInputsExitWithZeroOrTwoAClearMessageAndNoPartialOutputDirectory() throws Exception {
        FuzzCorpus corpus = FuzzCorpus.in(tmp.resolve("in"));
        List<String> problems = new ArrayList<>();
        Map<String, Integer> tally = new LinkedHashMap<>();
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "cli-fuzz");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int i = 0; i < SCENARIOS; i++) {
                long seed = Seeds.derive(SEED, i);
                Path file = tmp.resolve("in").resolve("scenario-" + i + ".yaml");
                Files.write(file, corpus.mutate(FuzzCorpus.TINY_SCENARIO, seed));
                Scenario valid = loads(file);
                Cli.Result v = call(worker, "validate", "--quiet", file.toString());
                expect(problems, tally, "validate", seed, file.toString(), v, valid != null);
                Path out = tmp.resolve("out").resolve("run-" + i);
                if (valid == null || small(valid)) {
                    Cli.Result r = call(worker, "run", file.toString(), "--out", out.toString(), "--hours", "1", "--quiet");
                    expect(problems, tally, "run", seed, file.toString(), r, valid != null);
                    checkRunDirectory(problems, seed, out, r.exitCode());
                }
            }
            List<String> keys = Parameters.get().all().stream().map(Param::key).toList();
            Path tiny = tmp.resolve("in").resolve("tiny.yaml");
            for (int i = 0; i < SETS; i++) {
                long seed = Seeds.derive(SEED + 1, i);
                String set = corpus.set(keys, seed);
                Scenario valid = null;
                try {
                    valid = ScenarioLoader.load(tiny, List.of(set, "time.hours=1"));
                } catch (ScenarioException e) {
                    // refused: the command must say so
                }
                if (valid != null && !small(valid)) {
                    continue;
                }
                Path out = tmp.resolve("out").resolve("set-" + i);
                Cli.Result r = call(worker, "run", tiny.toString(), "--set", set, "--out", out.toString(), "--hours", "1", "--quiet");
                expect(problems, tally, "run --set", seed, "--set ", r, valid != null);
                checkRunDirectory(problems, seed, out, r.exitCode());
            }
            for (int i = 0; i < SWEEPS; i++) {
                long seed = Seeds.derive(SEED + 2, i);
                Path file = corpus.target(FuzzCorpus.Kind.SWEEP);
                Files.write(file, corpus.input(FuzzCorpus.Kind.SWEEP, seed));
                Path out = tmp.resolve("out").resolve("sweep-" + i);
                Cli.Result r = call(worker, "sweep", file.toString(), "--dry-run", "--out", out.toString());
                expect(problems, tally, "sweep --dry-run", seed, file.toString(), r, null);
                if (Files.exists(out)) {
                    problems.add("sweep --dry-run seed " + seed + " wrote " + out);
                }
            }
            for (int i = 0; i < TRIALS; i++) {
                long seed = Seeds.derive(SEED + 3, i);
                Path file = corpus.target(FuzzCorpus.Kind.TRIAL);
                byte[] bytes = corpus.input(FuzzCorpus.Kind.TRIAL, seed);
                Files.write(file, bytes);
                try {
                    TrialSpec.load(file);
                    tally.merge("trial valid (not run: weeks of patients)", 1, Integer::sum);
                    continue;
                } catch (ScenarioException e) {
                    // a refused trial costs nothing to run through the command line
                }
                Path out = tmp.resolve("out").resolve("trial-" + i);
                Cli.Result r = call(worker, "trial", file.toString(), "--out", out.toString());
                expect(problems, tally, "trial", seed, file.toString(), r, false);
                if (Files.exists(out)) {
                    problems.add("trial seed " + seed + " was refused but left " + out);
                }
            }
        } finally {
            worker.shutdownNow();
        }
        System.out.println("command-line fuzzing: " + tally);
        int calls = tally.entrySet().stream().filter(e -> !e.getKey().startsWith("trial valid")).mapToInt(Map.Entry::getValue).sum();
        assertTrue(calls >= 50, "at least 50 fuzzed command lines: " + tally);
        assertTrue(tally.getOrDefault("run exit 0", 0) >= 1, "some fuzzed scenarios are valid and run: " + tally);
        if (!problems.isEmpty()) {
            fail(problems.size() + " problems:\n" + String.join("\n", problems));
        }
    }

    private static Scenario loads(Path file) {
        try {
            return ScenarioLoader.load(file, List.of());
        } catch (ScenarioException e) {
            return null;
        }
    }

    /** Small enough to run for an hour in a moment. */
    private static boolean small(Scenario s) {
        long voxels = (long) s.integer("grid.width") * s.integer("grid.height");
        return voxels <= 10_000 && s.real("time.dt_min") >= 1 && s.real("output.interval_h") >= 0.05;
    }

    private static Cli.Result call(ExecutorService worker, String... args) throws Exception {
        Future<Cli.Result> f = worker.submit(() -> Cli.run(args));
        try {
            return f.get(90, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            return new Cli.Result(-1, "", "no answer within 90 s");
        }
    }

    /**
     * Exit 0 or 2, matching {@code valid} when known; every line on stderr an {@code error:} naming
     * the input (or a {@code note:}); never a stack trace.
     */
    private static void expect(List<String> problems, Map<String, Integer> tally, String command, long seed, String input,
                               Cli.Result r, Boolean valid) {
        tally.merge(command + " exit " + r.exitCode(), 1, Integer::sum);
        String what = command + " seed " + seed + " (exit " + r.exitCode() + "): ";
        if (r.exitCode() != 0 && r.exitCode() != Main.BAD_INPUT) {
            problems.add(what + "exit code must be 0 or 2\n" + r.err());
            return;
        }
        if (valid != null && valid != (r.exitCode() == 0)) {
            problems.add(what + "the loader says " + (valid ? "valid" : "invalid") + "\n" + r.err());
        }
        if (r.err().contains("\tat ") || r.err().contains("Exception")) {
            problems.add(what + "a stack trace or exception name\n" + r.err());
        }
        for (String line : r.err().split("\n")) {
            if (line.isEmpty() || line.startsWith("note: ")) {
                continue;
            }
            boolean named = line.startsWith("error: " + input) || line.startsWith("error: base scenario: ")
                    || input.equals("--set ") && line.startsWith("error: --set");
            if (!named) {
                problems.add(what + "an error line that does not name " + input + ": " + line);
            }
        }
        if (r.exitCode() == Main.BAD_INPUT && r.err().isBlank()) {
            problems.add(what + "refused without saying why");
        }
    }

    /** A refused run leaves no directory; a finished one a complete directory with no temporary files. */
    private static void checkRunDirectory(List<String> problems, long seed, Path out, int exitCode) throws Exception {
        if (exitCode != 0) {
            if (Files.exists(out)) {
                problems.add("run seed " + seed + " failed (exit " + exitCode + ") but left " + out);
            }
            return;
        }
        for (String f : List.of("summary.json", "timeseries.csv", "scenario.resolved.yaml")) {
            if (!Files.isRegularFile(out.resolve(f))) {
                problems.add("run seed " + seed + " succeeded without " + f);
            }
        }
        try (Stream<Path> s = Files.walk(out)) {
            s.filter(p -> p.getFileName().toString().endsWith(".partial"))
                    .forEach(p -> problems.add("run seed " + seed + " left a temporary file " + p));
        }
        String summary = Files.readString(out.resolve("summary.json"), StandardCharsets.UTF_8);
        assertEquals('}', summary.strip().charAt(summary.strip().length() - 1), "summary.json is whole");
    }
}
