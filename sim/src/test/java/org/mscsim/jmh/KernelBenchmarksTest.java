package org.mscsim.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The JMH benchmarks compile, are registered by JMH's annotation processor and run: one short
 * in-process iteration each. It checks that they work, not how fast they are.
 */
class KernelBenchmarksTest {

    @Test
    void everyBenchmarkRunsAndReportsATime() throws Exception {
        Options opts = new OptionsBuilder()
                .include(KernelBenchmarks.class.getName() + "\\.")
                .param("side", "200")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(200))
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> results = new Runner(opts).run();
        assertEquals(2, results.size(), "fieldStep and cellsStep");
        for (RunResult r : results) {
            double ms = r.getPrimaryResult().getScore();
            assertTrue(ms > 0 && Double.isFinite(ms), r.getParams().getBenchmark() + ": " + ms + " ms/op");
        }
    }
}
