package org.mscsim.trial;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.mscsim.batch.Batch;
import org.mscsim.batch.Seeds;
import org.mscsim.model.MscModel;
import org.mscsim.output.RunWriter;
import org.mscsim.output.TimeSeries;
import org.mscsim.scenario.Intervention;
import org.mscsim.scenario.Scenario;

/**
 * Runs a virtual trial like the real one: candidates are drawn from the between-patient
 * distributions and screened (baseline platelets below the entry threshold after the patch has
 * settled), eligible patients are enrolled into the arms in order, each is simulated over the
 * follow-up with the arm's infusions, and responses are scored with the trial's definitions.
 * Candidate i always has the same parameters and seed, so the trial's result does not depend on
 * the number of threads.
 */
public final class Trial {

    private static final double HOURS_PER_WEEK = 168;

    /** One enrolled virtual patient. */
    public record Patient(int number, int candidate, String arm, double dosePerKg, long seed, Map<String, Double> parameters,
                          double baseline, double peak, double[] weekly, double timeToResponseDays, boolean responder,
                          boolean complete) {

        /** Platelets at an assessment week, NaN beyond follow-up. */
        public double atWeek(int week) {
            return week < weekly.length ? weekly[week] : Double.NaN;
        }
    }

    /** Responders per arm with a Wilson 95 % interval. */
    public record ArmResult(TrialSpec.Arm arm, int n, int responders, int complete, double orr, double low, double high) {
    }

    /** The whole trial. */
    public record Result(TrialSpec spec, List<Patient> patients, List<ArmResult> arms, ArmResult overall, int screened,
                         int ineligible) {
    }

    /** A candidate: its index, seed and drawn parameters. */
    record Candidate(int index, long seed, Map<String, Double> parameters) {
    }

    private Trial() {
    }

    public static Result run(TrialSpec spec, int workers, Batch.Progress screening, Batch.Progress treating) {
        int needed = spec.totalPatients();
        List<Candidate> eligible = new ArrayList<>();
        int screened = 0;
        while (eligible.size() < needed) {
            int batch = Math.max(workers, needed - eligible.size() + 2);
            List<Candidate> round = new ArrayList<>();
            for (int i = 0; i < batch; i++) {
                round.add(candidate(spec, screened + i));
            }
            if (screened > 20 * needed + 100) {
                throw new IllegalStateException("fewer than 1 in 20 virtual candidates have baseline platelets below "
                        + spec.response().eligibleBelow() + " ×10⁹/L; check the trial's variability and the patient scenario");
            }
            final int offset = screened;
            List<Double> baselines = Batch.map(round, workers, c -> baseline(spec, c), screening == null ? null
                    : (d, t) -> screening.update(offset + d, offset + t));
            for (int i = 0; i < round.size() && eligible.size() < needed; i++) {
                screened++;
                if (baselines.get(i) < spec.response().eligibleBelow()) {
                    eligible.add(round.get(i));
                }
            }
        }
        List<Enrolment> enrolments = new ArrayList<>();
        int k = 0;
        for (TrialSpec.Arm arm : spec.arms()) {
            for (int j = 0; j < arm.patients(); j++) {
                enrolments.add(new Enrolment(k + 1, eligible.get(k), arm));
                k++;
            }
        }
        List<Patient> patients = Batch.map(enrolments, workers, e -> treat(spec, e), treating);
        List<ArmResult> arms = new ArrayList<>();
        for (TrialSpec.Arm arm : spec.arms()) {
            arms.add(score(arm, patients.stream().filter(p -> p.arm().equals(arm.name())).toList()));
        }
        ArmResult overall = score(new TrialSpec.Arm("overall", Double.NaN, List.of(), patients.size()), patients);
        return new Result(spec, patients, arms, overall, screened, screened - needed);
    }

    record Enrolment(int number, Candidate candidate, TrialSpec.Arm arm) {
    }

