package org.mscsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mscsim.Version;
import org.mscsim.fields.FieldId;
import org.mscsim.model.Observables;
import org.mscsim.output.RunWriter;
import org.mscsim.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "run", mixinStandardHelpOptions = true,
        header = "Run a scenario headless and write a run directory.",
        description = {
            "Run a scenario headless and write a run directory:",
            "  timeseries.csv          one row per output interval (first column time_h)",
            "  summary.json            final and peak values, readouts, column units",
            "  scenario.resolved.yaml  every parameter used, seed and version (reruns it)",
            "  charts/*.png            populations, T-cell phenotypes, polarisation, fields",
            "summary.json is written last; a directory without it is an unfinished run."
        })
final class RunCommand implements Callable<Integer> {

    @Mixin
    ScenarioOptions options;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Run directory (must not exist or be empty). Default: runs/<name>-<date>-<time>.")
    Path out;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "Threads for the fields and the cells (tiles of the patch act in parallel). Results are identical for any number. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = {"-q", "--quiet"}, description = "No progress line or summary; only errors.")
    boolean quiet;

    @Option(names = "--checkpoint-every", paramLabel = "H",
            description = "Write DIR/checkpoint.bin every H simulated hours (atomically), so --resume can continue the run.")
    Double checkpointEveryH;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Continue the run in DIR from its checkpoint; the outputs are identical to an uninterrupted run's.")
    Path resume;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (threads < 1 || threads > 256) {
            throw new Main.UserError("--threads must be from 1 to 256, got " + threads);
        }
        if (checkpointEveryH != null && !(checkpointEveryH > 0 && checkpointEveryH <= 1e6)) {
            throw new Main.UserError("--checkpoint-every must be a number of hours above 0, got " + checkpointEveryH);
        }
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outW = spec.commandLine().getOut();
        StopOnSignal stop = StopOnSignal.install();
        try {
            RunWriter.Result r;
            Scenario s;
            if (resume != null) {
                if (options.scenario != null || !options.sets.isEmpty() || options.seed != null || options.hours != null || out != null
                        || checkpointEveryH != null) {
                    throw new Main.UserError("--resume DIR continues the run as it was set up; give no scenario, --set, --seed, --hours,"
                            + " --out or --checkpoint-every with it");
                }
                s = org.mscsim.scenario.ScenarioLoader.load(resume.resolve(RunWriter.RESOLVED), java.util.List.of());
                ProgressLine progress = quiet ? null : new ProgressLine(err, s.name());
                r = RunWriter.resume(resume, threads, progress == null ? null : (done, total) -> progress.update(done, total, "h"));
            } else {
                s = options.load();
                String version = s.text("mscsim_version");
                if (!version.isEmpty() && !version.equals(Version.get())) {
                    err.println("note: " + options.describe() + " was written by MSCSim " + version + "; this is " + Version.get()
                            + ", so results may differ from the original run");
                }
                String late = lateInterventions(s);
                if (late != null) {
                    err.println(late);
                }
                Path dir = RunWriter.prepare(out, s.name(), Path.of("runs"));
                ProgressLine progress = quiet ? null : new ProgressLine(err, s.name());
                r = RunWriter.run(s, dir, threads, progress == null ? null : (done, total) -> progress.update(done, total, "h"),
                        checkpointEveryH == null ? 0 : checkpointEveryH);
            }
            if (!quiet) {
                outW.print(summary(s, r));
                outW.flush();
            }
            return 0;
        } catch (RunWriter.Interrupted e) {
            err.println();
            err.println("stopped: " + e.getMessage());
            err.flush();
            return stop.exitCode();
        } finally {
            stop.done();
        }
    }

    /** A note on interventions timed after the end of the run (they will not happen), or null. */
    static String lateInterventions(Scenario s) {
        double hours = s.real("time.hours");
        List<String> late = new java.util.ArrayList<>();
        for (org.mscsim.scenario.Intervention i : s.interventions()) {
            if (i.atH() > hours) {
                late.add(fmt(i.atH()) + " h");
            }
        }
        return late.isEmpty() ? null : String.format(Locale.ROOT,
                "note: %d intervention(s) come after the end of the run (time.hours = %s) and will not happen: at %s",
                late.size(), fmt(hours), String.join(", ", late));
    }

    static String summary(Scenario s, RunWriter.Result r) {
        StringBuilder b = new StringBuilder();
        long steps = ((Number) r.summary().get("steps")).longValue();
        b.append(String.format(Locale.ROOT, "MSCSim %s | %s | seed %d | %s h in %d steps of %s min | %.1f s wall (%.0f steps/s)%n",
                Version.get(), s.name(), s.seed(), fmt(s.real("time.hours")), steps, fmt(s.real("time.dt_min")),
                r.wallSeconds(), steps / Math.max(1e-9, r.wallSeconds())));
        double[] first = r.series().rows().get(0);
        double[] last = r.series().last();
        b.append(String.format(Locale.ROOT, "%n  %-30s %10s %10s %10s%n", "cells", "start", "end", "peak"));
        row(b, r, first, last, "MSC", "msc");
        row(b, r, first, last, "  licensed", "msc_licensed");
        row(b, r, first, last, "CD4+ T", "t_cd4");
        row(b, r, first, last, "  Treg", "treg");
        row(b, r, first, last, "CD8+ T", "t_cd8");
        row(b, r, first, last, "  CD8+CD28− suppressor", "t_cd8_cd28neg");
        row(b, r, first, last, "T naive", "t_naive");
        row(b, r, first, last, "T activated (cycling)", "t_activated");
        row(b, r, first, last, "T arrested (inhibited)", "t_suppressed");
        row(b, r, first, last, "B naive", "b_naive");
        row(b, r, first, last, "B activated", "b_activated");
        row(b, r, first, last, "plasma cells", "plasma");
        row(b, r, first, last, "NK", "nk");
        row(b, r, first, last, "  activated", "nk_activated");
        row(b, r, first, last, "macrophages M0", "mac_m0");
        row(b, r, first, last, "macrophages M1", "mac_m1");
        row(b, r, first, last, "macrophages M2", "mac_m2");
        if (r.series().has("platelets")) {
            row(b, r, first, last, "platelets (×10⁹/L)", "platelets");
            row(b, r, first, last, "MSCs in blood", "msc_blood");
            row(b, r, first, last, "anti-platelet IgG (µg/mL)", "antibody_plasma");
        }
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> readouts = (java.util.Map<String, Object>) r.summary().get("readouts");
        if (r.series().has("platelets")) {
            // In vivo T cells keep arriving, and the antibody that counts is the plasma IgG above
            // (the patch's own concentration is of a hundredth of a cubic millimetre of spleen).
            b.append(String.format(Locale.ROOT, "%n  T-cell divisions %s since the burn-in ended (%.2f per T cell present then or recruited since); NK kills %s%n",
                    readouts.get("t_divisions"), ((Number) readouts.get("division_index")).doubleValue(), readouts.get("nk_kills")));
        } else {
            b.append(String.format(Locale.ROOT, "%n  T-cell divisions %s (division index %.2f per seeded T cell); NK kills %s; antibody %s ng/mL%n",
                    readouts.get("t_divisions"), ((Number) readouts.get("division_index")).doubleValue(), readouts.get("nk_kills"),
                    fmt(last[r.series().index("antibody")])));
        }
        double room = ((Number) readouts.get("room_wait_per_division")).doubleValue();
        if (org.mscsim.model.Crowding.limits(room)) {
            org.mscsim.model.Crowding.Roomier roomier = org.mscsim.model.Crowding.roomier(s, 1.5);
            String remedy = s.bool("invivo.enabled") ? "enlarge the patch the way its convergence check does"
                    : roomier.fits() ? "e.g. " + roomier.sets() : "fewer cells, or a shorter culture, on this grid";
            b.append("  ").append(org.mscsim.model.Crowding.warning("the grid filled up", room, remedy)).append(String.format(Locale.ROOT, "%n"));
        }
        b.append("  fields at the end (patch means):");
        String sep = " ";
        for (FieldId f : FieldId.ALL) {
            b.append(sep).append(f.label).append(' ').append(fmt3(last[r.series().index(f.meanColumn)])).append(' ').append(f.unit);
            sep = ", ";
        }
        b.append('\n');
        for (String e : r.log()) {
            b.append("  event ").append(e).append('\n');
        }
        b.append(String.format(Locale.ROOT, "%nWrote %s: %s, %s, %s%s%n", r.dir(), RunWriter.TIMESERIES, RunWriter.SUMMARY,
                RunWriter.RESOLVED, s.bool("output.charts") ? ", charts/*.png" : ""));
        return b.toString();
    }

    private static void row(StringBuilder b, RunWriter.Result r, double[] first, double[] last, String label, String column) {
        int k = r.series().index(column);
        double peak = 0;
        for (double[] row : r.series().rows()) {
            peak = Math.max(peak, row[k]);
        }
        b.append(String.format(Locale.ROOT, "  %-30s %10s %10s %10s%n", label, fmt(first[k]), fmt(last[k]), fmt(peak)));
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    static String fmt3(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }

}
