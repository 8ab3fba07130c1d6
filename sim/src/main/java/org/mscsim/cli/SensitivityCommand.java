package org.mscsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mscsim.sweep.SweepDir;
import org.mscsim.sweep.sensitivity.Sensitivity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "sensitivity", mixinStandardHelpOptions = true,
        header = "PRCC of every sweep output against every varied parameter, with p-values.",
        description = {
            "Partial rank correlation coefficients (Marino et al. 2008, J Theor Biol",
            "254:178) from the sweep directory's results.csv: parameters and output",
            "rank-transformed, the other parameters' effect regressed out, residuals",
            "correlated; p from a t-test with n - 2 - k degrees of freedom. Meant",
            "for Latin-hypercube sweeps (design: lhs). Writes prcc.csv (output,",
            "parameter, prcc, p_value, n) and the heat map prcc.png into DIR."
        })
final class SensitivityCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "Sweep directory with results.csv.")
    Path dir;

    @Option(names = "--parameter", paramLabel = "KEY",
            description = "Analyse only these varied parameters (repeatable). Default: every varied numeric parameter.")
    List<String> parameters = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SweepDir d = SweepDir.open(dir);
        Sensitivity.Analysis a = Sensitivity.analyse(d, parameters);
        Sensitivity.write(d, a);
        PrintWriter o = spec.commandLine().getOut();
        int total = d.manifest().size();
        o.printf(Locale.ROOT, "PRCC of %d outputs against %d parameters, %d runs%s%n", a.outputs().size(), a.parameters().size(), a.runs(),
                a.runs() < total ? " (of " + total + ": the sweep is not complete)" : "");
        int wo = 6;
        int wp = 9;
        for (Sensitivity.Entry e : a.entries()) {
            wo = Math.max(wo, e.output().length());
            wp = Math.max(wp, e.parameter().length());
        }
        String format = "  %-" + wo + "s  %-" + wp + "s  %7s  %9s  %5s%n";
        o.printf(Locale.ROOT, format, "output", "parameter", "PRCC", "p", "n");
        for (Sensitivity.Entry e : a.entries()) {
            o.printf(Locale.ROOT, format, e.output(), e.parameter(), Double.isNaN(e.prcc()) ? "n/a" : String.format(Locale.ROOT, "%+.3f", e.prcc()),
                    p(e.pValue()), e.n());
        }
        for (String note : a.notes()) {
            o.println("note: " + note);
        }
        o.println("Wrote " + d.root().resolve(Sensitivity.CSV) + ", " + d.root().resolve(Sensitivity.CHART));
        o.flush();
        return 0;
    }

    private static String p(double p) {
        if (Double.isNaN(p)) {
            return "n/a";
        }
        return p < 1e-4 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.4f", p);
    }
}
