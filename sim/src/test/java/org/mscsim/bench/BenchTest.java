package org.mscsim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The bench's contract with scripts: the documented JSON keys are there with positive numbers,
 * and the thread-count check holds. Nothing here judges how fast anything is.
 */
class BenchTest {

    @Test
    void quickBenchReportsEveryDocumentedKeyAndIdenticalResults() throws Exception {
        List<String> lines = new ArrayList<>();
        Map<String, Object> r = new Bench(true, lines::add).run();
        for (String key : List.of("stream_triad_gbs_t2", "solver_updates_per_s_1000_t1", "solver_updates_per_s_1000_t2",
                "solver_stream_fraction_1000_t2", "agent_ns_per_step", "heatbugs_ns_per_bug_step",
                "model_steps_per_s_200_t2", "model_steps_per_s_1000_t2", "model_steps_per_s_1000_t2_min",
                "model_steps_per_s_1000_t2_max", "solver_bytes_per_update", "solver_gbs_1000_t2", "stream_triad_gbs_t2_alongside")) {
            Object v = r.get(key);
            assertTrue(v instanceof Number, key + " missing or not a number: " + v);
            double d = ((Number) v).doubleValue();
            assertTrue(d > 0 && Double.isFinite(d), key + " = " + d);
        }
        assertEquals(Boolean.TRUE, r.get("identical_across_threads"), String.join("\n", lines));
        assertEquals(33.2, ((Number) r.get("solver_bytes_per_update")).doubleValue(), 1e-9,
                "5 fields on 2 threads: 4 whole at 32 B, 1 shared at 38 B (its two passes and the helper's 3/8 of the rows once more)");
    }
}
