package org.mscsim.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.mscsim.scenario.Scenario;
import org.mscsim.scenario.ScenarioException;
import org.mscsim.scenario.ScenarioLoader;

/**
 * Every input the fuzzer (or a person) found to crash a loader or give an unclear message, kept in
 * {@code src/test/resources/fuzz-regressions/} and loaded again on every build. The file name says
 * the loader: {@code scenario-*.yaml}, {@code sweep-*.yaml} (written beside the shipped scenarios
 * so {@code base: ../coculture.yaml} resolves), {@code trial-*.yaml}, or {@code set-*.txt} (one
 * {@code --set} argument). An optional {@code NAME.expect} beside it holds {@code valid}, or a
 * piece of text the error must contain.
 */
class FuzzRegressionTest {

    static final Path DIR = Path.of("src/test/resources/fuzz-regressions");

    @TempDir
    Path tmp;

    @TestFactory
    List<DynamicTest> everyKeptInputEndsInAValidResultOrAClearError() throws Exception {
        List<Path> inputs;
        try (Stream<Path> s = Files.list(DIR)) {
            inputs = s.filter(p -> !p.getFileName().toString().endsWith(".expect") && !p.getFileName().toString().equals("README.md"))
                    .sorted().toList();
        }
        assertFalse(inputs.isEmpty(), "no inputs in " + DIR);
        List<DynamicTest> tests = new ArrayList<>();
        for (Path input : inputs) {
            tests.add(DynamicTest.dynamicTest(input.getFileName().toString(), () -> check(input)));
        }
        return tests;
    }

    private void check(Path input) throws Exception {
        String name = input.getFileName().toString();
        FuzzCorpus corpus = FuzzCorpus.in(tmp.resolve(name));
        FuzzCorpus.Kind kind = FuzzCorpus.Kind.valueOf(name.substring(0, name.indexOf('-')).toUpperCase(java.util.Locale.ROOT));
        FuzzCheck.Input in;
        if (kind == FuzzCorpus.Kind.SET) {
            String set = Files.readString(input, StandardCharsets.UTF_8).stripTrailing();
            Scenario base = ScenarioLoader.load(corpus.root().resolve("tiny.yaml"), List.of());
            in = new FuzzCheck.Input(kind, 0, "--set " + set, null, () -> ScenarioLoader.applySets(base, List.of(set)));
        } else {
            Path file = corpus.target(kind);
            byte[] bytes = Files.readAllBytes(input);
            Files.write(file, bytes);
            in = new FuzzCheck.Input(kind, 0, file.toString(), bytes, () -> FuzzCheck.load(kind, file));
        }
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-regression");
            t.setDaemon(true);
            return t;
        });
        try {
            String verdict = FuzzCheck.check(in, worker);
            assertFalse(verdict.startsWith("FAIL"), name + ": " + verdict);
            Path expect = input.resolveSibling(name + ".expect");
            if (Files.exists(expect)) {
                String wanted = Files.readString(expect).strip();
                if (wanted.equals("valid")) {
                    assertEquals("ok", verdict, name + " is valid");
                } else {
                    assertEquals("error", verdict, name + " is refused");
                    ScenarioException e = error(in);
                    assertTrue(e.getMessage().contains(wanted), name + ": expected \"" + wanted + "\" in:\n" + e.getMessage());
                }
            }
        } finally {
            worker.shutdownNow();
        }
        assertFalse(Canary.Tripwire.touched, "a YAML tag made a loader build an object");
    }

    private static ScenarioException error(FuzzCheck.Input in) throws Exception {
        try {
            in.parse().call();
        } catch (ScenarioException e) {
            return e;
        }
        throw new AssertionError("no error");
    }
}
