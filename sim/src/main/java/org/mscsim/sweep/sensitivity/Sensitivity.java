package org.mscsim.sweep.sensitivity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mscsim.output.AtomicFiles;
import org.mscsim.output.Num;
import org.mscsim.scenario.Param;
import org.mscsim.scenario.Parameters;
import org.mscsim.scenario.ScenarioException;
import org.mscsim.sweep.Csv;
import org.mscsim.sweep.Manifest;
import org.mscsim.sweep.Output;
import org.mscsim.sweep.Sweep;
import org.mscsim.sweep.SweepDir;

/**
 * PRCC of every output of a sweep against every varied numeric parameter, from the sweep
 * directory's {@code results.csv}; writes {@code prcc.csv} (output, parameter, prcc, p_value, n)
 * and {@code prcc.png}. Runs where an output has no value (a threshold never reached) are left out
 * for that output only, so {@code n} can differ between outputs.
 */
public final class Sensitivity {

    public static final String CSV = "prcc.csv";
    public static final String CHART = "prcc.png";

    /** One coefficient of the analysis. */
    public record Entry(String output, String parameter, double prcc, double pValue, int n) {
    }

    /** The analysis: coefficients in output-then-parameter order, and notes worth printing. */
    public record Analysis(List<String> outputs, List<String> parameters, List<Entry> entries, int runs, List<String> notes) {
    }

    private Sensitivity() {
    }

    /**
     * @param chosen parameters to analyse (dotted keys); empty for every varied numeric parameter
     */
    public static Analysis analyse(SweepDir dir, List<String> chosen) throws IOException, ScenarioException {
        Manifest m = dir.manifest();
        Path results = dir.results();
        if (!Files.isRegularFile(results)) {
            throw new ScenarioException(dir.root() + " has no " + SweepDir.RESULTS + " yet; run the sweep first (./mscsim sweep "
                    + dir.root() + ")");
        }
        List<String> notes = new ArrayList<>();
        List<String> params = parameters(m, chosen, notes);
        List<String> lines = Files.readAllLines(results);
        List<String> header = Csv.split(lines.get(0));
        List<List<String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            rows.add(Csv.split(line));
        }
        int runs = rows.size();
        if (runs < params.size() + 3) {
            throw new ScenarioException(results + ": PRCC of " + params.size() + " parameters needs at least " + (params.size() + 3)
                    + " completed runs, there are " + runs + (runs < m.size() ? " of " + m.size() + " (see ./mscsim sweep-status " + dir.root() + ")" : ""));
        }
        double[][] x = new double[runs][params.size()];
        for (int j = 0; j < params.size(); j++) {
            int c = column(header, params.get(j), results);
            double first = Double.NaN;
            boolean varies = false;
            for (int i = 0; i < runs; i++) {
                x[i][j] = value(rows.get(i).get(c));
                first = i == 0 ? x[i][j] : first;
                varies |= x[i][j] != first;
            }
            if (!varies) {
                throw new ScenarioException(results + ": " + params.get(j) + " does not vary in the " + runs
                        + " completed runs; PRCC needs every parameter it controls for to vary (choose others with --parameter)");
            }
        }
        if (m.design() == Sweep.Design.GRID) {
            notes.add("this is a grid sweep; PRCC is meant for sampled designs (design: lhs), where every run has its own value of every"
                    + " parameter. On a grid, read the coefficients as a rough ranking of influence.");
        }
        List<Entry> entries = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        for (Output o : m.outputs()) {
            outputs.add(o.name());
            int c = column(header, o.name(), results);
            List<double[]> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                double y = Csv.number(rows.get(i).get(c));
                if (Double.isFinite(y)) {
                    xs.add(x[i]);
                    ys.add(y);
                }
            }
            int n = ys.size();
            if (n < params.size() + 3) {
                notes.add(o.name() + ": only " + n + " runs have a value, too few for PRCC");
                for (String p : params) {
                    entries.add(new Entry(o.name(), p, Double.NaN, Double.NaN, n));
                }
                continue;
            }
            double[] y = ys.stream().mapToDouble(Double::doubleValue).toArray();
            boolean constant = java.util.Arrays.stream(y).distinct().count() == 1;
            if (constant) {
                notes.add(o.name() + " is the same in every run, so it correlates with nothing");
            }
            Prcc.Coefficient[] r;
            try {
                r = Prcc.of(xs.toArray(new double[0][]), y);
            } catch (IllegalArgumentException e) {
                throw new ScenarioException(results + ": " + e.getMessage() + "; analyse fewer parameters with --parameter");
            }
            List<String> undefined = new ArrayList<>();
            for (int j = 0; j < params.size(); j++) {
                entries.add(new Entry(o.name(), params.get(j), r[j].prcc(), r[j].pValue(), n));
                if (Double.isNaN(r[j].prcc())) {
                    undefined.add(params.get(j));
                }
            }
            if (!undefined.isEmpty() && !constant) {
                notes.add(o.name() + ": PRCC undefined for " + String.join(", ", undefined) + " (once the other parameters are"
                        + " accounted for, the output's ranks do not vary: it is an exact monotone function of them)");
            }
        }
        return new Analysis(outputs, params, entries, runs, notes);
    }

    /** Writes prcc.csv and prcc.png into the sweep directory. */
    public static void write(SweepDir dir, Analysis a) throws IOException {
        StringBuilder b = new StringBuilder("output,parameter,prcc,p_value,n\n");
        for (Entry e : a.entries()) {
            b.append(Csv.field(e.output())).append(',').append(Csv.field(e.parameter())).append(',').append(Num.format(e.prcc()))
                    .append(',').append(Num.format(e.pValue())).append(',').append(e.n()).append('\n');
        }
        AtomicFiles.write(dir.root().resolve(CSV), b.toString());
        PrccChart.write(dir.root().resolve(CHART), dir.manifest().name(), a);
    }

    private static List<String> parameters(Manifest m, List<String> chosen, List<String> notes) throws ScenarioException {
        List<String> out = new ArrayList<>();
        for (String key : chosen) {
            if (!m.parameters().contains(key)) {
                throw new ScenarioException("--parameter " + key + ": not a varied parameter of this sweep; it varies "
                        + String.join(", ", m.parameters()));
            }
        }
        for (String key : m.parameters()) {
            if (!chosen.isEmpty() && !chosen.contains(key)) {
                continue;
            }
            Param.Type t = Parameters.get().param(key).type();
            if (t == Param.Type.INT || t == Param.Type.LONG || t == Param.Type.REAL || t == Param.Type.BOOL) {
                out.add(key);
            } else {
                notes.add(key + " is not numeric (" + t.name().toLowerCase(java.util.Locale.ROOT) + "); left out of PRCC");
            }
        }
        if (out.isEmpty()) {
            throw new ScenarioException("the sweep varies no numeric parameter, so there is nothing to correlate");
        }
        return out;
    }

    private static int column(List<String> header, String name, Path file) throws ScenarioException {
        int c = header.indexOf(name);
        if (c < 0) {
            throw new ScenarioException(file + " has no column " + name + "; rebuild it with ./mscsim sweep " + file.getParent());
        }
        return c;
    }

    private static double value(String cell) {
        if (cell.equals("true") || cell.equals("false")) {
            return cell.equals("true") ? 1 : 0;
        }
        return Csv.number(cell);
    }
}
