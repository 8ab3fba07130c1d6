package org.mscsim.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mscsim.fields.DiffusionSolver;
import org.mscsim.model.MscModel;
import org.mscsim.scenario.ScenarioLoader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH microbenchmarks of the hot kernels, beside {@code ./mscsim bench}: one field's implicit
 * step, and one step of every cell. Each reports time per operation;
 * divide by the voxels (or cells) for the cost of one update. How to run: README, Performance.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseParallelGC", "-Djava.awt.headless=true"})
public class KernelBenchmarks {

    /** One field on a periodic {@code side}² patch, with the bench's physics (D 6000 µm²/min, dt 5 min, 10 µm). */
    @State(Scope.Thread)
    public static class OneField {
        @Param({"200", "1000"})
        public int side;
        DiffusionSolver solver;
        double[][] c;

        @Setup(Level.Trial)
        public void setUp() {
            solver = new DiffusionSolver(side, side, DiffusionSolver.Boundary.PERIODIC);
            solver.configure(6000, Math.log(2) / 600, 0, 0, 5, 10);
            c = new double[side][side];
            for (int i = 0; i < side * side; i++) {
                c[i / side][i % side] = (i * 7919L % 1000) / 1000.0;
            }
        }
    }

    /** The whole implicit step of one field: x solves, y solve, decay (voxel-field updates = side²). */
    @Benchmark
    public double fieldStep(OneField f) {
        f.solver.step(f.c);
        return f.c[0][0];
    }

    /** The default co-culture, densified to the bench's 14,600 cells on 200 x 200, after 300 steps. */
    @State(Scope.Thread)
    public static class Coculture {
        MscModel model;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            List<String> sets = new ArrayList<>(List.of("grid.width=200", "grid.height=200", "output.charts=false",
                    "time.hours=100000"));
            double scale = 16000 / 6400.0;
            for (String[] p : new String[][] {{"msc", "400"}, {"t_cd4", "2600"}, {"t_cd8", "1400"}, {"b", "600"},
                {"nk", "600"}, {"macrophage", "800"}}) {
                sets.add("populations." + p[0] + "=" + Math.round(Integer.parseInt(p[1]) * scale));
            }
            model = new MscModel(ScenarioLoader.builtIn(ScenarioLoader.DEFAULT_SCENARIO, sets), 1);
            model.start();
            for (int i = 0; i < 300; i++) {
                model.step();
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            model.finish();
        }
    }

    /** One step of every cell (no field solve): divide by the cell count for one agent step. */
    @Benchmark
    public int cellsStep(Coculture s) {
        s.model.tissue.stepAll(s.model);
        return s.model.tissue.count();
    }
}
