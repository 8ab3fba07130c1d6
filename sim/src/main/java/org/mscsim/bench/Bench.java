package org.mscsim.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.mscsim.fields.DiffusionSolver;
import org.mscsim.fields.Field;
import org.mscsim.fields.FieldId;
import org.mscsim.fields.Fields;
import org.mscsim.fields.Workers;
import org.mscsim.model.MscModel;
import org.mscsim.model.Observables;
import org.mscsim.scenario.Scenario;
import org.mscsim.scenario.ScenarioException;
import org.mscsim.scenario.ScenarioLoader;
import sim.app.heatbugs.HeatBugs;

/**
 * The performance report: memory bandwidth (STREAM triad), field-solver throughput, agent
 * throughput, whole-model speed, MASON's HeatBugs as the familiar baseline, and a check that
 * thread count does not change results. Every number is the median of several timed
 * repetitions after untimed warm-up.
 */
public final class Bench {

    /**
     * Bytes the solver must move to and from memory per voxel-field update when one thread solves
     * a field whole: the field is read and written once in each of its two passes (the row block
     * being solved stays in cache).
     */
    public static final int SOLVER_BYTES_WHOLE = 32;
    /**
     * The same for a field two threads share (see {@link org.mscsim.fields.Fields}): its two
     * passes, plus one more read and write of the rows whose x solves the helper takes.
     */
    public static final double SOLVER_BYTES_SHARED = SOLVER_BYTES_WHOLE + 16 * Fields.HELPER_ROWS;

    /** Average bytes per update for {@code fields} fields on {@code threads} threads. */
    public static double solverBytesPerUpdate(int fields, int threads) {
        int whole = threads == 1 ? fields : fields / threads * threads;
        return (whole * (double) SOLVER_BYTES_WHOLE + (fields - whole) * SOLVER_BYTES_SHARED) / fields;
    }

    private final boolean quick;
    private final Consumer<String> log;
    private final Map<String, Object> results = new LinkedHashMap<>();

    public Bench(boolean quick, Consumer<String> log) {
        this.quick = quick;
        this.log = log;
    }

    public Map<String, Object> run() throws ScenarioException {
        results.put("cores", Runtime.getRuntime().availableProcessors());
        results.put("java", System.getProperty("java.version"));
        results.put("gc", gc());
        results.put("transparent_huge_pages", vmFlag("UseTransparentHugePages"));
        log.accept("JVM: " + results.get("gc") + " collector, transparent huge pages "
                + ((Boolean) results.get("transparent_huge_pages") ? "on" : "off") + " (./mscsim sets both where it can)");
        stream();
        solver();
        agents();
        model();
        heatBugs();
        identical();
        return results;
    }

    /** A boolean HotSpot flag's effective value (false where the JVM does not have it). */
    private static boolean vmFlag(String name) {
        try {
            return Boolean.parseBoolean(java.lang.management.ManagementFactory
                    .getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class).getVMOption(name).getValue());
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The garbage collector in use, by the name of its old-generation collector bean. */
    private static String gc() {
        String name = "unknown";
        for (java.lang.management.GarbageCollectorMXBean b : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            name = b.getName(); // the last bean is the old-generation/full collector
        }
        if (name.startsWith("PS ")) {
            return "Parallel";
        }
        if (name.startsWith("G1")) {
            return "G1";
        }
        return name;
    }

    private int reps() {
        return quick ? 3 : 5;
    }

    /** Median wall time (s) of {@code reps} runs of {@code work} after {@code warm} untimed ones. */
    static double median(int warm, int reps, Runnable work) {
        for (int i = 0; i < warm; i++) {
            work.run();
        }
        double[] t = new double[reps];
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            work.run();
            t[i] = (System.nanoTime() - t0) / 1e9;
        }
        Arrays.sort(t);
        return t[reps / 2];
    }

    // ------------------------------------------------------------------ (a) STREAM triad

    /** STREAM's triad {@code a = b + 3 c} over arrays far larger than any cache. */
    static final class Triad {
        final int n;
        final double[] a;
        final double[] b;
        final double[] c;

        Triad(int n) {
            this.n = n;
            a = new double[n];
            b = new double[n];
            c = new double[n];
            Arrays.fill(b, 1.0);
            Arrays.fill(c, 2.0);
        }

