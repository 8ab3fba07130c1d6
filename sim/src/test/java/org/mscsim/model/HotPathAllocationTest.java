package org.mscsim.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mscsim.scenario.ScenarioLoader;

/**
 * The per-step hot path allocates nothing once the model is warmed up, whatever the thread count:
 * what a step allocates is the cells born in it. (Before the tiles' random streams were reseeded
 * in place, every tile made a new generator each step: ~5 kB per step here.)
 */
class HotPathAllocationTest {

    /** Bytes allocated so far by every live thread (the model's workers included). */
    private static long allocatedByAllThreads() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (long b : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            sum += Math.max(0, b);
        }
        return sum;
    }

    @Test
    void aWarmedUpStepOfTheCocultureAllocatesAlmostNothing() throws Exception {
        for (int threads : new int[] {1, 2}) {
            MscModel m = new MscModel(ScenarioLoader.builtIn(ScenarioLoader.DEFAULT_SCENARIO,
                    List.of("time.hours=100000", "output.charts=false")), threads);
            m.start();
            for (int i = 0; i < 300; i++) {
                m.step();
            }
            int steps = 100;
            long before = allocatedByAllThreads();
            for (int i = 0; i < steps; i++) {
                m.step();
            }
            long perStep = (allocatedByAllThreads() - before) / steps;
            int cells = m.tissue.count();
            m.finish();
            assertTrue(perStep < 2000, threads + " thread(s): " + perStep + " bytes allocated per step (" + cells + " cells)");
        }
    }
}
