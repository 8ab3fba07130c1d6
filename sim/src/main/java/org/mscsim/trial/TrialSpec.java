package org.mscsim.trial;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mscsim.scenario.Hints;
import org.mscsim.scenario.Param;
import org.mscsim.scenario.Parameters;
import org.mscsim.scenario.Scenario;
import org.mscsim.scenario.ScenarioException;
import org.mscsim.scenario.ScenarioLoader;
import org.mscsim.scenario.YamlNode;
import org.mscsim.scenario.YamlReader;

/**
 * A virtual clinical trial, read from YAML and validated like a scenario: the patient scenario,
 * the dose arms and their infusion schedules, follow-up, response definitions (IWG), the
 * between-patient variability and the published result to compare with.
 */
public record TrialSpec(String name, String description, Path file, Scenario patient, long seed, int followUpWeeks,
                        Response response, List<Arm> arms, List<Variation> variability, String publishedSource,
                        Map<String, String> publishedResponders) {

    /** IWG response (Rodeghiero 2009): platelets at least {@code threshold} and {@code fold} × baseline, confirmed. */
    public record Response(double threshold, double fold, double complete, int confirmations, double eligibleBelow) {
    }

    /** A dose arm. */
    public record Arm(String name, double dosePerKg, List<Double> infusionWeeks, int patients) {
    }

    /** How one parameter varies between patients. */
    public record Variation(String key, String kind, double a, double b, double min, double max) {

        /** Draws a value from a standard normal deviate z, kept within the given bounds and the parameter's range. */
        public double draw(double z) {
            double v = switch (kind) {
                case "lognormal" -> {
                    double sigma = Math.sqrt(Math.log1p(b * b));
                    yield a * Math.exp(sigma * z);
                }
                default -> a + b * z;
            };
            Param p = Parameters.get().param(key);
            return Math.max(Math.max(min, p.min()), Math.min(Math.min(max, p.max()), v));
        }

        public String describe() {
            String range = min > Double.NEGATIVE_INFINITY || max < Double.POSITIVE_INFINITY
                    ? String.format(Locale.ROOT, ", truncated to [%s, %s]", num(min), num(max)) : "";
            return kind.equals("lognormal")
                    ? String.format(Locale.ROOT, "log-normal, median %s, CV %s%s", num(a), num(b), range)
                    : String.format(Locale.ROOT, "normal, mean %s, SD %s%s", num(a), num(b), range);
        }
    }

    static String num(double v) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e6 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.3g", v);
    }

    public int totalPatients() {
        return arms.stream().mapToInt(Arm::patients).sum();
    }

    /** A copy with {@code total} patients split as evenly as possible over the arms. */
    public TrialSpec withPatients(int total) {
        List<Arm> out = new ArrayList<>();
        for (int i = 0; i < arms.size(); i++) {
            Arm a = arms.get(i);
            int n = total / arms.size() + (i < total % arms.size() ? 1 : 0);
            out.add(new Arm(a.name(), a.dosePerKg(), a.infusionWeeks(), n));
        }
        return new TrialSpec(name, description, file, patient, seed, followUpWeeks, response, out, variability, publishedSource,
                publishedResponders);
    }

    // ---------------------------------------------------------------- reading

    private static final List<String> KEYS = List.of("name", "description", "patient", "set", "seed", "follow_up_weeks",
            "response", "arms", "variability", "published");

    public static TrialSpec load(Path file) throws ScenarioException {
        String src = file.toString();
        YamlNode root = YamlReader.parse(ScenarioLoader.read(file), src);
        if (!(root instanceof YamlNode.MapNode map)) {
            throw new ScenarioException(src + ": a trial file is a YAML mapping (name, patient, arms, response, variability)");
        }
        org.mscsim.scenario.FileKind.require(map, org.mscsim.scenario.FileKind.TRIAL, src);
        Reader r = new Reader(src);
        Map<String, YamlNode.Entry> e = map.entries();
        r.only(map, "", KEYS);
        String name = r.text(e, "", "name", "trial");
        String description = r.text(e, "", "description", "");
        long seed = (long) r.number(e, "", "seed", 1, 0, 9.0e18, true);
        int weeks = (int) r.number(e, "", "follow_up_weeks", 28, 1, 520, true);

        Scenario patient = null;
        YamlNode.Entry pe = e.get("patient");
        if (pe == null) {
            r.problem(map.line(), "patient is missing: the patient scenario file, relative to this file (e.g. itp-patient.yaml)");
        } else if (pe.value() instanceof YamlNode.Scalar sc) {
            Path p = patientFile(file, sc, pe.keyLine(), r);
            List<String> sets = new ArrayList<>();
            YamlNode.Entry se = e.get("set");
            if (se != null) {
                if (se.value() instanceof YamlNode.MapNode sm) {
                    flatten(sm, "", sets, r);
                } else {
                    r.problem(se.keyLine(), "set must be a mapping of scenario keys to values, e.g. {b_cell_effect: support}");
                }
            }
            try {
                patient = p == null ? null : ScenarioLoader.load(p, sets);
                if (patient != null && !patient.bool("invivo.enabled")) {
                    r.problem(pe.keyLine(), "patient " + sc.text() + " is not an in-vivo scenario (invivo.enabled: true)");
                }
            } catch (ScenarioException ex) {
                for (String msg : ex.problems()) {
                    r.problem(pe.keyLine(), "patient " + sc.text() + ": " + msg);
                }
            }
        } else {
            r.problem(pe.keyLine(), "patient must be a file name, got " + pe.value().describe());
        }

        Response response = new Response(30, 2, 100, 2, 30);
        YamlNode.Entry re = e.get("response");
        if (re != null) {
            if (re.value() instanceof YamlNode.MapNode rm) {
                Map<String, YamlNode.Entry> f = rm.entries();
                r.only(rm, "response", List.of("platelets_at_least", "fold_over_baseline", "complete_at_least", "confirmations",
                        "eligible_below"));
                response = new Response(r.number(f, "response", "platelets_at_least", 30, 0, 1e4, false),
                        r.number(f, "response", "fold_over_baseline", 2, 1, 100, false),
                        r.number(f, "response", "complete_at_least", 100, 0, 1e4, false),
                        (int) r.number(f, "response", "confirmations", 2, 1, 52, true),
                        r.number(f, "response", "eligible_below", 30, 0, 1e4, false));
            } else {
                r.problem(re.keyLine(), "response must be a mapping (platelets_at_least, fold_over_baseline, complete_at_least, confirmations)");
            }
        }

        List<Arm> arms = new ArrayList<>();
        YamlNode.Entry ae = e.get("arms");
        if (ae == null || !(ae.value() instanceof YamlNode.ListNode al) || al.items().isEmpty()) {
            r.problem(ae == null ? map.line() : ae.keyLine(), "arms must be a non-empty list of {name, dose_per_kg, infusions_at_weeks, patients}");
        } else {
            for (int i = 0; i < al.items().size(); i++) {
                YamlNode item = al.items().get(i);
                String where = "arms[" + (i + 1) + "]";
                if (!(item instanceof YamlNode.MapNode am)) {
                    r.problem(item.line(), where + " must be a mapping");
                    continue;
                }
                r.only(am, where, List.of("name", "dose_per_kg", "infusions_at_weeks", "patients"));
                Map<String, YamlNode.Entry> f = am.entries();
                String an = r.text(f, where, "name", "arm " + (i + 1));
                double dose = r.number(f, where, "dose_per_kg", Double.NaN, 0, 1e12, false);
                if (!f.containsKey("dose_per_kg")) {
                    r.problem(am.line(), where + ".dose_per_kg is missing (cells/kg per infusion, e.g. 2.0e6)");
                }
                int n = (int) r.number(f, where, "patients", 1, 0, 100000, true);
                List<Double> wk = new ArrayList<>();
                YamlNode.Entry we = f.get("infusions_at_weeks");
                if (we == null || !(we.value() instanceof YamlNode.ListNode wl)) {
                    r.problem(we == null ? am.line() : we.keyLine(), where + ".infusions_at_weeks must be a list of weeks, e.g. [0, 1, 2, 3]");
                } else {
                    for (YamlNode w : wl.items()) {
                        double v = r.scalarNumber(w, where + ".infusions_at_weeks", 0, weeks);
                        if (!Double.isNaN(v)) {
                            wk.add(v);
                        }
                    }
                }
                arms.add(new Arm(an, dose, List.copyOf(wk), n));
            }
        }

        List<Variation> variability = new ArrayList<>();
        YamlNode.Entry ve = e.get("variability");
        if (ve != null) {
            if (!(ve.value() instanceof YamlNode.MapNode vm)) {
                r.problem(ve.keyLine(), "variability must map parameter keys to distributions");
            } else {
                for (YamlNode.Entry v : vm.entries().values()) {
                    Variation var = r.variation(v);
                    if (var != null) {
                        variability.add(var);
                    }
                }
            }
        }

        String pubSource = "";
        Map<String, String> pub = new LinkedHashMap<>();
        YamlNode.Entry pbe = e.get("published");
        if (pbe != null && !(pbe.value() instanceof YamlNode.MapNode)) {
            r.problem(pbe.keyLine(), "published must be a mapping (source, responders), got " + pbe.value().describe());
        }
        if (pbe != null && pbe.value() instanceof YamlNode.MapNode pm) {
            r.only(pm, "published", List.of("source", "responders"));
            pubSource = r.text(pm.entries(), "published", "source", "");
            YamlNode.Entry rs = pm.entries().get("responders");
            if (rs != null && !(rs.value() instanceof YamlNode.MapNode)) {
                r.problem(rs.keyLine(), "published.responders must map arm names to responders, e.g. {2.0e6/kg: 6/12}, got "
                        + rs.value().describe());
            }
            if (rs != null && rs.value() instanceof YamlNode.MapNode rsm) {
                for (YamlNode.Entry x : rsm.entries().values()) {
                    String t = x.value() instanceof YamlNode.Scalar sc ? sc.text() : "";
                    if (!t.matches("\\d+/\\d+")) {
                        r.problem(x.keyLine(), "published.responders." + YamlNode.inline(x.key()) + " must be like 6/12, got " + x.value().describe());
                    }
                    pub.put(x.key(), t);
                }
            }
        }
        r.throwIfAny();
        return new TrialSpec(name, description, file, patient, seed, weeks, response, List.copyOf(arms), List.copyOf(variability),
                pubSource, pub);
    }

    /** The patient scenario named in the trial file, relative to it; null (after saying why) if it cannot be a file name. */
    private static Path patientFile(Path trialFile, YamlNode.Scalar name, int line, Reader r) {
        // Linux allows control characters in file names, but a patient: holding a line break is
        // damage, and would break every message that names the file.
        if (name.type() == YamlNode.Scalar.Type.NULL || name.text().isBlank() || name.text().length() > 400
                || name.text().chars().anyMatch(Character::isISOControl)) {
            r.problem(line, "patient must be a file name, got " + name.describe());
            return null;
        }
        try {
            return trialFile.toAbsolutePath().getParent().resolve(name.text());
        } catch (InvalidPathException e) {
            // e.g. a NUL character ("\0" in a quoted YAML string): no file can have that name.
            r.problem(line, "patient must be a file name, got " + name.describe());
            return null;
        }
    }

    private static void flatten(YamlNode.MapNode m, String prefix, List<String> sets, Reader r) {
        for (YamlNode.Entry x : m.entries().values()) {
            String k = prefix.isEmpty() ? x.key() : prefix + "." + x.key();
            if (x.value() instanceof YamlNode.MapNode sub) {
                flatten(sub, k, sets, r);
            } else if (x.value() instanceof YamlNode.Scalar sc) {
                sets.add(k + "=" + sc.text());
            } else {
                r.problem(x.keyLine(), "set." + YamlNode.inline(k) + " must be a value");
            }
        }
    }

    /** Validation helper collecting every problem with its line. */
    private static final class Reader {
        final String src;
        final List<String> problems = new ArrayList<>();

        Reader(String src) {
            this.src = src;
        }

        void problem(int line, String msg) {
            problems.add(src + (line > 0 ? " line " + line : "") + ": " + msg);
        }

        /**
         * Reports every key of {@code m} (the mapping at {@code where}, "" at the top) not in
         * {@code keys}, with a "did you mean" for a near miss as in scenario files, else the list.
         */
        void only(YamlNode.MapNode m, String where, List<String> keys) {
            for (YamlNode.Entry x : m.entries().values()) {
                if (!keys.contains(x.key())) {
                    String hint = Hints.closest(x.key(), keys);
                    problem(x.keyLine(), (where.isEmpty() ? "" : where + ": ") + "unknown key " + YamlNode.show(x.key())
                            + (hint != null ? " (did you mean \"" + hint + "\"?)"
                            : where.isEmpty() ? "; a trial has " + String.join(", ", keys) : "; expected " + String.join(", ", keys)));
                }
            }
        }

        /** The dotted path of {@code key} in the mapping at {@code where} ("" at the top), as messages name it. */
        static String path(String where, String key) {
            return where.isEmpty() ? key : where + "." + YamlNode.inline(key);
        }

        String text(Map<String, YamlNode.Entry> e, String where, String key, String def) {
            YamlNode.Entry x = e.get(key);
            if (x == null) {
                return def;
            }
            if (x.value() instanceof YamlNode.Scalar sc && sc.type() != YamlNode.Scalar.Type.NULL) {
                return sc.text();
            }
            problem(x.keyLine(), path(where, key) + " must be text, got " + x.value().describe());
            return def;
        }

        double number(Map<String, YamlNode.Entry> e, String where, String key, double def, double min, double max, boolean whole) {
            YamlNode.Entry x = e.get(key);
            if (x == null) {
                return def;
            }
            Param shape = new Param(key, whole ? Param.Type.LONG : Param.Type.REAL, null, min, max, List.of(), "-", "-", "-", false);
            try {
                return ((Number) shape.parse(x.value())).doubleValue();
            } catch (Param.Invalid ex) {
                problem(x.value().line(), path(where, key) + " must be " + ex.getMessage() + ", got " + x.value().describe());
                return def;
            }
        }

        /**
         * A number above zero and at most {@code max} (a log-normal median: its logarithm must
         * exist), or NaN after reporting why not; the key must be present.
         */
        double positive(YamlNode.Entry x, String where, double max) {
            double top = Math.min(max, Double.MAX_VALUE);
            Param shape = new Param(x.key(), Param.Type.REAL, null, 0, top, List.of(), "-", "-", "-", false);
            try {
                double v = (Double) shape.parse(x.value());
                if (v > 0) {
                    return v;
                }
            } catch (Param.Invalid ex) {
                // said below, with the bound written as a person would
            }
            problem(x.value().line(), path(where, x.key()) + " must be a number > 0" + (max < Double.POSITIVE_INFINITY
                    ? " and ≤ " + bound(max) : "") + ", got " + x.value().describe());
            return Double.NaN;
        }

        private static String bound(double v) {
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        }

        double scalarNumber(YamlNode n, String where, double min, double max) {
            Param shape = new Param(where, Param.Type.REAL, null, min, max, List.of(), "-", "-", "-", false);
            try {
                return (Double) shape.parse(n);
            } catch (Param.Invalid ex) {
                problem(n.line(), where + " must hold numbers " + ex.getMessage().replace("a number ", "") + ", got " + n.describe());
                return Double.NaN;
            }
        }

        Variation variation(YamlNode.Entry v) {
            Param p = Parameters.get().param(v.key());
            if (p == null || p.type() != Param.Type.REAL) {
                String hint = Parameters.get().closest(v.key());
                problem(v.keyLine(), "variability: " + YamlNode.show(v.key()) + " is not a numeric scenario parameter"
                        + (hint != null ? " (did you mean \"" + hint + "\"?)" : ""));
                return null;
            }
            if (!(v.value() instanceof YamlNode.MapNode dm) || dm.entries().size() != 1) {
                problem(v.keyLine(), "variability." + v.key() + " must be one distribution: {lognormal: {median, cv}} or {normal: {mean, sd}}");
                return null;
            }
            YamlNode.Entry d = dm.entries().values().iterator().next();
            if (!(d.value() instanceof YamlNode.MapNode args)) {
                problem(d.keyLine(), "variability." + v.key() + "." + YamlNode.inline(d.key()) + " needs its arguments as a mapping");
                return null;
            }
            Map<String, YamlNode.Entry> f = args.entries();
            String where = "variability." + v.key() + "." + YamlNode.inline(d.key());
            if (!d.key().equals("lognormal") && !d.key().equals("normal")) {
                String hint = Hints.closest(d.key(), List.of("lognormal", "normal"));
                problem(d.keyLine(), where + ": unknown distribution" + (hint != null ? " (did you mean \"" + hint + "\"?)"
                        : "; expected lognormal or normal"));
                return null;
            }
            double lo = number(f, where, "min", Double.NEGATIVE_INFINITY, p.min(), p.max(), false);
            double hi = number(f, where, "max", Double.POSITIVE_INFINITY, p.min(), p.max(), false);
            boolean lognormal = d.key().equals("lognormal");
            String centre = lognormal ? "median" : "mean";
            only(args, where, lognormal ? List.of("median", "cv", "min", "max") : List.of("mean", "sd", "min", "max"));
            double b = lognormal ? number(f, where, "cv", 0, 0, 10, false) : number(f, where, "sd", 0, 0, 1e12, false);
            YamlNode.Entry c = f.get(centre);
            if (c == null) {
                problem(d.keyLine(), where + "." + centre + " is missing");
                return null;
            }
            double a = lognormal ? positive(c, where, p.max()) : number(f, where, "mean", Double.NaN, p.min(), p.max(), false);
            return Double.isNaN(a) ? null : new Variation(v.key(), d.key(), a, b, lo, hi);
        }

        void throwIfAny() throws ScenarioException {
            if (!problems.isEmpty()) {
                throw new ScenarioException(problems);
            }
        }
    }
}