        void run(Workers w) {
            final int parts = w.size();
            w.run(p -> {
                int from = Workers.from(n, parts, p);
                int to = Workers.from(n, parts, p + 1);
                for (int i = from; i < to; i++) {
                    a[i] = b[i] + 3.0 * c[i];
                }
            });
        }

        /** GB/s of one triad taking {@code seconds}: STREAM counts 3 x 8 bytes per element. */
        double gbs(double seconds) {
            return 24.0 * n / seconds / 1e9;
        }
    }

    private void stream() {
        Triad triad = new Triad(quick ? 8 << 20 : 32 << 20); // 32 Mi doubles = 256 MiB per array, far beyond any cache
        for (int threads : new int[] {1, 2}) {
            try (Workers w = new Workers(threads)) {
                double s = median(2, reps(), () -> triad.run(w));
                double gbs = triad.gbs(s);
                results.put("stream_triad_gbs_t" + threads, round(gbs, 3));
                log.accept(String.format(Locale.ROOT, "STREAM triad, %d thread(s): %.2f GB/s", threads, gbs));
            }
        }
    }

    // ------------------------------------------------------------------ (b) field solver

    private void solver() {
        int[] sizes = quick ? new int[] {200, 1000} : new int[] {200, 1000, 2000};
        for (int size : sizes) {
            for (int threads : new int[] {1, 2}) {
                double ups;
                try (Workers w = new Workers(threads)) {
                    SolverRig rig = new SolverRig(size, w);
                    ups = rig.updates / median(2, 5, rig::run);
                }
                results.put("solver_updates_per_s_" + size + "_t" + threads, round(ups, 0));
                log.accept(String.format(Locale.ROOT, "field solver %d x %d, 5 fields, %d thread(s): %.3g voxel-field updates/s",
                        size, size, threads, ups));
            }
        }
        // The share of STREAM: this machine's bandwidth wanders from minute to minute, so each of
        // five rounds times a triad and then a solver repetition, and the median of the rounds'
        // ratios is reported (the solver alone above, and STREAM alone, were timed at other times).
        int big = quick ? 1000 : 2000;
        double bytes = solverBytesPerUpdate(5, 2);
        double[] ratio = new double[5];
        double[] solverGbs = new double[ratio.length];
        double[] streamGbs = new double[ratio.length];
        // 8 Mi doubles = 64 MiB per array: still far beyond any cache, and light beside the fields.
        Triad triad = new Triad(8 << 20);
        try (Workers w = new Workers(2)) {
            SolverRig rig = new SolverRig(big, w);
            triad.run(w);
            rig.run();
            for (int r = 0; r < ratio.length; r++) {
                long t0 = System.nanoTime();
                for (int k = 0; k < 4; k++) {
                    triad.run(w); // four triads: about as long as the solver repetition
                }
                long t1 = System.nanoTime();
                rig.run();
                long t2 = System.nanoTime();
                streamGbs[r] = triad.gbs((t1 - t0) / 4 / 1e9);
                solverGbs[r] = rig.updates * bytes / ((t2 - t1) / 1e9) / 1e9;
                ratio[r] = solverGbs[r] / streamGbs[r];
            }
        }
        // The round with the median ratio gives all three numbers, so they agree with each other.
        Integer[] byRatio = {0, 1, 2, 3, 4};
        Arrays.sort(byRatio, (x, y) -> Double.compare(ratio[x], ratio[y]));
        int mid = byRatio[byRatio.length / 2];
        double fraction = ratio[mid];
        results.put("solver_bytes_per_update", round(bytes, 1));
        results.put("solver_gbs_" + big + "_t2", round(solverGbs[mid], 3));
        results.put("stream_triad_gbs_t2_alongside", round(streamGbs[mid], 3));
        results.put("solver_stream_fraction_" + big + "_t2", round(fraction, 3));
        log.accept(String.format(Locale.ROOT, "field solver %d x %d, 2 threads: %.2f GB/s effective (%.1f B/update: 4 fields whole at %d, one shared at %.0f)",
                big, big, solverGbs[mid], bytes, SOLVER_BYTES_WHOLE, SOLVER_BYTES_SHARED));
        log.accept(String.format(Locale.ROOT, "  = %.0f %% of a STREAM triad timed just before it (%.2f GB/s; the median of 5 such rounds, which ranged %.0f to %.0f %%)",
                100 * fraction, streamGbs[mid], 100 * ratio[byRatio[0]], 100 * ratio[byRatio[byRatio.length - 1]]));
    }