    static Candidate candidate(TrialSpec spec, int index) {
        long seed = Seeds.derive(spec.seed(), index);
        // Parameters come from their own stream so they do not shift the simulation's.
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(Seeds.derive(~spec.seed(), index));
        NormalizedGaussianSampler z = ZigguratSampler.NormalizedGaussian.of(rng);
        Map<String, Double> params = new LinkedHashMap<>();
        for (TrialSpec.Variation v : spec.variability()) {
            params.put(v.key(), v.draw(z.sample()));
        }
        return new Candidate(index, seed, params);
    }

    static Scenario scenario(TrialSpec spec, Candidate c, List<Intervention> interventions, double hours) {
        Scenario s = spec.patient().with("seed", c.seed()).with("time.hours", hours).with("output.interval_h", 24.0)
                .with("output.charts", false);
        for (Map.Entry<String, Double> e : c.parameters().entrySet()) {
            s = s.with(e.getKey(), e.getValue());
        }
        return s.withInterventions(interventions);
    }

    /** Baseline platelets after the patch has settled, without treatment. */
    static double baseline(TrialSpec spec, Candidate c) {
        MscModel m = new MscModel(scenario(spec, c, List.of(), 1), 1);
        try {
            m.start();
            return m.systemic.platelets();
        } finally {
            m.finish();
        }
    }

    static Patient treat(TrialSpec spec, Enrolment e) {
        TrialSpec.Arm arm = e.arm();
        List<Intervention> infusions = new ArrayList<>();
        for (double week : arm.infusionWeeks()) {
            infusions.add(new Intervention(week * HOURS_PER_WEEK, new Intervention.InfuseMscPerKg(arm.dosePerKg())));
        }
        int weeks = spec.followUpWeeks();
        Scenario s = scenario(spec, e.candidate(), infusions, weeks * HOURS_PER_WEEK);
        TimeSeries ts = new TimeSeries();
        RunWriter.simulate(s, 1, ts, null);
        double[] days = ts.column("platelets");
        double[] weekly = new double[weeks + 1];
        for (int w = 0; w <= weeks; w++) {
            weekly[w] = days[Math.min(days.length - 1, w * 7)];
        }
        double peak = 0;
        for (double d : days) {
            peak = Math.max(peak, d);
        }
        TrialSpec.Response r = spec.response();
        double baseline = weekly[0];
        int first = confirmed(weekly, Math.max(r.threshold(), r.fold() * baseline), r.confirmations());
        int complete = confirmed(weekly, Math.max(r.complete(), r.fold() * baseline), r.confirmations());
        return new Patient(e.number(), e.candidate().index(), arm.name(), arm.dosePerKg(), e.candidate().seed(),
                e.candidate().parameters(), baseline, peak, weekly, first < 0 ? Double.NaN : first * 7.0, first >= 0, complete >= 0);
    }

    /** First assessment week (≥ 1) opening a run of {@code n} consecutive weeks at or above {@code level}, or -1. */
    static int confirmed(double[] weekly, double level, int n) {
        for (int w = 1; w + n - 1 < weekly.length; w++) {
            boolean ok = true;
            for (int i = 0; i < n && ok; i++) {
                ok = weekly[w + i] >= level;
            }
            if (ok) {
                return w;
            }
        }
        return -1;
    }

    static ArmResult score(TrialSpec.Arm arm, List<Patient> patients) {
        int n = patients.size();
        int k = (int) patients.stream().filter(Patient::responder).count();
        int c = (int) patients.stream().filter(Patient::complete).count();
        double[] ci = wilson(k, n);
        return new ArmResult(arm, n, k, c, n == 0 ? Double.NaN : (double) k / n, ci[0], ci[1]);
    }

    /** Wilson score 95 % interval for k successes in n (Wilson 1927). */
    public static double[] wilson(int k, int n) {
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double z = 1.959963984540054;
        double p = (double) k / n;
        double z2n = z * z / n;
        double centre = (p + z2n / 2) / (1 + z2n);
        double half = z * Math.sqrt(p * (1 - p) / n + z2n / (4.0 * n)) / (1 + z2n);
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    static String pct(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.0f %%", 100 * v);
    }
}
