package org.mscsim.trial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mscsim.scenario.ScenarioException;

class TrialTest {

    @TempDir
    Path tmp;

    @Test
    void wilsonIntervalsMatchPublishedValues() {
        double[] ci = Trial.wilson(6, 12);
        assertEquals(0.2538, ci[0], 1e-4);
        assertEquals(0.7462, ci[1], 1e-4);
        double[] none = Trial.wilson(0, 3);
        assertEquals(0.0, none[0], 1e-12);
        assertEquals(0.5615, none[1], 1e-4);
        double[] all = Trial.wilson(8, 18);
        assertEquals(0.2455, all[0], 1e-4);
        assertEquals(0.6628, all[1], 1e-4);
    }

    @Test
    void aResponseNeedsConsecutiveConfirmations() {
        double[] weekly = {15, 20, 35, 25, 33, 40, 41, 20};
        assertEquals(2, Trial.confirmed(weekly, 30, 1));
        assertEquals(4, Trial.confirmed(weekly, 30, 2), "weeks 4-5 are the first two in a row");
        assertEquals(4, Trial.confirmed(weekly, 30, 3));
        assertEquals(-1, Trial.confirmed(weekly, 30, 4));
    }

    /** A tiny trial: small patch, short burn-in and follow-up, four patients. */
    private Path tinyTrial(String extra) throws Exception {
        Path patient = tmp.resolve("patient.yaml");
        String base = Files.readString(Path.of("../scenarios/itp-patient.yaml"));
        base = base.replace("  width: 100 ", "  width: 40 ").replace("  height: 100", "  height: 40")
                .replace("  t_cd4: 1300", "  t_cd4: 210").replace("  t_cd8: 700", "  t_cd8: 110").replace("  b: 400", "  b: 64")
                .replace("  nk: 200", "  nk: 32").replace("  macrophage: 500", "  macrophage: 80").replace("  burn_in_h: 600", "  burn_in_h: 120");
        base = base.replace("invivo:\n  enabled: true", "invivo:\n  enabled: true\n  t_influx_per_h: 3.2\n  b_influx_per_h: 0.8\n"
                + "  nk_influx_per_h: 0.3\n  monocyte_influx_per_h: 0.3");
        Files.writeString(patient, base);
        Path trial = tmp.resolve("trial.yaml");
        Files.writeString(trial, """
                name: tiny
                patient: patient.yaml
                seed: 5
                follow_up_weeks: 2
                response: {eligible_below: 1000}
                arms:
                  - {name: low, dose_per_kg: 0.5e6, infusions_at_weeks: [0], patients: 2}
                  - {name: high, dose_per_kg: 4.0e6, infusions_at_weeks: [0], patients: 2}
                variability:
                  itp.platelet_production_per_day: {lognormal: {median: 25, cv: 0.4}}
                  invivo.body_weight_kg: {normal: {mean: 60, sd: 10, min: 40, max: 100}}
                published:
                  source: test
                  responders: {low: 0/3, high: 2/3}
                """ + extra);
        return trial;
    }

    @Test
    void resultsDoNotDependOnTheNumberOfWorkers() throws Exception {
        TrialSpec spec = TrialSpec.load(tinyTrial(""));
        Trial.Result one = Trial.run(spec, 1, null, null);
        Trial.Result two = Trial.run(spec, 2, null, null);
        assertEquals(TrialReport.patients(one), TrialReport.patients(two));
        assertEquals(TrialReport.arms(one), TrialReport.arms(two));
        assertEquals(4, one.patients().size());
        for (Trial.Patient p : one.patients()) {
            assertEquals(3, p.weekly().length, "weeks 0, 1, 2");
            assertTrue(p.baseline() > 0);
        }
        assertTrue(TrialReport.arms(one).startsWith("arm,dose_per_kg,n,responders,orr,ci_low,ci_high"));
    }

    @Test
    void patientsDifferAsTheVariabilitySays() throws Exception {
        TrialSpec spec = TrialSpec.load(tinyTrial(""));
        Trial.Candidate a = Trial.candidate(spec, 0);
        Trial.Candidate b = Trial.candidate(spec, 1);
        assertTrue(!a.parameters().equals(b.parameters()));
        assertEquals(a, Trial.candidate(spec, 0), "a candidate is a function of the trial seed and its index");
        double w = a.parameters().get("invivo.body_weight_kg");
        assertTrue(w >= 40 && w <= 100);
    }

