package org.mscsim.viz.charts;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * What one chart line plots, computed from a row of the model's observables by column name:
 * a column, a sum of columns, a ratio or a percentage. Charts subscribe to these numbers and
 * never reach into the agents.
 */
public interface Measure {

    /** The observable columns it needs; a line whose columns a model lacks is left out. */
    List<String> columns();

    /** Binds the column names to positions in a row. */
    ToDoubleFunction<double[]> bind(Columns columns);

    static Measure column(String name) {
        return new Measure() {
            public List<String> columns() {
                return List.of(name);
            }

            public ToDoubleFunction<double[]> bind(Columns c) {
                int i = c.index(name);
                return row -> row[i];
            }
        };
    }

    static Measure sum(String... names) {
        return new Measure() {
            public List<String> columns() {
                return List.of(names);
            }

            public ToDoubleFunction<double[]> bind(Columns c) {
                int[] idx = c.indices(names);
                return row -> {
                    double s = 0;
                    for (int i : idx) {
                        s += row[i];
                    }
                    return s;
                };
            }
        };
    }

    /** {@code numerator / denominator}; undefined (a gap in the line) while the denominator is 0. */
    static Measure ratio(String numerator, String denominator) {
        return new Measure() {
            public List<String> columns() {
                return List.of(numerator, denominator);
            }

            public ToDoubleFunction<double[]> bind(Columns c) {
                int n = c.index(numerator);
                int d = c.index(denominator);
                return row -> row[d] == 0 ? Double.NaN : row[n] / row[d];
            }
        };
    }

    /** {@code 100 × part / (sum of whole)}; undefined while the whole is 0. */
    static Measure percent(String part, String... whole) {
        return percent(List.of(part), List.of(whole));
    }

    /** {@code 100 × (sum of parts) / (sum of whole)}; undefined while the whole is 0. */
    static Measure percent(List<String> parts, List<String> whole) {
        return new Measure() {
            public List<String> columns() {
                List<String> all = new java.util.ArrayList<>(parts);
                all.addAll(whole);
                return List.copyOf(all);
            }

            public ToDoubleFunction<double[]> bind(Columns c) {
                int[] p = c.indices(parts.toArray(String[]::new));
                int[] w = c.indices(whole.toArray(String[]::new));
                return row -> {
                    double num = 0;
                    double den = 0;
                    for (int i : p) {
                        num += row[i];
                    }
                    for (int i : w) {
                        den += row[i];
                    }
                    return den == 0 ? Double.NaN : 100.0 * num / den;
                };
            }
        };
    }
}
