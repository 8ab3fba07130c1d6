package org.mscsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mscsim.assay.Assays;
import org.mscsim.assay.Report;
import org.mscsim.batch.Batch;
import org.mscsim.model.ActionText;
import org.mscsim.model.Crowding;
import org.mscsim.output.RunWriter;
import org.mscsim.scenario.Parameters;
import org.mscsim.scenario.Scenario;
import org.mscsim.scenario.ScenarioException;
import org.mscsim.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "assay", mixinStandardHelpOptions = true,
        header = "Virtual bench assays: suppression, transwell, blockade, attribution, macrophage, nk.",
        description = {
            "Runs a classic MSC experiment in silico with replicates (in parallel on all cores) and"
                + " writes tables (CSV), a chart (PNG) and report.txt into the output directory.",
            "The base scenario defaults to the built-in co-culture; every condition overrides it."
        },
        subcommands = {
            AssayCommand.Suppression.class, AssayCommand.TranswellAssay.class, AssayCommand.BlockadePanel.class,
            AssayCommand.Attribution.class, AssayCommand.MacrophageAssay.class, AssayCommand.NkAssay.class})
final class AssayCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Options every assay shares. */
    static final class Common {
        @Mixin
        ScenarioOptions scenario;

        @Option(names = "--replicates", paramLabel = "N", defaultValue = "3",
                description = "Replicates per condition (seeds derived from the scenario seed). Default: ${DEFAULT-VALUE}.")
        int replicates;

        @Option(names = "--workers", paramLabel = "N", description = "Parallel runs (default: all cores).")
        Integer workers;

        @Option(names = "--out", paramLabel = "DIR", description = "Output directory (new or empty). Default: runs/assay-<name>-<time>.")
        Path out;

        @Option(names = "--quick", description = "Half the grid edge and a quarter of every population: 4x faster, noisier.")
        boolean quick;

        @Option(names = "--room", paramLabel = "F", defaultValue = "1",
                description = "Give the cells room to divide: the grid edge times F and the medium's depth (grid.depth_um) divided"
                        + " by the area's growth, so the same cells sit in the same volume of medium. Avoids the crowding that caps"
                        + " proliferation on the default patch (scenarios/PARAMETERS.md, 'The lattice fills up'); costs about F²"
                        + " the run time. From 1 to 5. Default: ${DEFAULT-VALUE}.")
        double room;

        /** The depth of medium before --room (NaN without it). */
        private double depthBeforeRoom = Double.NaN;

        Scenario base() throws Exception {
            if (replicates < 1 || replicates > 1000) {
                throw new Main.UserError("--replicates must be from 1 to 1000, got " + replicates);
            }
            if (workers != null && (workers < 1 || workers > 1024)) {
                throw new Main.UserError("--workers must be from 1 to 1024, got " + workers);
            }
            if (!(room >= 1 && room <= 5)) {
                throw new Main.UserError("--room must be a number from 1 to 5, got " + room);
            }
            Scenario s = scenario.load();
            s = quick ? quarter(s) : s;
            if (room == 1) {
                return s;
            }
            if (s.bool("invivo.enabled")) {
                throw new Main.UserError("--room spreads a culture over more area in shallower medium; an in-vivo patch is a layer of"
                        + " tissue one cell deep and is enlarged differently (scenarios/PARAMETERS.md, 'Convergence')");
            }
            Crowding.Roomier r = Crowding.roomier(s, room);
            if (!r.fits()) {
                throw new Main.UserError(String.format(java.util.Locale.ROOT, "--room %s would make the grid %d × %d with medium %.2f µm deep;"
                        + " grid.width and grid.height go up to %d and grid.depth_um down to %s", ActionText.scientific(room), r.width(), r.height(),
                        r.depthUm(), (long) Parameters.get().param("grid.width").max(), ActionText.scientific(Parameters.get().param("grid.depth_um").min())));
            }
            depthBeforeRoom = s.real("grid.depth_um");
            return ScenarioLoader.applySets(s, List.of("grid.width=" + r.width(), "grid.height=" + r.height(), "grid.depth_um=" + r.depthUm()));
        }

        /** The run options; called before an assay computes, so it also refuses a used --out up front. */
        Assays.Options options(PrintWriter err, String label) throws java.io.IOException {
            if (out != null) {
                RunWriter.checkUsable(out);
            }
            ProgressLine line = new ProgressLine(err, label);
            Batch.Progress p = (done, total) -> line.update(done, total, "runs");
            return new Assays.Options(replicates, workers == null ? Batch.allCores() : workers, p, depthBeforeRoom);
        }

        int write(CommandSpec spec, String name, Report report, String baseName) throws Exception {
            Path dir = RunWriter.prepare(out, "assay-" + name + "-" + baseName, Path.of("runs"));
            List<Path> files = report.write(dir);
            PrintWriter o = spec.commandLine().getOut();
            o.println(report.title());
            o.println();
            o.print(report.text());
            o.println();
            o.println("Wrote " + dir + ": " + String.join(", ", files.stream().map(p -> p.getFileName().toString()).toList()));
            o.flush();
            return 0;
        }
    }

    /** A quarter-size copy of a scenario: half the grid edge, a quarter of every population. */
    static Scenario quarter(Scenario s) throws ScenarioException {
        List<String> sets = new ArrayList<>();
        sets.add("grid.width=" + Math.max(10, s.integer("grid.width") / 2));
        sets.add("grid.height=" + Math.max(10, s.integer("grid.height") / 2));
        for (String p : List.of("msc", "t_cd4", "t_cd8", "b", "nk", "macrophage", "target")) {
            sets.add("populations." + p + "=" + Math.round(s.integer("populations." + p) / 4.0));
        }
        return ScenarioLoader.applySets(s, sets);
    }

    @Command(name = "suppression", mixinStandardHelpOptions = true, abbreviateSynopsis = true,
            header = "T-cell proliferation at several MSC:T ratios: %% suppression and division index.")
    static final class Suppression implements Callable<Integer> {
        @Mixin
        Common common;
        @Option(names = "--ratios", split = ",", paramLabel = "R", defaultValue = "1:1,1:10,1:100",
                description = "MSC:T ratios (a culture without MSCs is always included). Default: ${DEFAULT-VALUE}.")
        List<String> ratios;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Scenario base = common.base();
            Report r = Assays.suppression(base, Assays.ratios(ratios), common.options(spec.commandLine().getErr(), "suppression")).report();
            return common.write(spec, "suppression", r, base.name());
        }
    }

    @Command(name = "transwell", mixinStandardHelpOptions = true, abbreviateSynopsis = true,
            header = "Suppression in contact vs across a transwell, with and without anti-PD-L1.")
    static final class TranswellAssay implements Callable<Integer> {
        @Mixin
        Common common;
        @Option(names = "--ratios", split = ",", paramLabel = "R", defaultValue = "1:1,1:10,1:100",
                description = "MSC:T ratios. Default: ${DEFAULT-VALUE}.")
        List<String> ratios;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Scenario base = common.base();
            Report r = Assays.transwell(base, Assays.ratios(ratios), common.options(spec.commandLine().getErr(), "transwell")).report();
            return common.write(spec, "transwell", r, base.name());
        }
    }

    @Command(name = "blockade", mixinStandardHelpOptions = true, abbreviateSynopsis = true,
            header = "Anti-PD-L1, 1-MT, indomethacin, anti-TGF-β alone and together: proliferation restored.")
    static final class BlockadePanel implements Callable<Integer> {
        @Mixin
        Common common;
        @Option(names = "--ratio", paramLabel = "R", defaultValue = "1:10", description = "MSC:T ratio. Default: ${DEFAULT-VALUE}.")
        String ratio;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Scenario base = common.base();
            Report r = Assays.blockade(base, Assays.Ratio.parse(ratio), common.options(spec.commandLine().getErr(), "blockade")).report();
            return common.write(spec, "blockade", r, base.name());
        }
    }

    @Command(name = "attribution", mixinStandardHelpOptions = true, abbreviateSynopsis = true,
            header = "For any scenario: how much of the MSC effect each pathway carries (Shapley), with interactions.")
    static final class Attribution implements Callable<Integer> {
        @Mixin
        Common common;
        @Option(names = "--readout", paramLabel = "COLUMN", defaultValue = "t_divisions",
                description = "Final value of this timeseries.csv column is attributed. Default: ${DEFAULT-VALUE}.")
        String readout;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try {
                org.mscsim.model.Observables.index(readout);
            } catch (IllegalArgumentException e) {
                throw new Main.UserError("--readout " + readout + ": no such timeseries.csv column; e.g. t_divisions, mac_m2, plasma, antibody");
            }
            Scenario base = common.base();
            Report r = Assays.attribution(base, readout, common.options(spec.commandLine().getErr(), "attribution")).report();
            return common.write(spec, "attribution", r, base.name());
        }
    }

    @Command(name = "macrophage", mixinStandardHelpOptions = true, abbreviateSynopsis = true,
            header = "M1/M2 polarisation and phagocytosis with and without MSCs and with COX-2 inhibition.")
    static final class MacrophageAssay implements Callable<Integer> {
        @Mixin
        Common common;
        @Option(names = "--ratio", paramLabel = "R", defaultValue = "1:10", description = "MSC:T ratio. Default: ${DEFAULT-VALUE}.")
        String ratio;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Scenario base = common.base();
            Report r = Assays.macrophage(base, Assays.Ratio.parse(ratio), common.options(spec.commandLine().getErr(), "macrophage")).report();
            return common.write(spec, "macrophage", r, base.name());
        }
    }

    @Command(name = "nk", mixinStandardHelpOptions = true, abbreviateSynopsis = true,
            header = "NK cytotoxicity against K562-like targets after culture with and without MSCs.")
    static final class NkAssay implements Callable<Integer> {
        @Mixin
        Common common;
        @Option(names = "--culture-h", paramLabel = "H", defaultValue = "96",
                description = "Hours of NK culture before the 4-h cytotoxicity read-out. Default: ${DEFAULT-VALUE} (ASH 2008).")
        double cultureH;
        @Option(names = "--nk", paramLabel = "N", defaultValue = "2000",
                description = "NK cells in the assay (a quarter with --quick). Default: ${DEFAULT-VALUE}.")
        int nk;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Scenario base = common.base();
            if (!(cultureH > 0 && cultureH <= 10000)) {
                throw new Main.UserError("--culture-h must be a number of hours from 0 to 10000, got " + cultureH);
            }
            if (nk < 10 || nk > 1_000_000) {
                throw new Main.UserError("--nk must be from 10 to 1000000, got " + nk);
            }
            Report r = Assays.nk(base, cultureH, common.quick ? nk / 4 : nk, common.options(spec.commandLine().getErr(), "nk")).report();
            return common.write(spec, "nk", r, base.name());
        }
    }
}
