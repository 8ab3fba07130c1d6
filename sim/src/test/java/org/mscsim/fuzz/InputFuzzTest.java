package org.mscsim.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mscsim.batch.Seeds;
import org.mscsim.scenario.Param;
import org.mscsim.scenario.Parameters;
import org.mscsim.scenario.Scenario;
import org.mscsim.scenario.ScenarioLoader;

/**
 * Thousands of malformed scenario, sweep and trial files and {@code --set} arguments, each
 * parsed and validated the way the commands do it ({@code validate}, {@code sweep --dry-run},
 * {@code trial}). Every one must end either in a valid result or in a {@link ScenarioException}
 * whose every message names the input (file, or {@code --set ...}) and reads as a sentence for a
 * person — never in another exception, a hang, or a message that leaks Java internals.
 *
 * <p>Seeded and deterministic: input i of kind K comes from {@code Seeds.derive(SEED + K, i)}.
 * A failing input is written to {@code target/fuzz-failures/} with its seed and stack trace; keep
 * it (shrunk, if possible) under {@code src/test/resources/fuzz-regressions/} once fixed. A longer
 * campaign: {@code mvn -pl sim test -Dtest=InputFuzzTest -Dmscsim.fuzz.count=200000 -Dmscsim.fuzz.seed=7}.
 */
class InputFuzzTest {

    private static final long SEED = Long.getLong("mscsim.fuzz.seed", 20_240_611L);
    /** Inputs per kind: 4 kinds x 3000 = 12,000 in CI. */
    private static final int COUNT = Integer.getInteger("mscsim.fuzz.count", 3000);
    /** Longer than this is reported as suspiciously slow (a large but valid sweep may take a while). */
    private static final long SLOW_MILLIS = 2000;

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void everyMalformedInputEndsInAValidResultOrAClearErrorNamingTheFile() throws Exception {
        FuzzCorpus corpus = FuzzCorpus.in(tmp);
        List<String> keys = Parameters.get().all().stream().map(Param::key).toList();
        Scenario base = ScenarioLoader.load(corpus.root().resolve("tiny.yaml"), List.of());
        Map<String, String> failures = new LinkedHashMap<>();
        Map<String, Integer> tally = new LinkedHashMap<>();
        List<String> slow = new ArrayList<>();
        Map<String, Long> millis = new LinkedHashMap<>();
        ExecutorService worker = Executors.newSingleThreadExecutor(daemon());
        long t0 = System.nanoTime();
        try {
            for (FuzzCorpus.Kind kind : FuzzCorpus.Kind.values()) {
                long kindSeed = SEED + kind.ordinal() * 1_000_003L;
                for (int i = 0; i < COUNT; i++) {
                    long seed = Seeds.derive(kindSeed, i);
                    long g0 = System.nanoTime();
                    FuzzCheck.Input in;
                    if (kind == FuzzCorpus.Kind.SET) {
                        String set = corpus.set(keys, seed);
                        in = new FuzzCheck.Input(kind, seed, "--set " + set, null, () -> ScenarioLoader.applySets(base, List.of(set)));
                    } else {
                        Path file = corpus.target(kind);
                        byte[] bytes = corpus.input(kind, seed);
                        Files.write(file, bytes);
                        in = new FuzzCheck.Input(kind, seed, file.toString(), bytes, () -> FuzzCheck.load(kind, file));
                    }
                    long start = System.nanoTime();
                    millis.merge("generate", (start - g0) / 1_000_000, Long::sum);
                    String verdict = FuzzCheck.check(in, worker);
                    long ms = (System.nanoTime() - start) / 1_000_000;
                    if (verdict.startsWith("FAIL")) {
                        String signature = verdict.lines().findFirst().orElse(verdict);
                        if (!failures.containsKey(signature)) {
                            failures.put(signature, keep(in, verdict));
                        }
                        if (verdict.startsWith("FAIL hang")) {
                            worker.shutdownNow();
                            worker = Executors.newSingleThreadExecutor(daemon());
                        }
                    }
                    tally.merge(kind + " " + verdict.split("[ \n]")[0], 1, Integer::sum);
                    millis.merge(kind.toString(), ms, Long::sum);
                    if (ms > SLOW_MILLIS || ms > Long.getLong("mscsim.fuzz.report-ms", Long.MAX_VALUE)) {
                        slow.add(kind + " seed " + seed + ": " + ms + " ms");
                    }
                }
            }
        } finally {
            worker.shutdownNow();
        }
        System.out.printf(Locale.ROOT, "fuzzed %d inputs in %.1f s: %s%n", COUNT * FuzzCorpus.Kind.values().length,
                (System.nanoTime() - t0) / 1e9, tally);
        System.out.println("milliseconds by kind: " + millis);
        if (!slow.isEmpty()) {
            System.out.println("slow inputs (> " + SLOW_MILLIS + " ms): " + slow);
        }
        assertFalse(Canary.Tripwire.touched, "a YAML tag made a loader build an object");
        assertTrue(tally.getOrDefault("SCENARIO ok", 0) > 0 && tally.getOrDefault("SCENARIO error", 0) > COUNT / 2,
                "the fuzzer should make both valid and invalid inputs: " + tally);
        if (!failures.isEmpty()) {
            fail(failures.size() + " kinds of failure (inputs kept in target/fuzz-failures/):\n\n" + String.join("\n\n", failures.values()));
        }
    }

    /** Keeps a failing input for a regression test; returns the report line. */
    private static String keep(FuzzCheck.Input in, String verdict) throws IOException {
        Path dir = Path.of("target", "fuzz-failures");
        Files.createDirectories(dir);
        String name = in.kind().name().toLowerCase(Locale.ROOT) + "-" + Long.toUnsignedString(in.seed(), 16);
        if (in.bytes() != null) {
            Files.write(dir.resolve(name + ".yaml"), in.bytes());
        } else {
            Files.writeString(dir.resolve(name + ".set.txt"), in.source().substring("--set ".length()));
        }
        Files.writeString(dir.resolve(name + ".txt"), in.source() + "\n" + verdict);
        return in.kind() + " seed " + in.seed() + " (" + name + "): " + FuzzCheck.abbreviate(verdict.lines().limit(12)
                .reduce((a, b) -> a + "\n" + b).orElse(verdict));
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(r, "fuzz");
            t.setDaemon(true);
            return t;
        };
    }
}