    /** The bench's five fields at {@code size}², stepped on a set of worker threads. */
    static final class SolverRig {
        private final Fields five;
        private final int steps;
        /** Voxel-field updates per {@link #run}. */
        final double updates;

        SolverRig(int size, Workers w) {
            List<Field> active = new ArrayList<>();
            for (FieldId id : List.of(FieldId.PGE2, FieldId.TRYPTOPHAN, FieldId.KYNURENINE, FieldId.TGF_BETA, FieldId.IFN_GAMMA)) {
                active.add(new Field(id, size, size, DiffusionSolver.Boundary.PERIODIC));
            }
            for (Field f : active) {
                f.configure(10, 3200, 5, f.id == FieldId.PGE2 ? 18000 : 6000, 600, 5, 0, 1);
                for (int i = 0; i < size * size; i++) {
                    f.c[i / size][i % size] = (i * 7919L % 1000) / 1000.0;
                }
            }
            this.five = new Fields(active.toArray(new Field[0]), w);
            this.steps = Math.max(3, (int) (4e7 / (5.0 * size * size)));
            this.updates = 5.0 * size * size * steps;
        }

        void run() {
            for (int k = 0; k < steps; k++) {
                five.step();
            }
        }
    }

    // ------------------------------------------------------------------ (c) agents

    /** The default co-culture on a {@code side}² patch seeded with about {@code cells} cells in its proportions. */
    static Scenario dense(int side, int cells) throws ScenarioException {
        double scale = cells / 6400.0;
        List<String> sets = new ArrayList<>(List.of("grid.width=" + side, "grid.height=" + side, "output.charts=false",
                "time.hours=100000"));
        for (String[] p : new String[][] {{"msc", "400"}, {"t_cd4", "2600"}, {"t_cd8", "1400"}, {"b", "600"}, {"nk", "600"},
            {"macrophage", "800"}}) {
            sets.add("populations." + p[0] + "=" + Math.round(Integer.parseInt(p[1]) * scale));
        }
        return ScenarioLoader.builtIn(ScenarioLoader.DEFAULT_SCENARIO, sets);
    }

    private void agents() throws ScenarioException {
        MscModel m = new MscModel(dense(200, 16000), 1);
        m.start();
        for (int i = 0; i < 300; i++) {
            m.step(); // into the activated, cytokine-rich phase where every mechanism acts
        }
        int cells = m.tissue.count();
        int steps = 20;
        double s = median(1, reps(), () -> {
            for (int i = 0; i < steps; i++) {
                m.tissue.stepAll(m);
            }
        });
        m.finish();
        double ns = s / steps / cells * 1e9;
        results.put("agent_cells", cells);
        results.put("agent_ns_per_step", round(ns, 1));
        log.accept(String.format(Locale.ROOT, "agents: %.0f ns per agent-step (%d cells on 200 x 200, all mechanisms)", ns, cells));
    }

    // ------------------------------------------------------------------ (d) whole model

    private void model() throws ScenarioException {
        for (int threads : new int[] {1, 2}) {
            Scenario s = ScenarioLoader.builtIn(ScenarioLoader.DEFAULT_SCENARIO, List.of("time.hours=100000", "output.charts=false"));
            double sps = modelSpeed(s, threads, 200, 100);
            results.put("model_steps_per_s_200_t" + threads, round(sps, 1));
            log.accept(String.format(Locale.ROOT, "co-culture 200 x 200 (~10,000 cells), %d thread(s): %.0f steps/s", threads, sps));
        }
        for (int threads : new int[] {1, 2}) {
            Scenario big = dense(1000, 250_000);
            double[] cells = new double[3];
            double sps = modelSpeedCells(big, threads, quick ? 5 : 20, quick ? 5 : 20, cells);
            results.put("model_cells_1000", (long) cells[0]);
            results.put("model_steps_per_s_1000_t" + threads, round(sps, 2));
            results.put("model_steps_per_s_1000_t" + threads + "_min", round(cells[1], 2));
            results.put("model_steps_per_s_1000_t" + threads + "_max", round(cells[2], 2));
            log.accept(String.format(Locale.ROOT, "co-culture 1000 x 1000 (%.0f cells), %d thread(s): %.1f steps/s (repetitions %.1f to %.1f)",
                    cells[0], threads, sps, cells[1], cells[2]));
        }
    }