    @Test
    void badTrialFilesNameFileLineAndKey() throws Exception {
        Path f = tmp.resolve("bad.yaml");
        Files.writeString(f, """
                name: bad
                patient: nowhere.yaml
                arms:
                  - {name: a, dose_per_kg: lots, infusions_at_weeks: [0], patients: 3}
                variability:
                  itp.platelet_productoin_per_day: {lognormal: {median: 20, cv: 0.3}}
                  invivo.body_weight_kg: {gamma: {shape: 2}}
                colour: blue
                """);
        ScenarioException e = assertThrows(ScenarioException.class, () -> TrialSpec.load(f));
        String all = String.join("\n", e.problems());
        assertTrue(all.contains(f + " line 8: unknown key \"colour\""), all);
        assertTrue(all.contains(f + " line 2: patient nowhere.yaml: "), all);
        assertTrue(all.contains(f + " line 4: arms[1].dose_per_kg must be a number"), all);
        assertFalse(all.contains("is missing"), "a bad value is not also missing: " + all);
        assertTrue(all.contains("(did you mean \"itp.platelet_production_per_day\"?)"), all);
        assertTrue(all.contains(f + " line 7: variability.invivo.body_weight_kg.gamma: unknown distribution"), all);
    }

    @Test
    void trialErrorsNameTheKeysPathGiveHumanBoundsAndHintMisspeltKeys() throws Exception {
        Path f = tmp.resolve("misspelt.yaml");
        Files.writeString(f, """
                name: misspelt
                patient: ../../scenarios/itp-patient.yaml
                folow_up_weeks: 28
                response: {platelets_at_least: lots, confirmation: 2}
                arms:
                  - {name: a, dose_per_kg: 0.5e6, infusions_at_weeks: [0], patients: 3}
                  - {name: b, dose_per_kg: 1.0e6, infusions_at_weeks: [0], patients: 3}
                  - {name: c, dose_per_kg: 2.0e6, infusions_at_weeks: [0], patients: many}
                  - {name: d, dose_per_kg: 2.0e6, infusions_at_weeks: [0], patinets: 3}
                variability:
                  itp.platelet_production_per_day: {lognormal: {median: 0, cv: 0.4}}
                  itp.ab_clearance_per_day: {lognormall: {median: 0.15, cv: 0.6}}
                  invivo.body_weight_kg: {normal: {mean: 62, sd: -1, mx: 100}}
                published: {source: test, responder: {a: 0/3}}
                """.replace("../../scenarios/itp-patient.yaml", Path.of("../scenarios/itp-patient.yaml").toAbsolutePath().toString()));
        ScenarioException e = assertThrows(ScenarioException.class, () -> TrialSpec.load(f));
        assertEquals(List.of(
                f + " line 3: unknown key \"folow_up_weeks\" (did you mean \"follow_up_weeks\"?)",
                f + " line 4: response: unknown key \"confirmation\" (did you mean \"confirmations\"?)",
                f + " line 4: response.platelets_at_least must be a number from 0 to 10000, got \"lots\"",
                f + " line 8: arms[3].patients must be a whole number from 0 to 100000, got \"many\"",
                f + " line 9: arms[4]: unknown key \"patinets\" (did you mean \"patients\"?)",
                f + " line 11: variability.itp.platelet_production_per_day.lognormal.median must be a number > 0 and ≤ 1000, got \"0\"",
                f + " line 12: variability.itp.ab_clearance_per_day.lognormall: unknown distribution (did you mean \"lognormal\"?)",
                f + " line 13: variability.invivo.body_weight_kg.normal: unknown key \"mx\" (did you mean \"max\"?)",
                f + " line 13: variability.invivo.body_weight_kg.normal.sd must be a number from 0 to 1000000000000, got \"-1\"",
                f + " line 14: published: unknown key \"responder\" (did you mean \"responders\"?)"), e.problems());
    }

    @Test
    void reportsAndChartsAreWritten() throws Exception {
        TrialSpec spec = TrialSpec.load(tinyTrial(""));
        Trial.Result r = Trial.run(spec, 2, null, null);
        Path dir = tmp.resolve("out");
        TrialReport.write(r, dir);
        for (String f : new String[] {"patients.csv", "arms.csv", "platelet_courses.png", "orr_by_arm.png", "report.txt"}) {
            assertTrue(Files.size(dir.resolve(f)) > 100, f);
        }
        String report = Files.readString(dir.resolve("report.txt"));
        assertTrue(report.contains("published"), report);
        assertTrue(report.contains("log-normal, median 25, CV 0.4"), report);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(Files.readAllBytes(dir.resolve("orr_by_arm.png")), 4));
    }
}
