package org.mscsim.assay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mscsim.batch.Batch;
import org.mscsim.batch.Seeds;
import org.mscsim.scenario.Scenario;
import org.mscsim.scenario.ScenarioException;
import org.mscsim.scenario.ScenarioLoader;

/**
 * A bench experiment: named conditions (each a set of overrides of one base scenario), every
 * condition run in the same replicates. Replicate r of every condition uses the same seed
 * (common random numbers), so differences between conditions are not blurred by differences in
 * luck, and the seeds derive only from the master seed and r.
 */
public final class Experiment {

    private final Scenario base;
    private final int replicates;
    private final long master;
    private final Map<String, List<String>> conditions = new LinkedHashMap<>();

    public Experiment(Scenario base, int replicates) {
        this.base = base;
        this.replicates = replicates;
        this.master = base.seed();
    }

    public Scenario base() {
        return base;
    }

    public int replicates() {
        return replicates;
    }

    public long seed(int replicate) {
        return Seeds.derive(master, replicate);
    }

    /** Adds a condition; {@code sets} are KEY=VALUE overrides of the base, validated like --set. */
    public Experiment condition(String label, String... sets) {
        conditions.put(label, List.of(sets));
        return this;
    }

    public List<String> labels() {
        return List.copyOf(conditions.keySet());
    }

    /** The jobs, replicate by replicate. */
    public List<Batch.Job> jobs() throws ScenarioException {
        List<Batch.Job> jobs = new ArrayList<>();
        for (int r = 0; r < replicates; r++) {
            for (Map.Entry<String, List<String>> c : conditions.entrySet()) {
                List<String> sets = new ArrayList<>(c.getValue());
                sets.add("seed=" + seed(r));
                jobs.add(new Batch.Job(c.getKey(), ScenarioLoader.applySets(base, sets)));
            }
        }
        return jobs;
    }

    /** Runs every job and returns, per condition, the outcomes in replicate order. */
    public Results run(int workers, Batch.Progress progress) throws ScenarioException {
        List<Batch.Outcome> all = Batch.run(jobs(), workers, progress);
        Map<String, List<Batch.Outcome>> by = new LinkedHashMap<>();
        for (String label : conditions.keySet()) {
            by.put(label, new ArrayList<>());
        }
        for (Batch.Outcome o : all) {
            by.get(o.job().label()).add(o);
        }
        return new Results(by);
    }

    /** Outcomes by condition label. */
    public record Results(Map<String, List<Batch.Outcome>> byCondition) {

        public List<Batch.Outcome> of(String label) {
            List<Batch.Outcome> o = byCondition.get(label);
            if (o == null) {
                throw new IllegalArgumentException("no condition " + label);
            }
            return o;
        }

        /** A per-replicate quantity of one condition. */
        public double[] values(String label, java.util.function.ToDoubleFunction<Batch.Outcome> f) {
            List<Batch.Outcome> o = of(label);
            double[] v = new double[o.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = f.applyAsDouble(o.get(i));
            }
            return v;
        }

        /** A per-replicate quantity comparing a condition with a reference in the same replicate. */
        public double[] paired(String label, String reference, Pair f) {
            List<Batch.Outcome> a = of(label);
            List<Batch.Outcome> b = of(reference);
            double[] v = new double[a.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = f.apply(a.get(i), b.get(i));
            }
            return v;
        }
    }

    /** A quantity of two outcomes of the same replicate. */
    public interface Pair {
        double apply(Batch.Outcome condition, Batch.Outcome reference);
    }
}