    static double modelSpeed(Scenario s, int threads, int warm, int steps) {
        return modelSpeedCells(s, threads, warm, steps, new double[3]);
    }

    /**
     * Median steps/s of five timed repetitions after {@code warm} steps; {@code out} receives the
     * cell count and the slowest and fastest repetition's steps/s.
     */
    static double modelSpeedCells(Scenario s, int threads, int warm, int steps, double[] out) {
        System.gc(); // start every model on a clean heap, not in the previous one's garbage
        MscModel m = new MscModel(s, threads);
        m.start();
        for (int i = 0; i < warm; i++) {
            m.step();
        }
        out[0] = m.tissue.count();
        double[] t = new double[5];
        for (int r = 0; r < t.length; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < steps; i++) {
                m.step();
            }
            t[r] = (System.nanoTime() - t0) / 1e9;
        }
        m.finish();
        Arrays.sort(t);
        out[1] = steps / t[t.length - 1];
        out[2] = steps / t[0];
        return steps / t[2];
    }

    // ------------------------------------------------------------------ (e) HeatBugs

    private void heatBugs() {
        double perStep = heatBugsStep(100);
        double none = heatBugsStep(0);
        double many = heatBugsStep(1000);
        double perBug = (many - none) / 1000 * 1e9;
        results.put("heatbugs_steps_per_s", round(1 / perStep, 0));
        results.put("heatbugs_ns_per_bug_step", round(perBug, 1));
        log.accept(String.format(Locale.ROOT, "MASON HeatBugs 100 x 100, 100 bugs: %.0f steps/s; one bug step costs %.0f ns", 1 / perStep, perBug));
        double agent = ((Number) results.get("agent_ns_per_step")).doubleValue();
        log.accept(String.format(Locale.ROOT, "  one MSCSim agent step = %.2f HeatBugs bug steps", agent / perBug));
    }

    /** Seconds per HeatBugs step with {@code bugs} bugs (its own diffuser included). */
    static double heatBugsStep(int bugs) {
        HeatBugs h = new HeatBugs(1);
        h.bugCount = bugs;
        h.start();
        int steps = 2000;
        double s = median(1, 5, () -> {
            for (int i = 0; i < steps; i++) {
                h.schedule.step(h);
            }
        });
        h.finish();
        return s / steps;
    }

    // ------------------------------------------------------------------ (f) determinism

    private void identical() throws ScenarioException {
        // 400 x 400 is past the size where the cells use the second thread, and with 3 threads
        // two of the eight fields are shared by rows and columns: every parallel path runs.
        Scenario s = dense(400, 64000);
        String one = fingerprint(s, 1);
        boolean same = one.equals(fingerprint(s, 2)) && one.equals(fingerprint(s, 3));
        results.put("identical_across_threads", same);
        log.accept("1, 2 and 3 threads give identical cells and fields after 100 steps (400 x 400, 64,000 cells): " + same);
    }

    static String fingerprint(Scenario s, int threads) {
        MscModel m = new MscModel(s, threads);
        m.start();
        for (int i = 0; i < 100; i++) {
            m.step();
        }
        double[] row = new double[Observables.columns(m).size()];
        Observables.sample(m, row);
        long h = 1125899906842597L;
        for (int i = 0; i < m.tissue.count(); i++) {
            h = 31 * h + m.tissue.cell(i).voxel() * 8L + m.tissue.cell(i).type().ordinal();
        }
        for (FieldId id : FieldId.ALL) {
            for (double[] voxels : m.fields.get(id).c) {
                for (double v : voxels) {
                    h = 31 * h + Double.doubleToLongBits(v);
                }
            }
        }
        m.finish();
        return Arrays.toString(row) + ":" + h;
    }

    private static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}
